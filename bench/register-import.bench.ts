/**
 * Issue 12: a register extract of 1,000,000 citizens × 260 weeks (wide layout, synthetic,
 * bench/generate-register-extract.ts) imported through the use case, against the floor measured in the
 * same run on the same database: PostgreSQL's own COPY of the raw file into a one-column table. Reports
 * the ratio, the progress and the peak memory of the process (the parser threads included); then a
 * corrupt line near the end must leave the database as it was.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench register   # server, private schema
 *   BENCH_REGISTER_CITIZENS=100000 npm run bench register                               # embedded PGlite
 *   BENCH_REGISTER_CITIZENS=2000 npm run bench register                                 # smoke run
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Database } from '../src/db/database.ts';
import { openTestDatabase } from '../src/db/test-database.ts';
import { importRegisterStatuses } from '../src/use-cases/import-register-statuses.ts';
import { defaultParserThreads, readHeaderAndChunks } from '../src/use-cases/register-extract-threads.ts';
import type { UseCaseContext } from '../src/use-cases/use-case-context.ts';
import { generateRegisterExtract, syntheticBirthDateSql, syntheticCprSql } from './generate-register-extract.ts';
import type { BenchRow } from './run-benchmarks.ts';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const mb = (bytes: number | null) => (bytes === null ? 'not sampled' : `${(bytes / 1e6).toFixed(0)} MB`);
const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** The first `count` data lines of the file (after the header), as a stream; `corruptLine` replaces one line. */
async function* linesOf(file: string, options: { count?: number; corruptLine?: number } = {}): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let chunk: string[] = [];
  let line = 0;
  for await (const text of reader) {
    line += 1;
    if (options.count !== undefined && line > options.count + 1) break;
    chunk.push(line === options.corruptLine ? text.replace(/;[^;]*$/, ';9x9') : text);
    if (chunk.length === 1000) {
      yield `${chunk.join('\n')}\n`;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
  reader.close();
}

/** The floor: COPY of the file's lines, as they are, into a one-column table (a COPY per chunk on PGlite). */
async function rawCopy(db: Database, file: string): Promise<number> {
  await db.exec('drop table if exists bench_raw_extract; create table bench_raw_extract (line text)');
  const start = process.hrtime.bigint();
  const { chunks } = await readHeaderAndChunks(createReadStream(file), 4 * 1024 * 1024);
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks) yield chunk.bytes;
  }
  await db.copyRows('bench_raw_extract', ['line'], bytes());
  const took = seconds(start);
  await db.exec('drop table bench_raw_extract');
  return took;
}

async function tableCounts(db: Database): Promise<string> {
  const [row] = await db.query<Record<string, number>>(
    `select (select count(*) from register_status_spells) as spells, (select count(*) from imports) as imports,
            (select count(*) from audit_log) as audit, (select count(*) from citizens) as citizens`,
  );
  return JSON.stringify(row);
}

