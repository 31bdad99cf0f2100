/**
 * Issue 12: the effect CLI (`mentorspor effect`) at 1,000,000 units with categorical covariates, end to
 * end as an analyst runs it (a process: read the CSV, fit, match with replacement, balance, standard
 * error, report), against R on the same file in the same run (bench/effect-baseline.R: read.csv,
 * glm(binomial), nearest neighbour with replacement by findInterval, weighted lm) when `Rscript` is
 * installed (Debian's r-base-core). The data are simulated with a known effect of +5 percentage points.
 *
 *   npm run bench effect-cli            BENCH_CLI_UNITS=100000 npm run bench effect-cli
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/analytics/seeded-random.ts';
import type { BenchRow } from './run-benchmarks.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** Treatment depends on age, prior weeks, region and education; employment on the same, +0.05 if treated. */
export async function writeData(file: string, n: number): Promise<void> {
  const random = seededRandom(2026);
  const out = createWriteStream(file);
  out.write('id,treated,employed,age,female,region,educ,prior_weeks,x1,x2,x3\n');
  let lines: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const age = 20 + Math.floor(40 * random.next());
    const female = random.next() < 0.5 ? 1 : 0;
    const region = 1 + random.int(5);
    const educ = 1 + random.int(4);
    const prior = Math.round(Math.min(156, Math.max(0, 60 + 40 * random.normal())));
    const x = [random.normal(), random.normal(), random.normal()];
    const logit = -2.5 + 0.03 * (age - 40) + 0.015 * (prior - 60) + [0, 0.4, -0.3, 0.2, 0.6][region - 1]! + 0.2 * (educ - 2) + 0.2 * x[0]!;
    const treated = random.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    const p = Math.min(
      0.95,
      Math.max(0.02, 0.45 - 0.004 * (prior - 60) + 0.03 * (educ - 2) - 0.05 * (region === 3 ? 1 : 0) + 0.05 * treated),
    );
    const employed = random.next() < p ? 1 : 0;
    lines.push(`${i + 1},${treated},${employed},${age},${female},${region},${educ},${prior},${x.map((v) => v.toFixed(4)).join(',')}`);
    if (lines.length === 10_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      lines = [];
    }
  }
  if (lines.length > 0) out.write(`${lines.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}

function timed(command: string, args: string[]): { seconds: number; stdout: string; status: number | null; stderr: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout: result.stdout, status: result.status, stderr: result.stderr };
}

export async function run(): Promise<BenchRow[]> {
  const n = Number(process.env.BENCH_CLI_UNITS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'mentorspor-effect-cli-'));
  const file = join(dir, 'extract.csv');
  try {
    await writeData(file, n);
    console.log(`generated ${n.toLocaleString('en')} units, ${(statSync(file).size / 1e6).toFixed(0)} MB (${file})`);
    const cli = timed(process.execPath, [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'effect',
      '--data',
      file,
      '--treatment',
      'treated',
      '--outcome',
      'employed',
      '--covariates',
      'age,age^2,female,region,educ,prior_weeks,x1,x2,x3',
      '--categorical',
      'region,educ',
      '--replace',
      '--json',
    ]);
    if (cli.status !== 0) throw new Error(`the CLI failed: ${cli.stderr}`);
    const estimate = JSON.parse(cli.stdout) as { estimate: number; confidenceInterval: [number, number] };
    console.log(
      `mentorspor effect: ${cli.seconds.toFixed(1)} s, ATT ${estimate.estimate.toFixed(4)} [${estimate.confidenceInterval.map((v) => v.toFixed(4)).join(', ')}] (true +0.05)`,
    );
    const rscript = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
    if (rscript.status !== 0) {
      console.log('Rscript not installed (apt-get install -y r-base-core): no baseline in this run');
      return [];
    }
    const r = timed('Rscript', [join(here, 'effect-baseline.R'), file]);
    if (r.status !== 0) throw new Error(`R failed: ${r.stderr}`);
    console.log(
      `${r.stdout.trim()} in ${r.seconds.toFixed(1)} s; ratio mentorspor / R ${(cli.seconds / r.seconds).toFixed(2)}× (goal ≤ 0.5×)`,
    );
    return [
      {
        benchmark: `effect CLI, ${n.toLocaleString('en')} units, 9 terms (2 categorical), matching with replacement`,
        floor: 'R: read.csv, glm, findInterval matching, weighted lm (bench/effect-baseline.R)',
        floorSeconds: r.seconds,
        seconds: cli.seconds,
        peakRssBytes: null,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
