/**
 * The economy overview as an A4 PDF (issue 4 point 6) with pdfkit's built-in Helvetica (WinAnsi covers
 * æ, ø, å): key figures, a cumulative chart of spend, forecast band, budget and refundable spend, and
 * the breakdown tables.
 */
import PDFDocument from 'pdfkit';
import { formatDate, formatKr as formatDanishKr, formatMonth, formatNumber, formatPercent } from '../domain/danish-format.ts';
import { refundClassLabels, type BreakdownRow, type EconomyOverview } from '../domain/economy-overview.ts';

const formatKr = (amountKr: number | null) => formatDanishKr(amountKr, { decimals: 2 });

export function renderEconomyOverviewPdf(overview: EconomyOverview, municipalityName: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: { top: 50, bottom: 50, left: 56, right: 56 },
      info: { Title: `Økonomi for mentorstøtte ${overview.year}`, Author: municipalityName },
      lang: 'da-DK',
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);

    pdf.font('Helvetica').fontSize(10).fillColor('#444444').text(municipalityName, { align: 'right' });
    pdf.font('Helvetica-Bold').fontSize(18).fillColor('#000000').text(`Økonomi for mentorstøtte ${overview.year}`);
    pdf
      .font('Helvetica')
      .fontSize(10)
      .text(`Opgjort pr. ${formatDate(overview.asOf)}`);
    pdf.moveDown();

    const figures: [string, string][] = [
      ['Forbrug til dato', formatKr(overview.spend)],
      ['Refusionsberettiget forbrug', formatKr(overview.eligibleSpend)],
      ['Refusion', formatKr(overview.refund)],
      ['Refusionsramme', formatKr(overview.refundFrame)],
      ['Budget', formatKr(overview.budgetKr)],
      ['Budget ud over refusionsrammen', formatPercent(overview.overFramePercent)],
      [
        'Prognose for året (lav – høj)',
        `${formatKr(overview.forecast.expected)} (${formatKr(overview.forecast.low)} – ${formatKr(overview.forecast.high)})`,
      ],
      ['Gennemsnit pr. forløb / pr. time', `${formatKr(overview.averageCostPerCourseKr)} / ${formatKr(overview.averageCostPerHourKr)}`],
    ];
    // From 2026: spend on mentor support and other guidance against the LAB § 203 a ceiling (issue 13).
    const ceiling = overview.budgetCeiling;
    if (ceiling) {
      figures.push(
        [
          `Loft efter LAB § 203 a (${formatNumber(ceiling.fullTimePersons)} fuldtidspersoner × ${formatKr(ceiling.ratePerFteKr)}${ceiling.rateVerified ? '' : ', sats ikke bekræftet'})`,
          formatKr(ceiling.ceilingKr),
        ],
        ['Mentorstøtte og øvrig vejledning og opkvalificering under loftet', formatKr(ceiling.totalSpendKr)],
      );
    }
    for (const [label, value] of figures) {
      pdf.font('Helvetica').fontSize(10).text(label, { continued: true, width: 480 }).font('Helvetica-Bold').text(`  ${value}`);
    }
    for (const alert of overview.alerts)
      pdf.moveDown(0.3).font('Helvetica-Bold').fillColor('#a00000').text(alert.message).fillColor('#000000');
    pdf.moveDown();
    drawChart(pdf, overview);

    const table = (title: string, rows: BreakdownRow[]) => {
      pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(title);
      pdf.font('Helvetica').fontSize(9);
      for (const row of rows) {
        pdf.text(
          `${row.label}: ${formatKr(row.spendKr)} (${formatPercent(row.sharePercent)}), ${row.courses} forløb, ${formatNumber(row.hours)} timer`,
        );
      }
    };
    table('Fordelt på mentortype', overview.byMentorType);
    table('Fordelt på leverandørtype', overview.byProviderType);
    table('Fordelt på målgruppe', overview.byTargetGroup);
    table('Fordelt på refusion', overview.byRefundClass);
    pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text('Kontering');
    pdf.font('Helvetica').fontSize(9);
    for (const f of overview.accountingFunctions)
      pdf.text(
        `${f.functionCode ?? '–'} (${refundClassLabels[f.refundClass].toLowerCase()}): ${formatKr(f.spendKr)}${f.note ? ` – ${f.note}` : ''}`,
      );
    // The standard PDF fonts have no U+2212 (minus sign): it would print as a stray quote.
    pdf.moveDown(0.8).fontSize(8).fillColor('#444444').text(overview.forecast.method.replaceAll('\u2212', '-'));
    pdf.end();
  });
}

/** Cumulative spend (solid), forecast with its band (dashed, grey area), budget and refundable spend (lines). */
function drawChart(pdf: PDFKit.PDFDocument, overview: EconomyOverview): void {
  const left = 70;
  const top = pdf.y + 10;
  const width = 440;
  const height = 160;
  const limits = [overview.budgetKr, overview.refundableSpendKr].filter((v): v is number => v !== null);
  const max = Math.max(1, ...overview.byMonth.map((m) => m.cumulativeHighKr), ...limits) * 1.05;
  const x = (i: number) => left + (i / 11) * width;
  const y = (amountKr: number) => top + height - (amountKr / max) * height;
  pdf.save();
  pdf.rect(left, top, width, height).lineWidth(0.5).strokeColor('#999999').stroke();
  const months = overview.byMonth;
  pdf.moveTo(x(0), y(months[0]!.cumulativeHighKr));
  months.forEach((m, i) => pdf.lineTo(x(i), y(m.cumulativeHighKr)));
  [...months].reverse().forEach((m, i) => pdf.lineTo(x(months.length - 1 - i), y(m.cumulativeLowKr)));
  pdf.closePath().fillColor('#dddddd').fill();
  pdf.moveTo(x(0), y(months[0]!.cumulativeForecastKr));
  months.forEach((m, i) => pdf.lineTo(x(i), y(m.cumulativeForecastKr)));
  pdf.dash(4, { space: 3 }).strokeColor('#555555').lineWidth(1).stroke().undash();
  const lastSpent = months.findIndex((m) => m.month > overview.asOf.slice(0, 7));
  const spent = lastSpent === -1 ? months : months.slice(0, lastSpent);
  if (spent.length > 0) {
    pdf.moveTo(x(0), y(spent[0]!.cumulativeSpendKr));
    spent.forEach((m, i) => pdf.lineTo(x(i), y(m.cumulativeSpendKr)));
    pdf.strokeColor('#0b5394').lineWidth(2).stroke();
  }
  const limitLine = (amountKr: number | null, color: string, label: string) => {
    if (amountKr === null || amountKr <= 0) return;
    pdf
      .moveTo(left, y(amountKr))
      .lineTo(left + width, y(amountKr))
      .strokeColor(color)
      .lineWidth(1)
      .stroke();
    pdf
      .fillColor(color)
      .fontSize(7)
      .text(label, left + 4, y(amountKr) - 9, { lineBreak: false });
  };
  limitLine(overview.budgetKr, '#a00000', 'Budget');
  limitLine(overview.refundableSpendKr, '#38761d', 'Refusionsramme / sats');
  pdf.fillColor('#444444').fontSize(7);
  months.forEach((m, i) =>
    pdf.text(formatMonth(m.month, { withYear: false, short: true }), x(i) - 8, top + height + 3, { lineBreak: false }),
  );
  pdf.restore();
  pdf.fillColor('#000000').fontSize(10);
  pdf.x = 56;
  pdf.y = top + height + 18;
}
