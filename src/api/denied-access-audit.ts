import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { maxId } from './common.schemas.ts';
import { recordDeniedAccess } from '../use-cases/record-denied-access.ts';

/** Routes on citizen data whose refusals are audited (issue 10). */
const citizenRoutes = /^\/api\/(citizens|grants|contacts|offers|audit|reports\/cohort)(\/|$)/;

/**
 * After a 401, 403 or 404 on a citizen route, writes an `access_denied` audit row
 * (use-cases/record-denied-access.ts). Runs after the answer is sent; a failure is logged by kind and
 * never reaches the client or the process.
 */
export function registerDeniedAccessAudit(app: FastifyInstance, deps: { db: Database }): void {
  app.addHook('onResponse', async (request, reply) => {
    if (![401, 403, 404].includes(reply.statusCode)) return;
    const route = request.routeOptions.url ?? request.url.split('?')[0]!;
    if (!citizenRoutes.test(route) && !citizenRoutes.test(request.url)) return;
    const params = request.params as Record<string, unknown> | undefined;
    const idText = route.startsWith('/api/citizens/:id') && params ? String(params.id ?? '') : '';
    const citizenId = /^[0-9]{1,10}$/.test(idText) && Number(idText) <= maxId ? Number(idText) : null;
    try {
      await recordDeniedAccess(deps.db, {
        actor: request.useCaseContext?.actor ?? null,
        status: reply.statusCode,
        method: request.method,
        route: request.routeOptions.url ?? '(unknown route)',
        citizenId,
      });
    } catch (error) {
      request.log.error({ fault: { type: error instanceof Error ? error.name : typeof error } }, 'could not audit a denied request');
    }
  });
}
