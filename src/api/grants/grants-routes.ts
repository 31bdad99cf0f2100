import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { approveGrant } from '../../use-cases/approve-grant.ts';
import { checkGrantProposal } from '../../use-cases/check-grant-proposal.ts';
import { endGrant } from '../../use-cases/end-grant.ts';
import { getGrant } from '../../use-cases/get-grant.ts';
import { getGrantAgreement } from '../../use-cases/get-grant-agreement.ts';
import { grantMentorSupport } from '../../use-cases/grant-mentor-support.ts';
import { listGrants } from '../../use-cases/list-grants.ts';
import { discardGrantDraft } from '../../use-cases/discard-grant-draft.ts';
import { updateGrantDraft } from '../../use-cases/update-grant-draft.ts';
import { IdParamsSchema } from '../common.schemas.ts';
import { contextOf } from '../request-context.ts';
import { EndGrantBodySchema, GrantBodySchema, GrantPatchBodySchema, ListGrantsQuerySchema } from './grants.schemas.ts';

export const grantsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['grants'];

  app.get('/api/grants', { schema: { tags, querystring: ListGrantsQuerySchema } }, async (request) => ({
    grants: await listGrants(contextOf(request), { citizenId: request.query.citizenId, status: request.query.status }),
  }));

  app.post('/api/grants/check', { schema: { tags, body: GrantBodySchema } }, async (request) =>
    checkGrantProposal(contextOf(request), request.body),
  );

  app.post('/api/grants', { schema: { tags, body: GrantBodySchema } }, async (request, reply) =>
    reply.status(201).send(await grantMentorSupport(contextOf(request), request.body)),
  );

  app.get('/api/grants/:id', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    getGrant(contextOf(request), request.params.id),
  );

  app.patch('/api/grants/:id', { schema: { tags, params: IdParamsSchema, body: GrantPatchBodySchema } }, async (request) =>
    updateGrantDraft(contextOf(request), request.params.id, request.body),
  );

  app.delete('/api/grants/:id', { schema: { tags, params: IdParamsSchema } }, async (request, reply) => {
    await discardGrantDraft(contextOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.post('/api/grants/:id/approve', { schema: { tags, params: IdParamsSchema } }, async (request) =>
    approveGrant(contextOf(request), request.params.id),
  );

  app.post('/api/grants/:id/end', { schema: { tags, params: IdParamsSchema, body: EndGrantBodySchema } }, async (request) =>
    endGrant(contextOf(request), request.params.id, request.body),
  );

  app.get('/api/grants/:id/agreement', { schema: { tags, params: IdParamsSchema } }, async (request) => {
    const agreement = await getGrantAgreement(contextOf(request), request.params.id, 'document');
    return { ...agreement.document, version: agreement.version };
  });

  app.get('/api/grants/:id/agreement.pdf', { schema: { tags, params: IdParamsSchema } }, async (request, reply) => {
    const agreement = await getGrantAgreement(contextOf(request), request.params.id, 'pdf');
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="mentoraftale-${request.params.id}.pdf"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(agreement.pdf));
  });
};
