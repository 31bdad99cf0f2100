import { Type } from 'typebox';
import { offerTypes } from '../../domain/offer-types.ts';
import { CalendarDateSchema, IdSchema } from '../common.schemas.ts';

export const RecordContactBodySchema = Type.Object(
  {
    at: Type.String({ format: 'date-time', description: 'ISO date-time of the contact' }),
    minutes: Type.Integer({ minimum: 0, maximum: 1440 }),
    form: Type.Union([Type.Literal('physical'), Type.Literal('phone'), Type.Literal('video'), Type.Literal('message')]),
    attended: Type.Boolean(),
    justification: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    confirmation: Type.Optional(
      Type.Union([
        Type.Object(
          {
            method: Type.Union([Type.Literal('in_person'), Type.Literal('one_time_code'), Type.Literal('paper')]),
            at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);

export const ComplianceQuerySchema = Type.Object({ asOf: Type.Optional(CalendarDateSchema) }, { additionalProperties: false });

export const RegisterOfferBodySchema = Type.Object(
  {
    type: Type.Union(offerTypes.map((t) => Type.Literal(t))),
    startDate: CalendarDateSchema,
    endDate: Type.Optional(Type.Union([CalendarDateSchema, Type.Null()])),
  },
  { additionalProperties: false },
);

export const PassiveCitizensQuerySchema = Type.Object(
  { date: CalendarDateSchema, windowMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })) },
  { additionalProperties: false },
);

export const AssignMentorBodySchema = Type.Object(
  { mentorId: IdSchema, reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const CitizenMatchingProfileSchema = Type.Object(
  {
    postcode: Type.Union([Type.String({ pattern: '^[0-9]{4}$' }), Type.Null()]),
    language: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()]),
    barriers: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 }),
    preferredMentorGender: Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Null()]),
  },
  { additionalProperties: false },
);

export const MentorMatchingProfileSchema = Type.Object(
  {
    postcode: Type.Union([Type.String({ pattern: '^[0-9]{4}$' }), Type.Null()]),
    gender: Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('other'), Type.Null()]),
  },
  { additionalProperties: false },
);

export const MentorRelationBodySchema = Type.Object(
  { mentorId: IdSchema, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const BulkContactsBodySchema = Type.Object(
  { contacts: Type.Array(RecordContactBodySchema, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);

export const ConfirmContactBodySchema = Type.Object(
  {
    method: Type.Union([Type.Literal('in_person'), Type.Literal('one_time_code'), Type.Literal('paper')]),
    at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  },
  { additionalProperties: false },
);
