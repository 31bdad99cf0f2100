/**
 * Model terms of the propensity model as an analyst states them (issue 15): a column (`age`), a power of a
 * numeric column (`age^2`), an interaction (`a:b`), and which columns are categorical even when their codes
 * are numbers (region 1–5, education levels). Meaning, as in R's model formulas: a categorical enters as
 * k−1 indicators (first sorted level the reference); `a:b` of two numerics is their product, of two
 * categoricals one categorical of their combinations, of a numeric and a categorical the numeric times each
 * non-reference indicator. Pure: data columns (data-column.ts) in, covariates out.
 */
import { maxLevels, parseNumber, type DataColumn } from './data-column.ts';
import { categorical, type Covariate } from './design-matrix.ts';

export type ModelTerm =
  { kind: 'column'; name: string } | { kind: 'power'; name: string; power: number } | { kind: 'interaction'; names: [string, string] };

export class ModelTermError extends Error {}

const columnName = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** `age,age^2,region,educ,female:age` → terms; throws ModelTermError on a malformed term. */
export function parseModelTerms(spec: string): ModelTerm[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((term): ModelTerm => {
      const power = /^(.+)\^(\d+)$/.exec(term);
      if (power) {
        const n = Number(power[2]);
        if (!columnName.test(power[1]!) || n < 1 || n > 5) throw new ModelTermError(`'${term}' is not a term like age^2 (powers 1–5)`);
        return n === 1 ? { kind: 'column', name: power[1]! } : { kind: 'power', name: power[1]!, power: n };
      }
      const parts = term.split(':');
      if (parts.length === 2 && parts.every((p) => columnName.test(p))) return { kind: 'interaction', names: [parts[0]!, parts[1]!] };
      if (!columnName.test(term)) throw new ModelTermError(`'${term}' is not a column name, a power (age^2) or an interaction (a:b)`);
      return { kind: 'column', name: term };
    });
}

export type DataColumns = { rows: number; get(name: string): DataColumn };

function isNumericColumn(column: DataColumn): boolean {
  return column.firstNonNumber === null;
}

/** A numeric column; throws ModelTermError naming the first value that is not a number. */
export function numeric(name: string, column: DataColumn): Float64Array {
  const bad = column.firstNonNumber;
  if (bad) throw new ModelTermError(`column '${name}', row ${bad.row + 2}: '${bad.text}' is not a number`);
  return column.numbers;
}

/**
 * The covariates of the terms. A column is categorical when it is listed in `categoricalNames` or when
 * its values are not all numbers; numeric codes of a categorical are sorted as numbers (1, 2, …, 10),
 * text as text.
 */
export function covariatesFromTerms(terms: ModelTerm[], columns: DataColumns, categoricalNames: string[]): Covariate[] {
  const isCategorical = (name: string) => categoricalNames.includes(name) || !isNumericColumn(columns.get(name));
  const asCategorical = (name: string): Extract<Covariate, { kind: 'categorical' }> => {
    const column = columns.get(name);
    if (!column.levels || !column.codes)
      throw new ModelTermError(`column '${name}' has more than ${maxLevels} different values: it cannot be categorical`);
    // Numeric codes in numeric order, so the reference level is the smallest code.
    const order = column.levels.map((_, k) => k);
    if (isNumericColumn(column)) order.sort((a, b) => parseNumber(column.levels![a]!) - parseNumber(column.levels![b]!));
    else order.sort((a, b) => (column.levels![a]! < column.levels![b]! ? -1 : column.levels![a]! > column.levels![b]! ? 1 : 0));
    const rank = new Int32Array(order.length);
    order.forEach((k, r) => (rank[k] = r));
    const codes = new Int32Array(columns.rows);
    for (let i = 0; i < codes.length; i += 1) codes[i] = rank[column.codes[i]!]!;
    return { name, kind: 'categorical', codes, levels: order.map((k) => column.levels![k]!) };
  };
  return terms.flatMap((term): Covariate[] => {
    if (term.kind === 'column') {
      return [
        isCategorical(term.name)
          ? asCategorical(term.name)
          : { name: term.name, kind: 'numeric', values: numeric(term.name, columns.get(term.name)) },
      ];
    }
    if (term.kind === 'power') {
      if (isCategorical(term.name)) throw new ModelTermError(`${term.name}^${term.power}: a categorical column has no powers`);
      const values = numeric(term.name, columns.get(term.name)).map((v) => v ** term.power);
      return [{ name: `${term.name}^${term.power}`, kind: 'numeric', values }];
    }
    const [a, b] = term.names;
    const name = `${a}:${b}`;
    const catA = isCategorical(a);
    const catB = isCategorical(b);
    if (!catA && !catB) {
      const x = numeric(a, columns.get(a));
      const y = numeric(b, columns.get(b));
      return [{ name, kind: 'numeric', values: x.map((v, i) => v * y[i]!) }];
    }
    if (catA && catB) {
      const x = asCategorical(a);
      const y = asCategorical(b);
      const raw = Array.from({ length: columns.rows }, (_, i) => `${x.levels[x.codes[i]!]}:${y.levels[y.codes[i]!]}`);
      return [categorical(name, raw)];
    }
    const [num, cat] = catA ? [b, a] : [a, b];
    const x = numeric(num, columns.get(num));
    const c = asCategorical(cat);
    return c.levels.slice(1).map((level, k) => ({
      name: `${num}:${cat}=${level}`,
      kind: 'numeric' as const,
      values: x.map((v, i) => (c.codes[i] === k + 1 ? v : 0)),
    }));
  });
}
