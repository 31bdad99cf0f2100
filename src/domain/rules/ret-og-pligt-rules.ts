import { compareDates, maxDate, minDate, periodEndInclusive } from '../calendar-date.ts';
import type { Finding } from '../finding.ts';
import { findTargetGroupOn } from '../target-group.ts';
import { formatDate } from '../danish-format.ts';
import type { GrantRuleInput } from './grant-rule-input.ts';

const eligibleGroups = ['kontanthjaelp_aktivitetsparat', 'uddannelseshjaelp_aktivitetsparat'];

/**
 * R-ROP-1: a ret-og-pligt mentor only for a citizen who on the start date is aktivitetsparat on cash
 * benefit (§ 2 nr. 3 / § 6 nr. 3) or education benefit (§ 2 nr. 13 / § 6 nr. 5), with a recorded
 * assessment that personal circumstances currently prevent a ret-og-pligt offer (S2, S4).
 */
export function checkRetOgPligtEligibility({ proposal, citizen }: GrantRuleInput): Finding[] {
  if (proposal.type !== 'RET_OG_PLIGT') return [];
  const findings: Finding[] = [];
  const source = 'LAB §§ 93 og 96 c med bemærkninger; Københavns Kommune 2015 (S2); Cabi 2015 (S4)';
  const spell = findTargetGroupOn(citizen.targetGroupSpells, proposal.startDate);
  if (!spell || !eligibleGroups.includes(spell.group)) {
    findings.push({
      rule: 'R-ROP-1',
      severity: 'error',
      message: `Ret og pligt-mentor kræver, at borgeren på startdatoen (${formatDate(proposal.startDate)}) er aktivitetsparat kontant- eller uddannelseshjælpsmodtager.`,
      source,
    });
  }
  if (!proposal.needAssessment?.trim()) {
    findings.push({
      rule: 'R-ROP-1',
      severity: 'error',
      message: 'Registrér vurderingen af, at personlige forhold aktuelt forhindrer et ret og pligt-tilbud.',
      source,
    });
  }
  return findings;
}

/**
 * R-ROP-2: a ret-og-pligt period is planned for exactly 6 months; any end from the 26-week end
 * (start + 181 days) to the 6-month end is accepted, whatever convention the municipality uses (S2).
 */
export function checkRetOgPligtLength({ proposal, regime }: GrantRuleInput): Finding[] {
  if (proposal.type !== 'RET_OG_PLIGT') return [];
  const months = regime.parameters.retOgPligtPeriodMonths;
  const calendarEnd = periodEndInclusive({ start: proposal.startDate, months, convention: 'calendar' });
  const weeksEnd = periodEndInclusive({ start: proposal.startDate, months, convention: 'weeks26' });
  const earliest = minDate(calendarEnd, weeksEnd);
  const latest = maxDate(calendarEnd, weeksEnd);
  if (compareDates(proposal.endDate, earliest) >= 0 && compareDates(proposal.endDate, latest) <= 0) return [];
  return [
    {
      rule: 'R-ROP-2',
      severity: 'error',
      message: `En ret og pligt-mentorperiode skal planlægges til ${months} måneder: slutdato mellem ${formatDate(earliest)} (26 uger) og ${formatDate(latest)}.`,
      source: 'Bemærkningerne til LAB §§ 93 og 96 c; Københavns Kommune 2015: 26 uger (S2)',
    },
  ];
}

/**
 * R-ROP-8 [U]: from 2026-07-01 (more flexible offers) and the 2027 main act the ret-og-pligt rules are
 * not confirmed; such periods default to "review required" (E21, E24).
 */
export function checkRetOgPligtReview({ proposal, regime }: GrantRuleInput): Finding[] {
  const from = regime.parameters.retOgPligtReviewRequiredFrom;
  if (proposal.type !== 'RET_OG_PLIGT' || from === null || compareDates(proposal.endDate, from) < 0) return [];
  return [
    {
      rule: 'R-ROP-8',
      severity: 'warning',
      message: `Reglerne for ret og pligt-mentor efter ${formatDate(from)} er ikke bekræftet: bevillingen skal gennemgås juridisk.`,
      source: 'Lov nr. 1750 af 29/12/2025 (E21); reformaftalen april 2025 (E24)',
    },
  ];
}
