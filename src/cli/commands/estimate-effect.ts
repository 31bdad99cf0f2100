/**
 * `mentorspor effect --data FILE.csv --treatment COL --outcome COL --covariates age,age^2,region [--categorical region] [options] [--json] [--lang da|en]`
 * The effect of mentor support (ATT) from an analyst's extract, e.g. on a research server where
 * microdata cannot leave. Exit 2 with `INVALID_INPUT: …` for bad input.
 */
import { parseArgs } from 'node:util';
import type { EffectEstimate, EffectOptions } from '../../analytics/effect-estimate.ts';
import { EffectInputError, estimateEffect } from '../../analytics/estimate-effect.ts';
import { covariatesFromTerms, ModelTermError, numeric, parseModelTerms } from '../../analytics/model-terms.ts';
import {
  caveatText,
  covariateLabel,
  effectSentence,
  formatNumber,
  isSignificant,
  sensitivityText,
  warningText,
  type EffectLanguage,
} from '../../domain/effect-words.ts';
import { AppError } from '../../errors.ts';
import { readCsvTable } from '../read-csv-table.ts';

const usage = `Usage: mentorspor effect --data FILE.csv --treatment COL --outcome COL --covariates TERMS
  TERMS: columns, powers and interactions, comma separated: age,age^2,region,educ,female:age
  [--categorical a,b]   columns whose numeric codes are categories (region 1–5, education levels);
                        columns with text values are categorical anyway
  [--method nearest|subclass|ipw|difference] [--distance ps|logit] [--replace] [--ratio K] [--caliper X]
  [--order largest|smallest|data] [--exact a,b] [--subclasses N] [--regression-adjustment]
  [--bootstrap B --seed N] [--json] [--lang da|en] [--help]
  --lang: the language of the readable report (default da); --json prints the documented JSON.`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new AppError('INVALID_INPUT', `--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function positiveNumber(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new AppError('INVALID_INPUT', `--${name} must be a ${integer ? 'whole ' : ''}number ≥ 0, got '${value}'`);
  }
  return n;
}

const reportWords = {
  da: {
    title: (outcome: string, method: string) => `Effekt af mentorstøtte på ${outcome} (ATT, ${method})`,
    methods: {
      nearest: 'matchning med nærmeste nabo',
      subclass: 'subklassificering',
      ipw: 'vægtning (IPW)',
      difference: 'simpel forskel',
    },
    withReplacement: 'med tilbagelægning',
    withoutReplacement: 'uden tilbagelægning',
    ratio: 'forhold',
    estimate: 'estimat',
    naive: 'simpel forskel',
    standardError: 'standardfejl',
    interval: '95 %-interval',
    to: 'til',
    counts: (r: EffectEstimate) =>
      `med mentor ${r.nTreated} (sammenlignet ${r.nTreatedMatched}), uden mentor ${r.nControl} (brugt ${r.nControlMatched})`,
    balance: 'Balance (standardiseret forskel, SMD: delt med spredningen blandt borgere med mentor før matchning)',
    header: ['variabel', 'gns. M', 'gns. S', 'SMD før', 'SMD efter', 'varians-forh.'],
    maxSmd: 'største |SMD| efter',
    sensitivity: 'Følsomhed',
    warnings: 'Advarsler',
  },
  en: {
    title: (outcome: string, method: string) => `Effect of treatment on ${outcome} (ATT, ${method})`,
    methods: { nearest: 'nearest', subclass: 'subclass', ipw: 'ipw', difference: 'difference' },
    withReplacement: 'with replacement',
    withoutReplacement: 'without replacement',
    ratio: 'ratio',
    estimate: 'estimate',
    naive: 'naive difference',
    standardError: 'standard error',
    interval: '95 % interval',
    to: 'to',
    counts: (r: EffectEstimate) =>
      `treated ${r.nTreated} (matched ${r.nTreatedMatched}), controls ${r.nControl} (used ${r.nControlMatched})`,
    balance: 'Balance (SMD: standardised by the SD of the treated before matching)',
    header: ['covariate', 'mean T', 'mean C', 'SMD before', 'SMD after', 'var ratio'],
    maxSmd: 'max |SMD| after',
    sensitivity: 'Sensitivity',
    warnings: 'Warnings',
  },
} as const;

/** The readable report: the sentence of the interval first, then numbers, balance, sensitivity and warnings, in `lang`. */
export function formatReport(result: EffectEstimate, outcome: string, lang: EffectLanguage = 'da'): string {
  const w = reportWords[lang];
  const f = (n: number | null, digits = 3) => (n === null || Number.isNaN(n) ? '–' : formatNumber(lang, n, digits));
  const m = result.method;
  const method = `${w.methods[m.method]}${m.method === 'nearest' ? `, ${m.replace ? w.withReplacement : w.withoutReplacement}, ${w.ratio} ${m.ratio}` : ''}`;
  const [lo, hi] = result.confidenceInterval;
  const lines = [
    w.title(outcome, method),
    `  ${effectSentence(lang, { outcome, estimate: result.estimate, ciLow: lo, ciHigh: hi })}`,
    `  ${w.estimate.padEnd(15)} ${f(result.estimate, 4)}   (${w.naive} ${f(result.naiveDifference, 4)})`,
    `  ${w.standardError.padEnd(15)} ${f(result.standardError, 4)}   (${result.standardErrorType})`,
    `  ${w.interval.padEnd(15)} ${f(lo, 4)} ${w.to} ${f(hi, 4)}`,
    `  ${w.counts(result)}`,
    '',
    w.balance,
    `  ${w.header[0].padEnd(34)} ${w.header[1].padStart(9)} ${w.header[2].padStart(9)} ${w.header[3].padStart(11)} ${w.header[4].padStart(10)} ${w.header[5].padStart(13)}`,
    ...result.balance.map(
      (b) =>
        `  ${covariateLabel(lang, b.covariate).slice(0, 34).padEnd(34)} ${f(b.meanTreated).padStart(9)} ${f(b.meanControl).padStart(9)} ${f(b.smdBefore).padStart(11)} ${f(b.smdAfter).padStart(10)} ${f(b.varianceRatioAfter, 2).padStart(13)}`,
    ),
    `  ${w.maxSmd}: ${f(result.maxAbsSmdAfter)}`,
    '',
    `${w.sensitivity}: ${sensitivityText(lang, result.sensitivity, isSignificant({ estimate: result.estimate, ciLow: lo, ciHigh: hi }))}`,
  ];
  if (result.warnings.length > 0) lines.push('', `${w.warnings}:`, ...result.warnings.map((x) => `  - ${warningText(lang, x)}`));
  lines.push('', caveatText(lang));
  return `${lines.join('\n')}\n`;
}

/** The documented JSON of issue 6, exactly these keys. */
export function effectJson(r: EffectEstimate) {
  return {
    estimand: r.estimand,
    method: r.method,
    estimate: r.estimate,
    standardError: r.standardError,
    standardErrorType: r.standardErrorType,
    confidenceInterval: r.confidenceInterval,
    nTreated: r.nTreated,
    nControl: r.nControl,
    nTreatedMatched: r.nTreatedMatched,
    nControlMatched: r.nControlMatched,
    balance: r.balance,
    maxAbsSmdAfter: r.maxAbsSmdAfter,
    propensityModel: { coefficients: r.propensityModel.coefficients },
    sensitivity: r.sensitivity,
    warnings: r.warnings,
  };
}

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        treatment: { type: 'string' },
        outcome: { type: 'string' },
        covariates: { type: 'string' },
        method: { type: 'string' },
        distance: { type: 'string' },
        replace: { type: 'boolean' },
        ratio: { type: 'string' },
        caliper: { type: 'string' },
        order: { type: 'string' },
        exact: { type: 'string' },
        subclasses: { type: 'string' },
        'regression-adjustment': { type: 'boolean' },
        bootstrap: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        categorical: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`INVALID_INPUT: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    const lang = oneOf('lang', values.lang as string | undefined, ['da', 'en'] as const, 'da');
    for (const required of ['data', 'treatment', 'outcome'] as const) {
      if (typeof values[required] !== 'string') throw new AppError('INVALID_INPUT', `--${required} is required`);
    }
    const list = (value: unknown) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    const terms = parseModelTerms(typeof values.covariates === 'string' ? values.covariates : '');
    const categoricalNames = list(values.categorical);
    const exact = list(values.exact);
    // Only the columns the analysis names are kept in memory.
    const wanted = new Set([
      values.treatment as string,
      values.outcome as string,
      ...categoricalNames,
      ...exact,
      ...terms.flatMap((t) => (t.kind === 'interaction' ? t.names : [t.name])),
    ]);
    const csv = readCsvTable(values.data as string, wanted);
    const column = (name: string) => {
      const c = csv.column(name);
      if (!c) throw new AppError('INVALID_INPUT', `unknown column '${name}' (columns: ${csv.header.join(', ')})`);
      return c;
    };
    const treatmentColumn = column(values.treatment as string);
    const treatment = new Uint8Array(csv.rows);
    for (let i = 0; i < csv.rows; i += 1) {
      const v = treatmentColumn.numbers[i];
      if (v !== 0 && v !== 1) {
        const text = treatmentColumn.levels && treatmentColumn.codes ? treatmentColumn.levels[treatmentColumn.codes[i]!] : String(v);
        throw new AppError('INVALID_INPUT', `treatment column '${values.treatment}' must be 0 or 1; row ${i + 2} has '${text}'`);
      }
      treatment[i] = v;
    }
    const raw = { rows: csv.rows, get: column };
    const outcome = numeric(values.outcome as string, column(values.outcome as string));
    for (const name of categoricalNames) column(name);
    const covariates = covariatesFromTerms(terms, raw, categoricalNames);
    let strata: Int32Array | null = null;
    if (exact.length > 0) {
      const keys = exact.map((name) => {
        const c = column(name);
        if (!c.codes) throw new AppError('INVALID_INPUT', `--exact column '${name}' has too many different values`);
        return c.codes;
      });
      const ids = new Map<string, number>();
      strata = new Int32Array(csv.rows);
      for (let i = 0; i < csv.rows; i += 1) {
        const key = keys.map((k) => k[i]).join(',');
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = ids.size));
        strata[i] = id;
      }
    }
    const options: Partial<EffectOptions> = {
      method: oneOf('method', values.method as string | undefined, ['nearest', 'subclass', 'ipw', 'difference'] as const, 'nearest'),
      distance: oneOf('distance', values.distance as string | undefined, ['ps', 'logit'] as const, 'ps'),
      order: oneOf('order', values.order as string | undefined, ['largest', 'smallest', 'data'] as const, 'largest'),
      replace: values.replace === true,
      regressionAdjustment: values['regression-adjustment'] === true,
      exact,
    };
    const ratio = positiveNumber('ratio', values.ratio as string | undefined, true);
    if (ratio !== undefined) {
      if (ratio < 1) throw new AppError('INVALID_INPUT', '--ratio must be at least 1');
      options.ratio = ratio;
    }
    const caliper = positiveNumber('caliper', values.caliper as string | undefined, false);
    if (caliper !== undefined) options.caliper = caliper;
    const subclasses = positiveNumber('subclasses', values.subclasses as string | undefined, true);
    if (subclasses !== undefined) options.subclasses = Math.max(1, subclasses);
    const bootstrap = positiveNumber('bootstrap', values.bootstrap as string | undefined, true);
    if (bootstrap !== undefined) options.bootstrap = bootstrap;
    const seed = positiveNumber('seed', values.seed as string | undefined, true);
    if (seed !== undefined) options.seed = seed;

    const result = estimateEffect({ treatment, outcome, covariates, strata }, options);
    if (values.json) process.stdout.write(`${JSON.stringify(effectJson(result), null, 2)}\n`);
    else process.stdout.write(formatReport(result, values.outcome as string, lang));
    return 0;
  } catch (error) {
    if (error instanceof EffectInputError || error instanceof ModelTermError) {
      process.stderr.write(`INVALID_INPUT: ${error.message}\n`);
      return 2;
    }
    if (error instanceof AppError) {
      process.stderr.write(`${error.code}: ${error.message}\n`);
      return error.code === 'INVALID_INPUT' ? 2 : 1;
    }
    throw error;
  }
}
