import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDataDir } from '../../db/test-database.ts';
import { openDatabase } from '../../open-database.ts';
import { logIn } from '../../use-cases/log-in.ts';
import { prepareDatabase } from '../../use-cases/prepare-database.ts';
import { runCli, runCliProcess } from '../test-run-cli.ts';

// A fresh embedded database with demo off, as a municipality starts it: only `admin` exists.
const dir = mkdtempSync(join(tmpdir(), 'users-cli-'));

/** In this process (src/cli/test-run-cli.ts); `cliProcess` runs the same as `node bin/mentorspor.js users …`. */
const cli = (args: string[]) => runCli(['users', ...args], { MENTORSPOR_DATA_DIR: dir, DATABASE_URL: '' });
const cliProcess = (args: string[]) => runCliProcess(['users', ...args], { MENTORSPOR_DATA_DIR: dir, DATABASE_URL: '' });

describe('mentorspor users add|list (CLI, issue 11)', () => {
  beforeAll(async () => {
    const db = await openTestDataDir(join(dir, 'pglite'));
    await prepareDatabase(db, { demo: 'never', adminPassword: 'test-password-1', log: () => {}, now: new Date('2026-12-03T09:00:00Z') });
    await db.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the first caseworker with a one-time password that logs in, and lists the users', async () => {
    const out = await cli(['add', '--username', 'sara', '--name', 'Sara Holm', '--role', 'caseworker']);
    expect(out.code).toBe(0);
    const password = /One-time password: (\S+)/.exec(out.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const list = await cli(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/sara\s+caseworker\s+aktiv\s+Sara Holm/);
    const db = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      const session = await logIn(db, { username: 'sara', password: password!, now: new Date('2026-12-03T10:00:00Z') });
      expect(session.actor).toMatchObject({ username: 'sara', role: 'caseworker' });
    } finally {
      await db.close();
    }
  }, 60_000);

  it('exits 2 with the usage for a bad role, 0 for --help, and 1 for a taken username', async () => {
    const bad = await cli(['add', '--username', 'x', '--name', 'X', '--role', 'boss']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--role must be one of caseworker, mentor, coordinator, manager, admin/);
    const help = cliProcess(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mentorspor users add/);
    const taken = await cli(['add', '--username', 'sara', '--name', 'Sara 2', '--role', 'caseworker']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^CONFLICT: Brugernavnet 'sara' er optaget/);
  }, 60_000);
});
