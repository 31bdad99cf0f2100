/**
 * A column of an analyst's data as the estimators need it (issue 12): its numbers (NaN where a value is
 * not one), the first value that is not a number, and its distinct values with a code per row (for
 * categorical use), so that a million rows need no million strings. A number is one distinct value
 * whatever its spelling (`1` and `1.0`), as in R. Readers build it from bytes (cli/read-csv-table.ts);
 * `columnOfStrings` builds it from text, the reference in the tests.
 */

export type DataColumn = {
  numbers: Float64Array;
  /** The first value that is not a number (data row index from 0, trimmed text), or null. */
  firstNonNumber: { row: number; text: string } | null;
  /** Distinct values in order of first appearance and each row's index into them; null above `maxLevels`. */
  levels: string[] | null;
  codes: Int32Array | null;
};

/** Distinct values kept for categorical use; a column with more is numeric only. */
export const maxLevels = 100_000;

/** `''` → NaN, `7,5` → 7.5, else JavaScript's Number (so ` 3 ` is 3). */
export function parseNumber(v: string): number {
  return v === '' ? Number.NaN : Number(v.replace(',', '.'));
}

/** Builds a column value by value: `addNumber` for a value already parsed, `addText` for any other. */
export function columnBuilder(rows: number) {
  const numbers = new Float64Array(rows);
  let codes: Int32Array | null = new Int32Array(rows);
  let levels: string[] | null = [];
  const byNumber = new Map<number, number>();
  const byText = new Map<string, number>();
  let firstNonNumber: DataColumn['firstNonNumber'] = null;
  const level = (row: number, code: number | undefined, text: () => string, remember: (code: number) => void) => {
    if (!codes || !levels) return;
    if (code === undefined) {
      if (levels.length >= maxLevels) {
        codes = null;
        levels = null;
        return;
      }
      code = levels.length;
      levels.push(text());
      remember(code);
    }
    codes[row] = code;
  };
  return {
    /** A finite number; `text` gives its spelling the first time the number is seen. */
    addNumber(row: number, value: number, text: () => string) {
      numbers[row] = value;
      level(row, byNumber.get(value), text, (code) => byNumber.set(value, code));
    },
    /** A trimmed value: a number (decimal comma allowed) or text. */
    addText(row: number, text: string) {
      const value = parseNumber(text);
      if (Number.isFinite(value)) return this.addNumber(row, value, () => text);
      numbers[row] = Number.NaN;
      firstNonNumber ??= { row, text };
      level(
        row,
        byText.get(text),
        () => text,
        (code) => byText.set(text, code),
      );
    },
    finish(): DataColumn {
      return { numbers, firstNonNumber, levels, codes };
    },
  };
}

export function columnOfStrings(raw: readonly string[]): DataColumn {
  const builder = columnBuilder(raw.length);
  raw.forEach((text, row) => builder.addText(row, text));
  return builder.finish();
}
