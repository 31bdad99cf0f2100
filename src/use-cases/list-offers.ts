import { offersRepository, type OfferRecord } from '../db/repositories/offers-repository.ts';
import { assertCitizenVisible } from './citizen-scope.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export async function listOffers(ctx: UseCaseContext, citizenId: number): Promise<OfferRecord[]> {
  requirePermission(ctx, 'citizen:read');
  await assertCitizenVisible(ctx, citizenId);
  await recordAudit(ctx, { action: 'read', entity: 'offer', citizenIds: [citizenId] });
  return offersRepository(ctx.db).listByCitizenId(ctx.actor.municipalityId, citizenId);
}
