import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isCalendarDate } from '../../domain/calendar-date.ts';
import { AppError } from '../../errors.ts';
import { checkGrantCompliance } from '../../use-cases/check-grant-compliance.ts';
import { assignMentor } from '../../use-cases/assign-mentor.ts';
import { confirmContact } from '../../use-cases/confirm-contact.ts';
import { recordContactsInBulk } from '../../use-cases/record-contacts-in-bulk.ts';
import { exportMinPlan } from '../../use-cases/export-min-plan.ts';
import { proposeMentorsForGrant } from '../../use-cases/propose-mentors.ts';
import {
  getCitizenMatchingProfile,
  recordMentorRelation,
  updateCitizenMatchingProfile,
  updateMentorMatchingProfile,
} from '../../use-cases/update-matching-profiles.ts';
import { getWorklist } from '../../use-cases/get-worklist.ts';
import { listContacts } from '../../use-cases/list-contacts.ts';
import { listPassiveCitizens } from '../../use-cases/list-passive-citizens.ts';
import { recordContact } from '../../use-cases/record-contact.ts';
import { registerOffer } from '../../use-cases/register-offer.ts';
import { listOffers } from '../../use-cases/list-offers.ts';
import { IdParamsSchema } from '../common.schemas.ts';
import { contextOf } from '../request-context.ts';
import {
  AssignMentorBodySchema,
  BulkContactsBodySchema,
  ConfirmContactBodySchema,
  CitizenMatchingProfileSchema,
  ComplianceQuerySchema,
  MentorMatchingProfileSchema,
  MentorRelationBodySchema,
  PassiveCitizensQuerySchema,
  RecordContactBodySchema,
  RegisterOfferBodySchema,
} from './delivery.schemas.ts';

export const deliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['delivery'];
  app.post(
    '/api/grants/:id/contacts',
    { schema: { tags, params: IdParamsSchema, body: RecordContactBodySchema } },
    async (request, reply) => reply.status(201).send(await recordContact(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/grants/:id/contacts/bulk',
    { schema: { tags, params: IdParamsSchema, body: BulkContactsBodySchema } },
    async (request, reply) =>
      reply.status(201).send({ contacts: await recordContactsInBulk(contextOf(request), request.params.id, request.body.contacts) }),
  );
  app.post(
    '/api/contacts/:id/confirmation',
    { schema: { tags, params: IdParamsSchema, body: ConfirmContactBodySchema } },
    async (request) => confirmContact(contextOf(request), request.params.id, request.body),
  );
  app.get('/api/grants/:id/contacts', { schema: { tags, params: IdParamsSchema } }, async (request) => ({
    contacts: await listContacts(contextOf(request), request.params.id),
  }));
  app.get(
    '/api/grants/:id/compliance',
    { schema: { tags, params: IdParamsSchema, querystring: ComplianceQuerySchema } },
    async (request) => {
      const asOf = request.query.asOf ?? null;
      if (asOf !== null && !isCalendarDate(asOf)) throw new AppError('INVALID_INPUT', 'asOf is not a valid date', { field: 'asOf' });
      return checkGrantCompliance(contextOf(request), request.params.id, asOf);
    },
  );
  app.get('/api/reports/passive-citizens', { schema: { tags, querystring: PassiveCitizensQuerySchema } }, async (request) =>
    listPassiveCitizens(contextOf(request), { date: request.query.date, windowMonths: request.query.windowMonths }),
  );
  app.get('/api/grants/:id/min-plan', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    exportMinPlan(contextOf(request), request.params.id),
  );
  app.get('/api/grants/:id/mentor-proposals', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    proposeMentorsForGrant(contextOf(request), request.params.id),
  );
  app.post('/api/grants/:id/mentor', { schema: { tags, params: IdParamsSchema, body: AssignMentorBodySchema } }, async (request) =>
    assignMentor(contextOf(request), request.params.id, request.body),
  );
  app.get('/api/citizens/:id/matching-profile', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    getCitizenMatchingProfile(contextOf(request), request.params.id),
  );
  app.put(
    '/api/citizens/:id/matching-profile',
    { schema: { tags, params: IdParamsSchema, body: CitizenMatchingProfileSchema } },
    async (request) => updateCitizenMatchingProfile(contextOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/mentors/:id/matching-profile',
    { schema: { tags, params: IdParamsSchema, body: MentorMatchingProfileSchema } },
    async (request, reply) => {
      await updateMentorMatchingProfile(contextOf(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/citizens/:id/mentor-relations',
    { schema: { tags, params: IdParamsSchema, body: MentorRelationBodySchema } },
    async (request, reply) => {
      await recordMentorRelation(contextOf(request), { citizenId: request.params.id, ...request.body });
      return reply.status(201).send({ ok: true });
    },
  );
  app.get('/api/worklist', { schema: { tags } }, async (request) => getWorklist(contextOf(request)));
  app.post(
    '/api/citizens/:id/offers',
    { schema: { tags, params: IdParamsSchema, body: RegisterOfferBodySchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await registerOffer(contextOf(request), { citizenId: request.params.id, ...request.body, endDate: request.body.endDate ?? null }),
        ),
  );
  app.get('/api/citizens/:id/offers', { schema: { tags, params: IdParamsSchema } }, async (request) => ({
    offers: await listOffers(contextOf(request), request.params.id),
  }));
};
