/**
 * Imports a provider invoice from CSV (issue 4 point 5): one invoice per file, one line per row. The
 * header names the columns (any order, camelCase or snake_case):
 *   invoiceNumber, providerId, periodFrom, periodTo, grantId, lineFrom, lineTo, hours, amountKr
 * Separator ';' (Danish spreadsheets; decimal comma allowed) or ','. Invoice-level columns must agree on
 * every row. Bad input answers INVALID_INPUT with every problem found (issue 14: the upload page lists
 * them in Danish) in `details.problems` as `{ line, field, reason }`, the first also as `field` and `line`.
 */
import { csvLines, detectSeparator, splitCsvLine } from '../domain/csv.ts';
import { AppError, isAppError } from '../errors.ts';
import { recordInvoice, type InvoiceInput } from './record-invoice.ts';
import type { InvoiceView } from './reconcile-invoice.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

const columns = ['invoiceNumber', 'providerId', 'periodFrom', 'periodTo', 'grantId', 'lineFrom', 'lineTo', 'hours', 'amountKr'] as const;
type Column = (typeof columns)[number];

/** One problem of an invoice file: its CSV line (1 = the header), the column, and a reason code. */
export type InvoiceCsvProblem = { line: number; field: Column | 'csv'; reason: string };

/** Problems beyond this many are counted, not listed. */
const maxProblems = 100;

const normalise = (name: string) =>
  name
    .trim()
    .replace(/^\uFEFF/, '')
    .replace(/[_\s-]/g, '')
    .toLowerCase();

const messages: Record<string, string> = {
  NO_LINES: 'the file needs a header row and at least one line',
  UNCLOSED_QUOTE: 'a quote is not closed',
  MISSING_COLUMN: 'the header lacks the column',
  NOT_A_NUMBER: 'must be a number',
  NOT_WHOLE_NUMBER: 'must be a whole number',
  NOT_A_DATE: 'must be a date YYYY-MM-DD',
  EMPTY: 'is empty',
  DIFFERS_FROM_FIRST_LINE: 'differs from the first line; one invoice per file',
};

function refuse(problems: InvoiceCsvProblem[], total = problems.length): never {
  const first = problems[0]!;
  const message = `CSV line ${first.line}: ${first.field} ${messages[first.reason] ?? first.reason}${total > 1 ? ` (and ${total - 1} more)` : ''}`;
  throw new AppError('INVALID_INPUT', message, { field: first.field, line: first.line, problems, problemCount: total });
}

