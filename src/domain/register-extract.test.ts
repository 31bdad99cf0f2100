import { describe, expect, it } from 'vitest';
import type { LineError } from './import-line-error.ts';
import { dstMapping, type OutcomeCategory } from './outcome-categories.ts';
import {
  findCitizen,
  parseExtractHeader,
  parseWideChunk,
  numberSpellTuples,
  parseWideChunkBytes,
  type CitizenLookup,
} from './register-extract.ts';
import { spellTupleIds, spellTuplesAsText } from './register-extract-test-support.ts';
import { compressWideLine, type StatusSpell } from './register-spells.ts';
import { parseIsoWeek } from './register-week.ts';

const w = (text: string) => parseIsoWeek(text)!;
const categoryOf = (code: string) => dstMapping[code];

function lookupOf(citizens: [cpr: string, id: number][]): CitizenLookup {
  const sorted = [...citizens].sort((a, b) => Number(a[0]) - Number(b[0]));
  return {
    cprs: Float64Array.from(sorted, ([cpr]) => Number(cpr)),
    ids: Int32Array.from(sorted, ([, id]) => id),
    lines: new Int32Array(sorted.length),
  };
}

/** One line through the import's parser (`parseWideChunkBytes`): its spells, or why it is bad. */
function scan(line: string, weeks: Int32Array, separator = ';'): StatusSpell[] | LineError {
  const result = parseWideChunkBytes({
    ...chunkOptions(weeks, { firstLine: 1, lookup: lookupOf([['0101851234', 1]]) }),
    separator,
    bytes: new TextEncoder().encode(line),
  });
  if (result.errors.length > 0) {
    const { line: _, ...error } = result.errors[0]!;
    return error;
  }
  return spellTuplesAsText(result.rows)
    .split('\n')
    .filter((row) => row !== '')
    .map((row) => {
      const [, , category, code, fromWeek, toWeek] = row.split('\t');
      return { category: category as OutcomeCategory, code: code!, fromWeek: Number(fromWeek), toWeek: Number(toWeek) };
    });
}

/**
 * What a chunk parser needs beside the chunk: `weeks` one `;`-separated field each after the CPR, the dst
 * mapping, municipality 42 and up to 100 errors unless `options` says otherwise.
 */
function chunkOptions(
  weeks: Int32Array,
  options: { firstLine: number; lookup: CitizenLookup; municipalityId?: number; maxErrors?: number },
) {
  return {
    separator: ';',
    weeks,
    fieldCount: weeks.length + 1,
    categoryOf,
    mappingName: 'dst',
    municipalityId: 42,
    maxErrors: 100,
    ...options,
  };
}

