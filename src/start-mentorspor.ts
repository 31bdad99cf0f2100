/**
 * Starts the whole product in-process: database, migrations, first-start data, HTTP server.
 * Used by `npm start` (src/server.ts) and by the browser journeys in tests/e2e.
 */
import type { FastifyInstance } from 'fastify';
import type { OidcSettings, SecureCookies } from './config.ts';
import { singleSignOn } from './use-cases/single-sign-on.ts';
import { buildApp } from './api/app.ts';
import { sweepUploads, uploadDirectory } from './api/upload-directory.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './open-database.ts';
import { failInterruptedEffectAnalyses } from './use-cases/fail-interrupted-effect-analyses.ts';
import { failInterruptedImports } from './use-cases/fail-interrupted-imports.ts';
import { forgetOldLoginFailures } from './use-cases/forget-old-login-failures.ts';
import { prepareDatabase } from './use-cases/prepare-database.ts';
import { purgeExpiredAuditEntries } from './use-cases/purge-expired-audit-entries.ts';

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
};

export async function startMentorspor(
  options: StartOptions,
): Promise<{ url: string; app: FastifyInstance; db: Database; close(): Promise<void> }> {
  const log = options.log ?? (() => {});
  const db = await openDatabase({ databaseUrl: options.databaseUrl ?? null, dataDir: options.dataDir });
  log(`Database: ${db.engine === 'postgres' ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${options.dataDir}`}`);
  const demo = options.demo === true ? 'always' : options.demo === false ? 'never' : options.demo;
  await prepareDatabase(db, { demo, adminPassword: options.adminPassword ?? null, log, now: new Date() });
  const purge = async () => {
    await forgetOldLoginFailures(db, new Date());
    const purged = await purgeExpiredAuditEntries(db, new Date());
    if (purged > 0) log(`Access log: deleted ${purged} entries past the retention period`);
  };
  await purge();
  const interrupted = await failInterruptedEffectAnalyses(db);
  if (interrupted > 0) log(`Effect analyses: ${interrupted} interrupted by the last stop marked failed`);
  const interruptedImports = await failInterruptedImports(db);
  if (interruptedImports > 0) log(`Imports: ${interruptedImports} interrupted by the last stop marked failed`);
  const purgeTimer = setInterval(() => void purge().catch((error: unknown) => log(`Access-log purge failed: ${String(error)}`)), dayMs);
  purgeTimer.unref();
  const uploadDir = uploadDirectory(options.uploadDir ?? null);
  const swept = sweepUploads(uploadDir);
  if (swept > 0) log(`Uploads: ${swept} files left by the last stop deleted`);
  const app = await buildApp({
    db,
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
    async close() {
      clearInterval(purgeTimer);
      await app.close();
      await db.close();
    },
  };
}
