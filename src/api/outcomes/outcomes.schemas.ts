import { Type } from 'typebox';
import { grantTypes } from '../../domain/mentor-grant.ts';
import { CalendarDateSchema } from '../common.schemas.ts';

export const OutcomeStatusQuerySchema = Type.Object(
  {
    horizonMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 7 })),
    firstStartFrom: CalendarDateSchema,
    firstStartTo: CalendarDateSchema,
    type: Type.Optional(Type.Union(grantTypes.map((t) => Type.Literal(t)))),
    groupBy: Type.Optional(Type.Union([Type.Literal('age30'), Type.Literal('none')])),
  },
  { additionalProperties: false },
);
