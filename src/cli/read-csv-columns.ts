/**
 * A small CSV reader for analysts' extracts: header row, comma or semicolon (detected from the header),
 * double-quoted fields with "" escapes, UTF-8 (a BOM is ignored). Returns columns by name.
 */
import { readFileSync } from 'node:fs';
import { csvLines, detectSeparator, splitCsvLine } from '../domain/csv.ts';
import { AppError } from '../errors.ts';

export function readCsvColumns(path: string): { header: string[]; columns: Map<string, string[]>; rows: number } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError('INVALID_INPUT', `cannot read ${path}: ${(error as Error).message}`);
  }
  const lines = csvLines(text);
  if (lines.length < 2) throw new AppError('INVALID_INPUT', `${path}: needs a header row and at least one data row`);
  const separator = detectSeparator(lines[0]!.text);
  const split = (r: number) => {
    const { text: line, line: number } = lines[r]!;
    const fields = splitCsvLine(line, separator);
    if (fields === null) throw new AppError('INVALID_INPUT', `${path} line ${number}: a quote is not closed`);
    return fields;
  };
  const header = split(0);
  const columns = new Map<string, string[]>(header.map((h) => [h, []]));
  for (let r = 1; r < lines.length; r += 1) {
    const fields = split(r);
    if (fields.length !== header.length) {
      throw new AppError('INVALID_INPUT', `${path} line ${lines[r]!.line}: expected ${header.length} fields, found ${fields.length}`);
    }
    header.forEach((h, j) => columns.get(h)!.push(fields[j]!));
  }
  return { header, columns, rows: lines.length - 1 };
}
