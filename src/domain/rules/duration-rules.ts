import { addDays, addMonths, compareDates, periodEndInclusive } from '../calendar-date.ts';
import type { Finding } from '../finding.ts';
import { formatDate } from '../danish-format.ts';
import type { GrantRuleInput } from './grant-rule-input.ts';

/**
 * R-DUR-1: one period lasts at most 6 months (the regime's maxPeriodMonths), except psychiatric
 * discharge (R-PSY-*). The longer of the calendar and 26-week readings is allowed (seed S2; LAB § 167 stk. 1, E1).
 */
export function checkMaximumDuration({ proposal, regime }: GrantRuleInput): Finding[] {
  const maxMonths = regime.parameters.maxPeriodMonths;
  if (maxMonths === null || proposal.type === 'PSYCH_DISCHARGE') return [];
  const latestEnd = addDays(addMonths(proposal.startDate, maxMonths), -1);
  if (compareDates(proposal.endDate, latestEnd) <= 0) return [];
  return [
    {
      rule: 'R-DUR-1',
      severity: 'error',
      message: `En periode må højst vare ${maxMonths} måneder: slutdatoen skal senest være ${formatDate(latestEnd)}. Forlængelse sker som en ny periode.`,
      source: `${regime.parameters.legalBasis[proposal.type]}; Københavns Kommune 2015 (S2); LAB § 167, stk. 1 (E1)`,
    },
  ];
}

/**
 * R-DUR-2: a continuation is a new period and needs a concrete assessment dated on or before the
 * previous period's end; it starts after the previous period (LAB § 167 stk. 1, E1).
 * R-DUR-3: there is no cap on the number of periods — deliberately no finding for a third or later one.
 */
export function checkContinuation({ proposal }: GrantRuleInput): Finding[] {
  const previous = proposal.previousGrant;
  if (!previous) return [];
  const findings: Finding[] = [];
  const source = 'LAB § 167, stk. 1: ny periode efter konkret vurdering (E1)';
  if (!proposal.needAssessment?.trim() || proposal.assessmentDate === null) {
    findings.push({
      rule: 'R-DUR-2',
      severity: 'error',
      message: 'En ny periode kræver en registreret, dateret konkret vurdering.',
      source,
    });
  } else if (compareDates(proposal.assessmentDate, previous.endDate) > 0) {
    findings.push({
      rule: 'R-DUR-2',
      severity: 'error',
      message: `Vurderingen af en ny periode skal være foretaget senest ved den forrige periodes udløb (${formatDate(previous.endDate)}).`,
      source,
    });
  }
  if (compareDates(proposal.startDate, previous.endDate) <= 0) {
    findings.push({
      rule: 'R-DUR-2',
      severity: 'error',
      message: `Den nye periode skal starte efter den forrige periodes slutdato (${formatDate(previous.endDate)}).`,
      source,
    });
  }
  return findings;
}

/**
 * R-DUR-4 (issue 14): one grant of a type at a time. A period that overlaps another approved or ended
 * grant of the same type for the same citizen would pay the mentor twice and count the citizen twice;
 * a longer need is met by a new period after the running one (R-DUR-2).
 */
export function checkOverlappingGrant({ proposal, otherGrants }: GrantRuleInput): Finding[] {
  return (otherGrants ?? [])
    .filter((other) => other.type === proposal.type)
    .filter((other) => compareDates(other.startDate, proposal.endDate) <= 0 && compareDates(proposal.startDate, other.endDate) <= 0)
    .map((other) => ({
      rule: 'R-DUR-4',
      severity: 'error' as const,
      message: `Borgeren har allerede en bevilling af samme type i perioden: bevilling nr. ${other.id} (${formatDate(other.startDate)} – ${formatDate(other.endDate)}). En ny periode starter efter den.`,
      source: 'LAB § 167, stk. 1 (en periode ad gangen; ny periode efter konkret vurdering, E1)',
    }));
}

/** The planned end a period gets by default under the municipality's month convention. */
export function defaultPeriodEnd(input: Pick<GrantRuleInput, 'regime' | 'settings'> & { startDate: string; months: number }): string {
  return periodEndInclusive({ start: input.startDate, months: input.months, convention: input.settings.monthConvention });
}
