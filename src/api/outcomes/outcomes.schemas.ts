import { Type } from 'typebox';
import { grantTypes } from '../../domain/mentor-grant.ts';
import { targetGroupCodes } from '../../domain/target-group.ts';
import { CalendarDateSchema } from '../common.schemas.ts';

export const OutcomeStatusQuerySchema = Type.Object(
  {
    horizonMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 7 })),
    firstStartFrom: CalendarDateSchema,
    firstStartTo: CalendarDateSchema,
    type: Type.Optional(Type.Union(grantTypes.map((t) => Type.Literal(t)))),
    groupBy: Type.Optional(Type.Union([Type.Literal('age30'), Type.Literal('none')])),
    targetGroups: Type.Optional(Type.Array(Type.Union(targetGroupCodes.map((c) => Type.Literal(c))), { minItems: 1 })),
  },
  { additionalProperties: false },
);

export const StartEffectAnalysisBodySchema = Type.Object(
  {
    type: Type.Union(grantTypes.map((t) => Type.Literal(t))),
    firstStartFrom: CalendarDateSchema,
    firstStartTo: CalendarDateSchema,
    horizonMonths: Type.Optional(Type.Union([Type.Literal(7), Type.Literal(12), Type.Literal(24)])),
    targetGroups: Type.Optional(Type.Array(Type.Union(targetGroupCodes.map((c) => Type.Literal(c))), { minItems: 1 })),
  },
  { additionalProperties: false },
);

export const AnalysisParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const AnalysisReportQuerySchema = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('da'), Type.Literal('en')], { default: 'da' })) },
  { additionalProperties: false },
);

export const RegisterImportQuerySchema = Type.Object(
  {
    layout: Type.Union([Type.Literal('long'), Type.Literal('wide')]),
    /** `dst` (verified, default), `dream` (unverified template) or the id of an uploaded mapping. */
    mapping: Type.Optional(Type.String({ minLength: 1, maxLength: 20, default: 'dst' })),
  },
  { additionalProperties: false },
);

export const UploadMappingQuerySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    verified: Type.Optional(Type.Boolean({ default: false })),
    sourceNote: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const ImportHistoryQuerySchema = Type.Object(
  { page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Page number from 1; 50 imports a page' })) },
  { additionalProperties: false },
);
