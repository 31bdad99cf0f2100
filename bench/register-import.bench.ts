/**
 * Issue 5 "Done when": a register extract of 1,000,000 citizens × 260 weeks (wide layout, synthetic,
 * bench/generate-register-extract.ts) imported through the use case with a progress line, flat memory
 * and the time reported; a corrupt line near the end leaves the database as it was.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench register   # server, private schema
 *   BENCH_REGISTER_CITIZENS=100000 npm run bench register                               # embedded PGlite
 *   BENCH_REGISTER_CITIZENS=2000 npm run bench register                                 # smoke run
 *
 * Baselines measured in the same process: (a) reading and parsing the file into spells without a
 * database (the floor for any import), (b) the previous import (one staging row per week, 2,000-row
 * inserts, gaps and islands on weeks) on a subsample, scaled up linearly, and (c) the staging by
 * multi-row insert from unnest on the same subsample against COPY. Subsample runs are rolled back.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Database } from '../src/db/database.ts';
import { openTestDatabase } from '../src/db/test-database.ts';
import { dstMapping } from '../src/domain/outcome-categories.ts';
import { parseCpr } from '../src/domain/cpr.ts';
import { compressWideLine } from '../src/domain/register-spells.ts';
import { parseIsoWeek } from '../src/domain/register-week.ts';
import { importRegisterStatuses } from '../src/use-cases/import-register-statuses.ts';
import type { UseCaseContext } from '../src/use-cases/use-case-context.ts';
import { generateRegisterExtract, syntheticBirthDateSql, syntheticCprSql } from './generate-register-extract.ts';

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

/** Baseline (a): read, split and compress every line, no database. */
async function parseOnly(file: string): Promise<{ seconds: number; spells: number }> {
  const start = process.hrtime.bigint();
  const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let weeks = new Int32Array(0);
  let spells = 0;
  const categoryOf = (code: string) => dstMapping[code];
  for await (const line of reader) {
    const fields = line.split(';');
    if (weeks.length === 0) {
      weeks = Int32Array.from(fields.slice(1).map((w) => parseIsoWeek(w)!));
      continue;
    }
    parseCpr(fields[0]!);
    const result = compressWideLine({ weeks, codes: fields, firstCode: 1, categoryOf, mappingName: 'dst' });
    if (result.ok) spells += result.spells.length;
  }
  return { seconds: seconds(start), spells };
}

/** Baseline (b): the previous import's approach — one staging row per week — on the first `count` lines; rolled back. */
async function perWeekStaging(db: Database, municipalityId: number, file: string, count: number): Promise<number> {
  const start = process.hrtime.bigint();
  await db
    .transaction(async (tx) => {
      await tx.exec('create temp table register_week_staging (cpr text, week integer, category text, code text) on commit drop');
      let weeks: number[] = [];
      let batch: { cpr: string; week: number; category: string; code: string }[] = [];
      const flush = async () => {
        await tx.query('insert into register_week_staging select * from unnest($1::text[], $2::int[], $3::text[], $4::text[])', [
          batch.map((r) => r.cpr),
          batch.map((r) => r.week),
          batch.map((r) => r.category),
          batch.map((r) => r.code),
        ]);
        batch = [];
      };
      for await (const chunk of linesOf(file, { count })) {
        for (const line of chunk.split('\n')) {
          if (line === '') continue;
          const fields = line.split(';');
          if (weeks.length === 0) {
            weeks = fields.slice(1).map((w) => parseIsoWeek(w)!);
            continue;
          }
          for (let j = 1; j < fields.length; j += 1)
            if (fields[j] !== '') batch.push({ cpr: fields[0]!, week: weeks[j - 1]!, category: dstMapping[fields[j]!]!, code: fields[j]! });
          if (batch.length >= 2000) await flush();
        }
      }
      if (batch.length > 0) await flush();
      await tx.query(
        `insert into register_status_spells (municipality_id, citizen_id, category, source_code, from_week, to_week)
         select $1, c.id, s.category, min(s.code), min(s.week), max(s.week)
         from (select cpr, category, code, week, week - dense_rank() over (partition by cpr, category order by week) as island
               from (select distinct cpr, category, code, week from register_week_staging) d) s
         join citizens c on c.cpr = s.cpr and c.municipality_id = $1
         group by c.id, s.category, s.island`,
        [municipalityId],
      );
      throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  return seconds(start);
}

class RollBack extends Error {}

/** The use case on the first `count` lines with the given staging, rolled back. */
async function subsampleImport(ctx: UseCaseContext, file: string, count: number, staging: 'copy' | 'unnest'): Promise<number> {
  const start = process.hrtime.bigint();
  await ctx.db
    .transaction(async (tx) => {
      await importRegisterStatuses(
        { ...ctx, db: tx },
        { source: Readable.from(linesOf(file, { count })), layout: 'wide', mapping: 'dst', staging },
      );
      throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  return seconds(start);
}

async function tableCounts(db: Database): Promise<string> {
  const [row] = await db.query<Record<string, number>>(
    `select (select count(*) from register_status_spells) as spells, (select count(*) from imports) as imports,
            (select count(*) from audit_log) as audit, (select count(*) from citizens) as citizens`,
  );
  return JSON.stringify(row);
}

export async function run(): Promise<void> {
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

    const parsed = await parseOnly(file);
    console.log(
      `baseline (a) read + parse + compress, no database: ${parsed.seconds.toFixed(1)} s (${fmt(generated.lines / parsed.seconds)} lines/s, ${fmt(parsed.spells)} spells)`,
    );

    const sample = Math.min(citizens, Number(process.env.BENCH_REGISTER_SAMPLE ?? 20_000));
    const oldSeconds = await perWeekStaging(db, municipality!.id, file, sample);
    const unnestSeconds = await subsampleImport(ctx, file, sample, 'unnest');
    const copySeconds = await subsampleImport(ctx, file, sample, 'copy');
    const scale = citizens / sample;
    console.log(
      `baseline (b) previous import, one staging row per week, on ${fmt(sample)} citizens: ${oldSeconds.toFixed(2)} s, scaled to ${fmt(citizens)}: ${fmt(oldSeconds * scale)} s`,
    );
    console.log(
      `staging on the same ${fmt(sample)} citizens: COPY ${copySeconds.toFixed(2)} s, insert … select from unnest ${unnestSeconds.toFixed(2)} s`,
    );

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
      `ratio: import / parse-only ${(total / parsed.seconds).toFixed(2)}×; previous per-week import (scaled) / import ${((oldSeconds * scale) / total).toFixed(1)}×`,
    );

    // A corrupt line near the end: all or nothing.
    const before = await tableCounts(db);
    const corruptLine = generated.lines - 10;
    start = process.hrtime.bigint();
    const failure = await importRegisterStatuses(ctx, {
      source: Readable.from(linesOf(file, { corruptLine })),
      layout: 'wide',
      mapping: 'dst',
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
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
