/**
 * Issue 14: does a register import on the embedded database keep other users' requests answered?
 * Imports a synthetic wide extract (bench/generate-register-extract.ts) through the use case, as the
 * API's job does (tenant context), while a caseworker's worklist is asked for again and again; prints
 * the worklist's latencies during the import (no threshold: a measurement).
 *
 *   npx tsx bench/import-concurrency.ts                        # 50,000 citizens × 260 weeks (~50 MB), PGlite
 *   BENCH_REGISTER_CITIZENS=100000 npx tsx bench/import-concurrency.ts
 *
 * `analysis` instead: the in-app effect analysis's loading of the risk set (the part on the database)
 * in a synthetic municipality (bench/effect-analysis-in-app.bench.ts) with the worklist asked the same
 * way; `BENCH_CHUNK_CITIZENS` and `BENCH_IN_FLIGHT` set the chunks (default: the engine's).
 *
 *   BENCH_ANALYSIS_CITIZENS=50000 npx tsx bench/import-concurrency.ts analysis
 *
 * `case-history` instead: a case-history import (src/use-cases/import-case-history.ts) of a synthetic
 * target-group file (4 spells a citizen; `BENCH_HISTORY_LINES`, default 50,000 lines) with the worklist
 * asked the same way.
 *
 *   BENCH_HISTORY_LINES=50000 npx tsx bench/import-concurrency.ts case-history
 */
