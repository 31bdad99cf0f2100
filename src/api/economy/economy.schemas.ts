/**
 * HTTP schemas of the economy (issue 4). All amounts are Danish kroner as numbers with 2 decimals; names
 * kept from the issue (`spend`, `refund`, `refundFrame`, `budget`, `forecast.expected` …) are kr. too.
 */
import { Type, type Static } from 'typebox';
import { grantTypes } from '../../domain/mentor-grant.ts';
import { CalendarDateSchema, IdSchema } from '../common.schemas.ts';

const Kr = (description: string) => Type.Number({ minimum: 0, maximum: 1e11, description: `${description} (kr.)` });
const NullableKr = (description: string) => Type.Union([Type.Number({ description: `${description} (kr.)` }), Type.Null()]);
const NullablePercent = (description: string) => Type.Union([Type.Number({ description: `${description} (%)` }), Type.Null()]);

export const YearParamsSchema = Type.Object({ year: Type.Integer({ minimum: 2014, maximum: 2100 }) }, { additionalProperties: false });

export const RefundFrameBodySchema = Type.Object(
  {
    refundFrame: Kr('The refund frame (refusionsramme) of the year, R-FIN-3'),
    budget: Kr('The municipality’s mentor budget of the year'),
    fullTimePersons: Type.Optional(
      Type.Union([
        Type.Number({ minimum: 0, maximum: 1e7, description: 'Full-time persons in LAB § 6 nr. 1–10 (R-FIN-5 [U])' }),
        Type.Null(),
      ]),
    ),
    otherGuidanceSpend: Type.Optional(Type.Union([Kr('Spending on øvrig vejledning og opkvalificering (R-FIN-5 [U])'), Type.Null()])),
  },
  { additionalProperties: false },
);

export const EconomyQuerySchema = Type.Object(
  { asOf: Type.Optional(CalendarDateSchema) },
  { additionalProperties: false, description: 'asOf: the day the overview and forecast are made (default today)' },
);

export const ProviderRateBodySchema = Type.Object(
  { hourlyRateKr: Kr('Hourly price'), validFrom: CalendarDateSchema },
  { additionalProperties: false },
);

export const MentorRateBodySchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('price'), Type.Literal('internal_cost')], {
      description: "price: the mentor's own fee; internal_cost: the municipality's cost of its own mentor's hour",
    }),
    hourlyRateKr: Kr('Hourly rate'),
    validFrom: CalendarDateSchema,
  },
  { additionalProperties: false },
);

export const WageCostBodySchema = Type.Object(
  {
    validFrom: CalendarDateSchema,
    lines: Type.Array(
      Type.Object(
        {
          component: Type.String({
            minLength: 1,
            maxLength: 40,
            description: 'wage, holiday_pay, pension or employer_contributions; anything else is refused (R-CMP-2)',
          }),
          amountKr: Type.Number({ minimum: 0, maximum: 1e7 }),
          per: Type.Union([Type.Literal('hour'), Type.Literal('month')]),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);

export const PlaceMentorBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    providerId: IdSchema,
    mentorId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    weeklyHours: Type.Number({ minimum: 0, maximum: 200, description: 'Hours per week for the place (R-CMP-3)' }),
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema,
    grantIds: Type.Array(IdSchema, { maxItems: 100, description: 'The grants of the persons linked to the place' }),
  },
  { additionalProperties: false },
);

export const InvoiceLineSchema = Type.Object(
  {
    grantId: IdSchema,
    periodFrom: CalendarDateSchema,
    periodTo: CalendarDateSchema,
    hours: Type.Number({ minimum: 0, maximum: 10_000 }),
    amountKr: Kr('Amount of the line'),
  },
  { additionalProperties: false },
);

export const InvoiceBodySchema = Type.Object(
  {
    providerId: IdSchema,
    invoiceNumber: Type.String({ minLength: 1, maxLength: 100 }),
    periodFrom: CalendarDateSchema,
    periodTo: CalendarDateSchema,
    receivedOn: Type.Optional(Type.Union([CalendarDateSchema, Type.Null()])),
    lines: Type.Array(InvoiceLineSchema, { minItems: 1, maxItems: 1000 }),
  },
  { additionalProperties: false },
);

export const InvoiceCsvBodySchema = Type.String({
  minLength: 1,
  maxLength: 2_000_000,
  description: 'CSV: invoiceNumber, providerId, periodFrom, periodTo, grantId, lineFrom, lineTo, hours, amountKr; separator ; or ,',
});

export const InvoiceListQuerySchema = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('attested'), Type.Literal('approved')])) },
  { additionalProperties: false },
);

export const InvoiceLineParamsSchema = Type.Object({ id: IdSchema, lineId: IdSchema }, { additionalProperties: false });

export const LineReviewBodySchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

