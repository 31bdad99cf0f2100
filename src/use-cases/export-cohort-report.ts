import { renderCohortReportPdf } from '../documents/cohort-report-pdf.ts';
import { renderCohortReportXlsx } from '../documents/cohort-report-xlsx.ts';
import { formatPeriod } from '../domain/danish-format.ts';
import { grantTypeLabels, type GrantType } from '../domain/mentor-grant.ts';
import { reportCohort, type CohortReportInput } from './report-cohort.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** A cohort report (issue 5 point 3) as an XLSX workbook or a PDF, suppressed exactly as on screen (R-STAT-1). */
export async function exportCohortReport(
  ctx: UseCaseContext,
  input: CohortReportInput & { format: 'xlsx' | 'pdf' },
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const table = await reportCohort(ctx, input);
  const meta = {
    municipalityName: ctx.actor.municipalityName,
    period: `${formatPeriod(input.firstStartFrom, input.firstStartTo)}${input.type ? ` · ${grantTypeLabels[input.type as GrantType] ?? input.type}` : ''}`,
  };
  const fileName = `mentorrapport-${input.report}-${input.firstStartFrom}-${input.firstStartTo}.${input.format}`;
  if (input.format === 'xlsx') {
    return {
      bytes: await renderCohortReportXlsx(table, meta),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName,
    };
  }
  return { bytes: await renderCohortReportPdf(table, meta), contentType: 'application/pdf', fileName };
}
