import { grantsRepository, type GrantRecord } from '../db/repositories/grants-repository.ts';
import type { Finding } from '../domain/grant-compliance.ts';
import { AppError } from '../errors.ts';
import { assessGrantProposal, grantInputOf } from './assess-grant-proposal.ts';
import { assertCitizenVisible } from './citizen-scope.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type GrantView = GrantRecord & { findings: Finding[] };

/** Loads a grant the actor may see (mentors: their own), without auditing. */
export async function loadVisibleGrant(ctx: UseCaseContext, grantId: number): Promise<GrantRecord> {
  return visibleGrant(ctx, grantId, await grantsRepository(ctx.db).findById(ctx.actor.municipalityId, grantId));
}

/** The grant if the actor may see it; missing and invisible grants look the same (NOT_FOUND), so ids cannot be probed. */
export async function visibleGrant<G extends GrantRecord>(ctx: UseCaseContext, grantId: number, grant: G | null): Promise<G> {
  if (!grant) throw new AppError('NOT_FOUND', `Grant ${grantId} not found`);
  if (ctx.actor.role === 'mentor' && grant.mentorId !== ctx.actor.mentorId) throw new AppError('NOT_FOUND', `Grant ${grantId} not found`);
  await assertCitizenVisible(ctx, grant.citizenId);
  return grant;
}

/** The grant with its findings re-evaluated now against the regime of its agreement date. */
export async function viewGrant(ctx: UseCaseContext, grant: GrantRecord): Promise<GrantView> {
  const assessment = await assessGrantProposal(ctx, grantInputOf(grant), grant.id);
  return { ...grant, findings: assessment.findings };
}

export async function getGrant(ctx: UseCaseContext, grantId: number): Promise<GrantView> {
  requirePermission(ctx, 'grant:read');
  const grant = await loadVisibleGrant(ctx, grantId);
  await recordAudit(ctx, { action: 'read', entity: 'grant', citizenIds: [grant.citizenId] });
  return viewGrant(ctx, grant);
}
