import { describe, expect, it } from 'vitest';
import { proposeMentors, type MatchingMentor, type MatchingNeed } from './mentor-matching.ts';

const mentor = (id: number, overrides: Partial<MatchingMentor> = {}): MatchingMentor => ({
  id,
  name: `M${id}`,
  weeklyCapacityHours: 20,
  loadHours: 10,
  specialties: [],
  languages: ['da'],
  gender: 'female',
  postcode: '2650',
  hasAuthorityRole: false,
  relatedCitizenIds: [],
  ...overrides,
});
const need: MatchingNeed = {
  citizenId: 7,
  weeklyHours: 2,
  barriers: [],
  language: null,
  preferredGender: null,
  postcode: null,
  earlierMentorIds: [],
};

describe('proposeMentors', () => {
  it('excludes on hard constraints and says why', () => {
    const result = proposeMentors({
      need: { ...need, barriers: ['angst'], language: 'ar' },
      mentors: [
        mentor(1, { specialties: ['angst'], languages: ['da', 'ar'] }),
        mentor(2, { specialties: ['angst'], languages: ['da'] }),
        mentor(3, { specialties: [], languages: ['ar'] }),
        mentor(4, { specialties: ['angst'], languages: ['ar'], loadHours: 19 }),
        mentor(5, { specialties: ['angst'], languages: ['ar'], hasAuthorityRole: true }),
        mentor(6, { specialties: ['angst'], languages: ['ar'], relatedCitizenIds: [7] }),
      ],
      seed: 1,
    });
    expect(result.filter((p) => p.eligible).map((p) => p.mentorId)).toEqual([1]);
    const reasons = Object.fromEntries(result.map((p) => [p.mentorId, p.reasons.filter((r) => r.startsWith('Udelukket')).join('; ')]));
    expect(reasons[2]).toContain('taler ikke ar');
    expect(reasons[3]).toContain('mangler speciale i angst');
    expect(reasons[4]).toContain('kapacitet');
    expect(reasons[5]).toContain('myndighedsrolle');
    expect(reasons[6]).toContain('relation');
  });

  it('ranks continuity first, then specialty fit and distance', () => {
    const result = proposeMentors({
      need: { ...need, postcode: '2650', earlierMentorIds: [3] },
      mentors: [mentor(1, { postcode: '2650' }), mentor(2, { postcode: '9000' }), mentor(3, { postcode: '8000' })],
      seed: 1,
    });
    expect(result.map((p) => p.mentorId)).toEqual([3, 1, 2]);
    expect(result[0]!.reasons[0]).toContain('Kontinuitet');
  });

  it('rotates among equal scores so the same mentor is not always first', () => {
    const equal = [mentor(1), mentor(2), mentor(3), mentor(4)];
    const firsts = new Set(Array.from({ length: 20 }, (_, seed) => proposeMentors({ need, mentors: equal, seed })[0]!.mentorId));
    expect(firsts.size).toBeGreaterThan(1);
    // Deterministic for the same seed.
    expect(proposeMentors({ need, mentors: equal, seed: 5 })).toEqual(proposeMentors({ need, mentors: equal, seed: 5 }));
  });
});
