import { describe, expect, it } from 'vitest';
import { dstMapping } from './outcome-categories.ts';
import { canExtendSpell, compressWideLine, extendSpell, mergeSpells, type StatusSpell } from './register-spells.ts';
import { parseIsoWeek } from './register-week.ts';

const w = (text: string) => parseIsoWeek(text)!;
const categoryOf = (code: string) => dstMapping[code];

/** The long layout as the import does it: runs of consecutive lines extend one spell, then merge. */
function compressLongRows(rows: readonly [string, string][]): StatusSpell[] {
  const spells: StatusSpell[] = [];
  let current: StatusSpell | null = null;
  for (const [week, code] of rows) {
    const category = dstMapping[code]!;
    if (current && canExtendSpell(current, w(week), category)) extendSpell(current, w(week), code);
    else spells.push((current = { category, code, fromWeek: w(week), toWeek: w(week) }));
  }
  return spells;
}

describe('register spells (issue 5 point 1)', () => {
  it('compresses a wide line into spells; an empty week and a category change break a run', () => {
    // Jan 2015: cash benefit weeks 1–3 (318, then 319 integration benefit: same category), week 4 no
    // public support, weeks 5–6 employed (131).
    const weeks = ['2015-W01', '2015-W02', '2015-W03', '2015-W04', '2015-W05', '2015-W06'].map(w);
    const result = compressWideLine({
      weeks,
      codes: ['0101851234', '318', '318', '319', '', '131', '131'],
      firstCode: 1,
      categoryOf,
      mappingName: 'dst',
    });
    expect(result).toEqual({
      ok: true,
      spells: [
        { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: w('2015-W01'), toWeek: w('2015-W03') },
        { category: 'ORDINARY_EMPLOYMENT', code: '131', fromWeek: w('2015-W05'), toWeek: w('2015-W06') },
      ],
    });
  });

  it('breaks a wide run where the header skips a week', () => {
    const weeks = ['2015-W01', '2015-W02', '2015-W10'].map(w);
    const result = compressWideLine({ weeks, codes: ['511', '511', '511'], categoryOf, mappingName: 'dst' });
    expect(result.ok && result.spells.map((s) => [s.fromWeek, s.toWeek])).toEqual([
      [w('2015-W01'), w('2015-W02')],
      [w('2015-W10'), w('2015-W10')],
    ]);
  });

  it('runs across the turn of a 53-week year stay one spell', () => {
    // 2015 has 53 ISO weeks: 2015-W53 is followed by 2016-W01.
    const weeks = ['2015-W52', '2015-W53', '2016-W01'].map(w);
    const result = compressWideLine({ weeks, codes: ['317', '317', '317'], categoryOf, mappingName: 'dst' });
    expect(result).toEqual({
      ok: true,
      spells: [{ category: 'SICKNESS_BENEFIT', code: '317', fromWeek: w('2015-W52'), toWeek: w('2016-W01') }],
    });
  });

  it('makes a wide line with an unknown code bad, naming the code and the mapping', () => {
    const result = compressWideLine({ weeks: [1, 2], codes: ['318', '999'], categoryOf, mappingName: 'dst' });
    expect(result).toEqual({ ok: false, message: "unknown code '999' in the dst mapping", unknownCode: '999' });
  });

  it('gives the same spells for an unsorted long layout once merged', () => {
    // 2016: a citizen on sickness benefit weeks 1–4, then in education weeks 5–8; the extract lists the
    // weeks out of order.
    const sorted: [string, string][] = [
      ['2016-W01', '317'],
      ['2016-W02', '317'],
      ['2016-W03', '317'],
      ['2016-W04', '317'],
      ['2016-W05', '511'],
      ['2016-W06', '517'],
      ['2016-W07', '511'],
      ['2016-W08', '511'],
    ];
    const unsorted: [string, string][] = [sorted[5]!, sorted[0]!, sorted[2]!, sorted[7]!, sorted[1]!, sorted[4]!, sorted[3]!, sorted[6]!];
    const expected = [
      { category: 'EDUCATION', code: '511', fromWeek: w('2016-W05'), toWeek: w('2016-W08') },
      { category: 'SICKNESS_BENEFIT', code: '317', fromWeek: w('2016-W01'), toWeek: w('2016-W04') },
    ];
    expect(compressLongRows(sorted)).toHaveLength(2);
    expect(compressLongRows(unsorted).length).toBeGreaterThan(2);
    expect(mergeSpells(compressLongRows(unsorted))).toEqual(expected);
    expect(mergeSpells(compressLongRows(sorted))).toEqual(expected);
  });

  it('merges overlapping and touching spells of one category but keeps a gap', () => {
    const spells: StatusSpell[] = [
      { category: 'CASH_BENEFIT_SAME', code: '319', fromWeek: 10, toWeek: 14 },
      { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: 12, toWeek: 20 },
      { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: 21, toWeek: 22 },
      { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: 24, toWeek: 24 },
    ];
    expect(mergeSpells(spells)).toEqual([
      { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: 10, toWeek: 22 },
      { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: 24, toWeek: 24 },
    ]);
  });
});
