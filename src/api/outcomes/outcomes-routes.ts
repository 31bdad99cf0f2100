import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { JobQueue } from '../../db/job-queue.ts';
import { reportOutcomeStatus } from '../../use-cases/report-outcome-status.ts';
import { exportEffectAnalysis } from '../../use-cases/export-effect-analysis.ts';
import { deleteEffectAnalysis, getEffectAnalysis, listEffectAnalyses, startEffectAnalysis } from '../../use-cases/run-effect-analysis.ts';
import { getRegisterMapping } from '../../use-cases/get-register-mapping.ts';
import { listRegisterMappings } from '../../use-cases/list-register-mappings.ts';
import { listImports } from '../../use-cases/list-imports.ts';
import { getImport, startRegisterImport } from '../../use-cases/start-register-import.ts';
import { uploadRegisterMapping } from '../../use-cases/upload-register-mapping.ts';
import { AppError, isAppError } from '../../errors.ts';
import { IdParamsSchema } from '../common.schemas.ts';
import { csvBody, csvOrMultipartBody } from '../file-bodies.schemas.ts';
import { contextOf } from '../request-context.ts';
import { newUploadPath, uploadDirectory } from '../upload-directory.ts';
import {
  AnalysisParamsSchema,
  AnalysisReportQuerySchema,
  ImportHistoryQuerySchema,
  OutcomeStatusQuerySchema,
  RegisterImportQuerySchema,
  StartEffectAnalysisBodySchema,
  UploadMappingQuerySchema,
} from './outcomes.schemas.ts';

const maxUploadBytes = 2 * 1024 ** 3;

export const outcomesRoutes: FastifyPluginAsyncTypebox<{ uploadDir?: string; jobs: JobQueue }> = async (app, pluginOptions) => {
  const uploads = pluginOptions.uploadDir ?? uploadDirectory();
  const jobs = pluginOptions.jobs;
  // Register extracts arrive as the raw CSV body (text/csv, parsed in body-parsers.ts) or as a file in a multipart/form-data upload (field `file`), streamed to a private upload file (upload-directory.ts) so a
  // national-size extract never sits in memory; the import reads it from there in the background.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5, fileSize: maxUploadBytes } });
  app.post(
    '/api/imports/register',
    {
      schema: {
        tags: ['outcomes'],
        querystring: RegisterImportQuerySchema,
        body: csvOrMultipartBody('A register extract: one line per citizen (wide) or per citizen and week (long).'),
      },
    },
    async (request, reply) => {
      const options = { layout: request.query.layout, mapping: request.query.mapping ?? 'dst' };
      if (request.isMultipart()) {
        const { path, fileName } = await receiveUpload(request, uploads);
        return reply.status(202).send(await startRegisterImport(contextOf(request), { uploadedFile: path, fileName, ...options }, jobs));
      }
      if (typeof request.body !== 'string' || request.body.trim() === '')
        throw new AppError(
          'INVALID_INPUT',
          'Send the CSV as the request body with content-type text/csv, or as the multipart field "file"',
          {
            field: 'body',
          },
        );
      return reply.status(202).send(await startRegisterImport(contextOf(request), { csv: request.body, ...options }, jobs));
    },
  );
  app.get('/api/mappings', { schema: { tags: ['outcomes'] } }, async (request) => ({
    mappings: await listRegisterMappings(contextOf(request)),
  }));
  app.get('/api/mappings/:id', { schema: { tags: ['outcomes'], params: IdParamsSchema } }, async (request) =>
    getRegisterMapping(contextOf(request), request.params.id),
  );
  // A custom mapping arrives as the raw CSV body (code;category), its name in the query string.
  app.post(
    '/api/mappings',
    { schema: { tags: ['outcomes'], querystring: UploadMappingQuerySchema, body: csvBody('code;category, one line per register code.') } },
    async (request, reply) => {
      if (typeof request.body !== 'string' || request.body.trim() === '')
        throw new AppError('INVALID_INPUT', 'Send the mapping as the request body with content-type text/csv (code;category)', {
          field: 'body',
        });
      return reply.status(201).send(
        await uploadRegisterMapping(contextOf(request), {
          name: request.query.name,
          csv: request.body,
          verified: request.query.verified ?? false,
          sourceNote: request.query.sourceNote ?? '',
        }),
      );
    },
  );
  app.get('/api/imports', { schema: { tags: ['outcomes'], querystring: ImportHistoryQuerySchema } }, async (request) =>
    listImports(contextOf(request), { page: request.query.page }),
  );
  app.get('/api/imports/:id', { schema: { tags: ['outcomes'], params: IdParamsSchema } }, async (request) =>
    getImport(contextOf(request), request.params.id),
  );
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
      await startEffectAnalysis(
        contextOf(request),
        {
          type: request.body.type,
          firstStartFrom: request.body.firstStartFrom,
          firstStartTo: request.body.firstStartTo,
          horizonMonths: request.body.horizonMonths ?? 7,
          targetGroups: request.body.targetGroups ?? null,
        },
        jobs,
      ),
    ),
  );
  app.get('/api/analyses/:id', { schema: { tags: ['outcomes'], params: AnalysisParamsSchema } }, async (request) =>
    getEffectAnalysis(contextOf(request), request.params.id),
  );
  app.get('/api/analyses', { schema: { tags: ['outcomes'] } }, async (request) => listEffectAnalyses(contextOf(request)));
  app.delete('/api/analyses/:id', { schema: { tags: ['outcomes'], params: AnalysisParamsSchema } }, async (request, reply) => {
    await deleteEffectAnalysis(contextOf(request), request.params.id);
    return reply.status(204).send();
  });
  // A saved analysis as a PDF for the city council, XLSX/CSV for analysts (issue 15), from the stored results.
  for (const format of ['pdf', 'xlsx', 'csv'] as const) {
    app.get(
      `/api/analyses/:id/report.${format}`,
      { schema: { tags: ['outcomes'], params: AnalysisParamsSchema, querystring: AnalysisReportQuerySchema } },
      async (request, reply) => {
        const file = await exportEffectAnalysis(contextOf(request), { id: request.params.id, format, lang: request.query.lang ?? 'da' });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.bytes));
      },
    );
  }
};

/**
 * Streams the multipart field `file` into a private upload file (0600). A malformed or truncated
 * multipart body is the client's fault: it answers 400 and leaves no file behind.
 */
async function receiveUpload(request: FastifyRequest, directory: string): Promise<{ path: string; fileName: string | null }> {
  const path = newUploadPath(directory);
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file')
      throw new AppError('INVALID_INPUT', 'Send the extract in the multipart field "file"', { field: 'file' });
    await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
    if (part.file.truncated)
      throw new AppError('INVALID_INPUT', `The file is larger than ${maxUploadBytes / 1024 ** 3} GB; import it with the CLI`, {
        field: 'file',
      });
    return { path, fileName: part.filename || null };
  } catch (error) {
    await rm(path, { force: true });
    if (isAppError(error)) throw error;
    throw new AppError('INVALID_INPUT', 'The multipart body is malformed', { field: 'file', reason: 'MULTIPART_MALFORMED' });
  }
}
