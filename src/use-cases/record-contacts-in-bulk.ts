import type { ContactRecord } from '../db/repositories/contacts-repository.ts';
import { AppError } from '../errors.ts';
import { recordContact, type RecordContactInput } from './record-contact.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** A caseworker enters many contacts at once (e.g. from a provider's list): all or nothing. */
export async function recordContactsInBulk(ctx: UseCaseContext, grantId: number, contacts: RecordContactInput[]): Promise<ContactRecord[]> {
  requirePermission(ctx, 'grant:write');
  if (contacts.length === 0) throw new AppError('INVALID_INPUT', 'No contacts given', { field: 'contacts' });
  return ctx.db.transaction(async (tx) => {
    const saved: ContactRecord[] = [];
    for (const [index, contact] of contacts.entries()) {
      try {
        saved.push(await recordContact({ ...ctx, db: tx }, grantId, contact));
      } catch (error) {
        if (error instanceof AppError)
          throw new AppError(error.code, `Contact ${index + 1}: ${error.message}`, { ...error.details, index });
        throw error;
      }
    }
    return saved;
  });
}
