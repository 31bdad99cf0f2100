import type { Database } from '../db/database.ts';
import type { JobsConfig } from '../config.ts';
import { inProcessJobQueue, openPgBossQueue, type JobData, type JobQueue, type JobRun } from '../db/job-queue.ts';
import { failAbandonedJob } from './fail-abandoned-job.ts';
import { effectAnalysisQueue, runEffectAnalysisJob } from './run-effect-analysis.ts';
import { caseHistoryImportQueue, runCaseHistoryImport } from './start-case-history-import.ts';
import { registerImportQueue, runRegisterImport } from './start-register-import.ts';

function kindOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return code ? `${error.name} ${String(code)}` : error.name;
}

/**
 * Makes this process take background jobs from the queue (issue 11): register and case-history imports
 * and effect analyses, and the queue's failures (a job it gave up on is recorded as failed with the
 * reason). Servers do this unless MENTORSPOR_JOB_CONCURRENCY=0; `npx mentorspor worker` does only this.
 */
export async function serveBackgroundJobs(
  db: Database,
  jobs: JobQueue,
  options: { runJobs?: boolean; log?: (line: string) => void } = {},
): Promise<void> {
  const log = options.log ?? (() => {});
  // One line per run (ids only, no personal data): an operator sees which process ran what.
  const logged =
    (queue: string, handler: (db: Database, data: JobData, run: JobRun) => Promise<void>) => async (data: JobData, run: JobRun) => {
      const row = String(data.importId ?? data.analysisId ?? '?');
      log(`Job ${queue} ${row}: started (attempt ${run.attempt})`);
      try {
        await handler(db, data, run);
      } catch (error) {
        log(`Job ${queue} ${row}: ${run.signal.aborted ? 'handed back' : `threw (${kindOf(error)})`}`);
        throw error;
      }
      log(`Job ${queue} ${row}: ${run.signal.aborted ? 'handed back' : 'ended'}`);
    };
  if (options.runJobs !== false) {
    await jobs.work(registerImportQueue, logged(registerImportQueue, runRegisterImport));
    await jobs.work(caseHistoryImportQueue, logged(caseHistoryImportQueue, runCaseHistoryImport));
    await jobs.work(effectAnalysisQueue, logged(effectAnalysisQueue, runEffectAnalysisJob));
  }
  await jobs.onFailed(async (queue, data, reason) => {
    if (await failAbandonedJob(db, queue, data, reason))
      log(`Job ${queue} ${String(data.importId ?? data.analysisId ?? '?')}: failed by the queue (${reason})`);
  });
}

/** The embedded database's runner (one process), serving the jobs: also the default of tests' apps. */
export async function startInProcessJobs(db: Database): Promise<JobQueue> {
  const jobs = inProcessJobQueue();
  await serveBackgroundJobs(db, jobs);
  return jobs;
}

export const jobDefaults: JobsConfig = { expirySeconds: 120, maintenanceSeconds: 30, pollSeconds: 2, concurrency: 2, shutdownSeconds: 30 };

/**
 * The job queue of a process on this database (issue 11): on a PostgreSQL server the shared queue in that
 * database (several server and worker processes), on PGlite the in-process runner. Used by the server
 * and by `npx mentorspor worker`.
 */
export async function openJobQueue(
  db: Database,
  input: { databaseUrl: string | null; jobs: JobsConfig; log: (line: string) => void },
): Promise<JobQueue> {
  if (db.engine === 'pglite' || !input.databaseUrl) return startInProcessJobs(db);
  const jobs = await openPgBossQueue({
    connectionString: input.databaseUrl,
    expireInSeconds: input.jobs.expirySeconds,
    maintenanceIntervalSeconds: input.jobs.maintenanceSeconds,
    pollingIntervalSeconds: input.jobs.pollSeconds,
    concurrency: Math.max(1, input.jobs.concurrency),
    onError: (kind) => input.log(`Job queue: ${kind}`),
  });
  await serveBackgroundJobs(db, jobs, { runJobs: input.jobs.concurrency > 0, log: input.log });
  input.log(
    `Jobs: PostgreSQL queue (pg-boss), ${input.jobs.concurrency > 0 ? `${input.jobs.concurrency} of each kind at a time in this process` : 'run by other processes'}; expiry ${input.jobs.expirySeconds} s`,
  );
  return jobs;
}
