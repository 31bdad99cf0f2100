/**
 * A saved effect analysis as an A4 PDF for the city council (issue 15): per outcome the sentence of the
 * interval, the month-by-month chart with axis labels and caption, effects over time and for subgroups,
 * the placebo test, the warnings with what to do, and the STAR context. pdfkit's built-in Helvetica
 * (WinAnsi): the minus sign and Γ are written as "-" and "Gamma", which WinAnsi has.
 */
import { renderPdf } from './render-pdf.ts';
import {
  effectPageText,
  effectResultWords,
  eventTimeScale,
  starContextText,
  type EffectLanguage,
  type EffectResultWords,
} from '../domain/effect-words.ts';
import type { EffectAnalysisReport } from './effect-analysis-report.ts';

const winAnsi = (text: string) => text.replace(/\u2212/g, '-').replace(/Γ/g, 'Gamma');

export function renderEffectAnalysisPdf(report: EffectAnalysisReport, lang: EffectLanguage): Promise<Uint8Array> {
  const w = effectPageText[lang];
  return renderPdf(
    {
      size: 'A4',
      margins: { top: 50, bottom: 50, left: 56, right: 56 },
      info: { Title: w.pdfTitle, Author: report.municipalityName },
      lang: lang === 'da' ? 'da-DK' : 'en-GB',
    },
    (pdf) => {
      const text = (s: string, options?: PDFKit.Mixins.TextOptions) => pdf.text(winAnsi(s), options);

      pdf.font('Helvetica').fontSize(10).fillColor('#444444');
      text(report.municipalityName, { align: 'right' });
      pdf.font('Helvetica-Bold').fontSize(18).fillColor('#000000');
      text(w.pdfTitle);
      pdf.font('Helvetica').fontSize(10);
      text(w.pdfMeta(report.period, report.createdByName ?? '–', report.createdAt));
      text(w.intro);
      pdf.moveDown();
      pdf.font('Helvetica-Bold').fontSize(12);
      text(w.contextHeading);
      pdf.font('Helvetica').fontSize(10);
      text(starContextText(lang));

      for (const r of report.results) {
        const words = effectResultWords(lang, r);
        const cells = (x: { effect?: string; interval?: string }) => (x.effect === undefined ? '–' : `${x.effect} (${x.interval})`);
        pdf.addPage();
        pdf.font('Helvetica-Bold').fontSize(14);
        text(words.heading);
        pdf.fontSize(11);
        text(words.sentence);
        pdf.font('Helvetica').fontSize(10);
        text(words.comparison);
        if (r.eventTime && r.eventTime.length > 0) eventTimeChart(pdf, r, lang, words);
        if (words.placebo) text(words.placebo);
        if (words.horizons.length > 0) {
          pdf.moveDown(0.5).font('Helvetica-Bold');
          text(w.horizonsHeading);
          pdf.font('Helvetica');
          for (const h of words.horizons) text(`${h.months} ${w.months}: ${cells(h)}`);
        }
        if (words.subgroups.length > 0) {
          pdf.moveDown(0.5).font('Helvetica-Bold');
          text(w.subgroupsHeading);
          pdf.font('Helvetica');
          for (const g of words.subgroups) text(`${g.label} (${g.treated}): ${cells(g)}`);
        }
        if (words.warnings.length > 0) {
          pdf.moveDown(0.5).font('Helvetica-Bold');
          text(w.warnings);
          pdf.font('Helvetica');
          for (const x of words.warnings) text(`• ${x}`);
        }
        pdf.moveDown(0.5);
        text(`${w.sensitivity}: ${words.sensitivity}`);
        pdf.moveDown(0.5).fillColor('#444444');
        text(words.caveat);
        pdf.fillColor('#000000');
      }
    },
  );
}

function eventTimeChart(
  pdf: PDFKit.PDFDocument,
  r: EffectAnalysisReport['results'][number],
  lang: EffectLanguage,
  words: EffectResultWords,
): void {
  const w = effectPageText[lang];
  const { points, top, monthTicks, valueTicks } = eventTimeScale(lang, r.outcome, r.eventTime ?? []);
  pdf.moveDown(0.5);
  const [left, width, height] = [pdf.page.margins.left + 40, 400, 140];
  const y0 = pdf.y + 10;
  const x = (m: number) => left + ((m + 12) / 36) * width;
  const y = (v: number) => y0 + height - (v / top) * height;
  pdf
    .lineWidth(0.8)
    .strokeColor('#1b1f24')
    .moveTo(left, y0)
    .lineTo(left, y(0))
    .lineTo(left + width, y(0))
    .stroke();
  pdf.dash(3, { space: 2 }).moveTo(x(0), y0).lineTo(x(0), y(0)).stroke().undash();
  for (const [key, color, lineWidth] of [
    ['comparison', '#5f6b76', 1.5],
    ['treated', '#0b4f71', 2],
  ] as const) {
    pdf.lineWidth(lineWidth).strokeColor(color);
    points.forEach((p, i) => (i === 0 ? pdf.moveTo(x(p.month), y(p[key])) : pdf.lineTo(x(p.month), y(p[key]))));
    pdf.stroke();
  }
  pdf.fontSize(8).fillColor('#000000');
  for (const { month, label } of monthTicks)
    pdf.text(winAnsi(label), x(month) - 15, y(0) + 3, { width: 30, align: 'center', lineBreak: false });
  for (const { value, label } of valueTicks) pdf.text(label, left - 34, y(value) - 4, { width: 30, align: 'right', lineBreak: false });
  pdf.fontSize(9).text(winAnsi(w.eventTimeXAxis), left, y(0) + 15, { width, align: 'center', lineBreak: false });
  pdf.save().rotate(-90, { origin: [pdf.page.margins.left, y0 + height / 2] });
  pdf.text(winAnsi(words.eventTimeAxis), pdf.page.margins.left - 60, y0 + height / 2 - 4, {
    width: 120,
    align: 'center',
    lineBreak: false,
  });
  pdf.restore();
  pdf.x = pdf.page.margins.left;
  pdf.y = y(0) + 30;
  pdf.fontSize(9).fillColor('#444444').text(winAnsi(words.eventTimeCaption), { width: 480 });
  pdf.fillColor('#000000').fontSize(10);
}
