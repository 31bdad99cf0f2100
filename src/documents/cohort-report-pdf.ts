/**
 * A cohort report (issue 5 point 3) as an A4 PDF: title, a bar chart of the column percentages (or the
 * counts), the table with suppressed cells (R-STAT-1) shown as "–", and the caption that says what the
 * figures do not show. Built-in Helvetica (WinAnsi covers æ, ø, å).
 */
import { renderPdf } from './render-pdf.ts';
import type { ReportTable } from '../domain/cohort-report.ts';
import { formatNumber, formatPercent } from '../domain/danish-format.ts';

const palette = ['#0b4f71', '#c4682b', '#4f7a28', '#7b3f8c', '#9a8a16', '#2d7f8a'];
const number = (v: number | null) => formatNumber(v);
const percent = (v: number | null) => formatPercent(v);

export function renderCohortReportPdf(table: ReportTable, meta: { municipalityName: string; period: string }): Promise<Uint8Array> {
  return renderPdf(
    {
      size: 'A4',
      layout: 'landscape',
      margins: { top: 40, bottom: 40, left: 48, right: 48 },
      info: { Title: table.title, Author: meta.municipalityName },
      lang: 'da-DK',
    },
    (pdf) => {
      pdf.font('Helvetica').fontSize(9).fillColor('#444444').text(`${meta.municipalityName} · ${meta.period}`, { align: 'right' });
      pdf.font('Helvetica-Bold').fontSize(16).fillColor('#000000').text(table.title);
      pdf.moveDown(0.5);
      drawBars(pdf, table);

      const labelWidth = 220;
      const columnWidth = Math.min(110, (pdf.page.width - 96 - labelWidth - 60) / Math.max(1, table.columns.length));
      const withPercent = table.percentBase !== 'none';
      let y = pdf.y + 6;
      const line = (label: string, cells: string[], total: string, bold = false) => {
        pdf
          .font(bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(9)
          .fillColor('#000000');
        pdf.text(label, 48, y, { width: labelWidth, lineBreak: false, ellipsis: true });
        cells.forEach((c, j) =>
          pdf.text(c, 48 + labelWidth + j * columnWidth, y, { width: columnWidth - 6, align: 'right', lineBreak: false }),
        );
        if (table.rowTotals)
          pdf.text(total, 48 + labelWidth + cells.length * columnWidth, y, { width: 54, align: 'right', lineBreak: false });
        y += 14;
      };
      line(
        '',
        table.columns.map((c) => c.label),
        'I alt',
        true,
      );
      for (const row of table.rows) {
        line(
          row.label,
          row.values.map((v, j) => (withPercent ? `${number(v)} (${percent(row.percentages[j]!)})` : number(v))),
          number(row.total),
        );
      }
      line('I alt', table.columnTotals.map(number), number(table.total), true);
      pdf.font('Helvetica').fontSize(8).fillColor('#444444');
      pdf.text(table.caption, 48, y + 8, { width: pdf.page.width - 96 });
      pdf.text(`Enhed: ${table.unit}. «–» = skjult af diskretionshensyn (færre end ${table.threshold}).`, { width: pdf.page.width - 96 });
    },
  );
}

/** Grouped bars: one group per row, one bar per column (percentages when the report has them). */
function drawBars(pdf: PDFKit.PDFDocument, table: ReportTable): void {
  const left = 60;
  const top = pdf.y + 4;
  const width = pdf.page.width - 48 - left;
  const height = 150;
  const valueOf = (i: number, j: number) => (table.percentBase === 'none' ? table.rows[i]!.values[j]! : table.rows[i]!.percentages[j]!);
  const values = table.rows.flatMap((_, i) => table.columns.map((_, j) => valueOf(i, j) ?? 0));
  const max = Math.max(1, ...values);
  const groupWidth = width / Math.max(1, table.rows.length);
  const barWidth = Math.max(2, (groupWidth - 8) / Math.max(1, table.columns.length));
  pdf.save();
  pdf
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  table.rows.forEach((row, i) => {
    table.columns.forEach((_, j) => {
      const v = valueOf(i, j);
      if (v === null || v <= 0) return;
      const h = (v / max) * height;
      pdf
        .rect(left + i * groupWidth + 4 + j * barWidth, top + height - h, barWidth - 1, h)
        .fillColor(palette[j % palette.length]!)
        .fill();
    });
    pdf
      .fillColor('#444444')
      .fontSize(6)
      .text(row.label, left + i * groupWidth, top + height + 3, { width: groupWidth, align: 'center', height: 16, ellipsis: true });
  });
  table.columns.forEach((c, j) => {
    pdf
      .rect(left + j * 120, top + height + 22, 8, 8)
      .fillColor(palette[j % palette.length]!)
      .fill();
    pdf
      .fillColor('#000000')
      .fontSize(8)
      .text(c.label, left + j * 120 + 12, top + height + 22, { lineBreak: false });
  });
  pdf.restore();
  pdf.x = 48;
  pdf.y = top + height + 40;
}
