import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';

type Row = { id: number; name: string; cprMasked: string; birthDate: string; latestGrantStart: string | null };

/**
 * Issue 14: the citizen list pages, sorts and counts on the server; "mine sager" shows the citizens of a
 * caseworker's own grants; a CPR search is audited masked and CPR numbers are masked in the list.
 */
describe('the citizen list', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await openTestApp();
    await t.createUser('cw2', 'caseworker');
    // Seven citizens born in different years; names not in birth order.
    const people: [string, string][] = [
      ['Gitte Gram', '0707701234'],
      ['Anders And', '0101801234'],
      ['Freja Fisk', '0606751234'],
      ['Bent Bille', '0202651234'],
      ['Erik Egern', '0505951234'],
      ['Dorthe Due', '0404851234'],
      ['Carla Krage', '0303901234'],
    ];
    for (const [name, cpr] of people) ids[name] = (await t.as('cw').post('/api/citizens', { cpr, name })).json().id;
    const [cw] = await t.db.query<{ id: number }>(`select id from users where username = 'cw'`);
    const [cw2] = await t.db.query<{ id: number }>(`select id from users where username = 'cw2'`);
    // 2026: cw granted Dorthe (March) and Bent (June); cw2 approved a grant of Erik (January) that cw created.
    const grant = async (citizen: string, start: string, createdBy: number, approvedBy: number | null) =>
      t.db.query(
        `insert into grants (municipality_id, citizen_id, type, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours, created_by, approved_by)
         values ($1, $2, 'GENERAL', 'REFORM-2026a', 'inside_frame', $3, $3, ($3::date + 90), 2, $4, $5)`,
        [t.municipalityId, ids[citizen], start, createdBy, approvedBy],
      );
    await grant('Dorthe Due', '2026-03-01', cw!.id, null);
    await grant('Bent Bille', '2026-06-01', cw!.id, null);
    await grant('Erik Egern', '2026-01-05', cw2!.id, cw2!.id);
    await grant('Gitte Gram', '2026-02-01', cw2!.id, cw!.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages by name with the total of the whole list', async () => {
    const first = (await t.as('cw').get('/api/citizens?limit=3')).json();
    expect(first).toMatchObject({ total: 7, page: 1, pageSize: 3 });
    expect(first.citizens.map((c: Row) => c.name)).toEqual(['Anders And', 'Bent Bille', 'Carla Krage']);
    const third = (await t.as('cw').get('/api/citizens?limit=3&page=3')).json();
    expect(third.total).toBe(7);
    expect(third.citizens.map((c: Row) => c.name)).toEqual(['Gitte Gram']);
    const beyond = (await t.as('cw').get('/api/citizens?limit=3&page=4')).json();
    expect(beyond).toMatchObject({ total: 7, citizens: [] });
  });

  it('sorts by birth date and by the latest grant, citizens without a grant last', async () => {
    const byBirth = (await t.as('cw').get('/api/citizens?sort=birthDate&direction=desc&limit=2')).json();
    expect(byBirth.citizens.map((c: Row) => c.birthDate)).toEqual(['1995-05-05', '1990-03-03']);
    const byGrant = (await t.as('cw').get('/api/citizens?sort=latestGrant&direction=desc')).json();
    expect(byGrant.citizens.map((c: Row) => [c.name, c.latestGrantStart])).toEqual([
      ['Bent Bille', '2026-06-01'],
      ['Dorthe Due', '2026-03-01'],
      ['Gitte Gram', '2026-02-01'],
      ['Erik Egern', '2026-01-05'],
      ['Anders And', null],
      ['Carla Krage', null],
      ['Freja Fisk', null],
    ]);
    const ascending = (await t.as('cw').get('/api/citizens?sort=latestGrant&limit=1')).json();
    expect(ascending.citizens[0].name).toBe('Erik Egern');
  });

  it('"mine sager" lists the citizens of grants the caseworker created or approved', async () => {
    const mine = (await t.as('cw').get('/api/citizens?mine=true')).json();
    expect(mine.total).toBe(3);
    expect(mine.citizens.map((c: Row) => c.name)).toEqual(['Bent Bille', 'Dorthe Due', 'Gitte Gram']);
    const theirs = (await t.as('cw2').get('/api/citizens?mine=true')).json();
    expect(theirs.citizens.map((c: Row) => c.name)).toEqual(['Erik Egern', 'Gitte Gram']);
  });

  it('finds a citizen by CPR with or without the dash, shows it masked and audits the search masked', async () => {
    const found = await t.as('cw').get('/api/citizens?q=060675-1234');
    expect(found.json()).toMatchObject({ total: 1, citizens: [{ name: 'Freja Fisk', cprMasked: '060675-XXXX' }] });
    expect(found.payload).not.toContain('0606751234');
    expect((await t.as('cw').get('/api/citizens?q=0606')).json().total).toBe(0);
    const entries = (await t.as('admin').get('/api/audit?action=search')).json().entries as { criterion: string | null }[];
    expect(entries.map((e) => e.criterion)).toContain('cpr:060675…');
    expect(JSON.stringify(entries)).not.toContain('0606751234');
  });

  it('searches by a name fragment, paged, with the total of the matches', async () => {
    const page = (await t.as('cw').get('/api/citizens?q=I&limit=2&page=2')).json();
    expect(page.total).toBe(4);
    expect(page.citizens.map((c: Row) => c.name)).toEqual(['Freja Fisk', 'Gitte Gram']);
  });

  it('refuses an unknown sort, a page below 1 and an unknown parameter', async () => {
    for (const query of ['sort=cpr', 'page=0', 'limit=201', 'direction=up', 'mine=maybe', 'offset=5']) {
      const response = await t.as('cw').get(`/api/citizens?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('INVALID_INPUT');
    }
  });
});
