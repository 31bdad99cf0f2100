/**
 * R-CMP-3: a company or education-institution mentor may be granted per place (pladsmentor) for
 * several persons (LAB § 31 e, stk. 2, E13; Jobindsats: individuel mentor vs pladsmentor, E34): the hours
 * are fixed for the place, per-person hours are then not required, but each person must be linked to
 * the place through their own grant.
 */
import { compareDates, type CalendarDate } from './calendar-date.ts';
import type { Finding } from './finding.ts';
import type { GrantType } from './mentor-grant.ts';

const source = 'LAB § 31 e, stk. 2 (E13); Jobindsats: pladsmentor (E34)';
const placeGrantTypes: readonly GrantType[] = ['COMPANY', 'EDUCATION_INST'];

export type PlaceMentorProposal = {
  weeklyHours: number;
  startDate: CalendarDate;
  endDate: CalendarDate;
  linkedGrants: readonly { grantId: number; type: GrantType; status: string }[];
};

/** R-CMP-3: a place needs hours, a period, and at least one linked person whose grant is a company or institution mentor. */
export function checkPlaceMentor(proposal: PlaceMentorProposal): Finding[] {
  const findings: Finding[] = [];
  if (!(proposal.weeklyHours > 0)) {
    findings.push({
      rule: 'R-CMP-3',
      severity: 'error',
      message: 'En pladsmentor skal have et timetal for pladsen (timer pr. uge).',
      source,
    });
  }
  if (compareDates(proposal.endDate, proposal.startDate) < 0) {
    findings.push({ rule: 'R-CMP-3', severity: 'error', message: 'Pladsens slutdato ligger før startdatoen.', source });
  }
  if (proposal.linkedGrants.length === 0) {
    findings.push({
      rule: 'R-CMP-3',
      severity: 'error',
      message: 'Hver person under en pladsmentor skal knyttes til pladsen; der er ingen personer knyttet.',
      source,
    });
  }
  for (const grant of proposal.linkedGrants) {
    if (!placeGrantTypes.includes(grant.type)) {
      findings.push({
        rule: 'R-CMP-3',
        severity: 'error',
        message: `Bevilling ${grant.grantId} er ikke en virksomheds- eller uddannelsesmentor og kan ikke knyttes til en pladsmentor.`,
        source,
      });
    }
  }
  return findings;
}

/**
 * The place's hours carried by each linked person's grant when costing: the place hours shared equally
 * (the rule fixes hours per place, not per person, so no other split is more right).
 */
export function weeklyHoursPerLinkedPerson(place: { weeklyHours: number; linkedCount: number }): number {
  return place.linkedCount > 0 ? place.weeklyHours / place.linkedCount : 0;
}
