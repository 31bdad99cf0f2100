/**
 * The compliance engine for mentor grants (domain spec §9; issue 2 point 5): pure functions over a
 * proposal, the citizen's target-group spells, the legal regime of the agreement date and the
 * municipality's settings. One module per area lives in ./rules/.
 */
import { addDays, compareDates, type CalendarDate } from './calendar-date.ts';
import { toStaffText } from './citizen-text.ts';
import { hasErrors, type Finding } from './finding.ts';
import type { LegalRegime } from './legal-regime.ts';
import type { EndReason, GrantType, PreviousGrantFacts } from './mentor-grant.ts';
import type { MunicipalSettings } from './municipal-settings.ts';
import { checkAgreementContents, checkCaseDocumentation, checkNeedAndConsent } from './rules/agreement-rules.ts';
import { checkContinuation, checkMaximumDuration, checkOverlappingGrant, defaultPeriodEnd } from './rules/duration-rules.ts';
import { formatDate } from './danish-format.ts';
import type { GrantRuleInput } from './rules/grant-rule-input.ts';
import { checkRefund } from './rules/refund-rules.ts';
import { checkGrantTypeOffered } from './rules/regime-type-rules.ts';
import { checkRetOgPligtEligibility, checkRetOgPligtLength, checkRetOgPligtReview } from './rules/ret-og-pligt-rules.ts';
import {
  checkCompanyMentorJustification,
  checkPsychDischargeStart,
  checkPsychDischargeTotal,
  checkYouthEducation,
  psychDischargeCoverage,
} from './rules/special-type-rules.ts';
import { checkYouthEducationRightHolder, checkYouthEducationWindow } from './rules/youth-education-rules.ts';

export type { Finding } from './finding.ts';
export { refundClassFor } from './rules/refund-rules.ts';

const grantRules = [
  checkGrantTypeOffered,
  checkAgreementContents,
  checkCaseDocumentation,
  checkNeedAndConsent,
  checkMaximumDuration,
  checkContinuation,
  checkOverlappingGrant,
  checkRetOgPligtEligibility,
  checkRetOgPligtLength,
  checkRetOgPligtReview,
  checkPsychDischargeStart,
  checkPsychDischargeTotal,
  checkYouthEducation,
  checkYouthEducationRightHolder,
  checkYouthEducationWindow,
  checkCompanyMentorJustification,
  checkRefund,
];

/** Every finding for a proposed (or stored) grant, errors first. */
export function evaluateGrantProposal(input: GrantRuleInput): Finding[] {
  // Staff see unverified sources as "ikke bekræftet", not as [U]/[NF] (issue 13).
  const findings = grantRules
    .flatMap((rule) => rule(input))
    .map((f) => ({ ...f, message: toStaffText(f.message), source: toStaffText(f.source) }));
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
}

/** Approval is refused while any error-level rule fails (issue 2 point 4). */
export function decideGrantApproval(input: {
  findings: Finding[];
}): { outcome: 'approve'; findings: Finding[] } | { outcome: 'reject'; findings: Finding[] } {
  return hasErrors(input.findings) ? { outcome: 'reject', findings: input.findings } : { outcome: 'approve', findings: input.findings };
}

/** The planned end a new period gets by default (R-ROP-2 / R-DUR-1 / R-YTH-1 lengths, municipal month convention). */
export function suggestPlannedEnd(input: {
  type: GrantType;
  startDate: CalendarDate;
  regime: LegalRegime;
  settings: MunicipalSettings;
}): CalendarDate {
  const p = input.regime.parameters;
  const months =
    input.type === 'RET_OG_PLIGT'
      ? p.retOgPligtPeriodMonths
      : input.type === 'YOUTH_EDUCATION'
        ? p.youthRightMonths
        : input.type === 'PSYCH_DISCHARGE'
          ? p.psychMinTotalMonths
          : (p.maxPeriodMonths ?? 6);
  return defaultPeriodEnd({ regime: input.regime, settings: input.settings, startDate: input.startDate, months });
}

