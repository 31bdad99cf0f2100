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
  /** Single sign-on through the municipality's OpenID Connect provider; null: local passwords only. */
  oidc: OidcSettings | null;
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

export type Role = 'caseworker' | 'mentor' | 'coordinator' | 'manager' | 'admin';
const roles: readonly Role[] = ['caseworker', 'mentor', 'coordinator', 'manager', 'admin'];

export type OidcSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: URL;
  /** The claim holding groups or roles, e.g. `groups` (Entra ID) or `roles`. */
  roleClaim: string;
  /** Claim value → Mentorspor role, in order: the first value the user has decides. */
  roleMap: [claimValue: string, role: Role][];
  scopes: string;
  /** The municipality (its code) whose users sign in here; null: the database's only municipality. */
  municipalityCode: string | null;
};

/**
 * MENTORSPOR_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _REDIRECT_URI (all four or none), _ROLE_CLAIM
 * (default `groups`), _ROLE_MAP (`claim-value=role,…`, required), _SCOPES (default `openid profile email`),
 * _MUNICIPALITY (a municipality code).
 */
function oidcSettingsOf(env: Record<string, string | undefined>): OidcSettings | null {
  const value = (name: string) => env[`MENTORSPOR_OIDC_${name}`]?.trim() || null;
  const required = ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'REDIRECT_URI'] as const;
  const given = required.filter((name) => value(name) !== null);
  if (given.length === 0) return null;
  if (given.length < required.length) {
    const missing = required.filter((name) => value(name) === null).map((name) => `MENTORSPOR_OIDC_${name}`);
    throw new AppError('CONFIG_INVALID', `Single sign-on needs ${missing.join(', ')} as well`);
  }
  const url = (name: string) => {
    const text = value(name)!;
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw new AppError('CONFIG_INVALID', `MENTORSPOR_OIDC_${name} is not a URL: '${text}'`);
    }
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local))
      throw new AppError('CONFIG_INVALID', `MENTORSPOR_OIDC_${name} must use https (http only on localhost)`);
    return parsed;
  };
  const roleMapText = value('ROLE_MAP');
  if (!roleMapText)
    throw new AppError(
      'CONFIG_INVALID',
      'MENTORSPOR_OIDC_ROLE_MAP must map claim values to roles, e.g. grp-jobcenter-sagsbehandlere=caseworker',
    );
  const roleMap = roleMapText.split(',').map((pair): [string, Role] => {
    const at = pair.lastIndexOf('=');
    const claimValue = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim() as Role;
    if (at < 1 || claimValue === '' || !roles.includes(role))
      throw new AppError(
        'CONFIG_INVALID',
        `MENTORSPOR_OIDC_ROLE_MAP: '${pair.trim()}' is not claim-value=role (roles: ${roles.join(', ')})`,
      );
    return [claimValue, role];
  });
  const roleClaim = value('ROLE_CLAIM') ?? 'groups';
  if (!/^[A-Za-z0-9_:./-]{1,200}$/.test(roleClaim)) throw new AppError('CONFIG_INVALID', 'MENTORSPOR_OIDC_ROLE_CLAIM is not a claim name');
  return {
    issuer: url('ISSUER'),
    clientId: value('CLIENT_ID')!,
    clientSecret: value('CLIENT_SECRET')!,
    redirectUri: url('REDIRECT_URI'),
    roleClaim,
    roleMap,
    scopes: value('SCOPES') ?? 'openid profile email',
    municipalityCode: value('MUNICIPALITY'),
  };
}

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
    oidc: oidcSettingsOf(env),
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
