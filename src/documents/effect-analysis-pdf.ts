/**
 * A saved effect analysis as an A4 PDF for the city council (issue 15): per outcome the sentence of the
 * interval, the month-by-month chart with axis labels and caption, effects over time and for subgroups,
 * the placebo test, the warnings with what to do, and the STAR context. pdfkit's built-in Helvetica
 * (WinAnsi): the minus sign and Γ are written as "-" and "Gamma", which WinAnsi has.
 */
import { renderPdf } from './render-pdf.ts';
import {
  caveatText,
  effectPageText,
  effectSentence,
  formatDifference,
  formatNumber,
  formatSigned,
  isSignificant,
  outcomeHeading,
  outcomeScale,
  outcomeShareLabel,
  sensitivityText,
  starContextText,
  subgroupLabel,
  warningText,
  type EffectLanguage,
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
        const [lo, hi] = r.confidenceInterval;
        const interval = { estimate: r.estimate, ciLow: lo, ciHigh: hi };
        pdf.addPage();
        pdf.font('Helvetica-Bold').fontSize(14);
        text(outcomeHeading(lang, r.outcome));
        pdf.fontSize(11);
        text(effectSentence(lang, { outcome: r.outcome, ...interval, horizonMonths: r.horizonMonths }));
        pdf.font('Helvetica').fontSize(10);
        text(
          `${w.compared(r.nTreatedMatched, r.nTreated, r.nControlMatched)} ${w.naive(formatDifference(lang, r.outcome, r.naiveDifference))}`,
        );
        if (r.eventTime && r.eventTime.length > 0) eventTimeChart(pdf, r, lang);
        if (r.placebo)
          text(
            w.placebo(
              `${isSignificant(r.placebo) ? w.placeboDiffers : w.placeboFine} ${effectSentence(lang, { outcome: r.outcome, ...r.placebo })}`,
            ),
          );
        const scale = outcomeScale(r.outcome);
        const cells = (x: { estimate: number | null; ciLow: number | null; ciHigh: number | null }) =>
          x.estimate === null || x.ciLow === null || x.ciHigh === null
            ? '–'
            : `${formatSigned(lang, x.estimate * scale)} (${formatNumber(lang, x.ciLow * scale)} – ${formatNumber(lang, x.ciHigh * scale)})`;
        if (r.horizons && r.horizons.length > 0) {
          pdf.moveDown(0.5).font('Helvetica-Bold');
          text(w.horizonsHeading);
          pdf.font('Helvetica');
          for (const h of r.horizons) text(`${h.months} ${w.months}: ${cells(h)}`);
        }
        if (r.subgroups && r.subgroups.length > 0) {
          pdf.moveDown(0.5).font('Helvetica-Bold');
          text(w.subgroupsHeading);
          pdf.font('Helvetica');
          for (const g of r.subgroups)
            text(
              `${subgroupLabel(lang, g.key)} (${g.nTreated === null ? w.suppressed : g.nTreated}): ${g.nTreated === null ? '–' : cells(g)}`,
            );
        }
        if (r.warnings.length > 0) {
          pdf.moveDown(0.5).font('Helvetica-Bold');
          text(w.warnings);
          pdf.font('Helvetica');
          for (const x of r.warnings) text(`• ${warningText(lang, x)}`);
        }
        pdf.moveDown(0.5);
        text(`${w.sensitivity}: ${sensitivityText(lang, r.sensitivity, isSignificant(interval))}`);
        pdf.moveDown(0.5).fillColor('#444444');
        text(caveatText(lang));
        pdf.fillColor('#000000');
      }
    },
  );
}

function eventTimeChart(pdf: PDFKit.PDFDocument, r: EffectAnalysisReport['results'][number], lang: EffectLanguage): void {
  const w = effectPageText[lang];
  const points = r.eventTime ?? [];
  const scale = outcomeScale(r.outcome);
  const top = Math.max(1, ...points.flatMap((p) => [p.treated * scale, p.comparison * scale])) * 1.1;
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
    points.forEach((p, i) => (i === 0 ? pdf.moveTo(x(p.month), y(p[key] * scale)) : pdf.lineTo(x(p.month), y(p[key] * scale))));
    pdf.stroke();
  }
  pdf.fontSize(8).fillColor('#000000');
  for (const m of [-12, -6, 0, 6, 12, 18, 24])
    pdf.text(winAnsi(formatSigned(lang, m, 0)), x(m) - 15, y(0) + 3, { width: 30, align: 'center', lineBreak: false });
  for (const v of [0, top / 2]) pdf.text(formatNumber(lang, v, 0), left - 34, y(v) - 4, { width: 30, align: 'right', lineBreak: false });
  pdf.fontSize(9).text(winAnsi(w.eventTimeXAxis), left, y(0) + 15, { width, align: 'center', lineBreak: false });
  pdf.save().rotate(-90, { origin: [pdf.page.margins.left, y0 + height / 2] });
  pdf.text(
    winAnsi(outcomeScale(r.outcome) === 100 ? w.eventTimeYAxis : outcomeShareLabel(lang, r.outcome)),
    pdf.page.margins.left - 60,
    y0 + height / 2 - 4,
    {
      width: 120,
      align: 'center',
      lineBreak: false,
    },
  );
  pdf.restore();
  pdf.x = pdf.page.margins.left;
  pdf.y = y(0) + 30;
  pdf
    .fontSize(9)
    .fillColor('#444444')
    .text(winAnsi(w.eventTimeCaption(outcomeShareLabel(lang, r.outcome))), { width: 480 });
  pdf.fillColor('#000000').fontSize(10);
}
