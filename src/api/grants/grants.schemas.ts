import { Type } from 'typebox';
import { endReasons, grantTypes } from '../../domain/mentor-grant.ts';
import { CalendarDateSchema, IdSchema } from '../common.schemas.ts';

const NullableDate = Type.Union([CalendarDateSchema, Type.Null()]);
const NullableText = Type.Union([Type.String({ maxLength: 5000 }), Type.Null()]);

export const GrantTypeSchema = Type.Union(grantTypes.map((t) => Type.Literal(t)));

const grantProperties = {
  citizenId: IdSchema,
  type: GrantTypeSchema,
  agreedOn: CalendarDateSchema,
  startDate: CalendarDateSchema,
  endDate: CalendarDateSchema,
  weeklyHours: Type.Number({ minimum: 0, maximum: 80, description: 'Hours per week; R-AGR-1 requires > 0 to approve' }),
  goal: Type.String({ maxLength: 5000 }),
  tasks: Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 50 }),
  mentorId: Type.Union([IdSchema, Type.Null()]),
  complaintGuidance: Type.Boolean(),
  needAssessment: Type.Optional(NullableText),
  assessmentDate: Type.Optional(NullableDate),
  citizenConsent: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  dischargeDate: Type.Optional(NullableDate),
  admissionDate: Type.Optional(NullableDate),
  previousGrantId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  justification: Type.Optional(NullableText),
};

export const GrantBodySchema = Type.Object(grantProperties, { additionalProperties: false });

const { citizenId: _citizenId, ...changeable } = grantProperties;
export const GrantPatchBodySchema = Type.Partial(Type.Object(changeable, { additionalProperties: false }));

export const ListGrantsQuerySchema = Type.Object(
  {
    citizenId: Type.Optional(IdSchema),
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('approved'), Type.Literal('ended')])),
  },
  { additionalProperties: false },
);

export const EndGrantBodySchema = Type.Object(
  {
    endDate: CalendarDateSchema,
    reason: Type.Union(endReasons.map((r) => Type.Literal(r))),
    followUpOfferStart: Type.Optional(NullableDate),
  },
  { additionalProperties: false },
);
