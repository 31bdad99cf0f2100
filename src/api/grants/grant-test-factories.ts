import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../test-app.ts';

/**
 * Mette Mentor of the jobcentre's internal team (390 kr. an hour), a social worker with training module 1:
 * the mentor the grant API tests agree courses with. The registration's answer, for the test to check.
 */
export async function registerMetteMentor(t: TestApp): Promise<LightMyRequestResponse> {
  const provider = (
    await t.as('coord').post('/api/providers', { name: 'Jobcentrets mentorteam', type: 'internal', hourlyRate: 390 })
  ).json();
  return t.as('coord').post('/api/mentors', {
    name: 'Mette Mentor',
    providerId: provider.id,
    phone: '+45 11 22 33 44',
    email: 'mette@example.dk',
    qualifications: ['Socialrådgiver'],
    trainingModules: [{ module: 1, completedOn: '2014-09-01' }],
  });
}

/**
 * A ret-og-pligt grant request with a complete agreement (R-AGR-1): Monday 2 March 2015 to 1 September 2015,
 * 1.5 hours a week, agreed the Monday before; `overrides` replaces any field.
 */
export function retOgPligtGrantBody(parties: { citizenId: number; mentorId: number }, overrides: Record<string, unknown> = {}) {
  return {
    ...parties,
    type: 'RET_OG_PLIGT',
    agreedOn: '2015-02-23',
    startDate: '2015-03-02',
    endDate: '2015-09-01',
    weeklyHours: 1.5,
    goal: 'Stabilitet i hverdagen, så borgeren kan deltage i tilbud',
    tasks: ['Ugentlige møder', 'Følge til behandling'],
    complaintGuidance: true,
    needAssessment: 'Personlige forhold forhindrer aktuelt et ret og pligt-tilbud',
    ...overrides,
  };
}
