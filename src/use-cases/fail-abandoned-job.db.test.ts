import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { importsRepository } from '../db/repositories/imports-repository.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { abandonedImportMessage, failAbandonedJob } from './fail-abandoned-job.ts';
import { prepareDatabase } from './prepare-database.ts';

/**
 * The queue gave up on a job (its process died on every attempt): whichever process sees the failure
 * marks the import failed with the reason and deletes its stored input; an import that ended stays as it is.
 */
describe('failing a job the queue gave up on', () => {
  let db: Database;
  let municipalityId: number;
  beforeAll(async () => {
    db = await openTestDatabase();
    await prepareDatabase(db, { demo: 'never', adminPassword: 'admin-password-1', log: () => {}, now: new Date('2026-12-04T09:00:00Z') });
    [{ id: municipalityId }] = (await db.query<{ id: number }>('select id from municipalities')) as [{ id: number }];
  });
  afterAll(async () => db.close());

  it('marks a running import failed with the expiry as reason and removes its input', async () => {
    // 4 Dec 2026: a citizen file was queued; both servers that took it died.
    const imports = importsRepository(db);
    const id = await imports.create({ municipalityId, kind: 'case-history:citizens', createdBy: null as unknown as number });
    await db.query(`insert into import_input_parts (municipality_id, import_id, part, data) values ($1, $2, 0, $3)`, [
      municipalityId,
      id,
      Buffer.from('cpr;name\n'),
    ]);
    expect(await failAbandonedJob(db, 'case-history-import', { municipalityId, importId: id }, 'expired')).toBe(true);
    expect(await imports.findById(municipalityId, id)).toMatchObject({
      status: 'failed',
      errors: [{ line: 0, message: abandonedImportMessage('expired'), code: 'INTERRUPTED' }],
    });
    expect(await db.query('select 1 from import_input_parts where import_id = $1', [id])).toEqual([]);
  });

  it('leaves an import that already ended as it is', async () => {
    const imports = importsRepository(db);
    const id = await imports.create({ municipalityId, kind: 'case-history:citizens', createdBy: null as unknown as number });
    await imports.finish({ id, status: 'done', counts: { created: 1 }, errors: [] });
    expect(await failAbandonedJob(db, 'case-history-import', { municipalityId, importId: id }, 'expired')).toBe(false);
    expect(await imports.findById(municipalityId, id)).toMatchObject({ status: 'done', counts: { created: 1 } });
  });
});
