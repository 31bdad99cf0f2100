/**
 * Worker-thread entry of the in-app effect analysis: estimates on the transferred risk-set columns so
 * that the server's event loop stays free (requests, progress updates) while a core computes.
 * Messages out: { kind: 'progress', outcomesDone } … then { kind: 'done', results } or { kind: 'error', message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseRiskSet, analysisOutcomes, type AnalysisOutcome, type RiskSetColumns } from './analyse-risk-set.ts';

const { columns, horizonMonths, outcomes } = workerData as { columns: RiskSetColumns; horizonMonths: number; outcomes?: AnalysisOutcome[] };
try {
  const results = analyseRiskSet(
    columns,
    horizonMonths,
    (outcomesDone) => parentPort!.postMessage({ kind: 'progress', outcomesDone }),
    outcomes ?? analysisOutcomes,
  );
  parentPort!.postMessage({ kind: 'done', results });
} catch (error) {
  parentPort!.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
}
