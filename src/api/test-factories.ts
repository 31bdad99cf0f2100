import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/**
 * Registers an internal provider and one mentor in it through the API, as the coordinator; returns the
 * mentor's id. For tests that need a mentor on their courses but do not test the registers themselves.
 */
export async function registerTestMentor(t: TestApp, name = 'M', providerName = 'Team'): Promise<number> {
  const provider = (await t.as('coord').post('/api/providers', { name: providerName, type: 'internal' })).json();
  return (await t.as('coord').post('/api/mentors', { name, providerId: provider.id, phone: '1', qualifications: ['x'] })).json().id;
}

/** A multipart/form-data body carrying `csv` as the form field `file`, as a browser's file picker sends it. */
export function multipartCsvUpload(filename: string, csv: string, boundary = 'mentorspor-test-boundary') {
  const payload = [
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; filename="${filename}"`,
    'Content-Type: text/csv',
    '',
    csv,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The import record of `id` once it has stopped running, polled as `username` every 25 ms for up to 5 s. */
export async function finishedImport(t: TestApp, id: number, username: string) {
  for (let i = 0; i < 200; i += 1) {
    const record = (await t.as(username).get(`/api/imports/${id}`)).json();
    if (record.status !== 'running') return record;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

/**
 * Registers a citizen through the API as the caseworker, aktivitetsparat on cash benefit from `from`;
 * returns the citizen's id. For tests of what happens around a course rather than of the citizen register.
 */
export async function registerAktivitetsparatCitizen(t: TestApp, citizen: { cpr: string; name: string }, from: string): Promise<number> {
  const created = (await t.as('cw').post('/api/citizens', citizen)).json();
  expect(created.id, JSON.stringify(created)).toBeGreaterThan(0);
  await t.as('cw').post(`/api/citizens/${created.id}/target-groups`, {
    group: 'kontanthjaelp_aktivitetsparat',
    visitation: 'aktivitetsparat',
    from,
  });
  return created.id;
}

type TestGrant = {
  citizenId: number;
  type: 'RET_OG_PLIGT' | 'GENERAL';
  agreedOn: string;
  startDate: string;
  endDate: string;
  mentorId: number | null;
  weeklyHours?: number;
  goal?: string;
  citizenConsent?: boolean;
};

/**
 * Creates a mentor grant with a complete agreement (R-AGR-1) through the API as the caseworker and approves
 * it; returns the grant's id.
 */
export async function approvedTestGrant(t: TestApp, { weeklyHours = 1, goal = 'Mål', ...grant }: TestGrant): Promise<number> {
  const created = (
    await t.as('cw').post('/api/grants', {
      ...grant,
      weeklyHours,
      goal,
      tasks: ['Møder'],
      complaintGuidance: true,
      needAssessment: 'Vurdering',
    })
  ).json();
  const approved = await t.as('cw').post(`/api/grants/${created.id}/approve`);
  expect(approved.statusCode, approved.body).toBe(200);
  return created.id;
}
