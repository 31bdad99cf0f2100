/**
 * A saved effect analysis as files (issue 15): the data every export shares, and the XLSX workbook and CSV
 * table for analysts (one row per outcome × estimate: the main estimate, each horizon, each subgroup, the
 * placebo; then the month-by-month shares). Numbers stay numbers (shares as shares, not rounded);
 * labels come from domain/effect-words.ts in the reader's language.
 */
import ExcelJS from 'exceljs';
import { covariateLabel, outcomeHeading, subgroupLabel, type EffectLanguage } from '../domain/effect-words.ts';

type Interval = { estimate: number; ciLow: number; ciHigh: number };

export type EffectAnalysisReport = {
  municipalityName: string;
  period: string;
  createdByName: string | null;
  createdAt: string;
  results: {
    outcome: string;
    horizonMonths?: number;
    estimate: number;
    standardError: number;
    confidenceInterval: [number, number];
    nTreated: number;
    nControl: number;
    nTreatedMatched: number;
    nControlMatched: number;
    naiveDifference: number;
    balance: { covariate: string; meanTreated: number; meanControl: number; smdBefore: number | null; smdAfter: number | null }[];
    sensitivity: { method: string; gamma: number | null; eValue: number | null; eValueConfidenceLimit: number | null };
    warnings: { code: string; params?: Record<string, number | string | null>; covariates?: string[] }[];
    eventTime?: { month: number; treated: number; comparison: number }[];
    placebo?: Interval | null;
    horizons?: (Interval & { months: number })[];
    subgroups?: { key: string; estimate: number | null; ciLow: number | null; ciHigh: number | null; nTreated: number | null }[];
  }[];
};

const header = {
  da: ['Resultat', 'Estimat', 'Måneder', 'Gruppe', 'Borgere med mentor', 'Effekt', '95 %-interval, fra', '95 %-interval, til'],
  en: ['Outcome', 'Estimate', 'Months', 'Group', 'Citizens with a mentor', 'Effect', '95 % interval, low', '95 % interval, high'],
};
const kinds = {
  da: { main: 'Hovedresultat', horizon: 'Over tid', subgroup: 'Undergruppe', placebo: 'Placebo (før start)' },
  en: { main: 'Main result', horizon: 'Over time', subgroup: 'Subgroup', placebo: 'Placebo (before start)' },
};

function csvField(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of the estimates table: shares as shares (0.031 = 3.1 percentage points), suppressed cells empty. */
export function effectEstimateRows(report: EffectAnalysisReport, lang: EffectLanguage): (string | number | null)[][] {
  const k = kinds[lang];
  return report.results.flatMap((r) => {
    const name = outcomeHeading(lang, r.outcome);
    const rows: (string | number | null)[][] = [
      [name, k.main, r.horizonMonths ?? null, null, r.nTreatedMatched, r.estimate, r.confidenceInterval[0], r.confidenceInterval[1]],
    ];
    for (const h of r.horizons ?? []) rows.push([name, k.horizon, h.months, null, null, h.estimate, h.ciLow, h.ciHigh]);
    for (const g of r.subgroups ?? [])
      rows.push([name, k.subgroup, null, subgroupLabel(lang, g.key), g.nTreated, g.estimate, g.ciLow, g.ciHigh]);
    if (r.placebo) rows.push([name, k.placebo, null, null, null, r.placebo.estimate, r.placebo.ciLow, r.placebo.ciHigh]);
    return rows;
  });
}

export function renderEffectAnalysisCsv(report: EffectAnalysisReport, lang: EffectLanguage): Uint8Array {
  const lines = [header[lang], ...effectEstimateRows(report, lang)].map((row) =>
    row.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : csvField(v))).join(';'),
  );
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function renderEffectAnalysisXlsx(report: EffectAnalysisReport, lang: EffectLanguage): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mentorspor';
  const estimates = workbook.addWorksheet(lang === 'da' ? 'Estimater' : 'Estimates');
  estimates.addRow(header[lang]);
  for (const row of effectEstimateRows(report, lang)) estimates.addRow(row);
  estimates.getRow(1).font = { bold: true };
  estimates.columns.forEach((c, i) => (c.width = i < 4 ? 24 : 16));

  const months = workbook.addWorksheet(lang === 'da' ? 'Måned for måned' : 'Month by month');
  months.addRow(
    lang === 'da'
      ? ['Resultat', 'Måned fra start', 'Med mentor', 'Sammenligning']
      : ['Outcome', 'Month from start', 'With a mentor', 'Comparison'],
  );
  for (const r of report.results)
    for (const p of r.eventTime ?? []) months.addRow([outcomeHeading(lang, r.outcome), p.month, p.treated, p.comparison]);
  months.getRow(1).font = { bold: true };

  const balance = workbook.addWorksheet('Balance');
  balance.addRow(
    lang === 'da'
      ? ['Resultat', 'Oplysning', 'Med mentor', 'Sammenligning', 'SMD før', 'SMD efter']
      : ['Outcome', 'Information', 'With a mentor', 'Comparison', 'SMD before', 'SMD after'],
  );
  const first = report.results[0];
  for (const b of first?.balance ?? [])
    balance.addRow([
      outcomeHeading(lang, first!.outcome),
      covariateLabel(lang, b.covariate),
      b.meanTreated,
      b.meanControl,
      b.smdBefore,
      b.smdAfter,
    ]);
  balance.getRow(1).font = { bold: true };

  const about = workbook.addWorksheet(lang === 'da' ? 'Om analysen' : 'About');
  about.addRow([lang === 'da' ? 'Kommune' : 'Municipality', report.municipalityName]);
  about.addRow([lang === 'da' ? 'Periode' : 'Period', report.period]);
  about.addRow([lang === 'da' ? 'Kørt af' : 'Run by', report.createdByName ?? '']);
  about.addRow([lang === 'da' ? 'Tidspunkt' : 'Time', report.createdAt]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
