import { renderEffectAnalysisPdf } from '../documents/effect-analysis-pdf.ts';
import { renderEffectAnalysisCsv, renderEffectAnalysisXlsx, type EffectAnalysisReport } from '../documents/effect-analysis-report.ts';
import { formatDate, formatDateTime } from '../domain/danish-format.ts';
import type { EffectLanguage } from '../domain/effect-words.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import { getEffectAnalysis } from './run-effect-analysis.ts';
import type { UseCaseContext } from './use-case-context.ts';

const contentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/**
 * A saved effect analysis as a PDF (for the city council) or XLSX/CSV (for analysts), from the stored
 * results: nothing is rerun (issue 15). The results are aggregates (cells under 5 suppressed); the export
 * is logged like every export.
 */
export async function exportEffectAnalysis(
  ctx: UseCaseContext,
  input: { id: string; format: 'pdf' | 'xlsx' | 'csv'; lang: EffectLanguage },
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const job = await getEffectAnalysis(ctx, input.id);
  if (job.status !== 'done') throw new AppError('CONFLICT', 'The analysis has no results to export', { status: job.status });
  const p = job.parameters as { firstStartFrom?: string; firstStartTo?: string };
  const report: EffectAnalysisReport = {
    municipalityName: ctx.actor.municipalityName,
    period: `${periodEnd(input.lang, p.firstStartFrom)} – ${periodEnd(input.lang, p.firstStartTo)}`,
    createdByName: job.createdByName,
    createdAt: input.lang === 'da' ? formatDateTime(job.createdAt) : job.createdAt.slice(0, 16).replace('T', ' '),
    results: job.results,
  };
  const bytes =
    input.format === 'pdf'
      ? await renderEffectAnalysisPdf(report, input.lang)
      : input.format === 'xlsx'
        ? await renderEffectAnalysisXlsx(report, input.lang)
        : renderEffectAnalysisCsv(report, input.lang);
  await recordAudit(ctx, { action: 'export', entity: 'effect_analysis', criterion: `effect:${input.id}:${input.format}` });
  return {
    bytes,
    contentType: contentTypes[input.format],
    fileName: `effektanalyse-${p.firstStartFrom ?? ''}-${p.firstStartTo ?? ''}.${input.format}`,
  };
}

/** A period end as the reader writes dates: 03.12.2026 in Danish, ISO in English. */
function periodEnd(lang: EffectLanguage, date: string | undefined): string {
  if (!date) return '?';
  return lang === 'da' ? formatDate(date) : date;
}
