/**
 * The economy overview as an Excel workbook (issue 4 point 6), for the manager to keep working in a
 * spreadsheet: a summary sheet, months, breakdowns, accounting functions and alerts. Amounts are kr.
 * with 2 decimals, formatted the Danish way by Excel's locale.
 */
import ExcelJS from 'exceljs';
import { danishMonthAndYear } from '../domain/calendar-month.ts';
import { formatDate, formatMonth } from '../domain/danish-format.ts';
import { refundClassLabels, type BreakdownRow, type EconomyOverview } from '../domain/economy-overview.ts';

const kr = '#,##0.00';

export async function renderEconomyOverviewXlsx(overview: EconomyOverview, municipalityName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mentorspor';
  workbook.created = new Date(`${overview.asOf}T12:00:00Z`);

  const summary = workbook.addWorksheet('Overblik');
  summary.columns = [
    { header: 'Nøgletal', key: 'label', width: 48 },
    { header: 'Værdi', key: 'value', width: 20, style: { numFmt: kr } },
  ];
  const rows: [string, number | string | null][] = [
    ['Kommune', municipalityName],
    ['År', overview.year],
    ['Opgjort pr.', formatDate(overview.asOf)],
    ['Forbrug til dato (kr.)', overview.spend],
    ['Refusionsberettiget forbrug (kr.)', overview.eligibleSpend],
    ['Refusion (kr.)', overview.refund],
    ['Refusionsramme (kr.)', overview.refundFrame],
    ['Refusionssats', overview.refundRate],
    ['Forbrug der kan hjemtages refusion af, ramme / sats (kr.)', overview.refundableSpendKr],
    ['Budget (kr.)', overview.budgetKr],
    ['Budget ud over refusionsrammen (%)', overview.overFramePercent],
    ['Prognose, forventet (kr.)', overview.forecast.expected],
    ['Prognose, lav (kr.)', overview.forecast.low],
    ['Prognose, høj (kr.)', overview.forecast.high],
    ['Forventet refusion (kr.)', overview.forecast.expectedRefundKr],
    ['Forløb med forbrug', overview.courses],
    ['Timer', overview.hours],
    ['Gennemsnitlig pris pr. forløb (kr.)', overview.averageCostPerCourseKr],
    ['Gennemsnitlig pris pr. time (kr.)', overview.averageCostPerHourKr],
  ];
  if (overview.budgetCeiling) {
    rows.push(
      ['Loft (LAB § 203 a): fuldtidspersoner i § 6, nr. 1–10', overview.budgetCeiling.fullTimePersons],
      [
        `Loft (LAB § 203 a): sats pr. fuldtidsperson (kr.)${overview.budgetCeiling.rateVerified ? '' : ' – ikke bekræftet'}`,
        overview.budgetCeiling.ratePerFteKr,
      ],
      ['Loft (LAB § 203 a) (kr.)', overview.budgetCeiling.ceilingKr],
      ['Mentor + øvrig vejledning og opkvalificering (kr.)', overview.budgetCeiling.totalSpendKr],
    );
  }
  for (const [label, value] of rows) summary.addRow({ label, value: value ?? '–' });
  summary.addRow({});
  summary.addRow({ label: 'Prognosemetode', value: overview.forecast.method });
  summary.getRow(1).font = { bold: true };

  const months = workbook.addWorksheet('Måneder');
  months.columns = [
    { header: 'Måned', key: 'month', width: 10 },
    { header: 'Forbrug', key: 'spendKr', width: 14, style: { numFmt: kr } },
    { header: 'Planlagt', key: 'plannedKr', width: 14, style: { numFmt: kr } },
    { header: 'Leveret', key: 'deliveredKr', width: 14, style: { numFmt: kr } },
    { header: 'Faktureret', key: 'invoicedKr', width: 14, style: { numFmt: kr } },
    { header: 'Forbrug akkumuleret', key: 'cumulativeSpendKr', width: 20, style: { numFmt: kr } },
    { header: 'Prognose akkumuleret', key: 'cumulativeForecastKr', width: 20, style: { numFmt: kr } },
    { header: 'Lav', key: 'cumulativeLowKr', width: 14, style: { numFmt: kr } },
    { header: 'Høj', key: 'cumulativeHighKr', width: 14, style: { numFmt: kr } },
  ];
  for (const month of overview.byMonth) months.addRow({ ...month, month: formatMonth(month.month) });
  months.getRow(1).font = { bold: true };

  const addBreakdown = (name: string, rowsOf: BreakdownRow[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = [
      { header: 'Gruppe', key: 'label', width: 44 },
      { header: 'Forløb', key: 'courses', width: 10 },
      { header: 'Timer', key: 'hours', width: 12, style: { numFmt: kr } },
      { header: 'Forbrug (kr.)', key: 'spendKr', width: 16, style: { numFmt: kr } },
      { header: 'Andel (%)', key: 'sharePercent', width: 10 },
      { header: 'Bundet resten af året (kr.)', key: 'committedKr', width: 24, style: { numFmt: kr } },
    ];
    for (const row of rowsOf) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
  };
  addBreakdown('Mentortype', overview.byMentorType);
  addBreakdown('Leverandørtype', overview.byProviderType);
  addBreakdown('Målgruppe', overview.byTargetGroup);
  addBreakdown('Refusion', overview.byRefundClass);

  const functions = workbook.addWorksheet('Kontering');
  functions.columns = [
    { header: 'Funktion', key: 'functionCode', width: 14 },
    { header: 'Refusion', key: 'refundClass', width: 16 },
    { header: 'Forbrug (kr.)', key: 'spendKr', width: 16, style: { numFmt: kr } },
    { header: 'Bemærkning', key: 'note', width: 80 },
  ];
  // Issue 14: Danish words, not the internal refund-class codes.
  for (const row of overview.accountingFunctions)
    functions.addRow({ ...row, functionCode: row.functionCode ?? '–', refundClass: refundClassLabels[row.refundClass] });
  functions.getRow(1).font = { bold: true };

  const alerts = workbook.addWorksheet('Varsler');
  alerts.columns = [
    { header: 'Varsel', key: 'kind', width: 22 },
    { header: 'Fra måned', key: 'month', width: 16 },
    { header: 'Besked', key: 'message', width: 100 },
  ];
  for (const alert of overview.alerts)
    alerts.addRow({
      kind: alert.severity === 'error' ? 'Overskridelse' : 'Mulig overskridelse',
      month: danishMonthAndYear(alert.month),
      message: alert.message,
    });
  alerts.getRow(1).font = { bold: true };

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
