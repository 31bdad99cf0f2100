import type { Finding } from '../finding.ts';
import { grantTypesOffered } from '../legal-regime.ts';
import { grantTypeLabels } from '../mentor-grant.ts';
import { formatDanishDate, type GrantRuleInput } from './grant-rule-input.ts';

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
      message: `${grantTypeLabels[proposal.type]} findes ikke i reglerne for aftaler indgået ${formatDanishDate(proposal.agreedOn)} (${regime.name}). Vælg generel mentorstøtte (LAB § 167, stk. 1) eller en anden type, som reglerne giver.`,
      source: 'LAB (lov nr. 548 af 7. maj 2019) kapitel 26, §§ 167–171, og § 102; lovopdatering december 2026, afsnit 1',
    },
  ];
}
