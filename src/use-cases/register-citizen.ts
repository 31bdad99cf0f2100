import { citizensRepository, type CitizenRecord } from '../db/repositories/citizens-repository.ts';
import { parseCpr } from '../domain/cpr.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type RegisterCitizenInput = {
  cpr: string;
  name: string;
  gender?: CitizenRecord['gender'];
  origin?: CitizenRecord['origin'];
};

export async function registerCitizen(ctx: UseCaseContext, input: RegisterCitizenInput): Promise<CitizenRecord> {
  requirePermission(ctx, 'citizen:write');
  const parsed = parseCpr(input.cpr);
  if (!parsed.ok) {
    throw new AppError(
      'INVALID_INPUT',
      parsed.reason === 'format' ? 'CPR must be 10 digits (DDMMYY-SSSS)' : 'CPR does not contain a valid birth date',
      { field: 'cpr', reason: parsed.reason === 'format' ? 'CPR_FORMAT' : 'CPR_DATE' },
    );
  }
  const name = input.name.trim();
  if (name === '') throw new AppError('INVALID_INPUT', 'Name is required', { field: 'name' });
  return ctx.db.transaction(async (tx) => {
    const citizen = await citizensRepository(tx).create({
      municipalityId: ctx.actor.municipalityId,
      cpr: parsed.cpr,
      birthDate: parsed.birthDate,
      name,
      gender: input.gender ?? null,
      origin: input.origin ?? null,
    });
    if (!citizen)
      throw new AppError('CONFLICT', 'A citizen with this CPR number is already registered', { field: 'cpr', reason: 'CPR_EXISTS' });
    await recordAudit({ ...ctx, db: tx }, { action: 'create', entity: 'citizen', citizenIds: [citizen.id] });
    return citizen;
  });
}
