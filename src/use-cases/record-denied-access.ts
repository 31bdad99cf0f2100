import type { Database } from '../db/database.ts';
import { auditLogRepository } from '../db/repositories/audit-log-repository.ts';
import { citizensRepository } from '../db/repositories/citizens-repository.ts';
import type { Actor } from './use-case-context.ts';

/**
 * Issue 10: a request on citizen data answered 401, 403 or 404 is audited as `access_denied` — who (or
 * nobody, without a session), which route, which status — and, when the path names a citizen of the
 * actor's municipality, on that citizen's access log. The route pattern is stored, never the URL (a
 * query string may carry a CPR number).
 */
export async function recordDeniedAccess(
  db: Database,
  input: { actor: Actor | null; status: number; method: string; route: string; citizenId: number | null },
): Promise<void> {
  const citizen =
    input.actor && input.citizenId !== null ? await citizensRepository(db).findById(input.actor.municipalityId, input.citizenId) : null;
  await auditLogRepository(db).record([
    {
      municipalityId: input.actor?.municipalityId ?? null,
      userId: input.actor?.userId ?? null,
      username: input.actor?.username ?? '(ingen session)',
      action: 'access_denied',
      entity: 'request',
      citizenId: citizen?.id ?? null,
      criterion: `${input.status} ${input.method} ${input.route}`.slice(0, 300),
    },
  ]);
}
