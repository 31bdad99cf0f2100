/**
 * Start-up: migrate, make sure there is a municipality with its legal regimes and an admin user, and
 * load the demo municipality when configured (issue 2 point 1): into an empty embedded database by
 * default, into an empty PostgreSQL database only with MENTORSPOR_DEMO=1, never with MENTORSPOR_DEMO=0.
 * The demo data live in src/demo/; the wiring (start-mentorspor.ts) hands their loader in.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { defaultLegalRegimes } from '../domain/legal-regime.ts';
import { defaultMunicipalSettings } from '../domain/municipal-settings.ts';
import { ensureDefaultInstrument } from './ensure-default-instrument.ts';
import { hashPassword } from './log-in.ts';

/** Seeds demo data into the first municipality (src/demo/load-demo-municipality.ts `demoMunicipality`). */
export type DemoLoader = {
  /** The demo users' password, also admin's unless one is configured. */
  password: string;
  /** Loads the demo inside the first-start transaction; returns a line for the start-up log. */
  load(tx: Database, input: { municipalityId: number; municipalityName: string; now: Date }): Promise<string>;
};

export type PrepareOptions = {
  /** 'auto': demo data into an empty embedded database only; 'always' into an empty one; 'never'. */
  demo: 'never' | { when: 'auto' | 'always'; loader: DemoLoader };
  adminPassword: string | null;
  log: (line: string) => void;
  now: Date;
};

/** Key of the advisory lock that lets one process at a time prepare a PostgreSQL database ('ment'). */
const prepareLockKey = 0x6d656e74;

export async function prepareDatabase(db: Database, options: PrepareOptions): Promise<{ demoLoaded: boolean }> {
  if (db.engine === 'pglite') return prepareUnlocked(db, options);
  // Several servers may start at once on one PostgreSQL database (issue 11): one migrates and creates
  // the first municipality while the others wait, then find it done. The lock is held by an open
  // transaction on its own connection; the work runs on the pool's other connections.
  return db.transaction(async (lock) => {
    await lock.query('select pg_advisory_xact_lock($1)', [prepareLockKey]);
    return prepareUnlocked(db, options);
  });
}

async function prepareUnlocked(db: Database, options: PrepareOptions): Promise<{ demoLoaded: boolean }> {
  const { applied } = await migrateDatabase(db);
  if (applied.length > 0) options.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  const municipalities = municipalitiesRepository(db);
  if ((await municipalities.count()) > 0) {
    await addMissingDraftRegimes(db, options.log);
    return { demoLoaded: false };
  }

  const { demo } = options;
  const demoLoader = demo !== 'never' && (demo.when === 'always' || db.engine === 'pglite') ? demo.loader : null;
  const loadDemo = demoLoader !== null;
  return db.transaction(async (tx) => {
    const municipality = await municipalitiesRepository(tx).create({
      code: loadDemo ? 'demo' : 'default',
      name: loadDemo ? 'Demo Kommune' : 'Kommunen',
      settings: defaultMunicipalSettings,
    });
    for (const regime of defaultLegalRegimes) await regimesRepository(tx).insert(municipality.id, regime);
    await ensureDefaultInstrument(tx, municipality.id);
    let adminPassword = options.adminPassword;
    if (!adminPassword && demoLoader) adminPassword = demoLoader.password;
    if (!adminPassword) {
      adminPassword = randomBytes(12).toString('base64url');
      options.log(`Created user 'admin' with generated password: ${adminPassword} (set MENTORSPOR_ADMIN_PASSWORD to choose it)`);
    }
    await usersRepository(tx).create({
      municipalityId: municipality.id,
      username: 'admin',
      name: 'Administrator',
      role: 'admin',
      passwordHash: await hashPassword(adminPassword),
    });
    if (demoLoader) {
      options.log(await demoLoader.load(tx, { municipalityId: municipality.id, municipalityName: municipality.name, now: options.now }));
    }
    return { demoLoaded: loadDemo };
  });
}

/**
 * R-REG-2: a municipality created before a draft regime was shipped (the 2027 act, issue 13) gets it at
 * start. Only drafts are added: they are inactive until an admin confirms them, so no existing regime's
 * validity or any grant changes.
 */
async function addMissingDraftRegimes(db: Database, log: (line: string) => void): Promise<void> {
  const drafts = defaultLegalRegimes.filter((r) => r.parameters.draft === true);
  if (drafts.length === 0) return;
  await db.transaction(async (tx) => {
    for (const municipality of await municipalitiesRepository(tx).list()) {
      const existing = new Set((await regimesRepository(tx).listByMunicipality(municipality.id)).map((r) => r.id));
      for (const draft of drafts.filter((d) => !existing.has(d.id))) {
        await regimesRepository(tx).insert(municipality.id, draft);
        log(`Added the draft legal regime ${draft.id} to municipality ${municipality.code} (inactive until an admin confirms it)`);
      }
    }
  });
}
