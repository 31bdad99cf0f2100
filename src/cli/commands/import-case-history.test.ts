import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDataDir } from '../../db/test-database.ts';
import { prepareDatabase } from '../../use-cases/prepare-database.ts';
import { runCli, runCliProcess } from '../test-run-cli.ts';

// The CLI runs against its own embedded database in a temporary folder, prepared like a first start.
const dir = mkdtempSync(join(tmpdir(), 'case-history-cli-'));

/** In this process (src/cli/test-run-cli.ts); `cliProcess` runs the same as `node bin/mentorspor.js import …`. */
const cli = (args: string[]) => runCli(['import', ...args], { MENTORSPOR_DATA_DIR: dir, DATABASE_URL: '' });
const cliProcess = (args: string[]) => runCliProcess(['import', ...args], { MENTORSPOR_DATA_DIR: dir, DATABASE_URL: '' });

function writeCsv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('mentorspor import citizens|target-groups|grants|offers (CLI)', () => {
  beforeAll(async () => {
    const db = await openTestDataDir(join(dir, 'pglite'));
    await prepareDatabase(db, { demo: 'never', adminPassword: 'test-password-1', log: () => {}, now: new Date('2026-12-01T09:00:00Z') });
    await db.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a citizens file and prints the summary line', async () => {
    const out = await cli(['citizens', writeCsv('citizens.csv', 'cpr;name\n0303851234;Anna Jensen\n1207904321;Bo Hansen\n')]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe(`\r[${'#'.repeat(30)}] 100 % 3 lines\n`);
    expect(out.stdout).toMatch(/^Imported 2 citizens from 3 lines: 2 created, 0 updated, 0 unchanged in \d+\.\d s\n$/);
  }, 60_000);

  it('exits 2 on a bad file, naming the line, with the CPR masked', async () => {
    // Line 3 names a citizen the case system does not have; line 4 has an unknown offer type.
    const file = writeCsv(
      'offers.csv',
      'cpr;type;startDate\n0303851234;nytteindsats;2016-01-04\n0909091234;nytteindsats;2016-01-04\n1207904321;kaffe;2016-02-01\n',
    );
    const out = await cli(['offers', file]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('INVALID_INPUT: 2 bad line(s); nothing was imported');
    expect(out.stderr).toContain('line 3: unknown CPR 090909-XXXX');
    expect(out.stderr).toContain("line 4: unknown type 'kaffe'");
    expect(out.stderr).not.toContain('0909091234');
  }, 60_000);

  it('exits 2 for a missing file argument', async () => {
    const out = cliProcess(['grants']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('INVALID_INPUT: FILE is required');
  });
});
