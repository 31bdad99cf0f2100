import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { reportOutcomeStatus } from '../../use-cases/report-outcome-status.ts';
import { getEffectAnalysis, listEffectAnalyses, startEffectAnalysis } from '../../use-cases/run-effect-analysis.ts';
import { getRegisterMapping } from '../../use-cases/get-register-mapping.ts';
import { listRegisterMappings } from '../../use-cases/list-register-mappings.ts';
import { getImport, startRegisterImport } from '../../use-cases/start-register-import.ts';
import { uploadRegisterMapping } from '../../use-cases/upload-register-mapping.ts';
import { AppError } from '../../errors.ts';
import { IdParamsSchema } from '../common.schemas.ts';
import { contextOf } from '../request-context.ts';
import { AnalysisParamsSchema, OutcomeStatusQuerySchema, RegisterImportQuerySchema, StartEffectAnalysisBodySchema, UploadMappingQuerySchema } from './outcomes.schemas.ts';

export const outcomesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Register extracts arrive as the raw CSV body (text/csv); large files go through the CLI, which streams.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  app.post('/api/imports/register', { schema: { tags: ['outcomes'], querystring: RegisterImportQuerySchema } }, async (request, reply) => {
    if (typeof request.body !== 'string' || request.body.trim() === '') throw new AppError('INVALID_INPUT', 'Send the CSV as the request body with content-type text/csv', { field: 'body' });
    return reply.status(202).send(await startRegisterImport(contextOf(request), { csv: request.body, layout: request.query.layout, mapping: request.query.mapping ?? 'dst' }));
  });
  app.get('/api/mappings', { schema: { tags: ['outcomes'] } }, async (request) => ({ mappings: await listRegisterMappings(contextOf(request)) }));
  app.get('/api/mappings/:id', { schema: { tags: ['outcomes'], params: IdParamsSchema } }, async (request) => getRegisterMapping(contextOf(request), request.params.id));
  // A custom mapping arrives as the raw CSV body (code;category), its name in the query string.
  app.post('/api/mappings', { schema: { tags: ['outcomes'], querystring: UploadMappingQuerySchema } }, async (request, reply) => {
    if (typeof request.body !== 'string' || request.body.trim() === '') throw new AppError('INVALID_INPUT', 'Send the mapping as the request body with content-type text/csv (code;category)', { field: 'body' });
    return reply.status(201).send(
      await uploadRegisterMapping(contextOf(request), { name: request.query.name, csv: request.body, verified: request.query.verified ?? false, sourceNote: request.query.sourceNote ?? '' }),
    );
  });
  app.get('/api/imports/:id', { schema: { tags: ['outcomes'], params: IdParamsSchema } }, async (request) => getImport(contextOf(request), request.params.id));
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
  app.get('/api/analyses/:id', { schema: { tags: ['outcomes'], params: AnalysisParamsSchema } }, async (request) => getEffectAnalysis(contextOf(request), request.params.id));
  app.get('/api/analyses', { schema: { tags: ['outcomes'] } }, async (request) => listEffectAnalyses(contextOf(request)));
};
