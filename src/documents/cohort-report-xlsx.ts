/**
 * A cohort report (issue 5 point 3) as an Excel workbook: the table as shown on screen — counts, the
 * percentages next to them, margins — with suppressed cells (R-STAT-1) written as "–" so a spreadsheet
 * cannot sum them back, and the caption and period underneath.
 */
import ExcelJS from 'exceljs';
import type { ReportTable } from '../domain/cohort-report.ts';

export async function renderCohortReportXlsx(table: ReportTable, meta: { municipalityName: string; period: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mentorspor';
  const sheet = workbook.addWorksheet('Rapport');
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${meta.municipalityName} · ${meta.period}`]);
  sheet.addRow([]);
  const withPercent = table.percentBase !== 'none';
  const header = [
    '',
    ...table.columns.flatMap((c) => (withPercent ? [`${c.label} (antal)`, `${c.label} (pct.)`] : [c.label])),
    ...(table.rowTotals ? ['I alt'] : []),
  ];
  sheet.addRow(header).font = { bold: true };
  const cell = (v: number | null) => (v === null ? '–' : v);
  for (const row of table.rows) {
    sheet.addRow([
      row.label,
      ...row.values.flatMap((v, j) => (withPercent ? [cell(v), cell(row.percentages[j]!)] : [cell(v)])),
      ...(table.rowTotals ? [cell(row.total)] : []),
    ]);
  }
  sheet.addRow([
    'I alt',
    ...table.columnTotals.flatMap((v) => (withPercent ? [cell(v), ''] : [cell(v)])),
    ...(table.rowTotals ? [cell(table.total)] : []),
  ]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([table.caption]);
  sheet.addRow([`Enhed: ${table.unit}. «–» = skjult af diskretionshensyn (færre end ${table.threshold}).`]);
  sheet.getColumn(1).width = 44;
  for (let c = 2; c <= header.length; c += 1) sheet.getColumn(c).width = 16;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
