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
  balanceColumns: BalanceColumn[];
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
  const modelColumns: { name: string; values: Float64Array }[] = [];
  const balanceColumns: BalanceColumn[] = [];
  for (const c of covariates) {
    if (c.kind === 'numeric') {
      modelColumns.push({ name: c.name, values: c.values });
      balanceColumns.push({ name: c.name, values: c.values, binary: isBinary(c.values) });
    } else {
      c.levels.forEach((level, k) => {
        const values = indicator(c.codes, k);
        if (k > 0) modelColumns.push({ name: `${c.name}=${level}`, values });
        balanceColumns.push({ name: `${c.name}=${level}`, values, binary: true });
      });
    }
  }
  const p = modelColumns.length + 1;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i += 1) x[i * p] = 1;
  modelColumns.forEach((col, j) => {
    for (let i = 0; i < n; i += 1) x[i * p + j + 1] = col.values[i]!;
  });
  return { x, n, p, columnNames: ['(Intercept)', ...modelColumns.map((c) => c.name)], balanceColumns };
}
