import type { CalendarDate } from '../calendar-date.ts';
import type { LegalRegime } from '../legal-regime.ts';
import type { GrantProposal, GrantType, PreviousGrantFacts } from '../mentor-grant.ts';
import type { MunicipalSettings } from '../municipal-settings.ts';
import type { TargetGroupSpell } from '../target-group.ts';

/** Everything a grant rule may look at; loaded by the use case, judged here without I/O. */
export type GrantRuleInput = {
  proposal: GrantProposal;
  citizen: { birthDate: CalendarDate; targetGroupSpells: TargetGroupSpell[] };
  regime: LegalRegime;
  settings: MunicipalSettings;
  /** Earlier periods linked through previousGrantId, oldest first. */
  chain: PreviousGrantFacts[];
  /** The citizen's other approved or ended grants (R-DUR-4); absent when not loaded. */
  otherGrants?: OtherGrantFacts[];
};

/** Another grant of the same citizen, with the end it really has (actual end when ended early). */
export type OtherGrantFacts = { id: number; type: GrantType; startDate: CalendarDate; endDate: CalendarDate };
