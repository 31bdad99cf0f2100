import { Type } from 'typebox';
import { CalendarDateSchema, IdSchema } from '../common.schemas.ts';

export const RegimeParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const UpdateRegimeBodySchema = Type.Object(
  {
    validFrom: CalendarDateSchema,
    validTo: Type.Union([CalendarDateSchema, Type.Null()]),
    parameters: Type.Record(Type.String(), Type.Any(), { description: 'Validated by the domain (validateRegimeParameters)' }),
  },
  { additionalProperties: false },
);

export const ConfirmRegimeBodySchema = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 500, description: 'R-REG-2: the source of the confirmation, e.g. the law number' }) },
  { additionalProperties: false },
);

export const UpdateSettingsBodySchema = Type.Record(Type.String(), Type.Any(), {
  description: 'Partial municipal settings; validated by the domain (validateMunicipalSettings)',
});

export const AuditQuerySchema = Type.Object(
  {
    citizenId: Type.Optional(IdSchema),
    cpr: Type.Optional(Type.String({ pattern: '^[0-9]{6}-?[0-9]{4}$', description: 'A citizen by CPR number (DDMMYY-SSSS)' })),
    from: Type.Optional(CalendarDateSchema),
    to: Type.Optional(CalendarDateSchema),
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    action: Type.Optional(
      Type.Union(
        ['read', 'search', 'create', 'update', 'export', 'delete', 'login', 'login_failed', 'access_denied'].map((a) => Type.Literal(a)),
      ),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
