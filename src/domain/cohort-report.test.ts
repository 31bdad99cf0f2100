import { describe, expect, it } from 'vitest';
import {
  benefitDurationBandOf,
  buildReportTable,
  courseDays,
  mentorDurationBandOf,
  weeksOnBenefitBefore,
  type ReportUnit,
} from './cohort-report.ts';
import { weekIndexOf } from './register-week.ts';

const units = (row: string, column: string, n: number, from = 0): ReportUnit[] =>
  Array.from({ length: n }, (_, i) => ({ citizenId: from + i, row, column }));
const axis = (keys: string[]) => keys.map((key) => ({ key, label: key }));
type TableInput = Parameters<typeof buildReportTable>[0];
/** Cell counts, `{ row: { column: count } }`: rows in the order given, columns in the order first met. */
type CellCounts = Record<string, Record<string, number>>;
/**
 * The table of `counts` (each counted unit a citizen of its own in its cell; `units` instead when given), with
 * row and column keys as their labels and the title and caption no test reads.
 */
const tableOf = ({
  counting,
  counts,
  units: given,
  ...rest
}: Pick<TableInput, 'report' | 'denominators'> & {
  counting: Pick<TableInput, 'unit' | 'percentBase' | 'threshold'>;
  counts: CellCounts;
  units?: ReportUnit[];
}) => {
  const cells = Object.entries(counts).flatMap(([row, byColumn]) => Object.entries(byColumn).map(([column, n]) => ({ row, column, n })));
  return buildReportTable({
    title: 't',
    caption: 'c',
    ...counting,
    rows: axis(Object.keys(counts)),
    columns: axis([...new Set(cells.map((c) => c.column))]),
    units: given ?? cells.flatMap((c) => units(c.row, c.column, c.n)),
    ...rest,
  });
};
/** Fewer than 5 forløb in a cell are hidden. */
const providersTable = (counts: CellCounts) =>
  tableOf({ report: 'providers', counting: { unit: 'forløb', percentBase: 'none', threshold: 5 }, counts });

describe('report tables (issue 5 point 3, R-STAT-1)', () => {
  it('counts each unit in its cell, with margins and column percentages', () => {
    const table = tableOf({
      report: 'gender',
      counting: { unit: 'personer', percentBase: 'column', threshold: 1 },
      counts: { female: { under30: 49, '30plus': 47 }, male: { under30: 51, '30plus': 53 } },
    });
    expect(table.rows.map((r) => r.values)).toEqual([
      [49, 47],
      [51, 53],
    ]);
    expect(table.rows.map((r) => r.percentages)).toEqual([
      [49, 47],
      [51, 53],
    ]);
    expect(table.rows.map((r) => r.total)).toEqual([96, 104]);
    expect(table.columnTotals).toEqual([100, 100]);
    expect(table.total).toBe(200);
  });

  it('hides a 3 and a second cell in its row and column, so neither can be recovered from the totals', () => {
    // Copenhagen's "pension" row under 30 is 3: alone it would be readable as 1,352 minus the others.
    const table = tableOf({
      report: 'outcome-status',
      counting: { unit: 'personer', percentBase: 'column', threshold: 5 },
      counts: { cash: { under30: 60, '30plus': 90 }, pension: { under30: 3, '30plus': 15 }, job: { under30: 39, '30plus': 28 } },
    });
    expect(table.rows[1]!.values[0]).toBeNull();
    expect(table.rows[1]!.percentages[0]).toBeNull();
    for (const row of table.rows) expect(row.values.filter((v) => v === null).length).not.toBe(1);
    for (let j = 0; j < 2; j += 1) expect(table.rows.filter((r) => r.values[j] === null).length).not.toBe(1);
    expect(table.suppressed.length).toBeGreaterThanOrEqual(4);
    expect(table.columnTotals).toEqual([102, 133]);
  });

  it('hides a small row total, and another, so it cannot be recovered from the grand total', () => {
    const table = providersTable({ a: { x: 3, y: 0 }, b: { x: 20, y: 20 }, c: { x: 12, y: 9 } });
    expect(table.rows[0]!.total).toBeNull();
    expect(table.rows.filter((r) => r.total === null).length).toBeGreaterThanOrEqual(2);
    expect(table.total).toBe(64);
  });

  it('hides a row total when its row has one hidden cell and zeros elsewhere', () => {
    // Row b is [0, 12]; if 12 is hidden to protect column y, the row total 12 must go too.
    const table = providersTable({ a: { x: 30, y: 2 }, b: { x: 0, y: 12 }, c: { x: 30, y: 40 } });
    for (const row of table.rows) {
      const hidden = [...row.values, row.total].filter((v) => v === null).length;
      expect(hidden).not.toBe(1);
    }
    for (let j = 0; j < 2; j += 1)
      expect([...table.rows.map((r) => r.values[j]), table.columnTotals[j]].filter((v) => v === null).length).not.toBe(1);
  });

  it('gives the share of a population when the report has denominators (Jobindsats: share with mentor)', () => {
    // Hvidovre: 406 persons with a mentor in 2016 against 732 in 2015 (seed S0); here of 2,000 in the group.
    const table = tableOf({
      report: 'persons-per-year',
      counting: { unit: 'personer', percentBase: 'denominator', threshold: 5 },
      counts: { '2015': { kh: 732 }, '2016': { kh: 406 } },
      denominators: [[2000], [2000]],
    });
    expect(table.rows.map((r) => r.values[0])).toEqual([732, 406]);
    expect(table.rows.map((r) => r.percentages[0])).toEqual([36.6, 20.3]);
  });

  it('refuses a unit outside the table (a bug in the caller)', () => {
    expect(() =>
      tableOf({
        report: 'age',
        counting: { unit: 'personer', percentBase: 'none', threshold: 5 },
        counts: { a: { b: 0 } },
        units: units('x', 'b', 1),
      }),
    ).toThrow();
  });
});

