import { Type } from 'typebox';
import { grantTypes } from '../../domain/mentor-grant.ts';
import { entryModes, respondents } from '../../domain/progression.ts';
import { answerTypes, surveyKinds } from '../../domain/satisfaction.ts';
import { CalendarDateSchema, IdSchema } from '../common.schemas.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const text = (maxLength: number) => Type.String({ maxLength });

export const AnchorSchema = Type.Object({ value: Type.Integer(), da: text(200), en: text(200) }, { additionalProperties: false });

export const IndicatorSchema = Type.Object(
  {
    code: Type.String({ maxLength: 50, description: 'Lower-case code, unique in the instrument; kept across versions' }),
    labelDa: text(300),
    labelEn: text(300),
    respondents: Type.Array(literals(respondents), {
      minItems: 1,
      maxItems: 3,
      description: 'Who is asked: citizen, mentor (about the citizen), caseworker',
    }),
    scaleMin: Type.Integer({ minimum: -100, maximum: 100 }),
    scaleMax: Type.Integer({ minimum: -100, maximum: 100 }),
    anchors: Type.Array(AnchorSchema, { maxItems: 201, description: 'Texts for the ends and any point of the scale' }),
  },
  { additionalProperties: false },
);

export const InstrumentDefinitionSchema = Type.Object(
  {
    name: text(200),
    licenceNote: text(2000),
    cadenceMonths: Type.Integer({ minimum: 1, maximum: 24, description: 'Months between measurements (default 3, BIP)' }),
    disagreementThreshold: Type.Integer({ minimum: 1, maximum: 100, description: 'Citizen–mentor difference that is flagged (default 2)' }),
    indicators: Type.Array(IndicatorSchema, { minItems: 1, maxItems: 60 }),
  },
  { additionalProperties: false },
);

export const CreateInstrumentBodySchema = Type.Object(
  {
    ...InstrumentDefinitionSchema.properties,
    key: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    basedOn: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, description: 'Instrument id: create a new version of it' }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);

export const RecordMeasurementBodySchema = Type.Object(
  {
    measuredOn: CalendarDateSchema,
    respondent: literals(respondents),
    entryMode: literals(entryModes),
    instrumentId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    values: Type.Record(Type.String({ maxLength: 50 }), Type.Integer(), { description: 'Indicator code → value on its scale' }),
  },
  { additionalProperties: false },
);

export const SurveyKindParamsSchema = Type.Object({ kind: literals(surveyKinds) }, { additionalProperties: false });

export const SurveyQuestionSchema = Type.Object(
  {
    code: Type.String({ maxLength: 50 }),
    textDa: text(500),
    textEn: text(500),
    answerType: literals(answerTypes),
    scaleMin: Type.Optional(Type.Integer({ minimum: -100, maximum: 100 })),
    scaleMax: Type.Optional(Type.Integer({ minimum: -100, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const UpdateSurveyBodySchema = Type.Object(
  { questions: Type.Array(SurveyQuestionSchema, { minItems: 1, maxItems: 30 }) },
  { additionalProperties: false },
);

export const RecordSurveyResponseBodySchema = Type.Object(
  {
    kind: literals(surveyKinds),
    respondedOn: CalendarDateSchema,
    entryMode: literals(entryModes),
    // Unknown, not a union: the request coercion would turn true into 1. The domain checks each type.
    answers: Type.Record(Type.String({ maxLength: 50 }), Type.Unknown(), {
      description: 'Question code → integer (scale), boolean (yes/no) or text',
    }),
  },
  { additionalProperties: false },
);

export const FollowUpReportQuerySchema = Type.Object(
  {
    firstStartFrom: CalendarDateSchema,
    firstStartTo: CalendarDateSchema,
    type: Type.Optional(literals(grantTypes)),
    instrumentId: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
);

const NullableCount = Type.Union([Type.Number(), Type.Null()], {
  description: 'null where the cell is suppressed (fewer courses than the threshold)',
});
const AttendanceRowSchema = Type.Object({
  key: Type.String({ description: `'total' or a grant type: ${grantTypes.join(', ')}` }),
  courses: NullableCount,
  planned: NullableCount,
  attended: NullableCount,
  share: NullableCount,
  meanCourseShare: NullableCount,
  suppressed: Type.Boolean(),
});
/** GET /api/reports/attendance: attended ÷ planned contacts for the cohort, in total and by grant type. */
export const AttendanceReportSchema = Type.Object({
  total: AttendanceRowSchema,
  byType: Type.Array(AttendanceRowSchema),
  caption: Type.String(),
});
