/**
 * Shared by every grant use case: turns a caseworker's grant input into the domain's GrantProposal,
 * finds the legal regime by the agreement date, and runs the compliance rules. Nothing is written.
 */
import { citizensRepository } from '../db/repositories/citizens-repository.ts';
import { grantsRepository, type GrantFields, type GrantRecord } from '../db/repositories/grants-repository.ts';
import { mentorsRepository } from '../db/repositories/mentors-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { targetGroupSpellsRepository } from '../db/repositories/target-group-spells-repository.ts';
import { compareDates, isCalendarDate } from '../domain/calendar-date.ts';
import { evaluateGrantProposal, refundClassFor, suggestPlannedEnd, type Finding } from '../domain/grant-compliance.ts';
import { findDraftRegimeOn, findRegimeOn, type LegalRegime } from '../domain/legal-regime.ts';
import { checkDraftRegime } from '../domain/rules/regime-type-rules.ts';
import type { GrantProposal, GrantTerms, GrantType, PreviousGrantFacts } from '../domain/mentor-grant.ts';
import type { MunicipalSettings } from '../domain/municipal-settings.ts';
import { findTargetGroupOn } from '../domain/target-group.ts';
import { AppError } from '../errors.ts';
import { assertCitizenVisible } from './citizen-scope.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import type { UseCaseContext } from './use-case-context.ts';

export type GrantInput = {
  citizenId: number;
  type: GrantType;
  agreedOn: string;
  startDate: string;
  endDate: string;
  weeklyHours: number;
  goal: string;
  tasks: string[];
  mentorId: number | null;
  complaintGuidance: boolean;
  needAssessment?: string | null;
  assessmentDate?: string | null;
  citizenConsent?: boolean | null;
  dischargeDate?: string | null;
  admissionDate?: string | null;
  previousGrantId?: number | null;
  justification?: string | null;
};

export type GrantAssessment = {
  fields: GrantFields;
  findings: Finding[];
  regime: LegalRegime;
  /** R-REG-2: the unconfirmed draft regime that would cover the agreement date, if any. */
  draftRegime: LegalRegime | null;
  settings: MunicipalSettings;
  refundClass: GrantFields['refundClass'];
  suggestedEndDate: string;
  chain: GrantRecord[];
};

const dateFields = ['agreedOn', 'startDate', 'endDate', 'assessmentDate', 'dischargeDate', 'admissionDate'] as const;

function emptyToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

export function toPreviousGrantFacts(grant: GrantRecord): PreviousGrantFacts {
  return {
    id: grant.id,
    type: grant.type as GrantType,
    startDate: grant.startDate,
    endDate: grant.actualEndDate ?? grant.endDate,
    status: grant.status,
  };
}

/** A stored grant's agreed terms, as the proposal and the written agreement take them. */
export function grantTermsOf(grant: GrantRecord): GrantTerms {
  return {
    type: grant.type as GrantType,
    agreedOn: grant.agreedOn,
    startDate: grant.startDate,
    endDate: grant.endDate,
    weeklyHours: grant.weeklyHours,
    goal: grant.goal,
    tasks: grant.tasks,
    complaintGuidance: grant.complaintGuidance,
  };
}

export function grantInputOf(grant: GrantRecord): GrantInput {
  return {
    ...grantTermsOf(grant),
    citizenId: grant.citizenId,
    mentorId: grant.mentorId,
    needAssessment: grant.needAssessment,
    assessmentDate: grant.assessmentDate,
    citizenConsent: grant.citizenConsent,
    dischargeDate: grant.dischargeDate,
    admissionDate: grant.admissionDate,
    previousGrantId: grant.previousGrantId,
    justification: grant.justification,
  };
}

