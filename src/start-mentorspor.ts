/**
 * Starts the whole product in-process: database, migrations, first-start data, HTTP server.
 * Used by `npm start` (src/server.ts) and by the browser journeys in tests/e2e.
 */
import type { FastifyInstance } from 'fastify';
import type { JobsConfig, OidcSettings, SecureCookies } from './config.ts';
import { singleSignOn } from './use-cases/single-sign-on.ts';
import { buildApp } from './api/app.ts';
import { sweepUploads, uploadDirectory } from './api/upload-directory.ts';
import type { Database } from './db/database.ts';
import { demoMunicipality } from './demo/load-demo-municipality.ts';
import type { JobQueue } from './db/job-queue.ts';
import { openDatabase } from './open-database.ts';
import { failInterruptedEffectAnalyses } from './use-cases/fail-interrupted-effect-analyses.ts';
import { failInterruptedImports } from './use-cases/fail-interrupted-imports.ts';
import { forgetOldLoginFailures } from './use-cases/forget-old-login-failures.ts';
import { prepareDatabase } from './use-cases/prepare-database.ts';
import { purgeExpiredAuditEntries } from './use-cases/purge-expired-audit-entries.ts';
import { jobDefaults, openJobQueue } from './use-cases/serve-background-jobs.ts';

const dayMs = 24 * 60 * 60 * 1000;

export type StartOptions = {
  /** Single sign-on through an OpenID Connect provider (config.ts MENTORSPOR_OIDC_*); absent: passwords only. */
  oidc?: OidcSettings | null;
  port: number;
  host?: string;
  databaseUrl?: string | null;
  dataDir: string;
  demo: boolean | 'auto' | 'always' | 'never';
  adminPassword?: string | null;
  secureCookies?: SecureCookies;
  uploadDir?: string | null;
  allowedOrigins?: readonly string[];
  logger?: boolean;
  log?: (line: string) => void;
  /** Background jobs and stopping (config.ts `JobsConfig`); defaults as documented there. */
  jobs?: Partial<JobsConfig>;
};

export async function startMentorspor(
  options: StartOptions,
): Promise<{ url: string; app: FastifyInstance; db: Database; jobs: JobQueue; close(): Promise<void> }> {
  const log = options.log ?? (() => {});
  const db = await openDatabase({ databaseUrl: options.databaseUrl ?? null, dataDir: options.dataDir });
  log(`Database: ${db.engine === 'postgres' ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${options.dataDir}`}`);
  const demoWhen = options.demo === true ? 'always' : options.demo === false ? 'never' : options.demo;
  const demo = demoWhen === 'never' ? 'never' : { when: demoWhen, loader: demoMunicipality };
  await prepareDatabase(db, { demo, adminPassword: options.adminPassword ?? null, log, now: new Date() });
  const purge = async () => {
    await forgetOldLoginFailures(db, new Date());
    const purged = await purgeExpiredAuditEntries(db, new Date());
    if (purged > 0) log(`Access log: deleted ${purged} entries past the retention period`);
  };
  await purge();
  const jobsConfig = { ...jobDefaults, ...options.jobs };
  if (db.engine === 'pglite') {
    // Only this process can open the embedded database: whatever is still running was interrupted by the
    // last stop. On PostgreSQL other processes may be running jobs; the queue's expiry handles dead ones.
    const interrupted = await failInterruptedEffectAnalyses(db);
    if (interrupted > 0) log(`Effect analyses: ${interrupted} interrupted by the last stop marked failed`);
    const interruptedImports = await failInterruptedImports(db);
    if (interruptedImports > 0) log(`Imports: ${interruptedImports} interrupted by the last stop marked failed`);
  }
  const jobs = await openJobQueue(db, { databaseUrl: options.databaseUrl ?? null, jobs: jobsConfig, log });
  const purgeTimer = setInterval(() => void purge().catch((error: unknown) => log(`Access-log purge failed: ${String(error)}`)), dayMs);
  purgeTimer.unref();
  const uploadDir = uploadDirectory(options.uploadDir ?? null);
  const swept = sweepUploads(uploadDir);
  if (swept > 0) log(`Uploads: ${swept} files left by the last stop deleted`);
  const app = await buildApp({
    db,
    jobs,
    uploadDir,
    allowedOrigins: options.allowedOrigins ?? [],
    secureCookies: options.secureCookies ?? 'auto',
    logger: options.logger ?? false,
    singleSignOn: options.oidc ? singleSignOn(options.oidc) : null,
  });
  if (options.oidc) log(`Single sign-on: ${options.oidc.issuer.href} (passwords only for admins, break-glass)`);
  const address = await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  return {
    url: address.replace('[::1]', 'localhost'),
    app,
    db,
    jobs,
    /**
     * Stops in order: no new connections or requests (503 while closing), the requests in flight answered,
     * then the job queue — running jobs get the rest of `shutdownSeconds`, then are handed back to the
     * queue (another process runs them) — and last the database.
     */
    async close() {
      const deadline = Date.now() + jobsConfig.shutdownSeconds * 1000;
      clearInterval(purgeTimer);
      await app.close();
      await jobs.stop({ timeoutMs: Math.max(1000, deadline - Date.now()) });
      await db.close();
    },
  };
}
