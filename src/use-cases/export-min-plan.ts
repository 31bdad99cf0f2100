import { mentorsRepository } from '../db/repositories/mentors-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { toCitizenText } from '../domain/citizen-text.ts';
import { findRegimeOn } from '../domain/legal-regime.ts';
import type { GrantType } from '../domain/mentor-grant.ts';
import { buildMinPlanDocument, type MinPlanDocument } from '../domain/min-plan-export.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** R-AGR-2: the grant as a structured Min Plan document; every export is audited (R-PRV-1). */
export async function exportMinPlan(ctx: UseCaseContext, grantId: number): Promise<MinPlanDocument> {
  requirePermission(ctx, 'grant:read');
  const grant = await loadVisibleGrant(ctx, grantId);
  const mentor = grant.mentorId === null ? null : await mentorsRepository(ctx.db).findById(ctx.actor.municipalityId, grant.mentorId);
  const regime = findRegimeOn(await regimesRepository(ctx.db).listByMunicipality(ctx.actor.municipalityId), grant.agreedOn);
  await recordAudit(ctx, { action: 'export', entity: 'min_plan', citizenIds: [grant.citizenId] });
  return buildMinPlanDocument({
    grantId: grant.id,
    citizen: { name: grant.citizenName, cprMasked: grant.citizenCprMasked },
    // Sent to the citizen's Min Plan: no internal markers (issue 13).
    legalBasis: toCitizenText(regime?.parameters.legalBasis[grant.type as GrantType] ?? ''),
    goal: grant.goal,
    mentor: { name: mentor?.name ?? '', phone: mentor?.phone ?? null, email: mentor?.email ?? null, provider: mentor?.providerName ?? '' },
    tasks: grant.tasks,
    period: { start: grant.startDate, end: grant.actualEndDate ?? grant.endDate },
    weeklyHours: grant.weeklyHours,
    status: grant.status,
  });
}
