/**
 * The only reader of process.env. Parsed and validated once; a half-configured PostgreSQL fails loudly
 * instead of silently falling back to the embedded database.
 */
import { AppError } from './errors.ts';

export type SecureCookies = 'always' | 'never' | 'auto';

export type Config = {
  port: number;
  /** PostgreSQL server; when null the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | null;
  dataDir: string;
  adminPassword: string | null;
  /** 'auto': demo data into an empty embedded database only; '1' always into an empty one; '0' never. */
  demo: 'auto' | 'always' | 'never';
  /** 'auto': Secure except on plain HTTP to a loopback host (api/auth/session-cookie.ts). */
  secureCookies: SecureCookies;
  /** Private folder for uploads in progress; null: a per-user folder in the temp directory. */
  uploadDir: string | null;
  /** Origins (besides the server's own host) allowed to send state-changing requests. */
  allowedOrigins: string[];
  /** Background jobs and stopping (issue 11). */
  jobs: JobsConfig;
};

export type JobsConfig = {
  /** PostgreSQL queue: a job whose process shows no sign of life this long is retried elsewhere (120 s). */
  expirySeconds: number;
  /** How often one process runs the queue's maintenance, which expires such jobs (30 s). */
  maintenanceSeconds: number;
  /** How often an idle process looks for jobs queued by another (2 s). */
  pollSeconds: number;
  /** Jobs of each kind one process runs at a time (2); 0: this server queues jobs but never runs them. */
  concurrency: number;
  /** SIGTERM/SIGINT: how long requests in flight and running jobs may take to finish (30 s). */
  shutdownSeconds: number;
};

export function parseConfig(env: Record<string, string | undefined>): Config {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG_INVALID', `PORT must be an integer 0–65535, got '${portText}'`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new AppError('CONFIG_INVALID', 'DATABASE_URL must start with postgres:// or postgresql://');
  }
  const demoText = env.MENTORSPOR_DEMO?.trim();
  let demo: Config['demo'];
  if (demoText === undefined || demoText === '') demo = 'auto';
  else if (demoText === '1' || demoText === 'true') demo = 'always';
  else if (demoText === '0' || demoText === 'false') demo = 'never';
  else throw new AppError('CONFIG_INVALID', `MENTORSPOR_DEMO must be 0 or 1, got '${demoText}'`);
  const adminPassword = env.MENTORSPOR_ADMIN_PASSWORD ?? null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new AppError('CONFIG_INVALID', 'MENTORSPOR_ADMIN_PASSWORD must be at least 8 characters');
  }
  const allowedOrigins = (env.MENTORSPOR_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new AppError('CONFIG_INVALID', `MENTORSPOR_ALLOWED_ORIGINS: '${origin}' is not an origin like https://mentor.kommune.dk`);
  }
  return {
    port,
    databaseUrl,
    dataDir: env.MENTORSPOR_DATA_DIR?.trim() || './data',
    adminPassword,
    demo,
    secureCookies: secureCookiesOf(env),
    uploadDir: env.MENTORSPOR_UPLOAD_DIR?.trim() || null,
    allowedOrigins,
    jobs: jobsConfigOf(env),
  };
}

function jobsConfigOf(env: Record<string, string | undefined>): JobsConfig {
  const number = (name: string, fallback: number, min: number, integer: boolean) => {
    const text = env[name]?.trim() ?? '';
    if (text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value)) || !/^[0-9.]+$/.test(text))
      throw new AppError('CONFIG_INVALID', `${name} must be a ${integer ? 'whole ' : ''}number ≥ ${min}, got '${text}'`);
    return value;
  };
  return {
    expirySeconds: number('MENTORSPOR_JOB_EXPIRY_SECONDS', 120, 1, true),
    maintenanceSeconds: number('MENTORSPOR_JOB_MAINTENANCE_SECONDS', 30, 1, true),
    pollSeconds: number('MENTORSPOR_JOB_POLL_SECONDS', 2, 0.5, false),
    concurrency: number('MENTORSPOR_JOB_CONCURRENCY', 2, 0, true),
    shutdownSeconds: number('MENTORSPOR_SHUTDOWN_SECONDS', 30, 1, true),
  };
}

function secureCookiesOf(env: Record<string, string | undefined>): SecureCookies {
  const text = env.MENTORSPOR_SECURE_COOKIES?.trim() ?? '';
  if (text === '1' || text === 'true') return 'always';
  if (text === '0' || text === 'false') return 'never';
  if (text !== '') throw new AppError('CONFIG_INVALID', `MENTORSPOR_SECURE_COOKIES must be 0 or 1, got '${text}'`);
  return env.NODE_ENV === 'development' ? 'never' : 'auto';
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}

/** Test runs: TEST_DATABASE_URL selects a real PostgreSQL server instead of embedded PGlite. */
export function testDatabaseUrl(): string | null {
  return process.env.TEST_DATABASE_URL?.trim() || null;
}
