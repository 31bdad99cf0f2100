import type { Database } from '../db/database.ts';
import type { JobsConfig } from '../config.ts';
import { inProcessJobQueue, openPgBossQueue, type JobQueue } from '../db/job-queue.ts';
import { failAbandonedJob } from './fail-abandoned-job.ts';
import { effectAnalysisQueue, runEffectAnalysisJob } from './run-effect-analysis.ts';
import { caseHistoryImportQueue, runCaseHistoryImport } from './start-case-history-import.ts';
import { registerImportQueue, runRegisterImport } from './start-register-import.ts';

/**
 * Makes this process take background jobs from the queue (issue 11): register and case-history imports
 * and effect analyses, and the queue's failures (a job it gave up on is recorded as failed with the
 * reason). Servers do this unless MENTORSPOR_JOB_CONCURRENCY=0; `npx mentorspor worker` does only this.
 */
export async function serveBackgroundJobs(db: Database, jobs: JobQueue, options: { runJobs?: boolean } = {}): Promise<void> {
  if (options.runJobs !== false) {
    await jobs.work(registerImportQueue, (data, run) => runRegisterImport(db, data, run));
    await jobs.work(caseHistoryImportQueue, (data, run) => runCaseHistoryImport(db, data, run));
    await jobs.work(effectAnalysisQueue, (data, run) => runEffectAnalysisJob(db, data, run));
  }
  await jobs.onFailed(async (queue, data, reason) => {
    await failAbandonedJob(db, queue, data, reason);
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
  await serveBackgroundJobs(db, jobs, { runJobs: input.jobs.concurrency > 0 });
  input.log(
    `Jobs: PostgreSQL queue (pg-boss), ${input.jobs.concurrency > 0 ? `${input.jobs.concurrency} of each kind at a time in this process` : 'run by other processes'}; expiry ${input.jobs.expirySeconds} s`,
  );
  return jobs;
}
