import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { openDatabase } from '../../open-database.ts';
import { checkReadiness } from '../../use-cases/check-readiness.ts';
import { openJobQueue } from '../../use-cases/serve-background-jobs.ts';

/**
 * `mentorspor worker`: a process that only runs background jobs (imports, effect analyses) from the
 * PostgreSQL queue in DATABASE_URL, next to any number of servers and other workers (issue 11). Runs
 * until SIGTERM or SIGINT, then lets its running jobs finish for MENTORSPOR_SHUTDOWN_SECONDS and hands the
 * rest back to the queue.
 */
export async function run(argv: string[]): Promise<number> {
  try {
    parseArgs({ args: argv, options: {}, strict: true, allowPositionals: false });
  } catch (error) {
    process.stderr.write(`INVALID_INPUT: ${(error as Error).message}\nUsage: mentorspor worker\n`);
    return 2;
  }
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new AppError(
      'CONFIG_INVALID',
      'The worker needs DATABASE_URL (a PostgreSQL server); the embedded database runs its jobs in the server',
    );
  const db = await openDatabase(config);
  const readiness = await checkReadiness(db);
  if (!readiness.ready) {
    await db.close();
    throw new AppError('CONFIG_INVALID', 'The database schema is not current: start a server or run `npx mentorspor db migrate` first');
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const jobs = await openJobQueue(db, {
    databaseUrl: config.databaseUrl,
    jobs: { ...config.jobs, concurrency: Math.max(1, config.jobs.concurrency) },
    log,
  });
  log('Worker: waiting for jobs (SIGTERM or SIGINT stops it)');
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log(`${signal}: letting running jobs finish (up to ${config.jobs.shutdownSeconds} s), then stopping`);
  await jobs.stop({ timeoutMs: config.jobs.shutdownSeconds * 1000 });
  await db.close();
  log('Stopped');
  return 0;
}
