import { contactsRepository, type ContactRecord } from '../db/repositories/contacts-repository.ts';
import { AppError } from '../errors.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** The citizen's confirmation of a logged contact (in person, one-time code, or on paper), recorded once. */
export async function confirmContact(
  ctx: UseCaseContext,
  contactId: number,
  input: { method: 'in_person' | 'one_time_code' | 'paper'; at?: string | null },
): Promise<ContactRecord> {
  requirePermission(ctx, 'contact:write');
  const at = input.at ? new Date(input.at) : ctx.now();
  if (Number.isNaN(at.getTime())) throw new AppError('INVALID_INPUT', 'at is not a valid date-time', { field: 'at' });
  return ctx.db.transaction(async (tx) => {
    const contacts = contactsRepository(tx);
    const grantId = await contacts.findGrantId(ctx.actor.municipalityId, contactId);
    if (grantId === null) throw new AppError('NOT_FOUND', `Contact ${contactId} not found`);
    const grant = await loadVisibleGrant({ ...ctx, db: tx }, grantId);
    const confirmed = await contacts.confirm({
      municipalityId: ctx.actor.municipalityId,
      contactId,
      method: input.method,
      at: at.toISOString(),
    });
    if (!confirmed) throw new AppError('CONFLICT', `Contact ${contactId} is already confirmed`);
    await recordAudit({ ...ctx, db: tx }, { action: 'update', entity: 'contact', citizenIds: [grant.citizenId] });
    return confirmed;
  });
}
