import type { Database } from '../db/database.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { AppError } from '../errors.ts';
import { actorOf } from './log-in.ts';
import { tenantContext, type UseCaseContext } from './use-case-context.ts';

/** The command line acts as a named user (default `admin`), so its changes are audited like any other. */
export async function commandLineContext(db: Database, username: string, purpose: string): Promise<UseCaseContext> {
  if ((await municipalitiesRepository(db).count()) === 0)
    throw new AppError('CONFIG_INVALID', 'The database has no municipality yet: start the app once (npm start)');
  const user = await usersRepository(db).findByUsername(username);
  if (!user || !user.active) throw new AppError('INVALID_INPUT', `Unknown user '${username}'`);
  return tenantContext(db, await actorOf(db, user), purpose, () => new Date());
}
