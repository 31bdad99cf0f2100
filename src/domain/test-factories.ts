/** Test data with sensible defaults for the pure grant rules (house style: factories, dated stories). */
import { defaultLegalRegimes, findRegimeOn, type LegalRegime } from './legal-regime.ts';
import type { GrantProposal, MentorFacts } from './mentor-grant.ts';
import { defaultMunicipalSettings } from './municipal-settings.ts';
import type { GrantRuleInput } from './rules/grant-rule-input.ts';
import type { TargetGroupSpell } from './target-group.ts';

export function buildMentor(overrides: Partial<MentorFacts> = {}): MentorFacts {
  return {
    name: 'Mads Mentor',
    phone: '+45 40 11 22 33',
    email: 'mads@example.dk',
    qualifications: ['Socialrådgiver'],
    trainingModulesCompleted: 4,
    hasAuthorityRole: false,
    ...overrides,
  };
}

/** Default: a ret-og-pligt mentor agreed 23 Feb 2015, 2 Mar – 1 Sep 2015, 1.5 hours a week. */
export function buildProposal(overrides: Partial<GrantProposal> = {}): GrantProposal {
  return {
    type: 'RET_OG_PLIGT',
    agreedOn: '2015-02-23',
    startDate: '2015-03-02',
    endDate: '2015-09-01',
    weeklyHours: 1.5,
    goal: 'Stabilitet i hverdagen, så borgeren kan deltage i et ret og pligt-tilbud',
    tasks: ['Ugentlige møder i hjemmet'],
    mentor: buildMentor(),
    complaintGuidance: true,
    needAssessment: 'Personlige forhold forhindrer aktuelt et tilbud',
    assessmentDate: '2015-02-23',
    citizenConsent: null,
    dischargeDate: null,
    admissionDate: null,
    justification: null,
    previousGrant: null,
    ...overrides,
  };
}

export function regimeOn(date: string): LegalRegime {
  return findRegimeOn(defaultLegalRegimes, date)!;
}

export function buildRuleInput(
  overrides: { proposal?: Partial<GrantProposal>; spells?: TargetGroupSpell[]; birthDate?: string } & Partial<
    Omit<GrantRuleInput, 'proposal' | 'citizen'>
  > = {},
): GrantRuleInput {
  const proposal = buildProposal(overrides.proposal);
  return {
    proposal,
    citizen: {
      birthDate: overrides.birthDate ?? '1980-05-01',
      targetGroupSpells: overrides.spells ?? [
        { group: 'kontanthjaelp_aktivitetsparat', visitation: 'aktivitetsparat', from: '2014-01-01', to: null },
      ],
    },
    regime: overrides.regime ?? regimeOn(proposal.agreedOn),
    settings: overrides.settings ?? defaultMunicipalSettings,
    chain: overrides.chain ?? [],
  };
}
