import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { registerMentor } from '../../use-cases/register-mentor.ts';
import { listMentors } from '../../use-cases/list-mentors.ts';
import { updateMentor } from '../../use-cases/update-mentor.ts';
import { registerProvider } from '../../use-cases/register-provider.ts';
import { listProviders } from '../../use-cases/list-providers.ts';
import { contextOf } from '../request-context.ts';
import { IdParamsSchema } from '../common.schemas.ts';
import {
  CreateMentorBodySchema,
  CreateProviderBodySchema,
  ListMentorsResponseSchema,
  ListProvidersResponseSchema,
  UpdateMentorBodySchema,
} from './registers.schemas.ts';

export const registersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/providers', { schema: { tags: ['registers'], response: { 200: ListProvidersResponseSchema } } }, async (request) => ({
    providers: await listProviders(contextOf(request)),
  }));

  app.post('/api/providers', { schema: { tags: ['registers'], body: CreateProviderBodySchema } }, async (request, reply) =>
    reply.status(201).send(await registerProvider(contextOf(request), request.body)),
  );

  app.get('/api/mentors', { schema: { tags: ['registers'], response: { 200: ListMentorsResponseSchema } } }, async (request) => ({
    mentors: await listMentors(contextOf(request)),
  }));

  app.patch(
    '/api/mentors/:id',
    { schema: { tags: ['registers'], params: IdParamsSchema, body: UpdateMentorBodySchema } },
    async (request) => updateMentor(contextOf(request), request.params.id, request.body),
  );

  app.post('/api/mentors', { schema: { tags: ['registers'], body: CreateMentorBodySchema } }, async (request, reply) =>
    reply.status(201).send(await registerMentor(contextOf(request), request.body)),
  );
};
