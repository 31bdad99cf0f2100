/**
 * Covariates in, model matrix out. Numeric covariates enter as they are; a categorical (string)
 * covariate with k levels enters the propensity model as k−1 indicators (first level, in sorted order,
 * is the reference) while the balance table lists every level. Columnar typed arrays, no per-unit objects.
 */

export type Covariate =
  { name: string; kind: 'numeric'; values: Float64Array } | { name: string; kind: 'categorical'; codes: Int32Array; levels: string[] };

export type BalanceColumn = { name: string; values: Float64Array; binary: boolean };

export type DesignMatrix = {
  /** Row-major n × p, first column the intercept. */
  x: Float64Array;
  n: number;
  p: number;
  columnNames: string[];
  /** Every level of each categorical as a column, with the numeric covariates (the balance table): made on first use. */
  balanceColumns: () => BalanceColumn[];
};

function isBinary(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i += 1) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
}

function indicator(codes: Int32Array, level: number): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i += 1) out[i] = codes[i] === level ? 1 : 0;
  return out;
}

/** Turns strings into codes with levels in sorted order (deterministic reference level). */
export function categorical(name: string, raw: readonly string[]): Covariate {
  const levels = [...new Set(raw)].sort();
  const index = new Map(levels.map((l, i) => [l, i]));
  const codes = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) codes[i] = index.get(raw[i]!)!;
  return { name, kind: 'categorical', codes, levels };
}

export function buildDesignMatrix(covariates: readonly Covariate[], n: number): DesignMatrix {
  const columnNames = ['(Intercept)'];
  for (const c of covariates) {
    if (c.kind === 'numeric') columnNames.push(c.name);
    else for (const level of c.levels.slice(1)) columnNames.push(`${c.name}=${level}`);
  }
  const p = columnNames.length;
  // Written straight into the matrix (zeros to begin with): a numeric covariate's values, a categorical's
  // one 1 per row in the column of its level (none for the reference level).
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i += 1) x[i * p] = 1;
  let column = 1;
  for (const c of covariates) {
    if (c.kind === 'numeric') {
      for (let i = 0; i < n; i += 1) x[i * p + column] = c.values[i]!;
      column += 1;
    } else {
      for (let i = 0; i < n; i += 1) {
        const code = c.codes[i]!;
        if (code > 0) x[i * p + column + code - 1] = 1;
      }
      column += c.levels.length - 1;
    }
  }
  let balance: BalanceColumn[] | null = null;
  const balanceColumns = () =>
    (balance ??= covariates.flatMap((c): BalanceColumn[] =>
      c.kind === 'numeric'
        ? [{ name: c.name, values: c.values, binary: isBinary(c.values) }]
        : c.levels.map((level, k) => ({ name: `${c.name}=${level}`, values: indicator(c.codes, k), binary: true })),
    ));
  return { x, n, p, columnNames, balanceColumns };
}
