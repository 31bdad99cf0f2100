/**
 * Runs `analyseRiskSet` in worker threads (effect-estimation-worker.ts, started by
 * start-module-worker.ts). The columns are copied once onto shared memory, which every thread reads (the
 * estimation never writes them): no thread waits for a structured clone of its own.
 */
import { availableParallelism } from 'node:os';
import type { SubgroupEffect } from '../domain/effect-words.ts';
import {
  analysisOutcomes,
  mapRiskSetArrays,
  subgroupSizes,
  type AnalysisOutcome,
  type AnalysisResult,
  type RiskSetColumns,
} from './analyse-risk-set.ts';
import { startModuleWorker } from './start-module-worker.ts';

type WorkerMessage =
  | { kind: 'progress'; outcomesDone: number }
  | { kind: 'done'; results: AnalysisResult[] }
  | { kind: 'subgroups'; subgroups: SubgroupEffect[][] }
  | { kind: 'error'; message: string };

/** A worker thread started ahead of its task (its modules load meanwhile); `run` hands it `part` of the analysis. */
function startThread() {
  const worker = startModuleWorker('effect-estimation-worker', {});
  let failure: Error | null = null;
  let onFailure: (error: Error) => void = (error) => (failure = error);
  worker.on('error', (error) => onFailure(error));
  worker.on('exit', (code) => onFailure(new Error(`the estimation worker stopped (exit code ${code})`)));
  return {
    run<T>(task: object, onProgress: (outcomesDone: number) => void, take: (message: WorkerMessage) => T | undefined): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        const settle = (finish: () => void) => {
          if (settled) return;
          settled = true;
          finish();
          void worker.terminate();
        };
        if (failure) return settle(() => reject(failure));
        onFailure = (error) => settle(() => reject(error));
        worker.on('message', (message: WorkerMessage) => {
          if (message.kind === 'progress') return onProgress(message.outcomesDone);
          if (message.kind === 'error') settle(() => reject(new Error(message.message)));
          else settle(() => resolve(take(message) as T));
        });
        worker.postMessage(task);
      });
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * The subgroups split between two threads so that both finish at about the same time: the first also
 * estimates everything else, which costs about as much as subgroups of `mainCost` × n units (measured at
 * 1,013,967 units with both threads at work: 3.5 s for the main estimates, 5.7 s for 2,530,000 units of subgroups). Largest first, each
 * to the thread with less work so far.
 */
export function planSubgroupThreads(sizes: { key: string; n: number }[], n: number, mainCost = 1.5): [string[], string[]] {
  const plan: [string[], string[]] = [[], []];
  const load = [mainCost * n, 0];
  for (const { key, n: size } of [...sizes].sort((a, b) => b.n - a.n)) {
    const thread = load[0]! <= load[1]! ? 0 : 1;
    plan[thread].push(key);
    load[thread]! += size;
  }
  return plan;
}

/**
 * The columns on SharedArrayBuffers (a copy of each array not yet there; the loader already puts them there):
 * passed to a worker, they are shared, not cloned.
 */
export function sharedColumns(columns: RiskSetColumns): RiskSetColumns {
  return mapRiskSetArrays(columns, (array) => {
    if (array.buffer instanceof SharedArrayBuffer) return array;
    const shared = new (array.constructor as new (buffer: SharedArrayBuffer) => typeof array)(new SharedArrayBuffer(array.byteLength));
    shared.set(array);
    return shared;
  });
}

/**
 * The estimation threads, started before the risk set is loaded so that their start (loading their
 * modules) overlaps the loading; `analyse` estimates on them, once; `stop` ends them (after a failed load).
 * With two threads (the default where the machine has two cores or more) the second estimates part of the
 * subgroups, on the same shared columns, while the first estimates everything else and the rest of the
 * subgroups (planSubgroupThreads); the results are then joined in the order the subgroups are shown. The
 * database is idle while the analysis estimates, so both cores can work.
 */
export function startEstimationThreads(count: 1 | 2 = availableParallelism() > 1 ? 2 : 1) {
  const threads = Array.from({ length: count }, () => startThread());
  const stop = () => threads.forEach((thread) => thread.stop());
  return {
    stop,
    async analyse(
      columns: RiskSetColumns,
      horizonMonths: number,
      onProgress: (outcomesDone: number) => void = () => {},
      outcomes: AnalysisOutcome[] = analysisOutcomes,
    ): Promise<AnalysisResult[]> {
      const shared = sharedColumns(columns);
      const order = subgroupSizes(columns);
      const [mainKeys, otherKeys] = count === 2 ? planSubgroupThreads(order, columns.n) : [order.map((s) => s.key), []];
      const subgroups =
        otherKeys.length > 0
          ? threads[1]!.run<SubgroupEffect[][]>(
              { columns: shared, horizonMonths, outcomes, part: 'subgroups', subgroupKeys: otherKeys },
              () => {},
              (m) => (m.kind === 'subgroups' ? m.subgroups : undefined),
            )
          : null;
      subgroups?.catch(() => undefined);
      try {
        const results = await threads[0]!.run<AnalysisResult[]>(
          { columns: shared, horizonMonths, outcomes, part: 'main', subgroupKeys: mainKeys },
          onProgress,
          (m) => (m.kind === 'done' ? m.results : undefined),
        );
        if (!subgroups) return results;
        const bySubgroup = await subgroups;
        const rank = new Map(order.map((s, k) => [s.key, k]));
        return results.map((result, k) => ({
          ...result,
          subgroups: [...result.subgroups, ...bySubgroup[k]!].sort((a, b) => rank.get(a.key)! - rank.get(b.key)!),
        }));
      } finally {
        stop();
      }
    },
  };
}

/** `startEstimationThreads(threads).analyse(…)`: for a risk set already in hand. */
export async function analyseRiskSetInWorker(
  columns: RiskSetColumns,
  horizonMonths: number,
  onProgress: (outcomesDone: number) => void = () => {},
  options: { outcomes?: AnalysisOutcome[]; threads?: 1 | 2 } = {},
): Promise<AnalysisResult[]> {
  return startEstimationThreads(options.threads).analyse(columns, horizonMonths, onProgress, options.outcomes);
}
