import type { Database } from '../db/database.ts';
import type { FailedJobReason, JobData } from '../db/job-queue.ts';
import { effectAnalysesRepository } from '../db/repositories/effect-analyses-repository.ts';
import { importInputsRepository } from '../db/repositories/import-inputs-repository.ts';
import { importsRepository } from '../db/repositories/imports-repository.ts';
import { caseHistoryImportQueue } from './start-case-history-import.ts';
import { registerImportQueue } from './start-register-import.ts';
import { effectAnalysisQueue } from './run-effect-analysis.ts';

const reasons: Record<FailedJobReason, string> = {
  expired: 'The process running it stopped (no sign of life within the job queue’s expiry), and so did the retry',
  stopped: 'The servers running it were stopped before it finished',
  error: 'It failed unexpectedly',
};

export function abandonedImportMessage(reason: FailedJobReason): string {
  return `${reasons[reason]}; nothing was imported. Start the import again.`;
}

export function abandonedAnalysisMessage(reason: FailedJobReason): string {
  return `${reasons[reason]}; start the analysis again.`;
}

/**
 * The job queue gave up on a job (issue 11): its process died — or stopped, or it failed — on every
 * attempt the queue allows. Whichever process sees the failure marks the import or analysis failed with
 * the reason (unless it already ended) and deletes an import's stored input. Imports are all or nothing,
 * so the failed one stored nothing. Runs on the owner connection: the job names its municipality.
 */
export async function failAbandonedJob(db: Database, queue: string, data: JobData, reason: FailedJobReason): Promise<boolean> {
  const municipalityId = typeof data.municipalityId === 'number' ? data.municipalityId : null;
  if ((queue === registerImportQueue || queue === caseHistoryImportQueue) && typeof data.importId === 'number' && municipalityId) {
    const importId = data.importId;
    return db.transaction(async (tx) => {
      const failed = await importsRepository(tx).failIfRunning({
        id: importId,
        message: abandonedImportMessage(reason),
        code: reason === 'error' ? 'FAILED' : 'INTERRUPTED',
      });
      await importInputsRepository(tx).remove(municipalityId, importId);
      return failed;
    });
  }
  if (queue === effectAnalysisQueue && typeof data.analysisId === 'string')
    return effectAnalysesRepository(db).failIfRunning({
      id: data.analysisId,
      errorCode: reason === 'error' ? 'FAILED' : 'INTERRUPTED',
      error: abandonedAnalysisMessage(reason),
    });
  return false;
}