/** Parses the CSV text into an invoice and the CSV line of each invoice line; throws INVALID_INPUT with every problem. */
export function parseInvoiceCsvWithLines(text: string): { invoice: InvoiceInput; lineNumbers: number[] } {
  const rows = csvLines(text);
  if (rows.length < 2) refuse([{ line: 1, field: 'csv', reason: 'NO_LINES' }]);
  const header = rows[0]!;
  const separator = detectSeparator(header.text);
  const names = splitCsvLine(header.text, separator)?.map(normalise);
  if (!names) refuse([{ line: header.line, field: 'csv', reason: 'UNCLOSED_QUOTE' }]);
  const missing = columns.filter((c) => !names.includes(c.toLowerCase()));
  if (missing.length > 0) refuse(missing.map((field) => ({ line: header.line, field, reason: 'MISSING_COLUMN' })));
  const indexOf = Object.fromEntries(columns.map((c) => [c, names.indexOf(c.toLowerCase())])) as Record<Column, number>;

  const problems: InvoiceCsvProblem[] = [];
  let total = 0;
  const problem = (line: number, field: InvoiceCsvProblem['field'], reason: string) => {
    total += 1;
    if (problems.length < maxProblems) problems.push({ line, field, reason });
  };
  const number = (value: string, field: Column, line: number) => {
    // Danish notation when a comma is present (4.250,00); otherwise a plain decimal point (4250.00).
    const cleaned = value.includes(',') ? value.replace(/\./g, '').replace(',', '.') : value;
    const n = Number(cleaned);
    if (value === '' || !Number.isFinite(n)) problem(line, field, value === '' ? 'EMPTY' : 'NOT_A_NUMBER');
    return n;
  };
  const integer = (value: string, field: Column, line: number) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1) problem(line, field, value === '' ? 'EMPTY' : 'NOT_WHOLE_NUMBER');
    return n;
  };
  const date = (value: string, field: Column, line: number) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) problem(line, field, value === '' ? 'EMPTY' : 'NOT_A_DATE');
    return value;
  };
  let invoice: InvoiceInput | null = null;
  const lineNumbers: number[] = [];
  for (const row of rows.slice(1)) {
    const cells = splitCsvLine(row.text, separator);
    if (!cells) {
      problem(row.line, 'csv', 'UNCLOSED_QUOTE');
      continue;
    }
    const cell = (c: Column) => (cells[indexOf[c]] ?? '').trim();
    const head = {
      invoiceNumber: cell('invoiceNumber'),
      providerId: integer(cell('providerId'), 'providerId', row.line),
      periodFrom: date(cell('periodFrom'), 'periodFrom', row.line),
      periodTo: date(cell('periodTo'), 'periodTo', row.line),
    };
    if (head.invoiceNumber === '') problem(row.line, 'invoiceNumber', 'EMPTY');
    if (invoice === null) invoice = { ...head, lines: [] };
    else
      for (const key of ['invoiceNumber', 'providerId', 'periodFrom', 'periodTo'] as const) {
        if (invoice[key] !== head[key]) problem(row.line, key, 'DIFFERS_FROM_FIRST_LINE');
      }
    invoice.lines.push({
      grantId: integer(cell('grantId'), 'grantId', row.line),
      periodFrom: date(cell('lineFrom'), 'lineFrom', row.line),
      periodTo: date(cell('lineTo'), 'lineTo', row.line),
      hours: number(cell('hours'), 'hours', row.line),
      amountKr: number(cell('amountKr'), 'amountKr', row.line),
    });
    lineNumbers.push(row.line);
  }
  if (total > 0) refuse(problems, total);
  return { invoice: invoice!, lineNumbers };
}

/** Parses the CSV text into an invoice; throws INVALID_INPUT naming the field and line of each problem. */
export function parseInvoiceCsv(text: string): InvoiceInput {
  return parseInvoiceCsvWithLines(text).invoice;
}

/** The invoice's field names (`lines.2.periodFrom`) as the file's columns and lines. */
const csvFieldOf: Record<string, Column> = {
  periodFrom: 'lineFrom',
  periodTo: 'lineTo',
  grantId: 'grantId',
  hours: 'hours',
  amountKr: 'amountKr',
};

function asCsvProblem(field: string, reason: string, lineNumbers: number[]): InvoiceCsvProblem {
  const match = /^lines\.(\d+)\.(\w+)$/.exec(field);
  if (match) return { line: lineNumbers[Number(match[1])] ?? 0, field: csvFieldOf[match[2]!] ?? 'csv', reason };
  return { line: lineNumbers[0] ?? 2, field: (columns as readonly string[]).includes(field) ? (field as Column) : 'csv', reason };
}

export async function importInvoiceCsv(ctx: UseCaseContext, csv: string): Promise<InvoiceView> {
  requirePermission(ctx, 'invoice:write');
  const { invoice, lineNumbers } = parseInvoiceCsvWithLines(csv);
  try {
    return await recordInvoice(ctx, invoice, 'csv');
  } catch (error) {
    // The rules of an invoice speak of its lines by index; the uploader needs the file's line numbers.
    if (isAppError(error) && error.details?.reason === 'PROVIDER_NOT_FOUND')
      refuse([{ line: lineNumbers[0] ?? 2, field: 'providerId', reason: 'PROVIDER_NOT_FOUND' }]);
    if (!isAppError(error) || error.code !== 'INVALID_INPUT' || typeof error.details?.field !== 'string') throw error;
    const listed = Array.isArray(error.details.problems)
      ? (error.details.problems as { field: string; reason: string }[])
      : [{ field: error.details.field, reason: typeof error.details.reason === 'string' ? error.details.reason : 'INVALID' }];
    refuse(listed.map((p) => asCsvProblem(p.field, p.reason, lineNumbers)));
  }
}
