/**
 * `mentorspor effect --data FILE.csv --treatment COL --outcome COL --covariates a,b,c [options] [--json]`
 * The effect of mentor support (ATT) from an analyst's extract, e.g. on a research server where
 * microdata cannot leave. Exit 2 with `INVALID_INPUT: …` for bad input.
 */
import { parseArgs } from 'node:util';
import { categorical, type Covariate } from '../../analytics/design-matrix.ts';
import type { EffectEstimate, EffectOptions } from '../../analytics/effect-estimate.ts';
import { EffectInputError, estimateEffect } from '../../analytics/estimate-effect.ts';
import { AppError } from '../../errors.ts';
import { readCsvColumns } from '../read-csv-columns.ts';

const usage = `Usage: mentorspor effect --data FILE.csv --treatment COL --outcome COL --covariates a,b,c
  [--method nearest|subclass|ipw|difference] [--distance ps|logit] [--replace] [--ratio K] [--caliper X]
  [--order largest|smallest|data] [--exact a,b] [--subclasses N] [--regression-adjustment]
  [--bootstrap B --seed N] [--json]`;

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

function numericColumn(name: string, raw: string[]): Float64Array {
  const out = new Float64Array(raw.length);
  raw.forEach((v, i) => {
    const n = Number(v.replace(',', '.'));
    if (v === '' || !Number.isFinite(n)) throw new AppError('INVALID_INPUT', `column '${name}', row ${i + 2}: '${v}' is not a number`);
    out[i] = n;
  });
  return out;
}

function isNumeric(raw: string[]): boolean {
  return raw.every((v) => v !== '' && Number.isFinite(Number(v.replace(',', '.'))));
}

function format(n: number | null, digits = 3): string {
  return n === null || Number.isNaN(n) ? '–' : n.toFixed(digits);
}

export function formatReport(result: EffectEstimate, outcome: string): string {
  const lines = [
    `Effect of treatment on ${outcome} (ATT, ${result.method.method}${result.method.method === 'nearest' ? `, ${result.method.replace ? 'with' : 'without'} replacement, ratio ${result.method.ratio}` : ''})`,
    `  estimate        ${format(result.estimate, 4)}   (naive difference ${format(result.naiveDifference, 4)})`,
    `  standard error  ${format(result.standardError, 4)}   (${result.standardErrorType})`,
    `  95 % interval   ${format(result.confidenceInterval[0], 4)} to ${format(result.confidenceInterval[1], 4)}`,
    `  treated ${result.nTreated} (matched ${result.nTreatedMatched}), controls ${result.nControl} (used ${result.nControlMatched})`,
    '',
    'Balance (SMD: standardised by the SD of the treated before matching)',
    `  ${'covariate'.padEnd(28)} ${'mean T'.padStart(9)} ${'mean C'.padStart(9)} ${'SMD before'.padStart(11)} ${'SMD after'.padStart(10)} ${'var ratio'.padStart(10)}`,
    ...result.balance.map(
      (b) =>
        `  ${b.covariate.slice(0, 28).padEnd(28)} ${format(b.meanTreated).padStart(9)} ${format(b.meanControl).padStart(9)} ${format(b.smdBefore).padStart(11)} ${format(b.smdAfter).padStart(10)} ${format(b.varianceRatioAfter, 2).padStart(10)}`,
    ),
    `  max |SMD| after: ${format(result.maxAbsSmdAfter)}`,
    '',
    `Sensitivity: ${result.sensitivity.statement}`,
  ];
  if (result.warnings.length > 0) lines.push('', 'Warnings:', ...result.warnings.map((w) => `  - [${w.code}] ${w.message}`));
  lines.push('', 'Caveat: the estimate is causal only if no unmeasured factor drives both mentor support and the outcome.');
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
      },
    }));
  } catch (error) {
    process.stderr.write(`INVALID_INPUT: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  try {
    for (const required of ['data', 'treatment', 'outcome'] as const) {
      if (typeof values[required] !== 'string') throw new AppError('INVALID_INPUT', `--${required} is required`);
    }
    const csv = readCsvColumns(values.data as string);
    const column = (name: string) => {
      const c = csv.columns.get(name);
      if (!c) throw new AppError('INVALID_INPUT', `unknown column '${name}' (columns: ${csv.header.join(', ')})`);
      return c;
    };
    const treatmentRaw = column(values.treatment as string);
    const treatment = new Uint8Array(csv.rows);
    treatmentRaw.forEach((v, i) => {
      if (v !== '0' && v !== '1')
        throw new AppError('INVALID_INPUT', `treatment column '${values.treatment}' must be 0 or 1; row ${i + 2} has '${v}'`);
      treatment[i] = v === '1' ? 1 : 0;
    });
    const outcome = numericColumn(values.outcome as string, column(values.outcome as string));
    const covariateNames =
      typeof values.covariates === 'string'
        ? values.covariates
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const covariates: Covariate[] = covariateNames.map((name) => {
      const raw = column(name);
      return isNumeric(raw) ? { name, kind: 'numeric', values: numericColumn(name, raw) } : categorical(name, raw);
    });
    const exact =
      typeof values.exact === 'string'
        ? values.exact
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    let strata: Int32Array | null = null;
    if (exact.length > 0) {
      const keys = exact.map(column);
      const ids = new Map<string, number>();
      strata = new Int32Array(csv.rows);
      for (let i = 0; i < csv.rows; i += 1) {
        const key = keys.map((k) => k[i]).join('\u0000');
        if (!ids.has(key)) ids.set(key, ids.size);
        strata[i] = ids.get(key)!;
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
    else process.stdout.write(formatReport(result, values.outcome as string));
    return 0;
  } catch (error) {
    if (error instanceof EffectInputError) {
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
