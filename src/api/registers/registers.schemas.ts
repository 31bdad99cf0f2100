import { Type } from 'typebox';
import { CalendarDateSchema, IdSchema } from '../common.schemas.ts';

export const ProviderTypeSchema = Type.Union(
  (['internal', 'employment_centre', 'external', 'company', 'education', 'volunteer'] as const).map((t) => Type.Literal(t)),
);

export const CreateProviderBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: ProviderTypeSchema,
    hourlyRate: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 100000 }), Type.Null()])),
    rateValidFrom: Type.Optional(CalendarDateSchema),
  },
  { additionalProperties: false },
);

const TextList = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 });

/** The mentor's contact and profile, each optional: set on registration (POST) and corrected later (PATCH). */
const mentorProfileFields = {
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ maxLength: 200, pattern: '^[^@\\s]+@[^@\\s]+$' }), Type.Null()])),
  specialties: Type.Optional(TextList),
  languages: Type.Optional(TextList),
  qualifications: Type.Optional(TextList),
  weeklyCapacityHours: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 80 }), Type.Null()])),
  hasAuthorityRole: Type.Optional(Type.Boolean()),
};

export const CreateMentorBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    providerId: IdSchema,
    ...mentorProfileFields,
    trainingModules: Type.Optional(
      Type.Array(
        Type.Object({ module: Type.Integer({ minimum: 1, maximum: 4 }), completedOn: CalendarDateSchema }, { additionalProperties: false }),
        {
          maxItems: 4,
        },
      ),
    ),
  },
  { additionalProperties: false },
);

/** PATCH /api/mentors/{id}: the fields to change (at least one); the training modules are not edited here. */
export const UpdateMentorBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    providerId: Type.Optional(IdSchema),
    ...mentorProfileFields,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** GET /api/providers: a provider with its current hourly rate (null before one is set). */
export const ProviderSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  type: Type.String({ description: 'internal, employment_centre, external, company, education or volunteer' }),
  hourlyRate: Type.Union([Type.Number(), Type.Null()]),
});
export const ListProvidersResponseSchema = Type.Object({ providers: Type.Array(ProviderSchema) });

/** GET /api/mentors: a mentor with the provider it works for. */
export const MentorSchema = Type.Object({
  id: Type.Integer(),
  providerId: Type.Integer(),
  providerName: Type.String(),
  providerType: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  specialties: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  qualifications: Type.Array(Type.String()),
  weeklyCapacityHours: Type.Union([Type.Number(), Type.Null()]),
  hasAuthorityRole: Type.Boolean(),
  active: Type.Boolean(),
  trainingModules: Type.Array(Type.Object({ module: Type.Integer(), completedOn: CalendarDateSchema })),
});
export const ListMentorsResponseSchema = Type.Object({ mentors: Type.Array(MentorSchema) });
