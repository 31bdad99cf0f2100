/**
 * In-app effect analysis on the register spells (issue 6 points 3 and 5): risk-set matching on calendar
 * time — each mentored citizen compared with citizens in the same target groups who, on the same
 * quarter's index date, had not (yet) received mentor support (definition in
 * db/repositories/risk-set-repository.ts, estimation in analyse-risk-set.ts).
 * Runs in the background, in whichever process takes the job from the queue (db/job-queue.ts): the risk
 * set is streamed into columns chunk by chunk, then estimated in a worker thread. The job (parameters,
 * status, phase, progress, results, error) is a row in `effect_analyses`, readable from any process. On
 * PostgreSQL a run whose process died is retried by another, then failed by the queue
 * (fail-abandoned-job.ts); on the embedded database one still running when the server stopped is marked
 * failed at the next start (fail-interrupted-effect-analyses.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { JobData, JobQueue, JobRun } from '../db/job-queue.ts';
import { effectAnalysesRepository, type EffectAnalysisRecord } from '../db/repositories/effect-analyses-repository.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { passiveTargetGroups } from '../domain/passive-citizens.ts';
import { AppError } from '../errors.ts';
import { analysisOutcomes, type AnalysisResult } from './analyse-risk-set.ts';
import { startEstimationThreads } from './analyse-risk-set-in-worker.ts';
import { loadRiskSet } from './load-risk-set.ts';
import { jobContext, jobField, jobOriginOf } from './job-context.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type { AnalysisOutcome, AnalysisResult } from './analyse-risk-set.ts';

export type AnalysisJob = {
  id: string;
  status: 'running' | 'done' | 'failed';
  /** While running: 'loading' (the risk set) or 'estimating'. */
  phase: string | null;
  progress: number;
  results: AnalysisResult[];
  errorCode: 'INTERRUPTED' | 'FAILED' | null;
  error: string | null;
  parameters: Record<string, unknown>;
  /** Who ran it (issue 15: saved analyses are listed with who ran them, when, the period and parameters). */
  createdByName: string | null;
  /** Only the user who ran an analysis may delete it. */
  canDelete: boolean;
  createdAt: string;
  finishedAt: string | null;
};

export type EffectAnalysisInput = {
  type: string;
  firstStartFrom: string;
  firstStartTo: string;
  horizonMonths: number;
  targetGroups: string[] | null;
};

/** Share of the progress bar for loading the risk set, then for the shared model; the rest is the four outcomes (as measured at 1M units). */
const loadingShare = 0.7;
const modelShare = 0.2;

function requireAnalysisRole(ctx: UseCaseContext): void {
  requirePermission(ctx, 'analysis:run');
}

export const effectAnalysisQueue = 'effect-analysis';

export async function startEffectAnalysis(ctx: UseCaseContext, input: EffectAnalysisInput, jobs: JobQueue): Promise<{ id: string }> {
  requireAnalysisRole(ctx);
  for (const field of ['firstStartFrom', 'firstStartTo'] as const)
    if (!isCalendarDate(input[field])) throw new AppError('INVALID_INPUT', `${field} is not a valid date`, { field });
  if (input.firstStartFrom > input.firstStartTo)
    throw new AppError('INVALID_INPUT', 'firstStartFrom is after firstStartTo', { field: 'firstStartTo' });
  const id = randomUUID();
  const analyses = effectAnalysesRepository(ctx.db);
  await analyses.create({ id, municipalityId: ctx.actor.municipalityId, parameters: input, createdBy: ctx.actor.userId });
  try {
    await jobs.send(effectAnalysisQueue, { ...jobOriginOf(ctx), analysisId: id, parameters: input });
  } catch (error) {
    await analyses.failIfRunning({ id, errorCode: 'FAILED', error: 'The analysis could not be queued; start it again.' });
    throw error;
  }
  return { id };
}

/**
 * One run of a queued analysis (queue `effect-analysis`), in whichever process took the job: skipped when
 * the analysis already ended; a failure is recorded on the row, unless this process is stopping and the
 * queue hands the job to another (`run.signal`).
 */
export async function runEffectAnalysisJob(db: Database, data: JobData, run: JobRun): Promise<void> {
  const id = jobField(data, 'analysisId', 'string');
  const parameters = jobField(data, 'parameters', 'object');
  const ctx = await jobContext(db, data);
  const analyses = effectAnalysesRepository(ctx.db);
  if ((await analyses.beginAttempt(id)) === null) return;
  const input: EffectAnalysisInput = {
    type: String(parameters.type),
    firstStartFrom: String(parameters.firstStartFrom),
    firstStartTo: String(parameters.firstStartTo),
    horizonMonths: Number(parameters.horizonMonths),
    targetGroups: Array.isArray(parameters.targetGroups) ? parameters.targetGroups.map(String) : null,
  };
  try {
    await runEffectAnalysis(ctx, id, input, { signal: run.signal });
  } catch (error) {
    if (run.signal.aborted) throw error;
    await analyses.fail({ id, errorCode: 'FAILED', error: error instanceof Error ? error.message : String(error) });
  }
}

