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

/** Distinct values kept for categorical use (a categorical with more is no model term); a column with more is numeric only. */
export const maxLevels = 10_000;

/** Integers 0…4095 (codes, ages, counts) find their level in an array, not a map. */
const smallIntegers = 4096;

/** `''` → NaN, `7,5` → 7.5, else JavaScript's Number (so ` 3 ` is 3). */
export function parseNumber(v: string): number {
  return v === '' ? Number.NaN : Number(v.replace(',', '.'));
}

/** Builds a column value by value: `addNumber` for a value already parsed, `addText` for any other. */
export function columnBuilder(rows: number) {
  const numbers = new Float64Array(rows);
  let codes: Int32Array | null = new Int32Array(rows);
  let levels: string[] | null = [];
  const bySmallInteger = new Int32Array(smallIntegers).fill(-1);
  const byNumber = new Map<number, number>();
  const byText = new Map<string, number>();
  let firstNonNumber: DataColumn['firstNonNumber'] = null;
  /** A new level, or null when there are too many (the column stops keeping them). */
  const newLevel = (text: string): number | null => {
    if (!levels || levels.length >= maxLevels) {
      codes = null;
      levels = null;
      return null;
    }
    levels.push(text);
    return levels.length - 1;
  };
  return {
    /**
     * A finite number; its text, the first time the number is seen, is `spelling` or
     * `spelling(from, to)` (a reader's decoder over its bytes: no function per value).
     */
    addNumber(row: number, value: number, spelling: string | ((from: number, to: number) => string), from = 0, to = 0) {
      numbers[row] = value;
      if (!codes) return;
      let code: number | undefined;
      if (value >= 0 && value < smallIntegers && Number.isInteger(value)) {
        code = bySmallInteger[value]!;
        if (code < 0) {
          const created = newLevel(typeof spelling === 'string' ? spelling : spelling(from, to));
          if (created === null) return;
          bySmallInteger[value] = code = created;
        }
      } else {
        code = byNumber.get(value);
        if (code === undefined) {
          const created = newLevel(typeof spelling === 'string' ? spelling : spelling(from, to));
          if (created === null) return;
          byNumber.set(value, (code = created));
        }
      }
      codes[row] = code;
    },
    /** A trimmed value: a number (decimal comma allowed) or text. */
    addText(row: number, text: string) {
      const value = parseNumber(text);
      if (Number.isFinite(value)) return this.addNumber(row, value, text);
      numbers[row] = Number.NaN;
      firstNonNumber ??= { row, text };
      if (!codes) return;
      let code = byText.get(text);
      if (code === undefined) {
        const created = newLevel(text);
        if (created === null) return;
        byText.set(text, (code = created));
      }
      codes[row] = code;
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
