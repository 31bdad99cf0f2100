import { addDays, addMonths, ageOn, compareDates } from '../calendar-date.ts';
import type { Finding } from '../finding.ts';
import { findTargetGroupOn, type TargetGroupCode } from '../target-group.ts';
import { formatDate } from '../danish-format.ts';
import type { GrantRuleInput } from './grant-rule-input.ts';

/**
 * The § 167 stk. 3 youth-education mentor (LAB 2020, lov nr. 548 af 7. maj 2019) [V]: persons in § 6 nr. 4–5
 * — since 2025-07-01 "uddannelses- og aktivitetsparate kontanthjælpsmodtagere under 30 år uden uddannelse" —
 * have a right to a mentor for up to 6 months from admission to ordinary education, extendable (law update
 * 2026-12 §1). These rules apply in regimes where the youth mentor is an entitlement
 * (`youthRightIsEntitlement`); before 2020 the can-rule R-YTH-1 applies instead.
 */
const source = 'LAB § 167, stk. 3 (lov nr. 548 af 7. maj 2019); lovopdatering december 2026, afsnit 1';

/** § 6 nr. 4 and 5 (uddannelseshjælp until 2025-06-30, kontanthjælp under 30 without education after). */
export const youthRightGroups: readonly TargetGroupCode[] = ['uddannelseshjaelp_uddannelsesparat', 'uddannelseshjaelp_aktivitetsparat'];

/** R-YED-1: the right belongs to a person under 30 in § 6 nr. 4–5 on the agreement date. */
export function checkYouthEducationRightHolder({ proposal, regime, citizen }: GrantRuleInput): Finding[] {
  if (proposal.type !== 'YOUTH_EDUCATION' || !regime.parameters.youthRightIsEntitlement) return [];
  const maxAge = regime.parameters.youthMaxAge;
  if (ageOn(citizen.birthDate, proposal.startDate) >= maxAge) {
    return [
      {
        rule: 'R-YED-1',
        severity: 'error',
        message: `Mentor ved start på uddannelse gives til personer under ${maxAge} år på startdatoen.`,
        source,
      },
    ];
  }
  const spell = findTargetGroupOn(citizen.targetGroupSpells, proposal.agreedOn);
  if (spell !== null && youthRightGroups.includes(spell.group)) return [];
  return [
    {
      rule: 'R-YED-1',
      severity: 'warning',
      message: `Retten gælder personer i § 6, nr. 4–5 (uddannelses- eller aktivitetsparat kontanthjælpsmodtager under ${maxAge} år uden uddannelse) på aftaledatoen. Borgeren er ikke registreret i den målgruppe; her er det en bevilling efter konkret vurdering (§ 167, stk. 1).`,
      source,
    },
  ];
}

/**
 * R-YED-2: the right runs from the admission date for up to `youthRightMonths` (6); the admission date must be
 * recorded (error). A first period running past the day before admission + 6 months, or starting after it,
 * is beyond the right (a warning: the rest is an extension or a can-grant under § 167 stk. 1).
 */
export function checkYouthEducationWindow({ proposal, regime }: GrantRuleInput): Finding[] {
  if (proposal.type !== 'YOUTH_EDUCATION' || !regime.parameters.youthRightIsEntitlement) return [];
  if (proposal.admissionDate === null) {
    return [{ rule: 'R-YED-2', severity: 'error', message: 'Registrér datoen for optagelse på uddannelsen.', source }];
  }
  if (isExtension(proposal.previousGrant)) return [];
  const months = regime.parameters.youthRightMonths;
  const lastDay = addDays(addMonths(proposal.admissionDate, months), -1);
  if (compareDates(proposal.startDate, lastDay) > 0) {
    return [
      {
        rule: 'R-YED-2',
        severity: 'warning',
        message: `Retten gælder i op til ${months} måneder fra optagelsen, dvs. til og med ${formatDate(lastDay)}; her er det en bevilling efter konkret vurdering (§ 167, stk. 1).`,
        source,
      },
    ];
  }
  if (compareDates(proposal.endDate, lastDay) <= 0) return [];
  return [
    {
      rule: 'R-YED-2',
      severity: 'warning',
      message: `Retten gælder i op til ${months} måneder fra optagelsen, dvs. til og med ${formatDate(lastDay)}. Tiden derefter er en forlængelse efter konkret vurdering (R-YED-3); overvej at slutte perioden der og forlænge som en ny periode.`,
      source,
    },
  ];
}

/**
 * R-YED-3: the youth-education mentor is extendable: a period that continues a youth-education period may
 * run beyond 6 months from admission; like every continuation it needs a concrete assessment (R-DUR-2),
 * so there is deliberately no finding of its own.
 */
function isExtension(previous: GrantRuleInput['proposal']['previousGrant']): boolean {
  return previous !== null && previous.type === 'YOUTH_EDUCATION';
}
