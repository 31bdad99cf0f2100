import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { decideGrantEnd } from '../domain/grant-compliance.ts';
import type { EndReason, GrantType } from '../domain/mentor-grant.ts';
import { AppError } from '../errors.ts';
import { assessGrantProposal, grantInputOf, toPreviousGrantFacts } from './assess-grant-proposal.ts';
import { loadVisibleGrant, type GrantView } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Ends an approved grant; a ret-og-pligt period may only end early as R-ROP-3 allows, psych discharge per R-PSY-2. */
export async function endGrant(
  ctx: UseCaseContext,
  grantId: number,
  input: { endDate: string; reason: EndReason; followUpOfferStart?: string | null },
): Promise<GrantView> {
  requirePermission(ctx, 'grant:write');
  for (const field of ['endDate', 'followUpOfferStart'] as const) {
    const value = input[field];
    if (value !== null && value !== undefined && !isCalendarDate(value)) {
      throw new AppError('INVALID_INPUT', `${field} is not a valid date (YYYY-MM-DD)`, { field });
    }
  }
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const grant = await loadVisibleGrant(txCtx, grantId);
    if (grant.status !== 'approved')
      throw new AppError('CONFLICT', `Only approved grants can be ended; grant ${grantId} is ${grant.status}`);
    const assessment = await assessGrantProposal(txCtx, grantInputOf(grant), grantId);
    const decision = decideGrantEnd({
      grant: { type: grant.type as GrantType, startDate: grant.startDate, endDate: grant.endDate },
      endDate: input.endDate,
      reason: input.reason,
      followUpOfferStart: input.followUpOfferStart ?? null,
      settings: assessment.settings,
      regime: assessment.regime,
      chain: assessment.chain.map(toPreviousGrantFacts),
    });
    if (decision.outcome === 'reject') {
      const rules = decision.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
      throw new AppError('RULE_VIOLATED', `Ending grant ${grantId} breaks ${[...new Set(rules)].join(', ')}`, {
        findings: decision.findings,
      });
    }
    const grants = grantsRepository(tx);
    await grants.markEnded({
      municipalityId: ctx.actor.municipalityId,
      id: grantId,
      endedBy: ctx.actor.userId,
      endDate: input.endDate,
      reason: input.reason,
      followUpOfferStart: input.followUpOfferStart ?? null,
    });
    await recordAudit(txCtx, { action: 'update', entity: 'grant', citizenIds: [grant.citizenId] });
    return { ...(await grants.findById(ctx.actor.municipalityId, grantId))!, findings: [...assessment.findings, ...decision.findings] };
  });
}
