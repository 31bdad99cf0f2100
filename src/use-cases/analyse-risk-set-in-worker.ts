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

/** One worker thread on `part` of the analysis; resolves with its final message's content. */
function runPart<T>(
  workerData: object,
  onProgress: (outcomesDone: number) => void,
  take: (message: WorkerMessage) => T | undefined,
): { done: Promise<T>; stop: () => void } {
  const worker = startModuleWorker('effect-estimation-worker', { workerData });
  const done = new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') return onProgress(message.outcomesDone);
      settled = true;
      if (message.kind === 'error') reject(new Error(message.message));
      else resolve(take(message) as T);
      void worker.terminate();
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the estimation worker stopped (exit code ${code})`));
    });
  });
  return { done, stop: () => void worker.terminate() };
}

/**
 * The subgroups split between two threads so that both finish at about the same time: the first also
 * estimates everything else, which costs about as much as subgroups of `mainCost` × n units (measured at
 * 1,000,000 units: 6 s for the main estimates, 10 s for 3,000,000 units of subgroups). Largest first, each
 * to the thread with less work so far.
 */
export function planSubgroupThreads(sizes: { key: string; n: number }[], n: number, mainCost = 1.8): [string[], string[]] {
  const plan: [string[], string[]] = [[], []];
  const load = [mainCost * n, 0];
  for (const { key, n: size } of [...sizes].sort((a, b) => b.n - a.n)) {
    const thread = load[0]! <= load[1]! ? 0 : 1;
    plan[thread].push(key);
    load[thread]! += size;
  }
  return plan;
}

/** A copy of the columns on SharedArrayBuffers: passed to a worker, it is shared, not cloned. */
export function sharedColumns(columns: RiskSetColumns): RiskSetColumns {
  return mapRiskSetArrays(columns, (array) => {
    const shared = new (array.constructor as new (buffer: SharedArrayBuffer) => typeof array)(new SharedArrayBuffer(array.byteLength));
    shared.set(array);
    return shared;
  });
}

/**
 * With `threads` 2 (the default where the machine has two cores or more) a second thread estimates part of
 * the subgroups, on the same shared columns, while the first estimates everything else and the rest of the
 * subgroups (planSubgroupThreads); the results are then joined in the order the subgroups are shown. The
 * database is idle while the analysis estimates, so both cores can work.
 */
export async function analyseRiskSetInWorker(
  columns: RiskSetColumns,
  horizonMonths: number,
  onProgress: (outcomesDone: number) => void = () => {},
  options: { outcomes?: AnalysisOutcome[]; threads?: 1 | 2 } = {},
): Promise<AnalysisResult[]> {
  const outcomes = options.outcomes ?? analysisOutcomes;
  const shared = sharedColumns(columns);
  const threads = options.threads ?? (availableParallelism() > 1 ? 2 : 1);
  const order = subgroupSizes(columns);
  const [mainKeys, otherKeys] = threads === 2 ? planSubgroupThreads(order, columns.n) : [order.map((s) => s.key), []];
  const subgroups =
    otherKeys.length > 0
      ? runPart<SubgroupEffect[][]>(
          { columns: shared, horizonMonths, outcomes, part: 'subgroups', subgroupKeys: otherKeys },
          () => {},
          (m) => (m.kind === 'subgroups' ? m.subgroups : undefined),
        )
      : null;
  subgroups?.done.catch(() => undefined);
  const main = runPart<AnalysisResult[]>(
    { columns: shared, horizonMonths, outcomes, part: 'main', subgroupKeys: mainKeys },
    onProgress,
    (m) => (m.kind === 'done' ? m.results : undefined),
  );
  try {
    const results = await main.done;
    if (!subgroups) return results;
    const bySubgroup = await subgroups.done;
    const rank = new Map(order.map((s, k) => [s.key, k]));
    return results.map((result, k) => ({
      ...result,
      subgroups: [...result.subgroups, ...bySubgroup[k]!].sort((a, b) => rank.get(a.key)! - rank.get(b.key)!),
    }));
  } catch (error) {
    subgroups?.stop();
    throw error;
  }
}
