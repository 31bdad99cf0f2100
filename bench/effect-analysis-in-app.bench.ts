/**
 * Issue 6 points 3 and 5: the in-app register analysis at national size, end to end through the use case
 * (job row, risk set read in slices of citizen ids and computed into columns, estimation on two worker threads, results stored).
 *
 * Synthetic municipality generated in the database with set-based SQL (generate_series):
 * BENCH_ANALYSIS_CITIZENS citizens (default 1,000,000), each with a 91-day target-group spell between
 * Oct 2014 and Dec 2015 (so each quarter's index date finds about a quarter of them in the target group),
 * half with a long prior benefit spell; ~5 % start a first ret-og-pligt course in 2015 (8 % of the long-spell
 * citizens, 2 % of the others: confounded), 1–5 register spells each (dates spread per citizen). True effect: +5 percentage points
 * employment 7 months after the start (employment without mentor 10 % long-spell, 40 % others).
 *
 * Baselines in the same run: (1) the old per-unit query (correlated subqueries) on a 20,000-citizen
 * municipality from the same generator, scaled linearly to the full size, plus the old estimation (one full
 * estimate per outcome) on the full arrays; (2) the sliced loader on the same 20,000 citizens.
 * Also measured: loading with 1 vs 2 slice reads under way (database and Node on different cores), and
 * estimation in one worker (shared model) vs 4 separate estimates vs a pool of 2 workers (2 outcomes each).
 *
 * The timed analysis runs the compiled server code (dist/server, built first), as `npm start` does.
 * Database: TEST_DATABASE_URL (or DATABASE_URL), in a private database dropped afterwards; else in-memory
 * PGlite. BENCH_ANALYSIS_CITIZENS=20000 for a quick smoke run; BENCH_ANALYSIS_COMPARE=0 skips the extra
 * comparisons (loading twice more, estimating three more times).
 */
import { spawnSync } from 'node:child_process';
import { estimateEffect } from '../src/analytics/estimate-effect.ts';
import type { Database } from '../src/db/database.ts';
import { municipalitiesRepository } from '../src/db/repositories/municipalities-repository.ts';
import { perUnitRiskSetReference } from '../src/db/test-fixtures/per-unit-risk-set-reference.ts';
import { usersRepository } from '../src/db/repositories/users-repository.ts';
import { openTestDatabase } from '../src/db/test-database.ts';
import { analyseRiskSet, analysisOutcomes, riskSetCovariates } from '../src/use-cases/analyse-risk-set.ts';
import { analyseRiskSetInWorker } from '../src/use-cases/analyse-risk-set-in-worker.ts';
import { loadRiskSet } from '../src/use-cases/load-risk-set.ts';
import type { UseCaseContext } from '../src/use-cases/use-case-context.ts';
import type { BenchRow } from './run-benchmarks.ts';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (s: number) => `${s.toFixed(2)} s`;
const groups = ['kontanthjaelp_aktivitetsparat', 'uddannelseshjaelp_aktivitetsparat'];

