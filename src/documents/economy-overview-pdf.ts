/**
 * The economy overview as an A4 PDF (issue 4 point 6) with pdfkit's built-in Helvetica (WinAnsi covers
 * æ, ø, å; everything printed passes through winAnsiText): key figures each with one line saying what
 * it is made of (issue 14), a cumulative chart of spend and forecast band scaled to them with budget,
 * refundable spend and the § 203 a ceiling as reference lines or off-scale markers, and the breakdown tables.
 */
import { renderPdf, taggedPdfOptions } from './render-pdf.ts';
import { danishShortMonth } from '../domain/calendar-month.ts';
import { economyChartReferences, economyFigureNotes } from '../domain/economy-figure-notes.ts';
import { refundClassLabels, type BreakdownRow, type EconomyOverview } from '../domain/economy-overview.ts';
import { formatDate, formatHours, formatKr as formatDanishKr, formatNumber, formatPercent } from '../domain/danish-format.ts';
import { formatAxisKr, scaleSpendChart } from '../domain/spend-chart-scale.ts';
import { winAnsiText } from './win-ansi-text.ts';

const formatKr = (amountKr: number | null) => formatDanishKr(amountKr, { decimals: 2 });

export function renderEconomyOverviewPdf(overview: EconomyOverview, municipalityName: string): Promise<Uint8Array> {
  return renderPdf(
    {
      size: 'A4',
      margins: { top: 50, bottom: 50, left: 56, right: 56 },
      info: { Title: `Økonomi for mentorstøtte ${overview.year}`, Author: municipalityName },
      lang: 'da-DK',
      ...taggedPdfOptions,
    },
    (pdf) => {
      // Tagged like the agreement (issue 14): headings, paragraphs, the chart as a figure with a description.
      const root = pdf.struct('Document');
      pdf.addStructure(root);
      const tag = (type: string, draw: () => void, options: { alt?: string } = {}) => root.add(pdf.struct(type, options, draw));
      tag('P', () => pdf.font('Helvetica').fontSize(10).fillColor('#444444').text(winAnsiText(municipalityName), { align: 'right' }));
      tag('H1', () => pdf.font('Helvetica-Bold').fontSize(18).fillColor('#000000').text(`Økonomi for mentorstøtte ${overview.year}`));
      tag('P', () =>
        pdf
          .font('Helvetica')
          .fontSize(10)
          .text(`Opgjort pr. ${formatDate(overview.asOf)}`),
      );
      pdf.moveDown();

      const notes = economyFigureNotes(overview);
      const figures: [string, string, string][] = [
        ['Forbrug til dato', formatKr(overview.spend), notes.spend],
        [
          'Prognose for året (lav – høj)',
          `${formatKr(overview.forecast.expected)} (${formatKr(overview.forecast.low)} – ${formatKr(overview.forecast.high)})`,
          notes.forecast,
        ],
        ['Budget', formatKr(overview.budgetKr), notes.budget],
        ['Refusionsramme', overview.refundFrame === null ? 'ikke sat' : formatKr(overview.refundFrame), notes.refundFrame],
        ['Refusionsberettiget forbrug', formatKr(overview.eligibleSpend), notes.eligibleSpend],
        ['Refusion', formatKr(overview.refund), notes.refund],
        ['Budget ud over refusionsrammen', formatPercent(overview.overFramePercent), notes.overFramePercent],
        [
          'Gennemsnit pr. forløb / pr. time',
          `${formatKr(overview.averageCostPerCourseKr)} / ${formatKr(overview.averageCostPerHourKr)}`,
          notes.averages,
        ],
      ];
      // From 2026: spend on mentor support and other guidance against the LAB § 203 a ceiling (issue 13).
      const ceiling = overview.budgetCeiling;
      if (ceiling) {
        figures.push(
          [
            `Loft efter LAB § 203 a (${formatNumber(ceiling.fullTimePersons)} fuldtidspersoner × ${formatKr(ceiling.ratePerFteKr)}${ceiling.rateVerified ? '' : ', sats ikke bekræftet'})`,
            formatKr(ceiling.ceilingKr),
            notes.ceiling,
          ],
          ['Mentorstøtte og øvrig vejledning og opkvalificering under loftet', formatKr(ceiling.totalSpendKr), notes.ceilingSpend],
        );
      } else if (overview.year >= 2026) {
        figures.push(['Loft efter LAB § 203 a', 'ikke beregnet', notes.ceiling]);
      }
      for (const [label, value, note] of figures) {
        tag('P', () =>
          pdf
            .font('Helvetica')
            .fontSize(10)
            .fillColor('#000000')
            .text(winAnsiText(label), { continued: true, width: 480 })
            .font('Helvetica-Bold')
            .text(winAnsiText(`  ${value}`)),
        );
        tag('P', () => pdf.font('Helvetica').fontSize(8).fillColor('#444444').text(winAnsiText(note), { width: 480 }).moveDown(0.25));
      }
      pdf.fillColor('#000000');
      for (const alert of overview.alerts)
        tag('P', () => pdf.moveDown(0.3).font('Helvetica-Bold').fillColor('#a00000').text(winAnsiText(alert.message)).fillColor('#000000'));
      pdf.moveDown();
      tag('Figure', () => drawChart(pdf, overview), { alt: winAnsiText(chartDescription(overview)) });

      /** A heading with one 9-point paragraph a line. */
      const section = (title: string, lines: string[]) => {
        pdf.moveDown(0.8);
        tag('H2', () => pdf.font('Helvetica-Bold').fontSize(12).text(title));
        for (const line of lines) tag('P', () => pdf.font('Helvetica').fontSize(9).text(winAnsiText(line)));
      };
      const breakdownLine = (row: BreakdownRow) =>
        `${row.label}: ${formatKr(row.spendKr)} (${formatPercent(row.sharePercent)}), ${row.courses} forløb, ${formatHours(row.hours)} timer`;
      section('Fordelt på mentortype', overview.byMentorType.map(breakdownLine));
      section('Fordelt på leverandørtype', overview.byProviderType.map(breakdownLine));
      section('Fordelt på målgruppe', overview.byTargetGroup.map(breakdownLine));
      section('Fordelt på refusion', overview.byRefundClass.map(breakdownLine));
      section(
        'Kontering',
        overview.accountingFunctions.map(
          (f) =>
            `${f.functionCode ?? 'Funktion ikke angivet'} (${refundClassLabels[f.refundClass].toLowerCase()}): ${formatKr(f.spendKr)}${f.note ? ` – ${f.note}` : ''}`,
        ),
      );
      pdf.moveDown(0.8);
      tag('P', () => pdf.fontSize(8).fillColor('#444444').text(winAnsiText(overview.forecast.method)));
      root.end();
    },
  );
}

