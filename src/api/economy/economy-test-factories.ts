/**
 * Test data for the economy API tests, made through the real API (house style: factories with
 * sensible defaults): providers with a rate, mentors, citizens in a target group, approved grants.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';

export function economyFactories(t: TestApp) {
  let citizenCount = 0;
  return {
    async provider(input: { name: string; type: string; hourlyRate: number }): Promise<number> {
      const response = await t.as('coord').post('/api/providers', input);
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id;
    },
    async mentor(providerId: number, name = 'Mette Mentor'): Promise<number> {
      const response = await t.as('coord').post('/api/mentors', {
        name,
        providerId,
        phone: '+45 11 22 33 44',
        email: 'mentor@example.dk',
        qualifications: ['Socialrådgiver'],
        trainingModules: [{ module: 1, completedOn: '2014-09-01' }],
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id;
    },
    async citizen(group: string, from = '2014-01-01'): Promise<number> {
      citizenCount += 1;
      // Born 1985 (serial 1xxx: 1900s), a different serial for each citizen.
      const cpr = `${String((citizenCount % 28) + 1).padStart(2, '0')}0185${1000 + citizenCount}`;
      const citizen = await t.as('cw').post('/api/citizens', { cpr, name: `Borger ${citizenCount}` });
      expect(citizen.statusCode, citizen.body).toBe(201);
      const visitation = group.includes('aktivitetsparat') ? 'aktivitetsparat' : null;
      const spell = await t.as('cw').post(`/api/citizens/${citizen.json().id}/target-groups`, { group, visitation, from });
      expect(spell.statusCode, spell.body).toBe(201);
      return citizen.json().id;
    },
    /** A general mentor grant, approved (agreed a week before the start unless given). */
    async approvedGrant(input: {
      citizenId: number;
      mentorId: number;
      startDate: string;
      endDate: string;
      agreedOn: string;
      weeklyHours?: number;
      type?: string;
      justification?: string;
    }): Promise<number> {
      const created = await t.as('cw').post('/api/grants', {
        citizenId: input.citizenId,
        type: input.type ?? 'GENERAL',
        agreedOn: input.agreedOn,
        startDate: input.startDate,
        endDate: input.endDate,
        weeklyHours: input.weeklyHours ?? 2,
        goal: 'At fastholde et beskæftigelsesrettet forløb',
        tasks: ['Ugentlige samtaler'],
        mentorId: input.mentorId,
        complaintGuidance: true,
        needAssessment: 'Borgeren har brug for støtte for at kunne gennemføre forløbet',
        assessmentDate: input.agreedOn,
        citizenConsent: true,
        justification: input.justification ?? null,
      });
      expect(created.statusCode, created.body).toBe(201);
      const approved = await t.as('cw').post(`/api/grants/${created.json().id}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      return created.json().id;
    },
  };
}

export type EconomyFactories = ReturnType<typeof economyFactories>;

/**
 * A test app with the economy factories bound to it, opened before the enclosing `describe`'s tests and
 * closed after them. Read `app.t` and `app.f` inside hooks and tests (they are there once it has opened).
 */
export function useEconomyTestApp(): { readonly t: TestApp; readonly f: EconomyFactories } {
  let opened: { t: TestApp; f: EconomyFactories } | undefined;
  beforeAll(async () => {
    const t = await openTestApp();
    opened = { t, f: economyFactories(t) };
  });
  afterAll(async () => {
    await opened?.t.close();
  });
  const open = () => {
    if (!opened) throw new Error('useEconomyTestApp: read app.t and app.f inside hooks and tests, after the app has opened');
    return opened;
  };
  return {
    get t() {
      return open().t;
    },
    get f() {
      return open().f;
    },
  };
}
