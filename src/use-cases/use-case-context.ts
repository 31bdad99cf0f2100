import type { Database } from '../db/database.ts';
import type { Permission, Role } from '../domain/access-policy.ts';
import { hasPermission } from '../domain/access-policy.ts';
import { danishDateOf } from '../domain/calendar-date.ts';
import { AppError } from '../errors.ts';
import { tenantDatabase } from '../db/tenant-database.ts';

/** The logged-in user a use case acts for. */
export type Actor = {
  userId: number;
  username: string;
  name: string;
  role: Role;
  municipalityId: number;
  municipalityName: string;
  mentorId: number | null;
};

export type UseCaseContext = {
  db: Database;
  actor: Actor;
  /** Why the data is accessed, written to the audit log (R-PRV-1); defaults to case handling. */
  purpose: string;
  now: () => Date;
};

/**
 * The context of a request or command: its database is the actor's municipality's tenant view, so
 * row-level security applies to everything the use cases do (db/tenant-database.ts).
 */
export function tenantContext(db: Database, actor: Actor, purpose: string, now: () => Date): UseCaseContext {
  return { db: tenantDatabase(db, actor.municipalityId), actor, purpose, now };
}

export function requirePermission(ctx: UseCaseContext, permission: Permission): void {
  if (!hasPermission(ctx.actor.role, permission)) {
    throw new AppError('FORBIDDEN', `Role '${ctx.actor.role}' may not ${permission}`, { permission });
  }
}

export function todayOf(ctx: UseCaseContext): string {
  return danishDateOf(ctx.now());
}
