import { describe, expect, it } from 'vitest';
import { weekIndexOf } from './register-week.ts';
import {
  openEnd,
  registerCategoryFlags,
  riskSetUnits,
  weekIndexOfDay,
  yyyymmddOf,
  dayNumberOf,
  type RiskSetRows,
  type RiskSetUnitRecord,
  unitRecord,
} from './risk-set-units.ts';

const week = (date: string) => weekIndexOf(date);
const day = dayNumberOf;

/** Anna (id 1) and Bo (id 2), as in load-risk-set.db.test.ts, and Dorte (id 3) who had a general mentor in 2014. */
function rows(): RiskSetRows {
  const spells = [
    [1, 'CASH_BENEFIT_SAME', '2014-01-06', '2015-02-15'],
    [1, 'ORDINARY_EMPLOYMENT', '2015-08-03', '2015-12-28'],
    [2, 'EDUCATION', '2015-08-10', '2016-06-27'],
  ] as const;
  return {
    idFrom: 1,
    idTo: 3,
    citizens: {
      id: Int32Array.of(2, 1, 3),
      birth: Int32Array.of(day('1996-11-30'), day('1985-05-01'), day('1980-02-02')),
      gender: ['male', 'female', 'female'],
      origin: ['unknown', 'danish', 'western'],
    },
    groupSpells: {
      citizenId: Int32Array.of(1, 2, 3),
      id: Int32Array.of(1, 2, 3),
      analysed: Uint8Array.of(1, 1, 1),
      targetGroup: ['kontanthjaelp_aktivitetsparat', 'uddannelseshjaelp_aktivitetsparat', 'kontanthjaelp_aktivitetsparat'],
      from: Int32Array.of(day('2013-01-01'), day('2014-08-01'), day('2013-01-01')),
      to: Int32Array.of(openEnd, openEnd, openEnd),
    },
    courses: {
      citizenId: Int32Array.of(1, 2, 3),
      id: Int32Array.of(1, 2, 3),
      analysed: Uint8Array.of(1, 1, 0),
      start: Int32Array.of(day('2015-02-02'), day('2015-03-16'), day('2014-06-02')),
    },
    registerSpells: {
      citizenId: Int32Array.from(spells, (s) => s[0]),
      flags: Uint8Array.from(spells, (s) => registerCategoryFlags(s[1])),
      from: Int32Array.from(spells, (s) => week(s[2])),
      to: Int32Array.from(spells, (s) => week(s[3])),
    },
  };
}

function unitsOf(input: RiskSetRows): RiskSetUnitRecord[] {
  const units: RiskSetUnitRecord[] = [];
  riskSetUnits(
    input,
    {
      quarters: [{ quarter: '2015-Q1', indexDate: '2015-02-02' }],
      from: day('2015-01-01'),
      to: day('2015-12-31'),
      horizonMonths: 7,
      lastWeek: week('2016-12-26'),
    },
    (unit) => units.push(unitRecord(unit)),
  );
  return units;
}

describe('the risk set of one slice of citizens (issue 6 point 3)', () => {
  it('counts weeks as the database does: whole weeks since Monday 5 January 1970', () => {
    for (const date of ['1970-01-05', '2015-02-02', '2015-02-08', '2016-02-29', '2026-12-04'])
      expect(weekIndexOfDay(day(date))).toBe(weekIndexOf(date));
  });

  it('turns day numbers into calendar dates, leap days and centuries included', () => {
    for (let d = day('1899-12-25'); d <= day('2101-01-05'); d += 1) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      expect(yyyymmddOf(d)).toBe(Number(iso.replaceAll('-', '')));
    }
  });

  it('makes Anna, who starts on 2 Feb 2015, a treated unit with her prior benefit weeks and her job 7 months on', () => {
    const anna = unitsOf(rows()).find((u) => u.citizenId === 1)!;
    // 6 Jan 2014 – 15 Feb 2015 on cash benefit: all 52 weeks before 2 Feb 2015, 56 weeks in all, 2 weeks from the start.
    expect(anna).toMatchObject({ treated: true, quarterIndex: 0, age: 29, publicWeeks52: 52, publicWeeks156: 56, benefitWeeks52After: 2 });
    // 2 Sep 2015 falls in her job (3 Aug – 28 Dec 2015): employed and self-supporting.
    expect(anna).toMatchObject({ employment: 1, education: 0, selfSupport: 1, targetGroup: 'kontanthjaelp_aktivitetsparat' });
    // Month masks: on benefit in months −12…0 (bits 0…12: 2 Feb 2014 … 2 Feb 2015); employed in months 7…11
    // (bits 19…23): 2 Aug 2015 is a Sunday in the week before the job, 2 Jan 2016 in the job's last week (28 Dec).
    expect(anna.supportedMonths).toBe(2 ** 13 - 1);
    expect(anna.employedMonths).toBe(2 ** 24 - 2 ** 19);
    // The register data end in the week of 26 Dec 2016: months −12…+22 (2 Dec 2016) are known, +23 and +24 not.
    expect(anna.observedMonths).toBe(35);
  });

  it('makes Bo, who starts later in the quarter, treated and a control on its index date; Dorte, mentored in 2014, is neither', () => {
    const units = unitsOf(rows());
    // Citizens in id order, each citizen's treated unit before its control units.
    expect(units.map((u) => [u.citizenId, u.treated])).toEqual([
      [1, true],
      [2, true],
      [2, false],
    ]);
    // As a control Bo is described on the quarter's index date (2 Feb 2015), as treated on his own start (16 Mar).
    expect(units[2]).toMatchObject({ age: 18, gender: 'male', targetGroup: 'uddannelseshjaelp_aktivitetsparat', education: 1 });
  });
});
