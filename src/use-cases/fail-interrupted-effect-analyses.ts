import type { Database } from '../db/database.ts';
import { effectAnalysesRepository } from '../db/repositories/effect-analyses-repository.ts';

export const interruptedMessage = 'The server stopped while the analysis was running; start the analysis again.';

/**
 * At start-up (issue 6 point 5): analyses run inside the server process, so any job still marked running
 * was interrupted when the previous process stopped. It is marked failed with a clear reason instead of
 * showing as running for ever. Assumes one server process per database (as PGlite requires anyway).
 */
export async function failInterruptedEffectAnalyses(db: Database): Promise<number> {
  return effectAnalysesRepository(db).failAllRunning(interruptedMessage);
}
