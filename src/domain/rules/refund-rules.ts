import { compareDates, type CalendarDate } from '../calendar-date.ts';
import type { Finding } from '../finding.ts';
import type { LegalRegime, RefundClass } from '../legal-regime.ts';
import type { GrantType } from '../mentor-grant.ts';
import { findTargetGroupOn, targetGroupLabels, type TargetGroupCode } from '../target-group.ts';
import { formatDate } from '../danish-format.ts';
import type { GrantRuleInput } from './grant-rule-input.ts';

/**
 * R-FIN-1: refund is decided by the target group on the date the agreement is concluded, looked up in
 * the regime's table (E3). R-FIN-2 (LAB-2014): none for § 2 nr. 1–2, employed and students; outside the
 * frame for ressourceforløb/jobafklaring; inside for the rest (S2, S4). R-FIN-4: from 2019 the direct refund
 * ends — a rule's `until` date ends it early (sygedagpenge 2019-07-01). R-FIN-6: from 2019 only dagpenge
 * (§ 2 nr. 1) keep 50 % within the rådighedsbeløb; cash-benefit groups have none (law update 2026-12 §2).
 */
export function refundClassFor(input: {
  regime: LegalRegime;
  targetGroup: TargetGroupCode | null;
  grantType: GrantType;
  agreedOn: CalendarDate;
}): { refundClass: RefundClass; rate: number } {
  const p = input.regime.parameters;
  const byType = p.refundByGrantType[input.grantType];
  let refundClass: RefundClass = 'none';
  if (byType) refundClass = byType;
  else if (input.targetGroup) {
    const rule = p.refundTable[input.targetGroup];
    refundClass = rule.until !== undefined && compareDates(input.agreedOn, rule.until) > 0 ? 'none' : rule.class;
  }
  return { refundClass, rate: refundClass === 'none' ? 0 : p.refundRate };
}

export function checkRefund({ proposal, citizen, regime }: GrantRuleInput): Finding[] {
  const spell = findTargetGroupOn(citizen.targetGroupSpells, proposal.agreedOn);
  if (!spell) {
    return [
      {
        rule: 'R-FIN-1',
        severity: 'warning',
        message: `Borgerens målgruppe på aftaledatoen (${formatDate(proposal.agreedOn)}) er ikke registreret, så refusionen kan ikke afgøres.`,
        source: 'L 66 (2015-16): målgruppen "ved indgåelse af aftale om mentorstøtte" (E3)',
      },
    ];
  }
  const { refundClass } = refundClassFor({ regime, targetGroup: spell.group, grantType: proposal.type, agreedOn: proposal.agreedOn });
  if (refundClass !== 'none' || !['LAB-2014', 'LAB-2016'].includes(regime.id)) return [];
  return [
    {
      rule: 'R-FIN-2',
      severity: 'warning',
      message: `Mentorstøtte til ${targetGroupLabels[spell.group].toLowerCase()} er ikke refusionsberettiget; kommunen afholder hele udgiften.`,
      source: 'LAB § 121 a (2014-15) og § 118 (2016-18); Københavns Kommune 2015 (S2); Cabi 2015 (S4)',
    },
  ];
}
