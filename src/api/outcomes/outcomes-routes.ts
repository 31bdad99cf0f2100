import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
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

const maxUploadBytes = 2 * 1024 ** 3;

export const outcomesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Register extracts arrive as the raw CSV body (text/csv); large files go through the CLI, which streams.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  // Or as a file in a multipart/form-data upload (field `file`), streamed to a temporary file so a
  // national-size extract never sits in memory; the import reads it from there in the background.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5, fileSize: maxUploadBytes } });
  app.post('/api/imports/register', { schema: { tags: ['outcomes'], querystring: RegisterImportQuerySchema } }, async (request, reply) => {
    const options = { layout: request.query.layout, mapping: request.query.mapping ?? 'dst' };
    if (request.isMultipart()) {
      const part = await request.file();
      if (!part || part.fieldname !== 'file') throw new AppError('INVALID_INPUT', 'Send the extract in the multipart field "file"', { field: 'file' });
      const path = join(tmpdir(), `mentorspor-register-${randomUUID()}.csv`);
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) {
        await rm(path, { force: true });
        throw new AppError('INVALID_INPUT', `The file is larger than ${maxUploadBytes / 1024 ** 3} GB; import it with the CLI`, { field: 'file' });
      }
      return reply.status(202).send(await startRegisterImport(contextOf(request), { uploadedFile: path, ...options }));
    }
    if (typeof request.body !== 'string' || request.body.trim() === '') throw new AppError('INVALID_INPUT', 'Send the CSV as the request body with content-type text/csv, or as the multipart field "file"', { field: 'body' });
    return reply.status(202).send(await startRegisterImport(contextOf(request), { csv: request.body, ...options }));
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
      targetGroups: request.query.targetGroups ?? null,
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