export async function run(): Promise<BenchRow[]> {
  const citizens = Number(process.env.BENCH_REGISTER_CITIZENS ?? 1_000_000);
  const weekCount = Number(process.env.BENCH_REGISTER_WEEKS ?? 260);
  const dir = mkdtempSync(join(tmpdir(), 'mentorspor-register-bench-'));
  const file = join(dir, 'extract-wide.csv');
  const db = await openTestDatabase();
  try {
    console.log(
      `engine: ${db.engine === 'postgres' ? 'PostgreSQL server (private schema, dropped afterwards)' : 'embedded PGlite (in memory)'}`,
    );
    let start = process.hrtime.bigint();
    const generated = await generateRegisterExtract({ citizens, weeks: weekCount, layout: 'wide', out: file });
    console.log(
      `generated ${fmt(citizens)} citizens × ${weekCount} weeks (wide): ${fmt(generated.lines)} lines, ${mb(statSync(file).size)} in ${seconds(start).toFixed(1)} s (${file})`,
    );

    start = process.hrtime.bigint();
    const [municipality] = await db.query<{ id: number }>(
      `insert into municipalities (code, name, settings) values ('bench', 'Bench Kommune', '{}') returning id`,
    );
    const [user] = await db.query<{ id: number }>(
      `insert into users (municipality_id, username, name, role, password_hash) values ($1, 'bench-admin', 'Bench', 'admin', 'x') returning id`,
      [municipality!.id],
    );
    await db.query(
      `insert into citizens (municipality_id, cpr, birth_date, name)
       select $1, ${syntheticCprSql('i')}, ${syntheticBirthDateSql('i')}, 'Borger ' || i from generate_series(0, $2::int - 1) i`,
      [municipality!.id, citizens],
    );
    console.log(`created ${fmt(citizens)} citizens (set-based SQL) in ${seconds(start).toFixed(1)} s`);
    const ctx: UseCaseContext = {
      db,
      purpose: 'benchmark',
      now: () => new Date(),
      actor: {
        userId: user!.id,
        username: 'bench-admin',
        name: 'Bench',
        role: 'admin',
        municipalityId: municipality!.id,
        municipalityName: 'Bench Kommune',
        mentorId: null,
      },
    };

    const floorSeconds = await rawCopy(db, file);
    console.log(`floor: COPY of the raw file into a one-column table: ${floorSeconds.toFixed(1)} s`);

    // The import, with a progress line and RSS sampled every 200 ms.
    const samples: { lines: number; rss: number }[] = [];
    let lines = 0;
    const timer = setInterval(() => samples.push({ lines, rss: process.memoryUsage().rss }), 200);
    const rssBefore = process.memoryUsage().rss;
    start = process.hrtime.bigint();
    let phaseTimes = '';
    let readSeconds = 0;
    const result = await importRegisterStatuses(ctx, {
      source: createReadStream(file),
      layout: 'wide',
      mapping: 'dst',
      sizeBytes: statSync(file).size,
      onProgress: (n, progress) => {
        lines = n;
        if (progress.phase === 'merging') {
          readSeconds = seconds(start);
          phaseTimes = `read + stage ${readSeconds.toFixed(1)} s`;
        }
        if (process.stderr.isTTY || n % 100_000 === 0 || progress.phase !== 'reading') {
          process.stderr.write(
            `\r  import: ${((100 * n) / generated.lines).toFixed(0).padStart(3)} % ${fmt(n)} lines, ${fmt(progress.stagedSpells)} spells staged, ${progress.phase}, RSS ${mb(process.memoryUsage().rss)}   ${process.stderr.isTTY ? '' : '\n'}`,
          );
        }
      },
    });
    const total = seconds(start);
    clearInterval(timer);
    process.stderr.write('\n');
    const reading = samples.filter((s) => s.lines > 0 && s.lines < generated.lines);
    // A small smoke run may read the whole file between two samples: then the point is "not sampled".
    const rssAt = (share: number) => reading.find((s) => s.lines >= share * generated.lines)?.rss ?? null;
    const peak = Math.max(rssBefore, ...samples.map((s) => s.rss));
    console.log(
      `import ${fmt(result.lines)} lines (${fmt(result.weeks)} non-empty weeks) → ${fmt(result.stagedSpells)} staged → ${fmt(result.spells)} spells for ${fmt(result.citizens)} citizens (${result.unknownCitizens} unknown)`,
    );
    console.log(
      `import time ${total.toFixed(1)} s (${phaseTimes}, merge + insert ${(total - readSeconds).toFixed(1)} s): ${fmt(result.lines / total)} lines/s, ${fmt(result.weeks / total)} weeks/s`,
    );
    console.log(
      `memory: RSS before ${mb(rssBefore)}, at 10/50/90 % of the file ${mb(rssAt(0.1))} / ${mb(rssAt(0.5))} / ${mb(rssAt(0.9))}, peak ${mb(peak)} (${samples.length} samples)`,
    );
    console.log(
      `ratio: import / raw COPY ${(total / floorSeconds).toFixed(2)}× (goal ≤ 3×), ${defaultParserThreads()} parser threads, peak RSS ${mb(peak)} (goal ≤ 500 MB)`,
    );
    const rows: BenchRow[] = [
      {
        benchmark: `register import, ${fmt(citizens)} citizens × ${weekCount} weeks (wide, ${mb(statSync(file).size)})`,
        floor: 'COPY of the raw file into a one-column table',
        floorSeconds,
        seconds: total,
        peakRssBytes: peak,
      },
    ];

    // A corrupt line near the end: all or nothing.
    const before = await tableCounts(db);
    const corruptLine = generated.lines - 10;
    start = process.hrtime.bigint();
    const failure = await importRegisterStatuses(ctx, {
      source: Readable.from(linesOf(file, { corruptLine })),
      layout: 'wide',
      mapping: 'dst',
      sizeBytes: statSync(file).size,
    }).catch((error: unknown) => error as { code?: string; details?: { errors?: { line: number; message: string }[] } });
    const after = await tableCounts(db);
    const reported = (failure as { details?: { errors?: { line: number; message: string }[] } }).details?.errors?.[0];
    console.log(
      `corrupt line ${fmt(corruptLine)} of ${fmt(generated.lines)}: ${(failure as { code?: string }).code ?? 'NO ERROR'} at line ${reported?.line} (${reported?.message}) after ${seconds(start).toFixed(1)} s`,
    );
    console.log(
      `rows before ${before}, after ${after}: ${before === after && reported?.line === corruptLine ? 'unchanged ✓' : 'CHANGED ✗'}`,
    );
    if (before !== after || reported?.line !== corruptLine) process.exitCode = 1;
    return rows;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