const BreakdownRowSchema = Type.Object({
  key: Type.String(),
  label: Type.String({ description: 'Danish label' }),
  courses: Type.Integer({ description: 'Grants with spend in the year so far' }),
  hours: Type.Number(),
  spendKr: Type.Number(),
  committedKr: Type.Number({ description: 'Planned cost of running grants for the rest of the year' }),
  sharePercent: Type.Number(),
});

export const EconomyOverviewSchema = Type.Object({
  year: Type.Integer(),
  asOf: CalendarDateSchema,
  spend: Type.Number({ description: 'Spend so far in the year (kr.): invoiced, else logged hours × rate, else planned up to asOf' }),
  eligibleSpend: Type.Number({ description: 'Spend that earns refund, inside and outside the frame (kr.)' }),
  refund: Type.Number({ description: 'Refund: min(rate × inside-frame spend, frame) + rate × outside-frame spend (kr.), R-FIN-3' }),
  refundFrame: NullableKr('The refund frame of the year; null when not set'),
  overFramePercent: NullablePercent('Budget above the refundable spend frame / rate, as Cabi measured it (S4)'),
  forecast: Type.Object({
    expected: Type.Number(),
    low: Type.Number(),
    high: Type.Number(),
    spentKr: Type.Number(),
    committedKr: Type.Number(),
    expectedNewKr: Type.Number(),
    earlyEndSharePercent: Type.Number(),
    startsPerMonth: Type.Number(),
    averageCourseCostKr: Type.Number(),
    averageCourseDays: Type.Number(),
    expectedRefundKr: Type.Number(),
    method: Type.String(),
  }),
  budgetKr: NullableKr('Budget of the year'),
  refundRate: Type.Number(),
  refundableSpendKr: NullableKr('frame / rate'),
  spendOverFramePercent: NullablePercent('Spend so far above frame / rate'),
  forecastOverFramePercent: NullablePercent('Expected year-end spend above frame / rate'),
  refundInsideFrameKr: Type.Number(),
  refundOutsideFrameKr: Type.Number(),
  refundLostToFrameKr: Type.Number(),
  spendBasis: Type.Object({ invoiced: Type.Number(), delivered: Type.Number(), planned: Type.Number() }),
  courses: Type.Integer(),
  hours: Type.Number(),
  averageCostPerCourseKr: NullableKr('Spend ÷ grants with spend'),
  averageCostPerHourKr: NullableKr('Spend ÷ hours'),
  alerts: Type.Array(
    Type.Object({
      code: Type.String(),
      severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
      month: Type.String(),
      limitKr: Type.Number(),
      forecastKr: Type.Number(),
      message: Type.String({ description: 'Danish text' }),
    }),
  ),
  byMonth: Type.Array(
    Type.Object({
      month: Type.String({ description: 'YYYY-MM' }),
      spendKr: Type.Number(),
      plannedKr: Type.Number(),
      deliveredKr: Type.Number(),
      invoicedKr: Type.Number(),
      cumulativeSpendKr: Type.Number(),
      forecastKr: Type.Number(),
      cumulativeForecastKr: Type.Number(),
      cumulativeLowKr: Type.Number(),
      cumulativeHighKr: Type.Number(),
    }),
  ),
  byMentorType: Type.Array(BreakdownRowSchema, { description: `Keys: ${grantTypes.join(', ')}` }),
  byProviderType: Type.Array(BreakdownRowSchema, {
    description: 'Keys: internal, employment_centre, external, company, education, volunteer, none',
  }),
  byTargetGroup: Type.Array(BreakdownRowSchema),
  byRefundClass: Type.Array(Type.Intersect([BreakdownRowSchema, Type.Object({ refundKr: Type.Number() })])),
  accountingFunctions: Type.Array(
    Type.Object({
      functionCode: Type.Union([Type.String(), Type.Null()], {
        description: 'E9: 5.68.98.019 up to 2015, 5.68.90.018 from 2016 (non-refundable)',
      }),
      refundClass: Type.String(),
      spendKr: Type.Number(),
      note: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  budgetCeiling: Type.Union([
    Type.Object({
      ratePerFteKr: Type.Number(),
      fullTimePersons: Type.Number(),
      ceilingKr: Type.Number(),
      mentorSpendKr: Type.Number(),
      otherGuidanceSpendKr: Type.Number(),
      totalSpendKr: Type.Number(),
      overCeilingKr: Type.Number(),
      percentOfCeiling: NullablePercent('Above (+) or below (−) the ceiling'),
      withinCeiling: Type.Boolean(),
      rateVerified: Type.Boolean({ description: 'R-FIN-5: false while the rate is the unconfirmed draft (shown as "ikke bekræftet")' }),
      rateSourceNote: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type EconomyOverviewResponse = Static<typeof EconomyOverviewSchema>;
