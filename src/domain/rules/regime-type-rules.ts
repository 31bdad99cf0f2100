import type { Finding, RuleId } from '../finding.ts';
import { grantTypesOffered, type LegalRegime } from '../legal-regime.ts';
import { grantTypeLabels, type GrantType } from '../mentor-grant.ts';
import { targetGroupLabels, type TargetGroupCode } from '../target-group.ts';
import { formatDate } from '../danish-format.ts';
import type { GrantRuleInput } from './grant-rule-input.ts';

/**
 * R-REG-1: only the mentor types of the regime on the agreement date can be granted. The ret-og-pligt
 * mentor exists for agreements 2014-01-01 – 2019-12-31; from 2020 LAB § 102 gives ret og pligt only to
 * offers in kapitel 11–14, and mentor support (kapitel 26, §§ 167–171) is not among them [I]. An admin
 * may switch a type on for a later regime with a recorded reason (law update 2026-12 §1).
 */
export function checkGrantTypeOffered({ proposal, regime }: GrantRuleInput): Finding[] {
  if (grantTypesOffered(regime).includes(proposal.type)) return [];
  return [
    {
      rule: 'R-REG-1',
      severity: 'error',
      message: `${grantTypeLabels[proposal.type]} findes ikke i reglerne for aftaler indgået ${formatDate(proposal.agreedOn)} (${regime.name}). Vælg generel mentorstøtte (LAB § 167, stk. 1) eller en anden type, som reglerne giver.`,
      source: 'LAB (lov nr. 548 af 7. maj 2019) kapitel 26, §§ 167–171, og § 102; lovopdatering december 2026, afsnit 1',
    },
  ];
}

/**
 * R-REG-2: an agreement dated on or after the start of an unconfirmed draft regime (the 2027 main act) is
 * judged by the regime in force; the caseworker is told that the new rules are not confirmed (law update
 * 2026-12 §3: "until confirmed, the UI says so").
 */
export function checkDraftRegime(input: { agreedOn: string; draft: LegalRegime | null; regime: LegalRegime }): Finding[] {
  if (input.draft === null) return [];
  return [
    {
      rule: 'R-REG-2',
      severity: 'warning',
      message: `Reglerne fra ${formatDate(input.draft.validFrom)} (${input.draft.name}) er ikke bekræftet. Bevillingen vurderes efter ${input.regime.name}; vurdér den igen, når de nye regler er bekræftet.`,
      source: 'Lovopdatering december 2026, afsnit 3: ny hovedlov forventet 1. januar 2027, ikke vedtaget [NF]',
    },
  ];
}

/** A running grant and its citizen's target group on the start date of a new regime. */
export type RunningGrantFacts = {
  grantId: number;
  citizenId: number;
  citizenName: string;
  type: GrantType;
  startDate: string;
  endDate: string;
  targetGroupOnStart: TargetGroupCode | null;
};
export type RegimeChange = {
  kind: 'mentor_type_not_offered' | 'mentor_right_abolished' | 'becomes_jobparat';
  rule: RuleId;
  message: string;
};

/**
 * R-REG-3: what changes for a running grant on the start date of a new regime, so the caseworker can act
 * before it: its mentor type is not offered under the new regime; the § 167 stk. 3 youth right ends; the
 * citizen's kontanthjælp group becomes jobparat by default (2027 act, [S]).
 */
export function regimeChangesFor(
  grant: RunningGrantFacts,
  next: LegalRegime,
  groupsBecomingJobparat: readonly TargetGroupCode[],
): RegimeChange[] {
  const changes: RegimeChange[] = [];
  const from = formatDate(next.validFrom);
  if (!grantTypesOffered(next).includes(grant.type)) {
    changes.push({
      kind: grant.type === 'YOUTH_EDUCATION' ? 'mentor_right_abolished' : 'mentor_type_not_offered',
      rule: 'R-REG-3',
      message:
        grant.type === 'YOUTH_EDUCATION'
          ? `Retten til mentor ved uddannelsesstart (§ 167, stk. 3) bortfalder ${from}; vurdér fortsat støtte som generel mentorstøtte.`
          : `${grantTypeLabels[grant.type]} findes ikke i de nye regler fra ${from}.`,
    });
  }
  if (grant.targetGroupOnStart !== null && groupsBecomingJobparat.includes(grant.targetGroupOnStart)) {
    changes.push({
      kind: 'becomes_jobparat',
      rule: 'R-REG-3',
      message: `Borgeren (${targetGroupLabels[grant.targetGroupOnStart].toLowerCase()}) bliver som udgangspunkt jobparat fra ${from}.`,
    });
  }
  return changes;
}
