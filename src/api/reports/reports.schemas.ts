import { Type, type Static } from 'typebox';
import { cohortReportNames } from '../../domain/cohort-report.ts';
import { grantTypes } from '../../domain/mentor-grant.ts';
import { targetGroupCodes } from '../../domain/target-group.ts';
import { CalendarDateSchema } from '../common.schemas.ts';

export const CohortReportParamsSchema = Type.Object(
  {
    report: Type.Union(
      cohortReportNames.map((n) => Type.Literal(n)),
      { description: 'Which report' },
    ),
  },
  { additionalProperties: false },
);

export const CohortReportQuerySchema = Type.Object(
  {
    firstStartFrom: CalendarDateSchema,
    firstStartTo: CalendarDateSchema,
    type: Type.Optional(Type.Union(grantTypes.map((t) => Type.Literal(t)))),
    horizonMonths: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 60,
        default: 7,
        description: 'Follow-up horizon for outcome-status and offers-at-horizon (3, 6, 7, 12, 24 …)',
      }),
    ),
    targetGroups: Type.Optional(
      Type.Array(Type.Union(targetGroupCodes.map((c) => Type.Literal(c))), {
        minItems: 1,
        description: 'Target groups on the day the course started (repeat the parameter); all when absent',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CohortReportCellQuerySchema = Type.Object(
  {
    ...CohortReportQuerySchema.properties,
    row: Type.String({ minLength: 1, maxLength: 40 }),
    column: Type.String({ minLength: 1, maxLength: 60 }),
  },
  { additionalProperties: false },
);

const Axis = Type.Object({ key: Type.String(), label: Type.String() });
const Cell = Type.Union([Type.Number(), Type.Null()]);

/** One report table; null = suppressed (R-STAT-1). Shared with the web UI. */
export const ReportTableSchema = Type.Object({
  report: Type.String(),
  title: Type.String(),
  caption: Type.String(),
  unit: Type.Union([Type.Literal('personer'), Type.Literal('forløb'), Type.Literal('tilbud')]),
  percentBase: Type.Union([Type.Literal('column'), Type.Literal('denominator'), Type.Literal('none')]),
  columns: Type.Array(Axis),
  rowTotals: Type.Boolean({ description: 'False when the columns are not parts of one whole: then row totals are not shown' }),
  rows: Type.Array(
    Type.Object({ key: Type.String(), label: Type.String(), values: Type.Array(Cell), percentages: Type.Array(Cell), total: Cell }),
  ),
  columnTotals: Type.Array(Cell),
  total: Cell,
  denominators: Type.Optional(Type.Array(Type.Array(Cell))),
  suppressed: Type.Array(Type.Object({ row: Type.String(), column: Type.String() })),
  threshold: Type.Integer(),
});
export type ReportTableResponse = Static<typeof ReportTableSchema>;

export const ReportCitizensSchema = Type.Object({
  citizens: Type.Array(Type.Object({ citizenId: Type.Integer(), name: Type.String(), cprMasked: Type.String() })),
});
