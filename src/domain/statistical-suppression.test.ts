import { describe, expect, it } from 'vitest';
import { outcomeCategories, pickByPrecedence, toCopenhagenCategory } from './outcome-categories.ts';
import { suppressTable } from './statistical-suppression.ts';

describe('R-STAT-1 suppression', () => {
  it('suppresses 0 < n < 5 and leaves zeros and large cells', () => {
    const { values } = suppressTable({
      cells: [
        [0, 3, 40, 50],
        [10, 20, 30, 40],
      ],
      threshold: 5,
    });
    expect(values[0]![0]).toBe(0);
    expect(values[0]![1]).toBeNull();
  });

  it('adds secondary suppression so a hidden cell cannot be computed from the row total', () => {
    // Row total 93 is published; with only the 3 hidden, 93 − 0 − 40 − 50 = 3 would reveal it.
    const { values, suppressed } = suppressTable({
      cells: [
        [0, 3, 40, 50],
        [10, 20, 30, 40],
      ],
      threshold: 5,
    });
    const hiddenInRow0 = values[0]!.filter((v) => v === null).length;
    expect(hiddenInRow0).toBeGreaterThanOrEqual(2);
    // The column of the 3 must also hold a second hidden cell (column totals are published too).
    const column1Hidden = values.map((row) => row[1]).filter((v) => v === null).length;
    expect(column1Hidden).toBeGreaterThanOrEqual(2);
    expect(suppressed.length).toBeGreaterThanOrEqual(3);
  });

  it('hides nothing when no cell is small', () => {
    expect(
      suppressTable({
        cells: [
          [10, 20],
          [30, 40],
        ],
        threshold: 5,
      }).suppressed,
    ).toEqual([]);
  });
});

describe('outcome categories (domain spec §4.2)', () => {
  it('rolls up to Copenhagen’s six categories', () => {
    expect(toCopenhagenCategory('CASH_BENEFIT_UPGRADED')).toBe('kontanthjaelp');
    expect(toCopenhagenCategory('FLEXJOB')).toBe('pension_fleksjob');
    expect(toCopenhagenCategory('EMIGRATED')).toBe('selvforsoergelse_udflyttet');
    expect(new Set(outcomeCategories.map(toCopenhagenCategory)).size).toBe(6);
  });
  it('applies the precedence: employment before cash benefit; nothing → self-supporting', () => {
    expect(pickByPrecedence(['CASH_BENEFIT_SAME', 'ORDINARY_EMPLOYMENT'])).toBe('ORDINARY_EMPLOYMENT');
    expect(pickByPrecedence([])).toBe('SELF_SUPPORTING_OTHER');
  });
});
