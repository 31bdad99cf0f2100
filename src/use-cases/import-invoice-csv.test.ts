import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { parseInvoiceCsv } from './import-invoice-csv.ts';

const header = 'invoice_number;provider_id;period_from;period_to;grant_id;line_from;line_to;hours;amount_kr';

function errorOf(csv: string) {
  try {
    parseInvoiceCsv(csv);
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  return null;
}

describe('parseInvoiceCsv', () => {
  it('reads a Danish semicolon file with decimal commas', () => {
    // Mentorhuset's March 2026 invoice: week 10 and week 11 for grant 17.
    const invoice = parseInvoiceCsv(
      `${header}\nF-2026-031;3;2026-03-01;2026-03-31;17;2026-03-02;2026-03-08;10;4.250,00\nF-2026-031;3;2026-03-01;2026-03-31;17;2026-03-09;2026-03-15;1.5;637,50\n`,
    );
    expect(invoice).toEqual({
      invoiceNumber: 'F-2026-031',
      providerId: 3,
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      lines: [
        { grantId: 17, periodFrom: '2026-03-02', periodTo: '2026-03-08', hours: 10, amountKr: 4250 },
        { grantId: 17, periodFrom: '2026-03-09', periodTo: '2026-03-15', hours: 1.5, amountKr: 637.5 },
      ],
    });
  });

  it('reads a comma file with camelCase columns in another order and quoted cells', () => {
    const invoice = parseInvoiceCsv(
      'amountKr,hours,grantId,lineFrom,lineTo,invoiceNumber,providerId,periodFrom,periodTo\n2550.00,6,17,2026-03-02,2026-03-08,"F-1,a",3,2026-03-01,2026-03-31',
    );
    expect(invoice.invoiceNumber).toBe('F-1,a');
    expect(invoice.lines[0]).toEqual({ grantId: 17, periodFrom: '2026-03-02', periodTo: '2026-03-08', hours: 6, amountKr: 2550 });
  });

  it('names the field and line of bad input', () => {
    expect(errorOf(`${header}\nF-1;3;2026-03-01;2026-03-31;17;2026-03-02;2026-03-08;ti;4250`)).toEqual({
      code: 'INVALID_INPUT',
      details: { field: 'hours', line: 2, problems: [{ line: 2, field: 'hours', reason: 'NOT_A_NUMBER' }], problemCount: 1 },
    });
    expect(errorOf('invoice_number;provider_id\nF-1;3')?.details).toMatchObject({ field: 'periodFrom', line: 1 });
    expect(
      errorOf(
        `${header}\nF-1;3;2026-03-01;2026-03-31;17;2026-03-02;2026-03-08;6;1\nF-2;3;2026-03-01;2026-03-31;17;2026-03-02;2026-03-08;6;1`,
      )?.details,
    ).toMatchObject({
      field: 'invoiceNumber',
      line: 3,
    });
    expect(errorOf(header)?.details).toMatchObject({ field: 'csv' });
  });

  it('lists every missing column of the header, and counts problems beyond the first hundred', () => {
    expect(errorOf('invoice_number;provider_id;period_from;period_to;grant_id;hours\nF-1;3')?.details?.problems).toEqual([
      { line: 1, field: 'lineFrom', reason: 'MISSING_COLUMN' },
      { line: 1, field: 'lineTo', reason: 'MISSING_COLUMN' },
      { line: 1, field: 'amountKr', reason: 'MISSING_COLUMN' },
    ]);
    const bad = Array.from({ length: 150 }, () => 'F-1;3;2026-03-01;2026-03-31;17;2026-03-02;2026-03-08;ti;4250');
    const details = errorOf(`${header}\n${bad.join('\n')}`)!.details!;
    expect(details.problemCount).toBe(150);
    expect((details.problems as unknown[]).length).toBe(100);
  });
});
