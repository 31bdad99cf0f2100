import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedImport } from '../test-factories.ts';
import { openTestApp, type TestApp, sameOrigin } from '../test-app.ts';

describe('case-history import through the API', () => {
  let t: TestApp;

  const cookieOf = (username: string) => t.cookieOf(username);
  async function upload(kind: string, csv: string, username = 'coord') {
    return t.app.inject({
      method: 'POST',
      url: `/api/imports/${kind}`,
      headers: { ...sameOrigin, cookie: await cookieOf(username), 'content-type': 'text/csv' },
      payload: csv,
    });
  }
  const waitFor = (id: number, username = 'coord') => finishedImport(t, id, username);
  const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*) as n from ${table}`))[0]!.n;

  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports citizens, target groups, grants and offers: 202, then done with the counts', async () => {
    // 1 Dec 2026: a coordinator loads the old case system's history, citizens first.
    const citizens = await upload('citizens', 'cpr;name;gender\n0303851234;Anna Jensen;female\n1207904321;Bo Hansen;male\n');
    expect(citizens.statusCode).toBe(202);
    expect(await waitFor(citizens.json().id)).toMatchObject({
      kind: 'case-history:citizens',
      status: 'done',
      counts: { rows: 2, created: 2 },
      errors: [],
    });
    const spells = await waitFor(
      (
        await upload(
          'target-groups',
          'cpr;targetGroup;visitation;fromDate;toDate\n0303851234;kontanthjaelp_aktivitetsparat;aktivitetsparat;2014-06-01;2016-12-31\n',
        )
      ).json().id,
    );
    expect(spells).toMatchObject({ status: 'done', counts: { rows: 1, created: 1 } });
    const grants = await waitFor(
      (
        await upload(
          'grants',
          'externalId;cpr;type;agreedOn;startDate;endDate;weeklyHours;status;actualEndDate;endReason\nG-1;0303851234;RET_OG_PLIGT;2015-03-03;2015-03-09;2015-09-08;7,5;ended;2015-08-14;JOB\n',
        )
      ).json().id,
    );
    expect(grants).toMatchObject({ status: 'done', counts: { rows: 1, created: 1, updated: 0, unchanged: 0 } });
    const [grant] = await t.db.query<{ regime: string; refund: string }>('select regime_id as regime, refund_class as refund from grants');
    expect(grant).toEqual({ regime: 'LAB-2014', refund: 'inside_frame' });
    const offers = await waitFor(
      (await upload('offers', 'cpr,type,startDate,endDate\n0303851234,virksomhedspraktik,2015-09-01,2015-11-30\n')).json().id,
    );
    expect(offers).toMatchObject({ status: 'done', counts: { rows: 1, created: 1 } });
  });

  it('a bad file fails with line numbers and changes nothing', async () => {
    const before = { citizens: await count('citizens'), grants: await count('grants') };
    const csv =
      'externalId;cpr;type;agreedOn;startDate;endDate;weeklyHours;status\nG-2;1207904321;GENERAL;2020-02-01;2020-02-03;2020-07-31;3;approved\nG-3;0909091234;GENERAL;2020-02-01;2020-02-03;2020-01-31;3;approved\n';
    const record = await waitFor((await upload('grants', csv)).json().id);
    expect(record).toMatchObject({
      status: 'failed',
      errors: [{ line: 3, message: 'endDate 2020-01-31 is before startDate 2020-02-03' }],
    });
    expect({ citizens: await count('citizens'), grants: await count('grants') }).toEqual(before);
  });

  it('answers 400 for an empty body, 403 to a caseworker, and hides case-history imports from managers', async () => {
    expect((await upload('offers', '')).statusCode).toBe(400);
    expect((await upload('citizens', 'cpr;name\n0303851234;A\n', 'cw')).statusCode).toBe(403);
    const { id } = (await upload('citizens', 'cpr;name\n0303851234;Anna Jensen\n')).json();
    await waitFor(id);
    expect((await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: await cookieOf('boss') } })).statusCode).toBe(
      403,
    );
  });
});