/** The chart in words, for a screen reader (the Figure's alternative text). */
function chartDescription(overview: EconomyOverview): string {
  const last = overview.byMonth.at(-1);
  const scale = scaleSpendChart({
    dataKr: overview.byMonth.flatMap((m) => [m.cumulativeHighKr, m.cumulativeSpendKr, m.cumulativeForecastKr]),
    references: economyChartReferences(overview),
  });
  const limits = [...scale.onScale, ...scale.offScale].map((r) => `${r.label} ${formatAxisKr(r.amountKr)}`).join(', ');
  return (
    `Akkumuleret forbrug ${overview.year}: ${formatAxisKr(overview.spend)} til dato, prognose ${formatAxisKr(last?.cumulativeForecastKr ?? 0)} ` +
    `ved årets udgang (${formatAxisKr(last?.cumulativeLowKr ?? 0)} – ${formatAxisKr(last?.cumulativeHighKr ?? 0)}).` +
    (limits ? ` Grænser: ${limits}.` : '')
  );
}

const referenceColors: Record<string, string> = { budget: '#a00000', refundable: '#38761d', ceiling: '#4b2a86' };

/**
 * Cumulative spend (solid), forecast with its band (dashed, grey area), on a scale that follows them
 * (issue 14); limits near the data as labelled lines, limits far above as a line of text over the chart.
 */