/** A synthetic municipality: citizens, 2015 ret-og-pligt courses and register spells with a known effect (also bench/import-concurrency.ts). */
export async function generateMunicipality(db: Database, municipalityId: number, citizens: number): Promise<void> {
  const u = (k: number) => `(abs(hashint4(c.id * 17 + ${k})) % 10000)`;
  await db.query(
    `insert into citizens (municipality_id, cpr, birth_date, name, gender, origin)
     select $1, lpad((1000000000 + i)::text, 10, '0'), date '1955-01-01' + abs(hashint4(i * 31 + 1)) % 15000, 'Borger ' || i,
       (array['female', 'male'])[1 + abs(hashint4(i * 31 + 2)) % 2], (array['danish', 'danish', 'danish', 'western', 'non_western'])[1 + abs(hashint4(i * 31 + 3)) % 5]
     from generate_series(1, $2::int) i`,
    [municipalityId, citizens],
  );
  await db.query(`drop table if exists bench_facts`);
  await db.query(
    `create table bench_facts as
     select c.id, ${u(1)} < 5000 as long_spell, ${u(2)} as u_treat, ${u(3)} as u_emp, ${u(4)} % 365 as start_day, ${u(5)} % 91 as spell_day, ${u(6)} % 50 as w, ${u(7)} as x
     from citizens c where c.municipality_id = $1`,
    [municipalityId],
  );
  await db.query(`alter table bench_facts add column treated boolean, add column start date`);
  await db.query(`update bench_facts set treated = u_treat < case when long_spell then 800 else 200 end`);
  await db.query(`update bench_facts set start = date '2015-01-01' + start_day where treated`);
  // Controls: a 91-day spell starting between 3 Oct 2014 and 2 Oct 2015 (covers about one quarter's index
  // date); the treated are in the target group from 30 days before their start.
  await db.query(
    `insert into target_group_spells (municipality_id, citizen_id, target_group, visitation, from_date, to_date)
     select $1, id, case when u_emp % 10 < 7 then 'kontanthjaelp_aktivitetsparat' else 'uddannelseshjaelp_aktivitetsparat' end, 'aktivitetsparat',
       case when treated then start - 30 else date '2014-10-03' + (start_day / 91) * 91 + spell_day end,
       case when treated then start + 200 else date '2014-10-03' + (start_day / 91) * 91 + spell_day + 90 end
     from bench_facts`,
    [municipalityId],
  );
  await db.query(
    `insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours)
     select $1::int, id, 'RET_OG_PLIGT', 'approved', 'LAB-2014', 'inside_frame', start - 7, start, start + 182, 1.5 from bench_facts where treated`,
    [municipalityId],
  );
  // Histories end and start at different dates per citizen, so that the treated (index date = their own
  // start) and the controls (index date = the quarter's first start) overlap on the covariates.
  await db.query(
    `insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
     select $1::int, id, 'CASH_BENEFIT_SAME', week_index(date '2012-01-02') + w, week_index(date '2014-06-30') + x % 60 from bench_facts where long_spell
     union all
     select $1::int, id, 'ORDINARY_EMPLOYMENT', week_index(date '2012-01-02') + w, week_index(date '2013-06-03') + x % 38 from bench_facts where not long_spell
     union all
     select $1::int, id, 'SICKNESS_BENEFIT', week_index(date '2014-03-03') + x % 20, week_index(date '2014-03-03') + x % 20 + 5 + w % 10 from bench_facts where not long_spell
     union all
     select $1::int, id, 'CASH_BENEFIT_SAME', week_index(date '2014-11-03') + x % 30, week_index(date '2014-11-03') + x % 30 + 10 + w % 30 from bench_facts where not long_spell
     union all
     select $1::int, id, 'ORDINARY_EMPLOYMENT', week_index(date '2015-07-20'), week_index(date '2017-12-25') from bench_facts
       where u_emp < case when long_spell then 1000 else 4000 end
     union all
     select $1::int, id, 'EDUCATION', week_index(date '2015-07-20'), week_index(date '2017-06-26') from bench_facts
       where not long_spell and u_emp >= 4600 and u_emp < 5400
     union all
     -- The effect: 5 of every 100 treated who would not have had a job have one from 6 to 12 months after the start.
     select $1::int, id, 'ORDINARY_EMPLOYMENT', week_index((start + interval '6 months')::date), week_index((start + interval '12 months')::date) from bench_facts
       where treated and u_emp >= case when long_spell then 1000 else 4000 end and u_emp < case when long_spell then 1500 else 4500 end`,
    [municipalityId],
  );
  await db.query(`drop table bench_facts`);
}

/**
 * The analysis as `npm start` runs it: compiled JavaScript (`npm run build:server`, run here first), so that
 * its estimation threads start as plain JavaScript too rather than compiling TypeScript through tsx.
 */
async function compiledUseCases() {
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:server failed');
  const compiled = (path: string) => new URL(`../dist/server/use-cases/${path}.js`, import.meta.url).href;
  return {
    ...((await import(compiled('run-effect-analysis'))) as typeof import('../src/use-cases/run-effect-analysis.ts')),
    ...((await import(compiled('serve-background-jobs'))) as typeof import('../src/use-cases/serve-background-jobs.ts')),
  };
}

async function actorFor(db: Database, municipalityId: number, username: string): Promise<UseCaseContext> {
  const userId = (await usersRepository(db).create({ municipalityId, username, name: username, role: 'manager', passwordHash: 'x' })).id;
  return {
    db,
    purpose: 'benchmark',
    now: () => new Date(),
    actor: { userId, username, name: username, role: 'manager', municipalityId, municipalityName: username, mentorId: null },
  };
}

