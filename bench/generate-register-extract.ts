/**
 * Synthetic register extract for the register-import benchmark (issue 5, "Done when"):
 *   npx tsx bench/generate-register-extract.ts --citizens 1000000 --weeks 260 --layout wide --out FILE [--seed 2026]
 * Writes streaming (flat memory, honouring back-pressure). Each citizen moves between states in
 * multi-week spells — cash benefit (318/319), employment (131/135), education (511/517), sickness benefit
 * (317), unemployment insurance (312), resource/clarification (321), flexjob (351), disability pension
 * (411) — and weeks without public support (empty), using DST socio-economic codes (domain spec §4.5).
 * Citizen i has the CPR `syntheticCpr(i)`; `syntheticCprSql` builds the same CPR in SQL.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/analytics/seeded-random.ts';

/** Born 1940-01-01 + (i mod 18,000) days; serial floor(i / 18,000) (7th digit 0–3: 1900s). Up to 72 M citizens. */
export function syntheticCpr(i: number): string {
  const birth = new Date(Date.UTC(1940, 0, 1) + (i % 18_000) * 86_400_000);
  const dd = String(birth.getUTCDate()).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  return `${dd}${mm}${yy}${String(Math.floor(i / 18_000)).padStart(4, '0')}`;
}

/** The same CPR and birth date in SQL for `i` from generate_series. */
export const syntheticCprSql = (i: string) => `to_char(date '1940-01-01' + (${i} % 18000), 'DDMMYY') || lpad((${i} / 18000)::text, 4, '0')`;
export const syntheticBirthDateSql = (i: string) => `date '1940-01-01' + (${i} % 18000)`;

/** ISO week labels `2015-W01`, … for `count` consecutive weeks from the ISO week of `firstMonday`. */
export function isoWeekLabels(firstMonday: string, count: number): string[] {
  const labels: string[] = [];
  let monday = Date.parse(`${firstMonday}T00:00:00Z`);
  for (let k = 0; k < count; k += 1, monday += 7 * 86_400_000) {
    const thursday = new Date(monday + 3 * 86_400_000);
    const year = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
    labels.push(`${year}-W${String(week).padStart(2, '0')}`);
  }
  return labels;
}

type State = { codes: string[]; meanWeeks: number; next: [number, number][] };
// Index: 0 none, 1 cash, 2 employment, 3 education, 4 sickness, 5 unemployment insurance, 6 resource, 7 flexjob, 8 disability.
const states: State[] = [
  {
    codes: [''],
    meanWeeks: 10,
    next: [
      [1, 3],
      [2, 4],
      [3, 2],
      [5, 1],
    ],
  },
  {
    codes: ['318', '319'],
    meanWeeks: 30,
    next: [
      [0, 2],
      [2, 3],
      [3, 2],
      [4, 2],
      [6, 1],
    ],
  },
  {
    codes: ['131', '135'],
    meanWeeks: 40,
    next: [
      [0, 2],
      [1, 2],
      [4, 1],
      [5, 3],
    ],
  },
  {
    codes: ['511', '517'],
    meanWeeks: 35,
    next: [
      [0, 2],
      [1, 2],
      [2, 4],
    ],
  },
  {
    codes: ['317'],
    meanWeeks: 12,
    next: [
      [1, 3],
      [2, 3],
      [6, 1],
    ],
  },
  {
    codes: ['312'],
    meanWeeks: 15,
    next: [
      [1, 2],
      [2, 5],
    ],
  },
  {
    codes: ['321', '322'],
    meanWeeks: 50,
    next: [
      [1, 2],
      [7, 2],
      [8, 1],
    ],
  },
  {
    codes: ['351'],
    meanWeeks: 80,
    next: [
      [6, 1],
      [8, 1],
    ],
  },
  { codes: ['411'], meanWeeks: 1000, next: [[8, 1]] },
];

function pick(next: [number, number][], u: number): number {
  const total = next.reduce((s, [, w]) => s + w, 0);
  let x = u * total;
  for (const [state, weight] of next) if ((x -= weight) < 0) return state;
  return next[next.length - 1]![0];
}

/** One citizen's codes, week by week. */
function citizenWeeks(random: () => number, weeks: number, out: string[]): void {
  let state = Math.floor(random() * 4);
  let k = 0;
  while (k < weeks) {
    const s = states[state]!;
    const length = Math.max(1, Math.round(-Math.log(1 - random()) * s.meanWeeks));
    let code = s.codes[Math.floor(random() * s.codes.length)]!;
    for (let j = 0; j < length && k < weeks; j += 1, k += 1) {
      // Now and then the code changes within the same category (e.g. 318 ↔ 319).
      if (s.codes.length > 1 && random() < 0.01) code = s.codes[Math.floor(random() * s.codes.length)]!;
      out[k] = code;
    }
    state = pick(s.next, random());
  }
}

export async function generateRegisterExtract(options: {
  citizens: number;
  weeks: number;
  layout: 'wide' | 'long';
  out: string;
  seed?: number;
  separator?: string;
}): Promise<{ lines: number; bytes: number }> {
  const random = seededRandom(options.seed ?? 2026).next;
  const separator = options.separator ?? ';';
  const labels = isoWeekLabels('2014-12-29', options.weeks);
  const stream = createWriteStream(options.out);
  let buffer = '';
  let lines = 0;
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length >= 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  };
  await write(options.layout === 'wide' ? `cpr${separator}${labels.join(separator)}\n` : `cpr${separator}week${separator}code\n`);
  lines += 1;
  const codes: string[] = new Array(options.weeks);
  for (let i = 0; i < options.citizens; i += 1) {
    citizenWeeks(random, options.weeks, codes);
    const cpr = syntheticCpr(i);
    if (options.layout === 'wide') {
      await write(`${cpr}${separator}${codes.join(separator)}\n`);
      lines += 1;
    } else {
      for (let k = 0; k < options.weeks; k += 1) await write(`${cpr}${separator}${labels[k]}${separator}${codes[k]}\n`);
      lines += options.weeks;
    }
  }
  stream.end(buffer);
  await once(stream, 'finish');
  return { lines, bytes: stream.bytesWritten };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      citizens: { type: 'string' },
      weeks: { type: 'string', default: '260' },
      layout: { type: 'string', default: 'wide' },
      out: { type: 'string' },
      seed: { type: 'string', default: '2026' },
    },
  });
  const citizens = Number(values.citizens);
  const weeks = Number(values.weeks);
  if (
    !Number.isInteger(citizens) ||
    citizens < 1 ||
    !Number.isInteger(weeks) ||
    weeks < 1 ||
    (values.layout !== 'wide' && values.layout !== 'long') ||
    !values.out
  ) {
    process.stderr.write(
      'INVALID_INPUT: usage: generate-register-extract.ts --citizens N --weeks W --layout wide|long --out FILE [--seed S]\n',
    );
    process.exit(2);
  }
  const started = Date.now();
  const result = await generateRegisterExtract({ citizens, weeks, layout: values.layout, out: values.out, seed: Number(values.seed) });
  process.stdout.write(
    `wrote ${result.lines.toLocaleString('en')} lines, ${(result.bytes / 1e6).toFixed(0)} MB to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
