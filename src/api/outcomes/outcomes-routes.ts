import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { reportOutcomeStatus } from '../../use-cases/report-outcome-status.ts';
import { getEffectAnalysis, startEffectAnalysis } from '../../use-cases/run-effect-analysis.ts';
import { contextOf } from '../request-context.ts';
import { AnalysisParamsSchema, OutcomeStatusQuerySchema, StartEffectAnalysisBodySchema } from './outcomes.schemas.ts';

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

  app.post('/api/analyses/effect', { schema: { tags: ['outcomes'], body: StartEffectAnalysisBodySchema } }, async (request, reply) =>
    reply.status(202).send(
      await startEffectAnalysis(contextOf(request), {
        type: request.body.type,
        firstStartFrom: request.body.firstStartFrom,
        firstStartTo: request.body.firstStartTo,
        horizonMonths: request.body.horizonMonths ?? 7,
        targetGroups: request.body.targetGroups ?? null,
      }),
    ),
  );
  app.get('/api/analyses/:id', { schema: { tags: ['outcomes'], params: AnalysisParamsSchema } }, async (request) => {
    const job = getEffectAnalysis(contextOf(request), request.params.id);
    return { id: job.id, status: job.status, progress: job.progress, results: job.results, error: job.error };
  });
};