describe('bands of Copenhagen’s figures (seed S2)', () => {
  it('puts 13 weeks on benefit in 0–3 months and 14 weeks in 4–6 months; no register data apart', () => {
    expect(benefitDurationBandOf(0)).toBe('0-3');
    expect(benefitDurationBandOf(13)).toBe('0-3');
    expect(benefitDurationBandOf(14)).toBe('4-6');
    expect(benefitDurationBandOf(52)).toBe('7-12');
    expect(benefitDurationBandOf(53)).toBe('1-3y');
    expect(benefitDurationBandOf(157)).toBe('over3y');
    expect(benefitDurationBandOf(null)).toBe('none');
  });

  it('counts continuous benefit weeks back from the week before the first start, across touching spells', () => {
    // First course 2 Mar 2015. Cash benefit from week 2014-W01 to 2014-W30 and again 2014-W31 to the week
    // before the start: continuous. An older spell in 2012, after a gap, does not count.
    const start = weekIndexOf('2015-03-02');
    const spells = [
      { fromWeek: weekIndexOf('2014-07-28'), toWeek: start - 1 },
      { fromWeek: weekIndexOf('2013-12-30'), toWeek: weekIndexOf('2014-07-21') },
      { fromWeek: weekIndexOf('2012-01-02'), toWeek: weekIndexOf('2012-12-31') },
    ];
    expect(weeksOnBenefitBefore(spells, start)).toBe(start - weekIndexOf('2013-12-30'));
    // Off benefit in the week before the start: 0 weeks.
    expect(weeksOnBenefitBefore([{ fromWeek: start - 20, toWeek: start - 3 }], start)).toBe(0);
  });

  it('counts an ongoing course as planned: two ended 26-week courses and a third begun are over a year', () => {
    const ended1 = courseDays({ startDate: '2014-01-06', endDate: '2014-07-06', actualEndDate: null });
    const ended2 = courseDays({ startDate: '2014-07-07', endDate: '2015-01-04', actualEndDate: null });
    const ongoing = courseDays({ startDate: '2015-01-05', endDate: '2015-07-05', actualEndDate: null });
    expect(mentorDurationBandOf(ended1)).toBe('3-6');
    expect(mentorDurationBandOf(ended1 + ended2 + ongoing)).toBe('over12');
    // Ended early after 6 weeks (job): 0–3 months.
    expect(mentorDurationBandOf(courseDays({ startDate: '2015-01-05', endDate: '2015-07-05', actualEndDate: '2015-02-15' }))).toBe('0-3');
  });
});
