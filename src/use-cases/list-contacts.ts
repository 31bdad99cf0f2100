import { contactsRepository, type ContactRecord } from '../db/repositories/contacts-repository.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export async function listContacts(ctx: UseCaseContext, grantId: number): Promise<ContactRecord[]> {
  requirePermission(ctx, 'grant:read');
  const grant = await loadVisibleGrant(ctx, grantId);
  await recordAudit(ctx, { action: 'read', entity: 'contact', citizenIds: [grant.citizenId] });
  return contactsRepository(ctx.db).listByGrantId(ctx.actor.municipalityId, grantId);
}
