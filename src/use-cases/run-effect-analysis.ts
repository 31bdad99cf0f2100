/**
 * In-app effect analysis on the register spells (issue 6 point 3): risk-set matching on calendar time —
 * each mentored citizen compared with citizens in the same target groups who, on the same quarter's
 * index date, had not (yet) received mentor support; exact on start quarter, propensity score on age,
 * gender, origin, target group, prior weeks on public support (52 and 156) and prior weeks employed (156).
 * Runs in the background; the job's progress and results are kept in this process.
 */
import { randomUUID } from 'node:crypto';
import { categorical } from '../analytics/design-matrix.ts';
import type { EffectEstimate } from '../analytics/effect-estimate.ts';
import { estimateEffect } from '../analytics/estimate-effect.ts';
import { effectAnalysisRepository, type RiskSetRow } from '../db/repositories/effect-analysis-repository.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { passiveTargetGroups } from '../domain/passive-citizens.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import type { UseCaseContext } from './use-case-context.ts';

export type AnalysisOutcome = 'employment' | 'education' | 'self_support' | 'benefit_weeks_52';
export type AnalysisResult = EffectEstimate & { outcome: AnalysisOutcome; summary: string };
export type AnalysisJob = { id: string; municipalityId: number; status: 'running' | 'done' | 'failed'; progress: number; results: AnalysisResult[]; error: string | null };

const jobs = new Map<string, AnalysisJob>();

const outcomeLabels: Record<AnalysisOutcome, { column: keyof RiskSetRow; da: string; percentPoints: boolean }> = {
  employment: { column: 'employment', da: 'i job', percentPoints: true },
  education: { column: 'education', da: 'i uddannelse', percentPoints: true },
  self_support: { column: 'selfSupport', da: 'selvforsørgende', percentPoints: true },
  benefit_weeks_52: { column: 'benefitWeeks52After', da: 'uger på offentlig forsørgelse i det følgende år', percentPoints: false },
};

const fmt = (n: number, digits = 1) => n.toLocaleString('da-DK', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The estimate in words a politician understands, with its interval. */
export function describeEstimate(outcome: AnalysisOutcome, r: EffectEstimate, horizonMonths: number): string {
  const label = outcomeLabels[outcome];
  const [lo, hi] = r.confidenceInterval;
  if (label.percentPoints) {
    const pp = r.estimate * 100;
    return `Borgere med mentor var ${fmt(Math.abs(pp))} procentpoint ${pp >= 0 ? 'oftere' : 'sjældnere'} ${label.da} efter ${horizonMonths} måneder end sammenlignelige borgere uden mentor (95 %-interval ${fmt(lo * 100)} til ${fmt(hi * 100)} procentpoint).`;
  }
  return `Borgere med mentor havde ${fmt(Math.abs(r.estimate))} ${r.estimate >= 0 ? 'flere' : 'færre'} ${label.da} end sammenlignelige borgere uden mentor (95 %-interval ${fmt(lo)} til ${fmt(hi)}).`;
}

export function analyseRiskSet(rows: RiskSetRow[], horizonMonths: number, onProgress: (p: number) => void = () => {}): AnalysisResult[] {
  const treatment = Uint8Array.from(rows, (r) => (r.treated ? 1 : 0));
  const quarters = new Map<string, number>();
  const strata = Int32Array.from(rows, (r) => {
    if (!quarters.has(r.quarter)) quarters.set(r.quarter, quarters.size);
    return quarters.get(r.quarter)!;
  });
  const numeric = (name: string, pick: (r: RiskSetRow) => number) => ({ name, kind: 'numeric' as const, values: Float64Array.from(rows, pick) });
  const covariates = [
    numeric('age', (r) => r.age),
    categorical('gender', rows.map((r) => r.gender)),
    categorical('origin', rows.map((r) => r.origin)),
    categorical('targetGroup', rows.map((r) => r.targetGroup)),
    numeric('publicWeeks52', (r) => r.publicWeeks52),
    numeric('publicWeeks156', (r) => r.publicWeeks156),
    numeric('employedWeeks156', (r) => r.employedWeeks156),
  ].filter((c) => c.kind !== 'categorical' || c.levels.length > 1);
  const outcomes = Object.keys(outcomeLabels) as AnalysisOutcome[];
  return outcomes.map((outcome, k) => {
    const column = outcomeLabels[outcome].column;
    const result = estimateEffect(
      { treatment, outcome: Float64Array.from(rows, (r) => Number(r[column])), covariates, strata },
      { method: 'nearest', replace: true, exact: ['startQuarter'] },
    );
    onProgress((k + 1) / outcomes.length);
    return { ...result, outcome, summary: describeEstimate(outcome, result, horizonMonths) };
  });
}

export async function startEffectAnalysis(
  ctx: UseCaseContext,
  input: { type: string; firstStartFrom: string; firstStartTo: string; horizonMonths: number; targetGroups: string[] | null },
): Promise<{ id: string }> {
  if (!['manager', 'admin', 'coordinator', 'caseworker'].includes(ctx.actor.role)) throw new AppError('FORBIDDEN', 'Analyses are not available to this role');
  for (const field of ['firstStartFrom', 'firstStartTo'] as const) if (!isCalendarDate(input[field])) throw new AppError('INVALID_INPUT', `${field} is not a valid date`, { field });
  const job: AnalysisJob = { id: randomUUID(), municipalityId: ctx.actor.municipalityId, status: 'running', progress: 0, results: [], error: null };
  jobs.set(job.id, job);
  setImmediate(() => {
    void (async () => {
      try {
        const rows = await effectAnalysisRepository(ctx.db).riskSet({
          municipalityId: ctx.actor.municipalityId, from: input.firstStartFrom, to: input.firstStartTo, type: input.type,
          horizonMonths: input.horizonMonths, targetGroups: input.targetGroups ?? passiveTargetGroups,
        });
        job.progress = 0.3;
        job.results = analyseRiskSet(rows, input.horizonMonths, (p) => (job.progress = 0.3 + 0.7 * p));
        job.status = 'done';
        job.progress = 1;
        await recordAudit(ctx, { action: 'search', entity: 'effect_analysis', criterion: `effect:${input.type}:${input.firstStartFrom}..${input.firstStartTo}` });
      } catch (error) {
        job.status = 'failed';
        job.error = error instanceof Error ? error.message : String(error);
      }
    })();
  });
  return { id: job.id };
}

export function getEffectAnalysis(ctx: UseCaseContext, id: string): AnalysisJob {
  const job = jobs.get(id);
  if (!job || job.municipalityId !== ctx.actor.municipalityId) throw new AppError('NOT_FOUND', `Analysis ${id} not found`);
  return job;
}
