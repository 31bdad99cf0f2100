import { addMonths, ageOn, compareDates, daysBetween, periodEndInclusive } from '../calendar-date.ts';
import type { Finding } from '../finding.ts';
import { formatDate } from '../danish-format.ts';
import type { GrantRuleInput } from './grant-rule-input.ts';

/**
 * R-PSY-1: a psychiatric-discharge mentor may start at most 3 months before discharge
 * (LAB § 31 b stk. 2 / § 167 stk. 2; S2, E1).
 */
export function checkPsychDischargeStart({ proposal, regime }: GrantRuleInput): Finding[] {
  if (proposal.type !== 'PSYCH_DISCHARGE') return [];
  const source = `${regime.parameters.legalBasis.PSYCH_DISCHARGE}; Københavns Kommune 2015 (S2)`;
  if (proposal.dischargeDate === null) {
    return [{ rule: 'R-PSY-1', severity: 'error', message: 'Registrér udskrivningsdatoen fra psykiatrisk afdeling.', source }];
  }
  const earliest = addMonths(proposal.dischargeDate, -regime.parameters.psychPreDischargeMonths);
  if (compareDates(proposal.startDate, earliest) >= 0) return [];
  return [
    {
      rule: 'R-PSY-1',
      severity: 'error',
      message: `Mentorstøtten kan tidligst starte ${regime.parameters.psychPreDischargeMonths} måneder før udskrivning, dvs. ${formatDate(earliest)}.`,
      source,
    },
  ];
}

/** Days covered by psych-discharge periods (chain + this one) and the days 6 months would take. */
export function psychDischargeCoverage(input: { periods: { startDate: string; endDate: string }[]; minTotalMonths: number }) {
  const covered = input.periods.reduce((sum, p) => sum + daysBetween(p.startDate, p.endDate) + 1, 0);
  const first = input.periods.map((p) => p.startDate).sort()[0]!;
  const required = daysBetween(first, periodEndInclusive({ start: first, months: input.minTotalMonths, convention: 'calendar' })) + 1;
  return { covered, required };
}

/**
 * R-PSY-2: the citizen has a right to at least 6 months in total (pre-discharge time included); a plan
 * below that is flagged at grant time (S2, E1).
 */
export function checkPsychDischargeTotal({ proposal, regime, chain }: GrantRuleInput): Finding[] {
  if (proposal.type !== 'PSYCH_DISCHARGE') return [];
  const periods = [...chain.filter((g) => g.type === 'PSYCH_DISCHARGE'), proposal];
  const { covered, required } = psychDischargeCoverage({ periods, minTotalMonths: regime.parameters.psychMinTotalMonths });
  if (covered >= required) return [];
  return [
    {
      rule: 'R-PSY-2',
      severity: 'warning',
      message: `Borgeren har ret til mentorstøtte i mindst ${regime.parameters.psychMinTotalMonths} måneder i alt; den planlagte støtte dækker ${covered} dage.`,
      source: `${regime.parameters.legalBasis.PSYCH_DISCHARGE}; Københavns Kommune 2015 (S2)`,
    },
  ];
}

/**
 * R-YTH-1: before 2020 the mentor for under-30s starting ordinary education was a can-rule (LAB § 31 b;
 * S2). From LAB-2020 it is the § 167 stk. 3 right with its own rules R-YED-1…3 (youth-education-rules.ts).
 */
export function checkYouthEducation({ proposal, regime, citizen }: GrantRuleInput): Finding[] {
  if (proposal.type !== 'YOUTH_EDUCATION' || regime.parameters.youthRightIsEntitlement) return [];
  const p = regime.parameters;
  const source = `${p.legalBasis.YOUTH_EDUCATION}; Københavns Kommune 2015 (S2)`;
  const findings: Finding[] = [];
  if (ageOn(citizen.birthDate, proposal.startDate) >= p.youthMaxAge) {
    findings.push({
      rule: 'R-YTH-1',
      severity: 'error',
      message: `Mentor ved uddannelsesstart gives til unge under ${p.youthMaxAge} år.`,
      source,
    });
  }
  if (proposal.admissionDate === null) {
    findings.push({ rule: 'R-YTH-1', severity: 'error', message: 'Registrér datoen for optagelse på uddannelsen.', source });
  }
  return findings;
}

/**
 * R-CMP-1: a company or education-institution mentor needs a recorded justification that the effort
 * goes beyond the usual duties and is decisive (LAB § 31 d / § 169; S2, E1).
 */
export function checkCompanyMentorJustification({ proposal, regime }: GrantRuleInput): Finding[] {
  if (proposal.type !== 'COMPANY' && proposal.type !== 'EDUCATION_INST') return [];
  if (proposal.justification?.trim()) return [];
  return [
    {
      rule: 'R-CMP-1',
      severity: 'error',
      message:
        'Begrund, at mentorindsatsen ligger ud over det, virksomheden/uddannelsesstedet normalt forventes at yde, og at den er afgørende.',
      source: `${regime.parameters.legalBasis[proposal.type]}; Københavns Kommune 2015 (S2)`,
    },
  ];
}
