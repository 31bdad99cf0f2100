import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addTargetGroupSpell } from '../../use-cases/add-target-group-spell.ts';
import { getCitizenOverview } from '../../use-cases/get-citizen-overview.ts';
import { listCitizenAccesses } from '../../use-cases/list-citizen-accesses.ts';
import { registerCitizen } from '../../use-cases/register-citizen.ts';
import { searchCitizens } from '../../use-cases/search-citizens.ts';
import { IdParamsSchema } from '../common.schemas.ts';
import { contextOf } from '../request-context.ts';
import { AddTargetGroupBodySchema, CreateCitizenBodySchema, SearchCitizensQuerySchema } from './citizens.schemas.ts';

export const citizensRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/citizens', { schema: { tags: ['citizens'], querystring: SearchCitizensQuerySchema } }, async (request) =>
    searchCitizens(contextOf(request), {
      text: request.query.q ?? '',
      page: request.query.page,
      pageSize: request.query.limit,
      sort: request.query.sort,
      descending: request.query.direction === 'desc',
      mine: request.query.mine ?? false,
    }),
  );

  app.post('/api/citizens', { schema: { tags: ['citizens'], body: CreateCitizenBodySchema } }, async (request, reply) => {
    const citizen = await registerCitizen(contextOf(request), request.body);
    return reply.status(201).send(citizen);
  });

  app.get('/api/citizens/:id', { schema: { tags: ['citizens'], params: IdParamsSchema } }, async (request) => {
    const overview = await getCitizenOverview(contextOf(request), request.params.id);
    return { ...overview.citizen, citizen: overview.citizen, targetGroups: overview.targetGroups, grants: overview.grants };
  });

  app.post(
    '/api/citizens/:id/target-groups',
    { schema: { tags: ['citizens'], params: IdParamsSchema, body: AddTargetGroupBodySchema } },
    async (request, reply) => {
      const spell = await addTargetGroupSpell(contextOf(request), {
        citizenId: request.params.id,
        group: request.body.group,
        visitation: request.body.visitation ?? null,
        from: request.body.from,
        to: request.body.to ?? null,
      });
      return reply.status(201).send(spell);
    },
  );

  app.get('/api/citizens/:id/accesses', { schema: { tags: ['audit'], params: IdParamsSchema } }, async (request) => ({
    entries: await listCitizenAccesses(contextOf(request), request.params.id),
  }));
};
