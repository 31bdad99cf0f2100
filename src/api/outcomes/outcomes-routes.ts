import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { reportOutcomeStatus } from '../../use-cases/report-outcome-status.ts';
import { contextOf } from '../request-context.ts';
import { OutcomeStatusQuerySchema } from './outcomes.schemas.ts';

export const outcomesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/reports/outcome-status', { schema: { tags: ['outcomes'], querystring: OutcomeStatusQuerySchema } }, async (request) =>
    reportOutcomeStatus(contextOf(request), {
      horizonMonths: request.query.horizonMonths ?? 7,
      firstStartFrom: request.query.firstStartFrom,
      firstStartTo: request.query.firstStartTo,
      type: request.query.type ?? null,
      groupBy: request.query.groupBy ?? 'none',
    }),
  );
};
