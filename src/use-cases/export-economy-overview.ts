import { renderEconomyOverviewPdf } from '../documents/economy-overview-pdf.ts';
import { renderEconomyOverviewXlsx } from '../documents/economy-overview-xlsx.ts';
import { getEconomyOverview } from './get-economy-overview.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** The economy overview of a year as an XLSX workbook or a PDF report (issue 4 point 6). */
export async function exportEconomyOverview(
  ctx: UseCaseContext,
  input: { year: number; asOf?: string | null; format: 'xlsx' | 'pdf' },
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const overview = await getEconomyOverview(ctx, input);
  if (input.format === 'xlsx') {
    return {
      bytes: await renderEconomyOverviewXlsx(overview, ctx.actor.municipalityName),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `mentoroekonomi-${input.year}.xlsx`,
    };
  }
  return {
    bytes: await renderEconomyOverviewPdf(overview, ctx.actor.municipalityName),
    contentType: 'application/pdf',
    fileName: `mentoroekonomi-${input.year}.pdf`,
  };
}