export async function assessGrantProposal(ctx: UseCaseContext, input: GrantInput, ownId: number | null = null): Promise<GrantAssessment> {
  for (const field of dateFields) {
    const value = input[field];
    if (value !== null && value !== undefined && !isCalendarDate(value)) {
      throw new AppError('INVALID_INPUT', `${field} is not a valid date (YYYY-MM-DD)`, { field });
    }
  }
  if (compareDates(input.endDate, input.startDate) < 0) {
    throw new AppError('INVALID_INPUT', 'endDate must be on or after startDate', { field: 'endDate' });
  }
  const municipalityId = ctx.actor.municipalityId;
  await assertCitizenVisible(ctx, input.citizenId);
  const citizen = await citizensRepository(ctx.db).findById(municipalityId, input.citizenId);
  if (!citizen) throw new AppError('NOT_FOUND', `Citizen ${input.citizenId} not found`, { field: 'citizenId' });

  const mentor = input.mentorId === null ? null : await mentorsRepository(ctx.db).findById(municipalityId, input.mentorId);
  if (input.mentorId !== null && !mentor) throw new AppError('NOT_FOUND', `Mentor ${input.mentorId} not found`, { field: 'mentorId' });

  const grants = grantsRepository(ctx.db);
  const previousGrantId = input.previousGrantId ?? null;
  let previous: GrantRecord | null = null;
  if (previousGrantId !== null) {
    if (previousGrantId === ownId) throw new AppError('INVALID_INPUT', 'A grant cannot continue itself', { field: 'previousGrantId' });
    previous = await grants.findById(municipalityId, previousGrantId);
    if (!previous) throw new AppError('NOT_FOUND', `Grant ${previousGrantId} not found`, { field: 'previousGrantId' });
    if (previous.citizenId !== input.citizenId) {
      throw new AppError('INVALID_INPUT', 'The previous grant belongs to another citizen', { field: 'previousGrantId' });
    }
  }

  const regimes = await regimesRepository(ctx.db).listByMunicipality(municipalityId);
  const regime = findRegimeOn(regimes, input.agreedOn);
  if (!regime) {
    throw new AppError('INVALID_INPUT', `No legal regime covers the agreement date ${input.agreedOn}`, {
      field: 'agreedOn',
      reason: 'NO_REGIME',
    });
  }
  const settings = await loadMunicipalSettings(ctx);
  const spells = await targetGroupSpellsRepository(ctx.db).listByCitizenId(municipalityId, input.citizenId);
  const chain = await grants.findChain(municipalityId, previousGrantId);

  const proposal: GrantProposal = {
    type: input.type,
    agreedOn: input.agreedOn,
    startDate: input.startDate,
    endDate: input.endDate,
    weeklyHours: input.weeklyHours,
    goal: input.goal.trim(),
    tasks: input.tasks.map((t) => t.trim()).filter((t) => t !== ''),
    mentor: mentor
      ? {
          name: mentor.name,
          phone: mentor.phone,
          email: mentor.email,
          qualifications: mentor.qualifications,
          trainingModulesCompleted: mentor.trainingModules.length,
          hasAuthorityRole: mentor.hasAuthorityRole,
        }
      : null,
    complaintGuidance: input.complaintGuidance,
    needAssessment: emptyToNull(input.needAssessment),
    assessmentDate: input.assessmentDate ?? null,
    citizenConsent: input.citizenConsent ?? null,
    dischargeDate: input.dischargeDate ?? null,
    admissionDate: input.admissionDate ?? null,
    justification: emptyToNull(input.justification),
    previousGrant: previous ? toPreviousGrantFacts(previous) : null,
  };
  const targetGroupSpells = spells.map(({ group, visitation, from, to }) => ({ group, visitation, from, to }));
  const draftRegime = findDraftRegimeOn(regimes, input.agreedOn);
  const findings = [
    ...evaluateGrantProposal({
      proposal,
      citizen: { birthDate: citizen.birthDate, targetGroupSpells },
      regime,
      settings,
      chain: chain.map(toPreviousGrantFacts),
      otherGrants: (await grants.list({ municipalityId, citizenId: input.citizenId, limit: 500 }))
        .filter((g) => g.id !== ownId && (g.status === 'approved' || g.status === 'ended'))
        .map((g) => ({ id: g.id, type: g.type as GrantType, startDate: g.startDate, endDate: g.actualEndDate ?? g.endDate })),
    }),
    ...checkDraftRegime({ agreedOn: input.agreedOn, draft: draftRegime, regime }),
  ];
  const spellOnAgreement = findTargetGroupOn(targetGroupSpells, input.agreedOn);
  const { refundClass } = refundClassFor({
    regime,
    targetGroup: spellOnAgreement?.group ?? null,
    grantType: input.type,
    agreedOn: input.agreedOn,
  });
  return {
    fields: {
      citizenId: input.citizenId,
      type: input.type,
      regime: regime.id,
      refundClass,
      agreedOn: input.agreedOn,
      startDate: input.startDate,
      endDate: input.endDate,
      weeklyHours: input.weeklyHours,
      goal: proposal.goal,
      tasks: proposal.tasks,
      mentorId: input.mentorId,
      complaintGuidance: input.complaintGuidance,
      needAssessment: proposal.needAssessment,
      assessmentDate: proposal.assessmentDate,
      citizenConsent: proposal.citizenConsent,
      dischargeDate: proposal.dischargeDate,
      admissionDate: proposal.admissionDate,
      previousGrantId,
      justification: proposal.justification,
    },
    findings,
    regime,
    draftRegime,
    settings,
    refundClass,
    suggestedEndDate: suggestPlannedEnd({ type: input.type, startDate: input.startDate, regime, settings }),
    chain,
  };
}