describe('register extract parsing (issue 12)', () => {
  it('reads the wide header: separator, weeks, and whether they increase', () => {
    const header = parseExtractHeader('cpr,2015-W52,2015-W53,2016-W01', 'wide');
    expect(header).toMatchObject({ ok: true, separator: ',', fieldCount: 4, weeksIncrease: true });
    expect(header.ok && [...header.weeks]).toEqual([w('2015-W52'), w('2015-W53'), w('2016-W01')]);
    expect(parseExtractHeader('cpr;2016-W02;2016-W01', 'wide')).toMatchObject({ ok: true, weeksIncrease: false });
    expect(parseExtractHeader('cpr;2015-W54', 'wide')).toEqual({
      ok: false,
      message: "The wide layout needs the header cpr;2015-W01;… ('2015-W54' is not an ISO week)",
    });
    expect(parseExtractHeader('cpr;week', 'long')).toEqual({ ok: false, message: 'The long layout needs the header cpr;week;code' });
  });

  it('gives the same spells as the reference compressWideLine on 2,000 random lines', () => {
    // Random runs of codes from four categories, empty weeks and a header that skips week 2016-W05.
    const labels = ['2016-W01', '2016-W02', '2016-W03', '2016-W04', '2016-W06', '2016-W07', '2016-W08', '2016-W09', '2016-W10'];
    const weeks = Int32Array.from(labels.map(w));
    const codes = ['318', '319', '131', '135', '511', '317', ''];
    // A fixed linear congruential sequence: the same 2,000 lines on every run.
    let state = 2026;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n += 1) {
      const fields = ['0101851234', ...labels.map(() => codes[Math.floor(random() * codes.length)]!)];
      const reference = compressWideLine({ weeks, codes: fields, firstCode: 1, categoryOf, mappingName: 'dst' });
      expect(scan(fields.join(';'), weeks)).toEqual(
        reference.ok ? reference.spells : expect.objectContaining({ message: reference.message }),
      );
    }
  });

  it('refuses a line with too few or too many fields and names an unknown code', () => {
    const weeks = Int32Array.from(['2016-W01', '2016-W02'].map(w));
    expect(scan('0101851234;318', weeks)).toEqual({
      code: 'FIELD_COUNT',
      params: { expected: 3, found: 2 },
      message: 'expected 3 fields, found 2',
    });
    expect(scan('0101851234;318;318;318', weeks)).toMatchObject({ code: 'FIELD_COUNT', message: 'expected 3 fields, found 4' });
    expect(scan('0101851234;318;9x9', weeks)).toEqual({
      code: 'UNKNOWN_CODE',
      params: { code: '9x9', mapping: 'dst' },
      message: "unknown code '9x9' in the dst mapping",
    });
    // Blanks around fields are trimmed, as in the first import.
    expect(scan('0101851234; 318 ;318', weeks)).toEqual([
      { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: w('2016-W01'), toWeek: w('2016-W02') },
    ]);
  });

  it('finds citizens by CPR in the sorted lookup', () => {
    const lookup = lookupOf([
      ['3112991234', 3],
      ['0101851234', 1],
      ['0202901234', 2],
    ]);
    expect(['0101851234', '0202901234', '3112991234', '0303921234'].map((cpr) => findCitizen(lookup, cpr))).toEqual([0, 1, 2, -1]);
  });

  it('turns a chunk of lines into COPY rows for known citizens, with line numbers, counts and unknown CPRs', () => {
    // Lines 10–14 of an extract for January 2021 (CRLF line ends, one blank line).
    const weeks = Int32Array.from(['2021-W01', '2021-W02', '2021-W03'].map(w));
    const lookup = lookupOf([
      ['0101851234', 7],
      ['0202901234', 8],
    ]);
    const text = '0101851234;318;318;131\r\n\r\n0303921234;511;;\r\n0202901234;;;\r\n010185-1234;;317;317\r\n';
    const result = parseWideChunk({ ...chunkOptions(weeks, { firstLine: 10, lookup }), text });
    expect(result.rows.split('\n')).toEqual([
      `42\t7\tCASH_BENEFIT_SAME\t318\t${w('2021-W01')}\t${w('2021-W02')}`,
      `42\t7\tORDINARY_EMPLOYMENT\t131\t${w('2021-W03')}\t${w('2021-W03')}`,
      `42\t7\tSICKNESS_BENEFIT\t317\t${w('2021-W02')}\t${w('2021-W03')}`,
      '',
    ]);
    expect(result).toMatchObject({ lines: 5, weeks: 6, spells: 4, storedSpells: 3, badLines: 0, unknownCprs: [303921234] });
    expect([result.minWeek, result.maxWeek]).toEqual([w('2021-W01'), w('2021-W03')]);
    // Citizen 7 gave spells on two lines (they will be merged), citizen 8 on none.
    expect([...lookup.lines]).toEqual([2, 0]);
  });

  it('a bad line stops the rows but the rest of the chunk is still checked', () => {
    const weeks = Int32Array.from(['2021-W01', '2021-W02'].map(w));
    const result = parseWideChunk({
      ...chunkOptions(weeks, { firstLine: 2, lookup: lookupOf([['0101851234', 1]]), municipalityId: 1, maxErrors: 2 }),
      text: '0101851234;318;318\n0101851234;318;51x\n3102851234;318;318\n0101851234;318\n',
    });
    expect(result.rows).toBe('');
    expect(result.badLines).toBe(3);
    expect(result.errors).toEqual([
      { line: 3, code: 'UNKNOWN_CODE', params: { code: '51x', mapping: 'dst' }, message: "unknown code '51x' in the dst mapping" },
      { line: 4, code: 'INVALID_CPR', params: { cprStart: '310285' }, message: "invalid CPR '310285…'" },
    ]);
  });

  it('numbers the binary tuples of a chunk in order from a range of ids, leaving every other field as it was', () => {
    // Lines 10–12 of an extract for January 2021: citizen 7 has three spells, citizen 8 one.
    const weeks = Int32Array.from(['2021-W01', '2021-W02', '2021-W03'].map(w));
    const lookup = lookupOf([
      ['0101851234', 7],
      ['0202901234', 8],
    ]);
    const result = parseWideChunkBytes({
      ...chunkOptions(weeks, { firstLine: 10, lookup }),
      bytes: new TextEncoder().encode('0101851234;318;318;131\n0303921234;511;;\n0202901234;;317;317\n'),
    });
    const before = spellTuplesAsText(result.rows);
    expect(spellTupleIds(result.rows)).toEqual([0, 0, 0]);
    // Ids beyond 2^32, as a sequence may give after years of imports.
    const first = 2 ** 32 + 5;
    expect(numberSpellTuples(result.rows, first)).toBe(3);
    expect(spellTupleIds(result.rows)).toEqual([first, first + 1, first + 2]);
    expect(spellTuplesAsText(result.rows)).toBe(before);
    expect(before.split('\n')).toEqual([
      `42\t7\tCASH_BENEFIT_SAME\t318\t${w('2021-W01')}\t${w('2021-W02')}`,
      `42\t7\tORDINARY_EMPLOYMENT\t131\t${w('2021-W03')}\t${w('2021-W03')}`,
      `42\t8\tSICKNESS_BENEFIT\t317\t${w('2021-W02')}\t${w('2021-W03')}`,
      '',
    ]);
    expect(numberSpellTuples(new Uint8Array(0), 1)).toBe(0);
  });

  it('reads a chunk on its bytes exactly as on its text: rows, counts, unknown CPRs and errors (issue 12)', () => {
    const weeks = Int32Array.from(['2021-W01', '2021-W02', '2021-W03', '2021-W05', '2021-W06'].map(w));
    // A small linear congruential generator: the same lines every run.
    let state = 11;
    const random = { int: (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n) };
    const codes = ['318', '318', '131', '317', '', '', '511', '513'];
    const cprs = ['0101851234', '0202901234', '0303921234', '010185-1234', '1111111118'];
    const lookup = () =>
      lookupOf([
        ['0101851234', 7],
        ['0202901234', 8],
      ]);
    const randomLine = () => [cprs[random.int(cprs.length)]!, ...Array.from(weeks, () => codes[random.int(codes.length)]!)].join(';');
    // Lines the text path treats specially: blanks to trim, a tab, non-ASCII, a carriage return inside,
    // blank lines, too many or too few fields, an unknown code, a bad CPR, an empty last field.
    const oddLines = [
      ' 0101851234;318;318;318;;131',
      '0101851234;318 ;318;318;;131',
      '0101851234;318;\t318;318;;131',
      '0202901234;318;318;3é8;;131',
      '0202901234;318;31\r8;318;;131',
      '   ',
      '',
      '0101851234;318;318;318;;131;131',
      '0101851234;318;318;318;;131;1 31',
      '0101851234;318;318',
      '0101851234;318;51x;318;;131',
      '0101851234;318;51x;318;;131; ',
      '0101851234;318;901;318;;131',
      '3102851234;318;318;318;;131',
      '3102851234;318;318;318;;1 31',
      '0101851234;318;318;318;;',
    ];
    const parse = (text: string, failed: boolean) => {
      const lookupText = lookup();
      const lookupBytes = lookup();
      const fromText = parseWideChunk({ ...chunkOptions(weeks, { firstLine: 2, lookup: lookupText }), failed, text });
      const fromBytes = parseWideChunkBytes({
        ...chunkOptions(weeks, { firstLine: 2, lookup: lookupBytes }),
        failed,
        bytes: new TextEncoder().encode(text),
      });
      return {
        fromText: { ...fromText, lines: [...lookupText.lines] },
        fromBytes: { ...fromBytes, rows: spellTuplesAsText(fromBytes.rows), lines: [...lookupBytes.lines] },
      };
    };
    // Good lines only (rows written), then each odd line among them, with LF and CRLF line ends.
    const good = Array.from({ length: 300 }, randomLine);
    for (const lineEnd of ['\n', '\r\n']) {
      const clean = parse(good.join(lineEnd) + lineEnd, false);
      expect(clean.fromBytes.rows.length).toBeGreaterThan(1000);
      expect(clean.fromBytes).toEqual(clean.fromText);
      for (const odd of oddLines) {
        const lines = [...good.slice(0, 20), odd, ...good.slice(20, 40)];
        const result = parse(lines.join(lineEnd), false);
        expect(result.fromBytes, odd).toEqual(result.fromText);
      }
    }
    // After an earlier chunk's bad line: counted, not written.
    const afterFailure = parse(good.join('\n'), true);
    expect(afterFailure.fromBytes).toEqual(afterFailure.fromText);
    expect(afterFailure.fromBytes.rows).toBe('');
  });
});