function drawChart(pdf: PDFKit.PDFDocument, overview: EconomyOverview): void {
  const left = 90;
  const width = 420;
  const height = 160;
  const months = overview.byMonth;
  const scale = scaleSpendChart({
    dataKr: months.flatMap((m) => [m.cumulativeHighKr, m.cumulativeSpendKr, m.cumulativeForecastKr]),
    references: economyChartReferences(overview),
  });
  pdf.font('Helvetica-Bold').fontSize(10).fillColor('#000000').text('Akkumuleret forbrug og prognose', 56, pdf.y);
  if (scale.offScale.length > 0) {
    pdf
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#444444')
      .text(
        winAnsiText(
          `Over skalaen (vises ikke som linje): ${scale.offScale.map((r) => `${r.label} ${formatAxisKr(r.amountKr)}`).join(' · ')}`,
        ),
      );
  }
  const top = pdf.y + 8;
  const x = (i: number) => left + (i / Math.max(1, months.length - 1)) * width;
  const y = (amountKr: number) => top + height - (amountKr / scale.maxKr) * height;
  pdf.save();
  pdf.lineWidth(0.3).strokeColor('#cccccc');
  for (const tick of scale.ticksKr) {
    pdf
      .moveTo(left, y(tick))
      .lineTo(left + width, y(tick))
      .stroke();
    pdf
      .fillColor('#444444')
      .fontSize(7)
      .text(winAnsiText(formatAxisKr(tick)), left - 84, y(tick) - 3, { width: 78, align: 'right', lineBreak: false });
  }
  pdf.rect(left, top, width, height).lineWidth(0.5).strokeColor('#999999').stroke();
  if (months.length > 0) {
    pdf.moveTo(x(0), y(months[0]!.cumulativeHighKr));
    months.forEach((m, i) => pdf.lineTo(x(i), y(m.cumulativeHighKr)));
    [...months].reverse().forEach((m, i) => pdf.lineTo(x(months.length - 1 - i), y(m.cumulativeLowKr)));
    pdf.closePath().fillColor('#dddddd').fill();
    pdf.moveTo(x(0), y(months[0]!.cumulativeForecastKr));
    months.forEach((m, i) => pdf.lineTo(x(i), y(m.cumulativeForecastKr)));
    pdf.dash(4, { space: 3 }).strokeColor('#555555').lineWidth(1).stroke().undash();
  }
  const lastSpent = months.findIndex((m) => m.month > overview.asOf.slice(0, 7));
  const spent = lastSpent === -1 ? months : months.slice(0, lastSpent);
  if (spent.length > 0) {
    pdf.moveTo(x(0), y(spent[0]!.cumulativeSpendKr));
    spent.forEach((m, i) => pdf.lineTo(x(i), y(m.cumulativeSpendKr)));
    pdf.strokeColor('#0b5394').lineWidth(2).stroke();
  }
  for (const reference of scale.onScale) {
    const color = referenceColors[reference.key] ?? '#a00000';
    pdf
      .moveTo(left, y(reference.amountKr))
      .lineTo(left + width, y(reference.amountKr))
      .strokeColor(color)
      .lineWidth(1)
      .stroke();
    pdf
      .fillColor(color)
      .fontSize(7)
      .text(winAnsiText(`${reference.label} ${formatAxisKr(reference.amountKr)}`), left + 4, y(reference.amountKr) - 9, {
        lineBreak: false,
      });
  }
  pdf.fillColor('#444444').fontSize(7);
  months.forEach((m, i) =>
    pdf.text(danishShortMonth(m.month), x(i) - 10, top + height + 3, { width: 20, align: 'center', lineBreak: false }),
  );
  pdf.restore();
  pdf.fillColor('#444444').fontSize(8);
  pdf.x = 56;
  pdf.y = top + height + 16;
  pdf.text('Fuld linje: forbrug til dato. Stiplet linje og gråt bånd: prognose (lav – høj).');
  pdf.fillColor('#000000').fontSize(10);
}
