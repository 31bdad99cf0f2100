import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createUser } from '../../use-cases/create-user.ts';
import { listUsers } from '../../use-cases/list-users.ts';
import { resetUserPassword } from '../../use-cases/reset-user-password.ts';
import { updateUser } from '../../use-cases/update-user.ts';
import { IdParamsSchema } from '../common.schemas.ts';
import { contextOf } from '../request-context.ts';
import {
  CreateUserBodySchema,
  CreatedUserSchema,
  OneTimePasswordSchema,
  UpdateUserBodySchema,
  UserListSchema,
  UserSchema,
} from './users.schemas.ts';

const tags = ['administration'];

/** The municipality's own users (admin only, issue 11). Responses never carry password hashes. */
export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/users', { schema: { tags, response: { 200: UserListSchema } } }, async (request) => ({
    users: await listUsers(contextOf(request)),
  }));
  app.post('/api/users', { schema: { tags, body: CreateUserBodySchema, response: { 201: CreatedUserSchema } } }, async (request, reply) =>
    reply.status(201).send(await createUser(contextOf(request), request.body)),
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateUserBodySchema, response: { 200: UserSchema } } },
    async (request) => updateUser(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/password-reset',
    { schema: { tags, params: IdParamsSchema, response: { 200: OneTimePasswordSchema } } },
    async (request) => resetUserPassword(contextOf(request), request.params.id),
  );
};
