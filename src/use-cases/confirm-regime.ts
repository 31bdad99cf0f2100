import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { addDays, compareDates } from '../domain/calendar-date.ts';
import type { LegalRegime } from '../domain/legal-regime.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * R-REG-2: an admin confirms a draft regime (the 2027 main act) with a note on the source, e.g. the law's
 * number. From then on grants agreed from its start date follow it; the open regime before it is closed on
 * the day before, so the regime of every agreement date stays unambiguous. Audited.
 */
export async function confirmRegime(ctx: UseCaseContext, input: { id: string; note: string }): Promise<LegalRegime> {
  requirePermission(ctx, 'regime:write');
  const note = input.note.trim();
  if (note === '') throw new AppError('INVALID_INPUT', 'A confirmation needs a note naming the source (R-REG-2)', { field: 'note' });
  return ctx.db.transaction(async (tx) => {
    const regimes = regimesRepository(tx);
    const all = await regimes.listByMunicipality(ctx.actor.municipalityId);
    const draft = all.find((r) => r.id === input.id);
    if (!draft) throw new AppError('NOT_FOUND', `Regime ${input.id} not found`);
    if (draft.parameters.draft !== true) throw new AppError('CONFLICT', `Regime ${input.id} is already confirmed`);
    const dayBefore = addDays(draft.validFrom, -1);
    for (const previous of all) {
      const overlaps =
        previous.id !== draft.id &&
        previous.parameters.draft !== true &&
        compareDates(previous.validFrom, draft.validFrom) < 0 &&
        (previous.validTo === null || compareDates(previous.validTo, draft.validFrom) >= 0);
      if (overlaps) {
        await regimes.update({
          municipalityId: ctx.actor.municipalityId,
          id: previous.id,
          validFrom: previous.validFrom,
          validTo: dayBefore,
          parameters: previous.parameters,
          updatedBy: ctx.actor.userId,
        });
      }
    }
    await regimes.update({
      municipalityId: ctx.actor.municipalityId,
      id: draft.id,
      validFrom: draft.validFrom,
      validTo: draft.validTo,
      parameters: { ...draft.parameters, draft: false, confirmationNote: note },
      updatedBy: ctx.actor.userId,
    });
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'update', entity: 'legal_regime', criterion: `regime:${draft.id}; R-REG-2 confirmed: ${note}` },
    );
    return (await regimes.listByMunicipality(ctx.actor.municipalityId)).find((r) => r.id === draft.id)!;
  });
}