/** The job's work: load (progress per chunk), estimate in a worker (progress per outcome), store the results. */
export async function runEffectAnalysis(
  ctx: UseCaseContext,
  id: string,
  input: EffectAnalysisInput,
  options: { chunkCitizens?: number; signal?: AbortSignal } = {},
): Promise<AnalysisResult[]> {
  const jobs = effectAnalysesRepository(ctx.db);
  // Progress writes are not awaited one by one; the last one is awaited before the next phase.
  let lastWrite: Promise<void> = Promise.resolve();
  const report = (phase: string, progress: number) => {
    lastWrite = lastWrite.then(() => jobs.updateProgress({ id, phase, progress: Math.min(1, progress) })).catch(() => {});
  };
  // The estimation threads start now: loading their modules overlaps the loading of the risk set.
  const threads = startEstimationThreads();
  const columns = await loadRiskSet(
    ctx.db,
    {
      municipalityId: ctx.actor.municipalityId,
      from: input.firstStartFrom,
      to: input.firstStartTo,
      type: input.type,
      horizonMonths: input.horizonMonths,
      targetGroups: input.targetGroups ?? passiveTargetGroups,
    },
    {
      chunkCitizens: options.chunkCitizens,
      onProgress: (p) => report(`loading ${p.chunksDone}/${p.chunks}`, (loadingShare * p.chunksDone) / p.chunks),
    },
  ).catch((error: unknown) => {
    threads.stop();
    throw error;
  });
  report('estimating', loadingShare);
  const results = await threads.analyse(columns, input.horizonMonths, (done) =>
    report('estimating', loadingShare + modelShare + ((1 - loadingShare - modelShare) * done) / analysisOutcomes.length),
  );
  await lastWrite;
  if (options.signal?.aborted) throw new Error('handed back');
  await jobs.finish({ id, results });
  await recordAudit(ctx, {
    action: 'search',
    entity: 'effect_analysis',
    criterion: `effect:${input.type}:${input.firstStartFrom}..${input.firstStartTo}`,
  });
  return results;
}

function toJob(ctx: UseCaseContext, record: EffectAnalysisRecord): AnalysisJob {
  return {
    id: record.id,
    status: record.status,
    phase: record.phase,
    progress: record.progress,
    results: record.results as AnalysisResult[],
    errorCode: record.errorCode,
    error: record.error,
    parameters: record.parameters,
    createdByName: record.createdByName,
    canDelete: record.createdBy !== null && record.createdBy === ctx.actor.userId,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
  };
}

export async function getEffectAnalysis(ctx: UseCaseContext, id: string): Promise<AnalysisJob> {
  requireAnalysisRole(ctx);
  const record = await effectAnalysesRepository(ctx.db).findById(ctx.actor.municipalityId, id);
  if (!record) throw new AppError('NOT_FOUND', `Analysis ${id} not found`);
  return toJob(ctx, record);
}

/** The municipality's 50 most recent analyses, newest first (without results): reopened without rerunning. */
export async function listEffectAnalyses(ctx: UseCaseContext): Promise<AnalysisJob[]> {
  requireAnalysisRole(ctx);
  return (await effectAnalysesRepository(ctx.db).listRecent(ctx.actor.municipalityId, 50)).map((r) => toJob(ctx, r));
}

/** Issue 15: the user who ran an analysis deletes it; the deletion is in the audit log. */
export async function deleteEffectAnalysis(ctx: UseCaseContext, id: string): Promise<void> {
  requireAnalysisRole(ctx);
  await ctx.db.transaction(async (tx) => {
    const inTx = effectAnalysesRepository(tx);
    const record = await inTx.findById(ctx.actor.municipalityId, id);
    if (!record) throw new AppError('NOT_FOUND', `Analysis ${id} not found`);
    if (record.createdBy !== ctx.actor.userId)
      throw new AppError('FORBIDDEN', 'Only the user who ran an analysis may delete it', { reason: 'NOT_OWNER' });
    await inTx.delete(ctx.actor.municipalityId, id);
    await recordAudit({ ...ctx, db: tx }, { action: 'delete', entity: 'effect_analysis', criterion: `effect:${id}` });
  });
}
