/**
 * Runs `analyseRiskSet` in a worker thread (effect-estimation-worker.ts, started by
 * start-module-worker.ts). The columns' buffers are transferred, not copied (unless `transfer: false`),
 * so the caller must not use them afterwards.
 */
import { analysisOutcomes, type AnalysisOutcome, type AnalysisResult, type RiskSetColumns } from './analyse-risk-set.ts';
import { startModuleWorker } from './start-module-worker.ts';

type WorkerMessage =
  { kind: 'progress'; outcomesDone: number } | { kind: 'done'; results: AnalysisResult[] } | { kind: 'error'; message: string };

export function analyseRiskSetInWorker(
  columns: RiskSetColumns,
  horizonMonths: number,
  onProgress: (outcomesDone: number) => void = () => {},
  options: { outcomes?: AnalysisOutcome[]; transfer?: boolean } = {},
): Promise<AnalysisResult[]> {
  const buffers = [
    columns.treatment,
    columns.strata,
    columns.age,
    columns.gender.codes,
    columns.origin.codes,
    columns.targetGroup.codes,
    columns.publicWeeks52,
    columns.publicWeeks156,
    columns.employedWeeks156,
    ...Object.values(columns.months),
    ...Object.values(columns.outcomes),
  ].map((a) => a.buffer as ArrayBuffer);
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker('effect-estimation-worker', {
      workerData: { columns, horizonMonths, outcomes: options.outcomes ?? analysisOutcomes },
      transferList: options.transfer === false ? [] : buffers,
    });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.outcomesDone);
      else {
        settled = true;
        if (message.kind === 'done') resolve(message.results);
        else reject(new Error(message.message));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the estimation worker stopped (exit code ${code})`));
    });
  });
}
