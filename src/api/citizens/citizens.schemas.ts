import { Type } from 'typebox';
import { targetGroupCodes, visitationCategories } from '../../domain/target-group.ts';
import { CalendarDateSchema } from '../common.schemas.ts';

export const GenderSchema = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('other'), Type.Null()]);
export const OriginSchema = Type.Union([Type.Literal('danish'), Type.Literal('western'), Type.Literal('non_western'), Type.Null()]);

export const CreateCitizenBodySchema = Type.Object(
  {
    cpr: Type.String({ description: '10 digits, with or without the dash (DDMMYY-SSSS)', maxLength: 20 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    gender: Type.Optional(GenderSchema),
    origin: Type.Optional(OriginSchema),
  },
  { additionalProperties: false },
);

export const SearchCitizensQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'A name fragment, or CPR digits (6–10, a prefix)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'Page size, default 50' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Page number from 1' })),
    sort: Type.Optional(
      Type.Union([Type.Literal('name'), Type.Literal('birthDate'), Type.Literal('latestGrant')], {
        description: 'name (default), birth date, or the start date of the latest grant (none last)',
      }),
    ),
    direction: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    mine: Type.Optional(Type.Boolean({ description: 'Only citizens of grants the user created or approved ("mine sager")' })),
  },
  { additionalProperties: false },
);

export const TargetGroupSchema = Type.Union(targetGroupCodes.map((c) => Type.Literal(c)));
export const VisitationSchema = Type.Union([...visitationCategories.map((c) => Type.Literal(c)), Type.Null()]);

export const AddTargetGroupBodySchema = Type.Object(
  {
    group: TargetGroupSchema,
    visitation: Type.Optional(VisitationSchema),
    from: CalendarDateSchema,
    to: Type.Optional(Type.Union([CalendarDateSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
