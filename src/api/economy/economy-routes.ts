import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { AppError } from '../../errors.ts';
import { addHourlyRate } from '../../use-cases/add-hourly-rate.ts';
import { approveInvoice } from '../../use-cases/approve-invoice.ts';
import { exportEconomyOverview } from '../../use-cases/export-economy-overview.ts';
import { getEconomyOverview } from '../../use-cases/get-economy-overview.ts';
import { getGrantCost } from '../../use-cases/get-grant-cost.ts';
import { importInvoiceCsv } from '../../use-cases/import-invoice-csv.ts';
import { listInvoices } from '../../use-cases/list-invoices.ts';
import { listInvoiceWorklist } from '../../use-cases/list-invoice-worklist.ts';
import { listRefundFrames } from '../../use-cases/list-refund-frames.ts';
import { getInvoiceReconciliation } from '../../use-cases/get-invoice-reconciliation.ts';
import { recordInvoice, type InvoiceInput } from '../../use-cases/record-invoice.ts';
import { registerPlaceMentor } from '../../use-cases/register-place-mentor.ts';
import { reviewInvoiceLine } from '../../use-cases/review-invoice-line.ts';
import { setCompanyMentorWageCost } from '../../use-cases/set-company-mentor-wage-cost.ts';
import { setRefundFrame } from '../../use-cases/set-refund-frame.ts';
import { IdParamsSchema } from '../common.schemas.ts';
import { contextOf } from '../request-context.ts';
import {
  EconomyOverviewSchema,
  EconomyQuerySchema,
  InvoiceBodySchema,
  InvoiceCsvBodySchema,
  InvoiceLineParamsSchema,
  InvoiceListQuerySchema,
  LineReviewBodySchema,
  MentorRateBodySchema,
  PlaceMentorBodySchema,
  ProviderRateBodySchema,
  RefundFrameBodySchema,
  WageCostBodySchema,
  YearParamsSchema,
} from './economy.schemas.ts';

/** Schema errors of these routes name the first bad field in details.field (e.g. 'lines.0.hours'). */
function invalidInput(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const problems = errors.map((e) => {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    const path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const child = params.missingProperty ?? params.additionalProperty;
    return { field: [path, child].filter(Boolean).join('.') || dataVar, problem: e.keyword, message: e.message ?? '' };
  });
  return new AppError('INVALID_INPUT', `Invalid ${dataVar}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, {
    field: problems[0]?.field ?? dataVar,
    problems,
  });
}

export const economyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['economy'];
  app.setSchemaErrorFormatter(invalidInput);

  app.get('/api/municipality/frames', { schema: { tags } }, async (request) => ({ frames: await listRefundFrames(contextOf(request)) }));

  app.put('/api/municipality/frames/:year', { schema: { tags, params: YearParamsSchema, body: RefundFrameBodySchema } }, async (request) =>
    setRefundFrame(contextOf(request), { year: request.params.year, ...request.body }),
  );

  app.get(
    '/api/economy/:year',
    { schema: { tags, params: YearParamsSchema, querystring: EconomyQuerySchema, response: { 200: EconomyOverviewSchema } } },
    async (request) => getEconomyOverview(contextOf(request), { year: request.params.year, asOf: request.query.asOf }),
  );

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(
      `/api/economy/:year.${format}`,
      { schema: { tags, params: YearParamsSchema, querystring: EconomyQuerySchema } },
      async (request, reply) => {
        const file = await exportEconomyOverview(contextOf(request), { year: request.params.year, asOf: request.query.asOf, format });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.bytes));
      },
    );
  }

  app.post('/api/providers/:id/rates', { schema: { tags, params: IdParamsSchema, body: ProviderRateBodySchema } }, async (request, reply) =>
    reply.status(201).send(await addHourlyRate(contextOf(request), { providerId: request.params.id, ...request.body })),
  );

  app.post('/api/mentors/:id/rates', { schema: { tags, params: IdParamsSchema, body: MentorRateBodySchema } }, async (request, reply) =>
    reply.status(201).send(await addHourlyRate(contextOf(request), { mentorId: request.params.id, ...request.body })),
  );

  app.post('/api/mentors/:id/wage-costs', { schema: { tags, params: IdParamsSchema, body: WageCostBodySchema } }, async (request, reply) =>
    reply.status(201).send(await setCompanyMentorWageCost(contextOf(request), { mentorId: request.params.id, ...request.body })),
  );

  app.post('/api/place-mentors', { schema: { tags, body: PlaceMentorBodySchema } }, async (request, reply) =>
    reply.status(201).send(await registerPlaceMentor(contextOf(request), request.body)),
  );

  app.get('/api/grants/:id/cost', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    getGrantCost(contextOf(request), request.params.id),
  );

  app.post(
    '/api/invoices',
    {
      schema: {
        tags,
        body: { content: { 'application/json': { schema: InvoiceBodySchema }, 'text/csv': { schema: InvoiceCsvBodySchema } } },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const body = request.body as InvoiceInput | string;
      const invoice = typeof body === 'string' ? await importInvoiceCsv(ctx, body) : await recordInvoice(ctx, body);
      return reply.status(201).send(invoice);
    },
  );

  app.get('/api/invoices', { schema: { tags, querystring: InvoiceListQuerySchema } }, async (request) => ({
    invoices: await listInvoices(contextOf(request), { status: request.query.status }),
  }));

  app.get('/api/invoices/worklist', { schema: { tags } }, async (request) => ({ lines: await listInvoiceWorklist(contextOf(request)) }));

  app.get('/api/invoices/:id/reconciliation', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    getInvoiceReconciliation(contextOf(request), request.params.id),
  );

  app.post(
    '/api/invoices/:id/lines/:lineId/review',
    { schema: { tags, params: InvoiceLineParamsSchema, body: LineReviewBodySchema } },
    async (request) =>
      reviewInvoiceLine(contextOf(request), { invoiceId: request.params.id, lineId: request.params.lineId, ...request.body }),
  );

  app.post('/api/invoices/:id/approve', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    approveInvoice(contextOf(request), request.params.id),
  );
};