/**
 * Ending a period. R-ROP-3: a ret-og-pligt period ends early only when the citizen leaves the target
 * group or is ready for an offer that is provided (starting within the grace period) (S2).
 * R-PSY-2: a psychiatric-discharge period may not end below the 6-month total unless the citizen
 * declines or leaves the target group [U]. Ending after the planned end is a continuation (R-DUR-2).
 */
export function decideGrantEnd(input: {
  grant: { type: GrantType; startDate: CalendarDate; endDate: CalendarDate };
  endDate: CalendarDate;
  reason: EndReason;
  followUpOfferStart: CalendarDate | null;
  settings: MunicipalSettings;
  regime: LegalRegime;
  chain: PreviousGrantFacts[];
}): { outcome: 'end'; findings: Finding[] } | { outcome: 'reject'; findings: Finding[] } {
  const { grant, endDate, reason } = input;
  const findings: Finding[] = [];
  if (compareDates(endDate, grant.startDate) < 0) {
    findings.push({
      rule: 'R-DUR-1',
      severity: 'error',
      message: `Slutdatoen kan ikke ligge før periodens start (${formatDate(grant.startDate)}).`,
      source: 'Bevillingens periode',
    });
  }
  if (compareDates(endDate, grant.endDate) > 0) {
    findings.push({
      rule: 'R-DUR-2',
      severity: 'error',
      message: `Perioden kan ikke afsluttes efter den planlagte slutdato (${formatDate(grant.endDate)}); forlængelse sker som en ny periode.`,
      source: 'LAB § 167, stk. 1 (E1)',
    });
  }
  const early = compareDates(endDate, grant.endDate) < 0;
  if (early && grant.type === 'RET_OG_PLIGT') {
    const source = 'Bemærkningerne til LAB §§ 93 og 96 c; Københavns Kommune 2015 (S2)';
    if (reason !== 'LEFT_TARGET_GROUP' && reason !== 'READY_FOR_OFFER') {
      findings.push({
        rule: 'R-ROP-3',
        severity: 'error',
        message:
          'En ret og pligt-mentorperiode kan kun afbrydes før tid, hvis borgeren er ude af målgruppen, eller hvis borgeren er klar til og får et ret og pligt-tilbud.',
        source,
      });
    } else if (reason === 'READY_FOR_OFFER') {
      const latest = addDays(endDate, input.settings.retOgPligtGraceDays);
      if (input.followUpOfferStart === null || compareDates(input.followUpOfferStart, latest) > 0) {
        findings.push({
          rule: 'R-ROP-3',
          severity: 'error',
          message: `Afbrydelse fordi borgeren er klar til tilbud kræver et ret og pligt-tilbud, der starter senest ${formatDate(latest)}.`,
          source,
        });
      }
    }
  }
  if (early && grant.type === 'PSYCH_DISCHARGE' && reason !== 'CITIZEN_DECLINED' && reason !== 'LEFT_TARGET_GROUP') {
    const periods = [...input.chain.filter((g) => g.type === 'PSYCH_DISCHARGE'), { startDate: grant.startDate, endDate }];
    const { covered, required } = psychDischargeCoverage({ periods, minTotalMonths: input.regime.parameters.psychMinTotalMonths });
    if (covered < required) {
      findings.push({
        rule: 'R-PSY-2',
        severity: 'error',
        message: `Borgeren har ret til mentorstøtte i mindst ${input.regime.parameters.psychMinTotalMonths} måneder i alt ved udskrivning; støtten kan kun ophøre før, hvis borgeren frabeder sig den eller er ude af målgruppen.`,
        source: `${input.regime.parameters.legalBasis.PSYCH_DISCHARGE}; Københavns Kommune 2015 (S2)`,
      });
    }
  }
  return hasErrors(findings) ? { outcome: 'reject', findings } : { outcome: 'end', findings };
}