export async function run(): Promise<BenchRow[]> {
  const citizens = Number(process.env.BENCH_ANALYSIS_CITIZENS ?? 1_000_000);
  const baselineCitizens = Math.min(20_000, citizens);
  const compare = process.env.BENCH_ANALYSIS_COMPARE !== '0';
  if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  const { startInProcessJobs, startEffectAnalysis, getEffectAnalysis } = await compiledUseCases();
  const db = await openTestDatabase();
  console.log(`database: ${db.engine === 'postgres' ? 'PostgreSQL server (private schema, dropped afterwards)' : 'PGlite in memory'}`);
  try {
    const national = (await municipalitiesRepository(db).create({ code: 'bench-national', name: 'Landet', settings: {} })).id;
    const sample = (await municipalitiesRepository(db).create({ code: 'bench-sample', name: 'Stikprøve', settings: {} })).id;
    const generation = process.hrtime.bigint();
    await generateMunicipality(db, national, citizens);
    await generateMunicipality(db, sample, baselineCitizens);
    // As a municipality's data stands some time after its import: vacuumed (hint bits set, visibility map
    // written: what autovacuum does, off on this server) and flushed, so that the timed analysis is not also the
    // first reader that rewrites every freshly inserted page, nor racing the checkpointer's writes.
    await db.exec('vacuum (analyze) citizens, target_group_spells, grants, register_status_spells');
    if (db.engine === 'postgres') await db.exec('checkpoint');
    const [counts] = await db.query<{ treated: number; spells: number }>(
      `select (select count(*) from grants where municipality_id = $1)::int as treated, (select count(*) from register_status_spells where municipality_id = $1)::int as spells`,
      [national],
    );
    console.log(
      `generated ${citizens.toLocaleString('en')} citizens, ${counts!.treated.toLocaleString('en')} first ret-og-pligt courses in 2015, ${counts!.spells.toLocaleString('en')} register spells (+ a ${baselineCitizens.toLocaleString('en')}-citizen sample) in ${fmt(seconds(generation))}`,
    );

    const input = {
      type: 'RET_OG_PLIGT',
      firstStartFrom: '2015-01-01',
      firstStartTo: '2015-12-31',
      horizonMonths: 7,
      targetGroups: groups,
    };
    const riskInput = (municipalityId: number) => ({
      municipalityId,
      from: input.firstStartFrom,
      to: input.firstStartTo,
      type: input.type,
      horizonMonths: 7,
      targetGroups: groups,
    });

    // The floor (issue 12): one plain pass over the spells the analysis reads, twice (the second warm, as the analysis finds them).
    let floorSeconds = 0;
    for (let pass = 0; pass < 2; pass += 1) {
      const start = process.hrtime.bigint();
      await db.query('select count(*) from register_status_spells where municipality_id = $1', [national]);
      floorSeconds = seconds(start);
    }
    console.log(
      `floor: select count(*) over the municipality's ${counts!.spells.toLocaleString('en')} register spells ${fmt(floorSeconds)}`,
    );

    // End to end through the use case, polling the job as the page does; time per phase from the job row.
    const ctx = await actorFor(db, national, 'bench-manager');
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const total = process.hrtime.bigint();
    const jobs = await startInProcessJobs(db);
    const { id } = await startEffectAnalysis(ctx, input, jobs);
    const phases: { phase: string; at: number }[] = [];
    let job = await getEffectAnalysis(ctx, id);
    while (job.status === 'running') {
      const phase = job.phase ?? 'starting';
      if (phases.at(-1)?.phase !== phase) phases.push({ phase, at: seconds(total) });
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 100));
      job = await getEffectAnalysis(ctx, id);
    }
    const totalSeconds = seconds(total);
    await jobs.stop();
    if (job.status !== 'done') throw new Error(`analysis failed: ${job.error}`);
    phases.push({ phase: 'done', at: totalSeconds });
    const employment = job.results[0]!;
    console.log(`in-app analysis end to end (job row → sliced load → estimate on two threads → results stored): ${fmt(totalSeconds)}`);
    for (let k = 0; k + 1 < phases.length; k += 1)
      console.log(`  ${phases[k]!.phase.padEnd(18)} ${fmt(phases[k + 1]!.at - phases[k]!.at)}`);
    console.log(
      `  units ${(employment.nTreated + employment.nControl).toLocaleString('en')} (${employment.nTreated.toLocaleString('en')} treated); employment effect ${employment.estimate.toFixed(4)} [${employment.confidenceInterval.map((x) => x.toFixed(4)).join(', ')}] (true +0.05), naive ${employment.naiveDifference.toFixed(4)}; max |SMD| after ${employment.maxAbsSmdAfter.toFixed(3)}`,
    );
    console.log(
      `  RSS of this process: peak growth ${((peakRss - rssBefore) / 1e6).toFixed(0)} MB while polling (estimation runs in a worker of this process)`,
    );
    console.log(
      `ratio: analysis / count(*) pass ${(totalSeconds / floorSeconds).toFixed(1)}× (goal: the analysis ≤ 15 s at 1,000,000 citizens)`,
    );
    const rows: BenchRow[] = [
      {
        benchmark: `in-app effect analysis, ${citizens.toLocaleString('en')} citizens (${(employment.nTreated + employment.nControl).toLocaleString('en')} units), end to end`,
        floor: `select count(*) over its ${counts!.spells.toLocaleString('en')} register spells`,
        floorSeconds,
        seconds: totalSeconds,
        peakRssBytes: peakRss,
      },
    ];

    // Baseline: the old per-unit query on the sample, scaled linearly; the sliced loader on the same sample.
    const oldQuery = process.hrtime.bigint();
    const oldRows = await perUnitRiskSetReference(db).riskSet(riskInput(sample));
    const oldQuerySeconds = seconds(oldQuery);
    const newSample = process.hrtime.bigint();
    const sampleColumns = await loadRiskSet(db, riskInput(sample));
    const newSampleSeconds = seconds(newSample);
    if (sampleColumns.n !== oldRows.length) throw new Error(`sample risk sets differ: ${sampleColumns.n} vs ${oldRows.length} rows`);
    const scale = citizens / baselineCitizens;
    console.log(
      `baseline: old per-unit query on ${baselineCitizens.toLocaleString('en')} citizens (${oldRows.length.toLocaleString('en')} units) ${fmt(oldQuerySeconds)}; sliced loader on the same ${fmt(newSampleSeconds)} (${(oldQuerySeconds / newSampleSeconds).toFixed(1)}×)`,
    );

    if (!compare) {
      console.log(
        `old query scaled to ${citizens.toLocaleString('en')} citizens: ${fmt(oldQuerySeconds * scale)}; ratio old query scaled / whole new analysis: ${((oldQuerySeconds * scale) / totalSeconds).toFixed(1)}×`,
      );
      return rows;
    }
    // Both cores while loading: 1 vs 2 slice reads under way.
    const timeLoad = async (inFlight: number) => {
      const start = process.hrtime.bigint();
      const columns = await loadRiskSet(db, riskInput(national), { inFlight });
      return { columns, s: seconds(start) };
    };
    const serial = await timeLoad(1);
    const overlapped = await timeLoad(2);
    console.log(
      `loading ${serial.columns.n.toLocaleString('en')} units: 1 query at a time ${fmt(serial.s)}, 2 under way ${fmt(overlapped.s)}`,
    );

    // Estimation alone on the same arrays.
    const columns = overlapped.columns;
    const shared = process.hrtime.bigint();
    analyseRiskSet(columns, 7);
    const sharedSeconds = seconds(shared);
    const separate = process.hrtime.bigint();
    const covariates = riskSetCovariates(columns);
    for (const o of analysisOutcomes)
      estimateEffect(
        { treatment: columns.treatment, outcome: columns.outcomes[o], covariates, strata: columns.strata },
        { method: 'nearest', replace: true, exact: ['startQuarter'] },
      );
    const separateSeconds = seconds(separate);
    const pool = process.hrtime.bigint();
    await Promise.all([
      analyseRiskSetInWorker(columns, 7, () => {}, { outcomes: analysisOutcomes.slice(0, 2) }),
      analyseRiskSetInWorker(columns, 7, () => {}, { outcomes: analysisOutcomes.slice(2) }),
    ]);
    const poolSeconds = seconds(pool);
    const single = process.hrtime.bigint();
    await analyseRiskSetInWorker(columns, 7);
    const singleWorkerSeconds = seconds(single);
    console.log(
      `estimating 4 outcomes: shared model in this thread ${fmt(sharedSeconds)}, in one worker ${fmt(singleWorkerSeconds)} (incl. copy + start), pool of 2 workers × 2 outcomes ${fmt(poolSeconds)}, old way 4 separate estimates ${fmt(separateSeconds)}`,
    );

    const oldTotal = oldQuerySeconds * scale + separateSeconds;
    console.log(
      `old pipeline at ${citizens.toLocaleString('en')} citizens: per-unit query scaled ${fmt(oldQuerySeconds * scale)} + 4 separate estimates ${fmt(separateSeconds)} = ${fmt(oldTotal)}`,
    );
    console.log(`ratio old pipeline / new end to end: ${(oldTotal / totalSeconds).toFixed(1)}×`);
    return rows;
  } finally {
    await db.close();
  }
}
