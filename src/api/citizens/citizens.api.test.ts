import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';

describe('citizens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers a citizen and returns the CPR masked with the birth date', async () => {
    const response = await t.as('cw').post('/api/citizens', { cpr: '010190-1234', name: 'Anna Andersen', gender: 'female' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ cprMasked: '010190-XXXX', birthDate: '1990-01-01', name: 'Anna Andersen' });
    expect(JSON.stringify(body)).not.toContain('0101901234');
  });

  it('rejects a CPR with an impossible date and writes nothing', async () => {
    const response = await t.as('cw').post('/api/citizens', { cpr: '3102901234', name: 'Ingen Dato' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'cpr', reason: 'CPR_DATE' } });
    const search = await t.as('cw').get('/api/citizens?q=Ingen');
    expect(search.json().citizens).toEqual([]);
  });

  it('answers 409 CONFLICT for a CPR already registered', async () => {
    await t.as('cw').post('/api/citizens', { cpr: '0202801111', name: 'Bo Berg' });
    const again = await t.as('cw').post('/api/citizens', { cpr: '020280-1111', name: 'Bo Berg' });
    expect(again.statusCode).toBe(409);
  });

  it('adds a target-group spell and validates the group code', async () => {
    const citizen = (await t.as('cw').post('/api/citizens', { cpr: '0303751234', name: 'Carl Cruz' })).json();
    const ok = await t.as('cw').post(`/api/citizens/${citizen.id}/target-groups`, {
      group: 'kontanthjaelp_aktivitetsparat',
      visitation: 'aktivitetsparat',
      from: '2015-01-01',
    });
    expect(ok.statusCode).toBe(201);
    const bad = await t.as('cw').post(`/api/citizens/${citizen.id}/target-groups`, { group: 'kontanthjaelp', from: '2015-01-01' });
    expect(bad.statusCode).toBe(400);
    const overview = (await t.as('cw').get(`/api/citizens/${citizen.id}`)).json();
    expect(overview.targetGroups).toEqual([
      expect.objectContaining({ group: 'kontanthjaelp_aktivitetsparat', visitation: 'aktivitetsparat', from: '2015-01-01', to: null }),
    ]);
  });

  it('R-PRV-1/R-PRV-2: audits reads and searches, and an admin lists all accesses to one citizen', async () => {
    const citizen = (await t.as('cw').post('/api/citizens', { cpr: '0404701234', name: 'Dorte Dam' })).json();
    await t.as('cw').get(`/api/citizens/${citizen.id}`);
    await t.as('coord').get(`/api/citizens/${citizen.id}`);
    const accesses = await t.as('admin').get(`/api/citizens/${citizen.id}/accesses`);
    expect(accesses.statusCode).toBe(200);
    const entries = accesses.json().entries as { username: string; action: string; purpose: string }[];
    expect(entries.map((e) => `${e.username}:${e.action}`)).toEqual(['coord:read', 'cw:read', 'cw:create']);
    expect(entries.every((e) => e.purpose === 'sagsbehandling')).toBe(true);
    await t.as('cw').get('/api/citizens?q=Dorte');
    const recent = (await t.as('admin').get('/api/audit')).json().entries as { action: string; criterion: string | null }[];
    expect(recent[0]).toMatchObject({ action: 'search', criterion: 'text:Dorte' });
    const denied = await t.as('cw').get(`/api/citizens/${citizen.id}/accesses`);
    expect(denied.statusCode).toBe(403);
  });
});
