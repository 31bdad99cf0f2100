/**
 * Imports a provider invoice from CSV (issue 4 point 5): one invoice per file, one line per row. The
 * header names the columns (any order, camelCase or snake_case):
 *   invoiceNumber, providerId, periodFrom, periodTo, grantId, lineFrom, lineTo, hours, amountKr
 * Separator ';' (Danish spreadsheets; decimal comma allowed) or ','. Invoice-level columns must agree on
 * every row. Bad input answers INVALID_INPUT with the field and the CSV line number.
 */
import { csvLines, detectSeparator, splitCsvLine } from '../domain/csv.ts';
import { AppError } from '../errors.ts';
import { recordInvoice, type InvoiceInput } from './record-invoice.ts';
import type { InvoiceView } from './reconcile-invoice.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

const columns = ['invoiceNumber', 'providerId', 'periodFrom', 'periodTo', 'grantId', 'lineFrom', 'lineTo', 'hours', 'amountKr'] as const;
type Column = (typeof columns)[number];

const normalise = (name: string) =>
  name
    .trim()
    .replace(/^\uFEFF/, '')
    .replace(/[_\s-]/g, '')
    .toLowerCase();

function fail(message: string, field: string, line: number): never {
  throw new AppError('INVALID_INPUT', `CSV line ${line}: ${message}`, { field, line });
}

/** Parses the CSV text into an invoice; throws INVALID_INPUT naming the field and line. */
export function parseInvoiceCsv(text: string): InvoiceInput {
  const rows = csvLines(text);
  if (rows.length < 2) fail('the file needs a header row and at least one line', 'csv', 1);
  const header = rows[0]!;
  const separator = detectSeparator(header.text);
  const names = (splitCsvLine(header.text, separator) ?? fail('a quote is not closed', 'csv', header.line)).map(normalise);
  const indexOf = {} as Record<Column, number>;
  for (const column of columns) {
    const index = names.indexOf(column.toLowerCase());
    if (index === -1) fail(`the header lacks the column ${column}`, column, header.line);
    indexOf[column] = index;
  }
  const number = (value: string, field: Column, line: number) => {
    // Danish notation when a comma is present (4.250,00); otherwise a plain decimal point (4250.00).
    const cleaned = value.includes(',') ? value.replace(/\./g, '').replace(',', '.') : value;
    const n = Number(cleaned);
    if (value === '' || !Number.isFinite(n)) fail(`${field} must be a number`, field, line);
    return n;
  };
  const integer = (value: string, field: Column, line: number) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1) fail(`${field} must be a whole number`, field, line);
    return n;
  };
  const date = (value: string, field: Column, line: number) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(`${field} must be a date YYYY-MM-DD`, field, line);
    return value;
  };
  let invoice: InvoiceInput | null = null;
  for (const row of rows.slice(1)) {
    const cells = splitCsvLine(row.text, separator) ?? fail('a quote is not closed', 'csv', row.line);
    const cell = (c: Column) => cells[indexOf[c]] ?? '';
    const head = {
      invoiceNumber: cell('invoiceNumber'),
      providerId: integer(cell('providerId'), 'providerId', row.line),
      periodFrom: date(cell('periodFrom'), 'periodFrom', row.line),
      periodTo: date(cell('periodTo'), 'periodTo', row.line),
    };
    if (head.invoiceNumber === '') fail('invoiceNumber is empty', 'invoiceNumber', row.line);
    if (invoice === null) invoice = { ...head, lines: [] };
    for (const key of ['invoiceNumber', 'providerId', 'periodFrom', 'periodTo'] as const) {
      if (invoice[key] !== head[key]) fail(`${key} differs from the first line; one invoice per file`, key, row.line);
    }
    invoice.lines.push({
      grantId: integer(cell('grantId'), 'grantId', row.line),
      periodFrom: date(cell('lineFrom'), 'lineFrom', row.line),
      periodTo: date(cell('lineTo'), 'lineTo', row.line),
      hours: number(cell('hours'), 'hours', row.line),
      amountKr: number(cell('amountKr'), 'amountKr', row.line),
    });
  }
  return invoice!;
}

export async function importInvoiceCsv(ctx: UseCaseContext, csv: string): Promise<InvoiceView> {
  requirePermission(ctx, 'invoice:write');
  return recordInvoice(ctx, parseInvoiceCsv(csv), 'csv');
}
