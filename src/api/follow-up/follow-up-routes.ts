import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createInstrument } from '../../use-cases/create-instrument.ts';
import { getGrantAttendance } from '../../use-cases/get-grant-attendance.ts';
import { getGrantProgression } from '../../use-cases/get-grant-progression.ts';
import { getInstrument } from '../../use-cases/get-instrument.ts';
import { getSurvey } from '../../use-cases/get-survey.ts';
import { listInstruments } from '../../use-cases/list-instruments.ts';
import { listSurveyResponses } from '../../use-cases/list-survey-responses.ts';
import { recordMeasurement } from '../../use-cases/record-measurement.ts';
import { recordSurveyResponse } from '../../use-cases/record-survey-response.ts';
import { reportAttendance } from '../../use-cases/report-attendance.ts';
import { reportProgression } from '../../use-cases/report-progression.ts';
import { reportSatisfaction } from '../../use-cases/report-satisfaction.ts';
import { updateInstrument } from '../../use-cases/update-instrument.ts';
import { updateSurvey } from '../../use-cases/update-survey.ts';
import { IdParamsSchema } from '../common.schemas.ts';
import { contextOf } from '../request-context.ts';
import {
  AttendanceReportSchema,
  CreateInstrumentBodySchema,
  FollowUpReportQuerySchema,
  InstrumentDefinitionSchema,
  RecordMeasurementBodySchema,
  RecordSurveyResponseBodySchema,
  SurveyKindParamsSchema,
  UpdateSurveyBodySchema,
} from './follow-up.schemas.ts';

/** Progression, satisfaction and attendance (issue 5 points 5–6). */
export const followUpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['follow-up'];
  app.get('/api/instruments', { schema: { tags } }, async (request) => ({ instruments: await listInstruments(contextOf(request)) }));
  app.get('/api/instruments/:id', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    getInstrument(contextOf(request), request.params.id),
  );
  app.post('/api/instruments', { schema: { tags, body: CreateInstrumentBodySchema } }, async (request, reply) => {
    const { key, basedOn, ...definition } = request.body;
    return reply.status(201).send(await createInstrument(contextOf(request), { definition, key: key ?? null, basedOn: basedOn ?? null }));
  });
  app.put('/api/instruments/:id', { schema: { tags, params: IdParamsSchema, body: InstrumentDefinitionSchema } }, async (request) =>
    updateInstrument(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/grants/:id/measurements',
    { schema: { tags, params: IdParamsSchema, body: RecordMeasurementBodySchema } },
    async (request, reply) => reply.status(201).send(await recordMeasurement(contextOf(request), request.params.id, request.body)),
  );
  app.get('/api/grants/:id/progression', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    getGrantProgression(contextOf(request), request.params.id),
  );
  app.get('/api/grants/:id/attendance', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    getGrantAttendance(contextOf(request), request.params.id),
  );

  app.get('/api/surveys/:kind', { schema: { tags, params: SurveyKindParamsSchema } }, async (request) =>
    getSurvey(contextOf(request), request.params.kind),
  );
  app.put('/api/surveys/:kind', { schema: { tags, params: SurveyKindParamsSchema, body: UpdateSurveyBodySchema } }, async (request) =>
    updateSurvey(contextOf(request), request.params.kind, request.body.questions),
  );
  app.post(
    '/api/grants/:id/survey-responses',
    { schema: { tags, params: IdParamsSchema, body: RecordSurveyResponseBodySchema } },
    async (request, reply) => reply.status(201).send(await recordSurveyResponse(contextOf(request), request.params.id, request.body)),
  );
  app.get('/api/grants/:id/survey-responses', { schema: { tags, params: IdParamsSchema } }, async (request) => ({
    responses: await listSurveyResponses(contextOf(request), request.params.id),
  }));

  const cohortOf = (q: { firstStartFrom: string; firstStartTo: string; type?: string }) => ({
    firstStartFrom: q.firstStartFrom,
    firstStartTo: q.firstStartTo,
    type: q.type ?? null,
  });
  app.get('/api/reports/progression', { schema: { tags, querystring: FollowUpReportQuerySchema } }, async (request) =>
    reportProgression(contextOf(request), { ...cohortOf(request.query), instrumentId: request.query.instrumentId ?? null }),
  );
  app.get('/api/reports/satisfaction', { schema: { tags, querystring: FollowUpReportQuerySchema } }, async (request) =>
    reportSatisfaction(contextOf(request), cohortOf(request.query)),
  );
  app.get(
    '/api/reports/attendance',
    { schema: { tags, querystring: FollowUpReportQuerySchema, response: { 200: AttendanceReportSchema } } },
    async (request) => reportAttendance(contextOf(request), cohortOf(request.query)),
  );
};
