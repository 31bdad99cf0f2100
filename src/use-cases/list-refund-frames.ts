import { refundFramesRepository, type RefundFrameRecord } from '../db/repositories/refund-frames-repository.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export async function listRefundFrames(ctx: UseCaseContext): Promise<RefundFrameRecord[]> {
  requirePermission(ctx, 'economy:read');
  return refundFramesRepository(ctx.db).list(ctx.actor.municipalityId);
}
