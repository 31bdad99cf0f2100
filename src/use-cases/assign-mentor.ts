import { matchingRepository } from '../db/repositories/matching-repository.ts';
import { AppError } from '../errors.ts';
import { loadVisibleGrant, viewGrant, type GrantView } from './get-grant.ts';
import { proposeMentorsForGrant } from './propose-mentors.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * The caseworker (or coordinator) chooses the mentor; the choice and its reason are recorded. A mentor
 * excluded by a hard constraint cannot be chosen (the proposal says why).
 */
export async function assignMentor(ctx: UseCaseContext, grantId: number, input: { mentorId: number; reason: string }): Promise<GrantView> {
  requirePermission(ctx, 'grant:read');
  requirePermission(ctx, 'mentor:assign');
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('INVALID_INPUT', 'A reason for the choice is required', { field: 'reason' });
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const grant = await loadVisibleGrant(txCtx, grantId);
    if (grant.status === 'ended') throw new AppError('CONFLICT', 'The grant has ended');
    const { proposals } = await proposeMentorsForGrant(txCtx, grantId);
    const proposal = proposals.find((p) => p.mentorId === input.mentorId);
    if (!proposal) throw new AppError('NOT_FOUND', `Mentor ${input.mentorId} not found`, { field: 'mentorId' });
    if (!proposal.eligible) {
      throw new AppError(
        'CONFLICT',
        `Mentor ${input.mentorId} is excluded: ${proposal.reasons.filter((r) => r.startsWith('Udelukket')).join('; ')}`,
        {
          field: 'mentorId',
          reasons: proposal.reasons,
        },
      );
    }
    await matchingRepository(tx).recordAssignment({
      municipalityId: ctx.actor.municipalityId,
      grantId,
      mentorId: input.mentorId,
      reason,
      chosenBy: ctx.actor.userId,
    });
    await recordAudit(txCtx, { action: 'update', entity: 'grant', citizenIds: [grant.citizenId] });
    return viewGrant(txCtx, await loadVisibleGrant(txCtx, grantId));
  });
}
