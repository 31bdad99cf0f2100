/**
 * Proposing mentors for a grant (issue 3 point 8). Hard constraints exclude a mentor, with the reason
 * shown: capacity left for the grant's weekly hours, the specialties the citizen's barriers require,
 * the citizen's language, a gender preference, no authority role (myndighedsrolle, Cabi 2015: 72 % of
 * municipalities keep the roles apart), no recorded family or personal relation. Soft criteria rank the
 * rest: continuity with an earlier mentor, specialty fit, distance by postcode, balanced load. Equal
 * scores rotate by a seed (e.g. the grant id), so the same mentor is not proposed first to everyone.
 */
import { formatHours } from './danish-format.ts';

export type MatchingMentor = {
  id: number;
  name: string;
  weeklyCapacityHours: number | null;
  loadHours: number;
  specialties: string[];
  languages: string[];
  gender: string | null;
  postcode: string | null;
  hasAuthorityRole: boolean;
  relatedCitizenIds: number[];
};

export type MatchingNeed = {
  citizenId: number;
  weeklyHours: number;
  barriers: string[];
  language: string | null;
  preferredGender: string | null;
  postcode: string | null;
  earlierMentorIds: number[];
};

export type MentorProposal = { mentorId: number; name: string; score: number; eligible: boolean; reasons: string[] };

const norm = (s: string) => s.trim().toLowerCase();

function rotationKey(seed: number, mentorId: number): number {
  let h = (seed * 2654435761) ^ (mentorId * 40503);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

export function proposeMentors(input: { need: MatchingNeed; mentors: MatchingMentor[]; seed: number }): MentorProposal[] {
  const { need } = input;
  const proposals = input.mentors.map((m): MentorProposal & { rotation: number } => {
    const reasons: string[] = [];
    let eligible = true;
    const exclude = (why: string) => {
      eligible = false;
      reasons.push(`Udelukket: ${why}`);
    };
    const left = m.weeklyCapacityHours === null ? Infinity : m.weeklyCapacityHours - m.loadHours;
    if (left < need.weeklyHours) exclude(`kapacitet (${formatHours(Math.max(0, left))} af ${formatHours(need.weeklyHours)} timer ledige)`);
    const specialties = m.specialties.map(norm);
    const missing = need.barriers.filter((b) => !specialties.includes(norm(b)));
    if (missing.length > 0) exclude(`mangler speciale i ${missing.join(', ')}`);
    if (need.language && !m.languages.map(norm).includes(norm(need.language))) exclude(`taler ikke ${need.language}`);
    if (need.preferredGender && m.gender !== need.preferredGender) exclude('borgerens ønske om mentorens køn');
    if (m.hasAuthorityRole) exclude('har myndighedsrolle');
    if (m.relatedCitizenIds.includes(need.citizenId)) exclude('registreret familie- eller personlig relation');
    let score = 0;
    if (need.earlierMentorIds.includes(m.id)) {
      score += 40;
      reasons.push('Kontinuitet: har været borgerens mentor før');
    }
    const fit = need.barriers.length > 0 ? need.barriers.length - missing.length : 0;
    if (fit > 0) {
      score += 10 * fit;
      reasons.push(`Speciale: ${need.barriers.filter((b) => specialties.includes(norm(b))).join(', ')}`);
    }
    if (need.postcode && m.postcode) {
      const distance = Math.abs(Number(need.postcode) - Number(m.postcode));
      const points = distance === 0 ? 15 : distance <= 50 ? 10 : distance <= 300 ? 5 : 0;
      score += points;
      if (points > 0) reasons.push(`Afstand: postnummer ${m.postcode}`);
    }
    if (m.weeklyCapacityHours) {
      const free = Math.max(0, left - need.weeklyHours) / m.weeklyCapacityHours;
      score += Math.round(free * 10);
      reasons.push(`Belastning: ${formatHours(m.loadHours)} af ${formatHours(m.weeklyCapacityHours)} timer`);
    }
    return { mentorId: m.id, name: m.name, score, eligible, reasons, rotation: rotationKey(input.seed, m.id) };
  });
  proposals.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || a.rotation - b.rotation);
  return proposals.map(({ rotation: _rotation, ...p }) => p);
}
