/**
 * Worker-thread entry of the in-app effect analysis: estimates on the shared risk-set columns (sent as
 * the one message the thread receives) so
 * that the server's event loop stays free (requests, progress updates) while a core computes.
 * `part`: 'main' (the estimates with the subgroups in `subgroupKeys`, all when not given) or 'subgroups'
 * (only the subgroups in `subgroupKeys`), so that two threads can share the work (analyse-risk-set-in-worker.ts).
 * Messages out: { kind: 'progress', outcomesDone } … then { kind: 'done', results } (or, for the
 * subgroups, { kind: 'subgroups', subgroups }) or { kind: 'error', message }.
 */
import { parentPort } from 'node:worker_threads';
import { analyseRiskSet, analysisOutcomes, subgroupEffects, type AnalysisOutcome, type RiskSetColumns } from './analyse-risk-set.ts';

type Task = {
  columns: RiskSetColumns;
  horizonMonths: number;
  outcomes?: AnalysisOutcome[];
  part: 'main' | 'subgroups';
  subgroupKeys?: string[];
};

// The thread starts before its task is known (while the risk set loads): the task arrives as one message.
parentPort!.once('message', ({ columns, horizonMonths, outcomes, part, subgroupKeys }: Task) => {
  try {
    if (part === 'subgroups')
      parentPort!.postMessage({ kind: 'subgroups', subgroups: subgroupEffects(columns, outcomes ?? analysisOutcomes, subgroupKeys) });
    else {
      const results = analyseRiskSet(
        columns,
        horizonMonths,
        (outcomesDone) => parentPort!.postMessage({ kind: 'progress', outcomesDone }),
        outcomes ?? analysisOutcomes,
        { subgroupKeys },
      );
      parentPort!.postMessage({ kind: 'done', results });
    }
  } catch (error) {
    parentPort!.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
