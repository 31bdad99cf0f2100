import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { JobQueue } from '../../db/job-queue.ts';
import { caseHistoryColumns, caseHistoryKinds } from '../../domain/case-history-csv.ts';
import { AppError } from '../../errors.ts';
import { startCaseHistoryImport } from '../../use-cases/start-case-history-import.ts';
import { ErrorResponseSchema } from '../common.schemas.ts';
import { csvBody } from '../file-bodies.schemas.ts';
import { contextOf } from '../request-context.ts';
import { StartImportResponseSchema } from './imports.schemas.ts';

/** Case-system history (issue 5 point 1): POST /api/imports/citizens|target-groups|grants|offers with a text/csv body. */
export const importsRoutes: FastifyPluginAsyncTypebox<{ jobs: JobQueue }> = async (app, { jobs }) => {
  for (const kind of caseHistoryKinds) {
    const { required, optional } = caseHistoryColumns[kind];
    app.post(
      `/api/imports/${kind}`,
      {
        schema: {
          tags: ['outcomes'],
          summary: `Import ${kind} from a case-system CSV export (all or nothing)`,
          description: `text/csv body, semicolon or comma, header row required. Columns: ${required.join(', ')}; optional ${optional.join(', ')}.`,
          body: csvBody(`Columns: ${required.join(', ')}; optional ${optional.join(', ')}.`),
          response: { 202: StartImportResponseSchema, 400: ErrorResponseSchema, 403: ErrorResponseSchema },
        },
      },
      async (request, reply) => {
        if (typeof request.body !== 'string' || request.body.trim() === '') {
          throw new AppError('INVALID_INPUT', 'Send the CSV as the request body with content-type text/csv', { field: 'body' });
        }
        return reply.status(202).send(await startCaseHistoryImport(contextOf(request), { kind, csv: request.body }, jobs));
      },
    );
  }
};
