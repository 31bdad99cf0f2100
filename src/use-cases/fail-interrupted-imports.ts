import type { Database } from '../db/database.ts';
import { importsRepository } from '../db/repositories/imports-repository.ts';

export const interruptedImportMessage = 'The server stopped while the import was running; nothing was imported. Start the import again.';

/**
 * At start-up (issue 10): API imports run inside the server process, all or nothing, so an import still
 * marked running was interrupted when the previous process stopped and stored nothing. It is marked
 * failed with that reason instead of showing as running for ever. One server process per database is
 * assumed (issue 11 replaces this with a job queue's own expiry). Command-line imports keep no row.
 */
export async function failInterruptedImports(db: Database): Promise<number> {
  return importsRepository(db).failAllRunning(interruptedImportMessage);
}
