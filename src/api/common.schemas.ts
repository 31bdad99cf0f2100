import { Type } from 'typebox';

export const CalendarDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar date YYYY-MM-DD' });
/** A row id: PostgreSQL's integer (int4) range, so an id beyond it is a 400, not a database error. */
export const maxId = 2_147_483_647;
export const IdSchema = Type.Integer({ minimum: 1, maximum: maxId });
export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });
export const FindingSchema = Type.Object({
  rule: Type.String({ description: 'Rule id of the domain specification, e.g. R-ROP-2' }),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  message: Type.String({ description: 'Danish text' }),
  source: Type.String(),
});
export const ErrorResponseSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Any() }),
});
