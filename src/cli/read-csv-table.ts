/**
 * The analysts' CSV reader (issue 12): the rules of domain/csv.ts (header row, `;` or `,` detected from
 * it, double-quoted fields with "" escapes, trimmed fields, BOM ignored, blank lines skipped), read from
 * bytes straight into typed columns (analytics/data-column.ts) — a million rows without a string per
 * field. Lines with a quote, and fields with blanks or anything but a plain decimal number, take the
 * text path of domain/csv.ts; the rest is parsed byte by byte. Only the `wanted` columns are kept.
 */
import { readFileSync } from 'node:fs';
import { columnBuilder, type DataColumn } from '../analytics/data-column.ts';
import { detectSeparator, splitCsvLine, stripBom } from '../domain/csv.ts';
import { AppError } from '../errors.ts';

export type CsvTable = { header: string[]; rows: number; column(name: string): DataColumn | undefined };

const decoder = new TextDecoder();
const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;

/** 10^k for k ≤ 22 are exact doubles: digits ÷ 10^k is then the correctly rounded decimal, as Number() gives. */
const powersOfTen = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * One field from `from`: where it ends (at the separator or `to`) and its value when it is a plain
 * decimal (`-12`, `3.25`, `7,5` in a `;` file), else NaN (the text path decides). One pass over the bytes.
 */
function scanField(bytes: Uint8Array, from: number, to: number, separator: number, field: { end: number; value: number }): void {
  let i = from;
  let negative = false;
  if (i < to && (bytes[i] === 45 || bytes[i] === 43)) {
    negative = bytes[i] === 45;
    i += 1;
  }
  let digits = 0;
  let mantissa = 0;
  let decimals = -1;
  let plain = true;
  for (; i < to; i += 1) {
    const b = bytes[i]!;
    if (b === separator) break;
    if (!plain) continue;
    if (b >= 48 && b <= 57) {
      mantissa = mantissa * 10 + (b - 48);
      digits += 1;
      if (decimals >= 0) decimals += 1;
    } else if ((b === 46 || b === 44) && decimals < 0) decimals = 0;
    else plain = false;
  }
  field.end = i;
  if (!plain || digits === 0 || digits > 15 || decimals > 22) field.value = Number.NaN;
  else {
    const value = decimals > 0 ? mantissa / powersOfTen[decimals]! : mantissa;
    field.value = negative ? -value : value;
  }
}

export function readCsvTable(path: string, wanted?: ReadonlySet<string>): CsvTable {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new AppError('INVALID_INPUT', `cannot read ${path}: ${(error as Error).message}`);
  }
  // Lines: start offsets of the non-blank ones with their numbers.
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const starts: number[] = [];
  const ends: number[] = [];
  const numbers: number[] = [];
  for (let line = 1; start < bytes.length; line += 1) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    const next = end + 1;
    if (end > start && bytes[end - 1] === RETURN) end -= 1;
    let blank = true;
    for (let i = start; i < end && blank; i += 1) if (bytes[i] !== 32 && bytes[i] !== 9) blank = false;
    if (!blank) {
      starts.push(start);
      ends.push(end);
      numbers.push(line);
    }
    start = next;
  }
  if (starts.length < 2) throw new AppError('INVALID_INPUT', `${path}: needs a header row and at least one data row`);
  const headerText = stripBom(decoder.decode(bytes.subarray(starts[0], ends[0])));
  const separatorText = detectSeparator(headerText);
  const separator = separatorText.charCodeAt(0);
  const header = splitCsvLine(headerText, separatorText);
  if (header === null) throw new AppError('INVALID_INPUT', `${path} line ${numbers[0]}: a quote is not closed`);
  const rows = starts.length - 1;
  const builders = header.map((name) => (wanted === undefined || wanted.has(name) ? columnBuilder(rows) : null));
  const hasQuotes = bytes.includes(QUOTE, ends[0]);
  const field = { end: 0, value: 0 };
  const spell = (start: number, end: number) => decoder.decode(bytes.subarray(start, end));
  const fieldCountError = (r: number, found: number) =>
    new AppError('INVALID_INPUT', `${path} line ${numbers[r]}: expected ${header.length} fields, found ${found}`);

  for (let r = 1; r <= rows; r += 1) {
    const row = r - 1;
    const from = starts[r]!;
    const to = ends[r]!;
    if (hasQuotes && bytes.subarray(from, to).includes(QUOTE)) {
      // The text path: quotes decide where fields end.
      const fields = splitCsvLine(decoder.decode(bytes.subarray(from, to)), separatorText);
      if (fields === null) throw new AppError('INVALID_INPUT', `${path} line ${numbers[r]}: a quote is not closed`);
      if (fields.length !== header.length) throw fieldCountError(r, fields.length);
      fields.forEach((field, j) => builders[j]?.addText(row, field));
      continue;
    }
    let at = from;
    for (let j = 0; j < header.length; j += 1) {
      if (at > to) throw fieldCountError(r, j);
      scanField(bytes, at, to, separator, field);
      const builder = builders[j];
      if (builder) {
        if (Number.isFinite(field.value)) builder.addNumber(row, field.value, spell, at, field.end);
        else builder.addText(row, spell(at, field.end).trim());
      }
      at = field.end + 1;
    }
    if (at <= to) {
      let found = header.length;
      for (let i = at - 1; i < to; i += 1) if (bytes[i] === separator) found += 1;
      throw fieldCountError(r, found);
    }
  }
  const columns = new Map(header.map((name, j) => [name, builders[j]?.finish()]));
  return { header, rows, column: (name) => columns.get(name) };
}
