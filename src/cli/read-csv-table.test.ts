import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columnOfStrings } from '../analytics/data-column.ts';
import { readCsvTable } from './read-csv-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'mentorspor-csv-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("the analysts' typed CSV reader (issue 12)", () => {
  it('reads numbers byte by byte as Number() would, and text, blanks and quotes by the rules of domain/csv.ts', () => {
    // An extract of a Danish spreadsheet: semicolons, decimal commas, a BOM, CRLF, a blank line, quotes.
    const path = file(
      'mixed.csv',
      '\uFEFFid;score;region;note\r\n1;7,5;2;plain\r\n2;-0.125;10;"with; semicolon"\r\n\r\n3; 12 ;02;x\r\n4;1e3;2;"say ""hi"""\r\n5;;7;\r\n',
    );
    const table = readCsvTable(path);
    expect(table.header).toEqual(['id', 'score', 'region', 'note']);
    expect(table.rows).toBe(5);
    const score = table.column('score')!;
    expect([...score.numbers]).toEqual([7.5, -0.125, 12, 1000, Number.NaN]);
    expect(score.firstNonNumber).toEqual({ row: 4, text: '' });
    // The same column from text gives the same values, levels and codes.
    const region = table.column('region')!;
    expect(region).toEqual(columnOfStrings(['2', '10', '02', '2', '7']));
    expect(region.levels).toEqual(['2', '10', '7']);
    expect(table.column('note')!.levels).toEqual(['plain', 'with; semicolon', 'x', 'say "hi"', '']);
  });

  it('parses a thousand random decimals exactly as Number() does', () => {
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const values = Array.from(
      { length: 1000 },
      () => (random() < 0.5 ? '-' : '') + (random() * 10 ** Math.floor(random() * 8)).toFixed(Math.floor(random() * 7)),
    );
    const table = readCsvTable(file('decimals.csv', `x,y\n${values.map((v, i) => `${v},${i}`).join('\n')}\n`));
    expect([...table.column('x')!.numbers]).toEqual(values.map(Number));
  });

  it('keeps only the wanted columns and names a wrong field count with its line', () => {
    const table = readCsvTable(file('wanted.csv', 'a,b,c\n1,2,3\n'), new Set(['b']));
    expect([table.column('a'), [...table.column('b')!.numbers]]).toEqual([undefined, [2]]);
    expect(() => readCsvTable(file('short.csv', 'a;b;c\n1;2;3\n\n1;2\n'))).toThrow('short.csv line 4: expected 3 fields, found 2');
    expect(() => readCsvTable(file('long.csv', 'a;b\n1;2;3;4\n'))).toThrow('long.csv line 2: expected 2 fields, found 4');
    expect(() => readCsvTable(file('quote.csv', 'a;b\n1;"2\n'))).toThrow('quote.csv line 2: a quote is not closed');
  });
});