import { mkdtempSync, rmSync, statSync, createReadStream, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../src/db/database.ts';
import { openTestDatabase } from '../src/db/test-database.ts';
import { getWorklist } from '../src/use-cases/get-worklist.ts';
import { loadRiskSet } from '../src/use-cases/load-risk-set.ts';
import { importCaseHistory } from '../src/use-cases/import-case-history.ts';
import { importRegisterStatuses } from '../src/use-cases/import-register-statuses.ts';
import { tenantContext, type Actor } from '../src/use-cases/use-case-context.ts';
import { generateMunicipality } from './effect-analysis-in-app.bench.ts';
import { generateRegisterExtract, syntheticBirthDateSql, syntheticCprSql } from './generate-register-extract.ts';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** The worklist asked every 100 ms while `work` runs, each timed from when it was due; its latencies. */
async function askWhile(ask: () => Promise<unknown>, work: () => Promise<unknown>): Promise<{ latencies: number[]; workMs: number }> {
  let endedAt: bigint | null = null;
  const latencies: number[] = [];
  const asking = (async () => {
    let due = process.hrtime.bigint();
    while (endedAt === null || due <= endedAt) {
      await ask();
      latencies.push(ms(due));
      due = process.hrtime.bigint() + 100_000_000n;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const start = process.hrtime.bigint();
  await work();
  endedAt = process.hrtime.bigint();
  const workMs = ms(start);
  await asking;
  return { latencies: latencies.sort((a, b) => a - b), workMs };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(0) ?? '–';

async function analysis(): Promise<void> {
  const citizens = Number(process.env.BENCH_ANALYSIS_CITIZENS ?? 50_000);
  const db = await openTestDatabase();
  try {
    const [m] = await db.query<{ id: number }>(
      `insert into municipalities (code, name, settings) values ('b', 'Bench', '{}') returning id`,
    );
    await generateMunicipality(db, m!.id, citizens);
    await db.exec('analyze');
    // The other user works in a small municipality of her own (the synthetic one has 10 % of its
    // citizens in ret-og-pligt courses: a worklist there takes seconds by itself).
    const [other] = await db.query<{ id: number }>(
      `insert into municipalities (code, name, settings) values ('o', 'Other', '{}') returning id`,
    );
    const [cw] = await db.query<{ id: number }>(
      `insert into users (municipality_id, username, name, role, password_hash) values ($1, 'cw', 'cw', 'caseworker', 'x') returning id`,
      [other!.id],
    );
    const [manager] = await db.query<{ id: number }>(
      `insert into users (municipality_id, username, name, role, password_hash) values ($1, 'mgr', 'mgr', 'manager', 'x') returning id`,
      [m!.id],
    );
    const actor = {
      userId: cw!.id,
      username: 'cw',
      name: 'cw',
      role: 'caseworker' as const,
      municipalityId: m!.id,
      municipalityName: 'Bench',
      mentorId: null,
    };
    const caseworker = tenantContext(db, { ...actor, municipalityId: other!.id, municipalityName: 'Other' }, 'bench', () => new Date());
    const analyst = tenantContext(
      db,
      { ...actor, userId: manager!.id, username: 'mgr', role: 'manager' as const },
      'bench',
      () => new Date(),
    );
    const options = {
      ...(process.env.BENCH_CHUNK_CITIZENS ? { chunkCitizens: Number(process.env.BENCH_CHUNK_CITIZENS) } : {}),
      ...(process.env.BENCH_IN_FLIGHT ? { inFlight: Number(process.env.BENCH_IN_FLIGHT) } : {}),
    };
    const input = {
      municipalityId: m!.id,
      from: '2015-01-01',
      to: '2015-12-31',
      type: 'RET_OG_PLIGT' as const,
      horizonMonths: 7,
      targetGroups: ['kontanthjaelp_aktivitetsparat', 'uddannelseshjaelp_aktivitetsparat'],
    };
    let n = 0;
    const { latencies, workMs } = await askWhile(
      () => getWorklist(caseworker),
      async () => {
        n = (await loadRiskSet(analyst.db, input, options)).n;
      },
    );
    console.log(
      `engine ${db.engine}; ${citizens} citizens, options ${JSON.stringify(options)}: risk set of ${n} units loaded in ${(workMs / 1000).toFixed(1)} s; ` +
        `worklist answered ${latencies.length} times during it: median ${quantile(latencies, 0.5)} ms, p90 ${quantile(latencies, 0.9)} ms, max ${quantile(latencies, 1)} ms`,
    );
  } finally {
    await db.close();
  }
}

/** The bench's municipality: a coordinator who imports, a caseworker who asks meanwhile, and `citizens` citizens (their CPR numbers). */
async function benchMunicipality(db: Database, citizens: number) {
  const [m] = await db.query<{ id: number }>(`insert into municipalities (code, name, settings) values ('b', 'Bench', '{}') returning id`);
  const user = async (username: string, role: Actor['role']): Promise<Actor> => ({
    userId: (
      await db.query<{ id: number }>(
        `insert into users (municipality_id, username, name, role, password_hash) values ($1, $2, $2, $3, 'x') returning id`,
        [m!.id, username, role],
      )
    )[0]!.id,
    username,
    name: username,
    role,
    municipalityId: m!.id,
    municipalityName: 'Bench',
    mentorId: null,
  });
  const cprs = await db.query<{ cpr: string }>(
    `insert into citizens (municipality_id, cpr, birth_date, name)
     select $1, ${syntheticCprSql('i')}, ${syntheticBirthDateSql('i')}, 'Borger ' || i from generate_series(0, $2::int - 1) i returning cpr`,
    [m!.id, citizens],
  );
  return {
    coordinator: tenantContext(db, await user('coord', 'coordinator'), 'bench', () => new Date()),
    caseworker: tenantContext(db, await user('cw', 'caseworker'), 'bench', () => new Date()),
    cprs: cprs.map((r) => r.cpr),
  };
}

async function caseHistory(): Promise<void> {
  const lines = Number(process.env.BENCH_HISTORY_LINES ?? 50_000);
  const citizens = Math.ceil(lines / 4);
  const dir = mkdtempSync(join(tmpdir(), 'mentorspor-import-concurrency-'));
  const file = join(dir, 'target-groups.csv');
  const db = await openTestDatabase();
  try {
    // The citizens file is in already; the target-group file names them (the import's column format, as in its tests).
    const { coordinator, caseworker, cprs } = await benchMunicipality(db, citizens);
    const rows = cprs.flatMap((cpr) =>
      [2014, 2015, 2016, 2017].map((year) => `${cpr};kontanthjaelp_aktivitetsparat;${year}-01-01;${year}-12-31;TG-${cpr}-${year}`),
    );
    writeFileSync(file, `cpr;targetGroup;fromDate;toDate;externalId\n${rows.slice(0, lines).join('\n')}\n`);
    const idle = process.hrtime.bigint();
    await getWorklist(caseworker);
    console.log(
      `engine ${db.engine}; target-group file of ${lines} lines (${citizens} citizens); worklist alone ${ms(idle).toFixed(0)} ms`,
    );
    let created = 0;
    const { latencies, workMs } = await askWhile(
      () => getWorklist(caseworker),
      async () => {
        created = (await importCaseHistory(coordinator, { kind: 'target-groups', source: createReadStream(file) })).created;
      },
    );
    console.log(
      `case-history import ${(workMs / 1000).toFixed(1)} s (${created} spells created); worklist answered ${latencies.length} times during it: ` +
        `median ${quantile(latencies, 0.5)} ms, p90 ${quantile(latencies, 0.9)} ms, max ${quantile(latencies, 1)} ms`,
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const citizens = Number(process.env.BENCH_REGISTER_CITIZENS ?? 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'mentorspor-import-concurrency-'));
  const file = join(dir, 'extract-wide.csv');
  const db = await openTestDatabase();
  try {
    await generateRegisterExtract({ citizens, weeks: 260, layout: 'wide', out: file });
    const size = statSync(file).size;
    const { coordinator, caseworker } = await benchMunicipality(db, citizens);

    let idle = process.hrtime.bigint();
    await getWorklist(caseworker);
    console.log(
      `engine ${db.engine}; extract ${citizens} citizens × 260 weeks, ${(size / 1e6).toFixed(0)} MB; worklist alone ${ms(idle).toFixed(0)} ms`,
    );

    let endedAt: bigint | null = null;
    const latencies: number[] = [];
    const asking = (async () => {
      // Asked every 100 ms, timed from when it was due: PGlite runs each statement on this thread, so a
      // long statement also delays the timer (as it would delay a request's arrival at the server).
      let due = process.hrtime.bigint();
      // A request that fell due before the import ended is asked even if it can only be sent after it.
      while (endedAt === null || due <= endedAt) {
        await getWorklist(caseworker);
        // A request asked during the import counts even when it is answered only after it.
        latencies.push(ms(due));
        due = process.hrtime.bigint() + 100_000_000n;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    idle = process.hrtime.bigint();
    let merging: bigint | null = null;
    const result = await importRegisterStatuses(coordinator, {
      source: createReadStream(file),
      layout: 'wide',
      mapping: 'dst',
      sizeBytes: size,
      ...(process.env.BENCH_BULK_FROM_BYTES ? { bulkFromBytes: Number(process.env.BENCH_BULK_FROM_BYTES) } : {}),
      onProgress: (_lines, progress) => {
        if (progress.phase === 'merging') merging = process.hrtime.bigint();
      },
    });
    endedAt = process.hrtime.bigint();
    const took = ms(idle);
    const mergeMs = merging === null ? 0 : ms(merging);
    await asking;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(0) ?? '–';
    console.log(
      `import ${(took / 1000).toFixed(1)} s (${result.spells} spells; the last transaction, which stores them, ${(mergeMs / 1000).toFixed(1)} s); worklist answered ${latencies.length} times during it: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`,
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
await (mode === 'analysis' ? analysis() : mode === 'case-history' ? caseHistory() : main());
