import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { exportCohortReport } from '../../use-cases/export-cohort-report.ts';
import { reportCohort } from '../../use-cases/report-cohort.ts';
import { listCohortReportCitizens } from '../../use-cases/list-cohort-report-citizens.ts';
import { contextOf } from '../request-context.ts';
import {
  CohortReportCellQuerySchema,
  CohortReportParamsSchema,
  CohortReportQuerySchema,
  ReportCitizensSchema,
  ReportTableSchema,
} from './reports.schemas.ts';

const tags = ['reports'];

/** The cohort reports of issue 5 point 3: JSON, XLSX and PDF, and the citizens behind a cell. */
export const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const inputOf = (params: Static<typeof CohortReportParamsSchema>, query: Static<typeof CohortReportQuerySchema>) => ({
    report: params.report,
    firstStartFrom: query.firstStartFrom,
    firstStartTo: query.firstStartTo,
    type: query.type ?? null,
    horizonMonths: query.horizonMonths ?? 7,
    targetGroups: query.targetGroups ?? null,
  });

  app.get(
    '/api/reports/cohort/:report',
    { schema: { tags, params: CohortReportParamsSchema, querystring: CohortReportQuerySchema, response: { 200: ReportTableSchema } } },
    async (request) => reportCohort(contextOf(request), inputOf(request.params, request.query)),
  );

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(
      `/api/reports/cohort/:report.${format}`,
      { schema: { tags, params: CohortReportParamsSchema, querystring: CohortReportQuerySchema } },
      async (request, reply) => {
        const file = await exportCohortReport(contextOf(request), { ...inputOf(request.params, request.query), format });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.bytes));
      },
    );
  }

  app.get(
    '/api/reports/cohort/:report/citizens',
    {
      schema: { tags, params: CohortReportParamsSchema, querystring: CohortReportCellQuerySchema, response: { 200: ReportCitizensSchema } },
    },
    async (request) =>
      listCohortReportCitizens(contextOf(request), {
        ...inputOf(request.params, request.query),
        row: request.query.row,
        column: request.query.column,
      }),
  );
};
