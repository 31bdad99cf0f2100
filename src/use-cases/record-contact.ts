import { contactsRepository, type ContactRecord } from '../db/repositories/contacts-repository.ts';
import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { compareDates, danishDateOf } from '../domain/calendar-date.ts';
import { checkContactForm } from '../domain/contact-frequency.ts';
import { findRegimeOn } from '../domain/legal-regime.ts';
import { AppError } from '../errors.ts';
import { visibleGrant } from './get-grant.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type RecordContactInput = {
  at: string;
  minutes: number;
  form: ContactRecord['form'];
  attended: boolean;
  justification?: string | null;
  note?: string | null;
  confirmation?: { method: 'in_person' | 'one_time_code' | 'paper'; at?: string | null } | null;
};

/**
 * A mentor (own grants only) or caseworker logs a contact on an approved grant. R-ROP-6: a non-physical
 * contact under a ret-og-pligt grant needs a special-circumstances justification.
 */
export async function recordContact(ctx: UseCaseContext, grantId: number, input: RecordContactInput): Promise<ContactRecord> {
  requirePermission(ctx, 'contact:write');
  const at = new Date(input.at);
  if (Number.isNaN(at.getTime())) throw new AppError('INVALID_INPUT', 'at is not a valid date-time', { field: 'at' });
  if (at.getTime() > ctx.now().getTime() + 60 * 60 * 1000)
    throw new AppError('INVALID_INPUT', 'A contact cannot be logged in the future', { field: 'at' });
  // Two statements and no transaction of its own (the hot path, issue 10): the grant is read (with a
  // fingerprint of the legal regimes, which are read again only when changed), and the contact and its
  // audit row are written by one atomic statement. Bulk entry wraps calls in one.
  const grant = await visibleGrant(
    ctx,
    grantId,
    await grantsRepository(ctx.db).findByIdWithRegimesFingerprint(ctx.actor.municipalityId, grantId),
  );
  if (grant.status === 'draft') throw new AppError('CONFLICT', 'Contacts are logged on approved grants only');
  const date = danishDateOf(at);
  const end = grant.actualEndDate ?? grant.endDate;
  if (compareDates(date, grant.startDate) < 0 || compareDates(date, end) > 0) {
    throw new AppError('INVALID_INPUT', `The contact date must lie within the grant period ${grant.startDate} – ${end}`, { field: 'at' });
  }
  const regimes = await regimesRepository(ctx.db).listByMunicipalityUnlessKnown(ctx.actor.municipalityId, grant.regimesFingerprint);
  const regime = findRegimeOn(regimes, grant.agreedOn);
  const allowedForms = regime?.parameters.allowedContactForms ?? ['physical'];
  const findings = checkContactForm({
    grantType: grant.type,
    contact: { date, form: input.form, attended: input.attended, justification: input.justification ?? null },
    allowedForms,
  });
  if (findings.length > 0) throw new AppError('RULE_VIOLATED', 'The contact breaks R-ROP-6', { findings });
  // The same contact twice (a double tap, a resent request) is refused: same grant, same start time.
  const contact = await contactsRepository(ctx.db).createUnlessDuplicate(
    {
      municipalityId: ctx.actor.municipalityId,
      grantId,
      at: at.toISOString(),
      minutes: input.minutes,
      form: input.form,
      attended: input.attended,
      justification: input.justification?.trim() || null,
      note: input.note?.trim() || null,
      confirmedAt: input.confirmation ? new Date(input.confirmation.at ?? ctx.now()).toISOString() : null,
      confirmationMethod: input.confirmation?.method ?? null,
      createdBy: ctx.actor.userId,
    },
    // R-PRV-1: the audit row is written by the same statement.
    { userId: ctx.actor.userId, username: ctx.actor.username, citizenId: grant.citizenId, purpose: ctx.purpose },
  );
  if (!contact) {
    throw new AppError('CONFLICT', 'Kontakten er allerede registreret (samme bevilling og starttidspunkt).', {
      reason: 'DUPLICATE_CONTACT',
    });
  }
  return contact;
}
