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
