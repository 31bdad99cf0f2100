import { describe, expect, it } from 'vitest';
import { danishMonthAndYear, danishShortMonth } from './calendar-month.ts';
import { formatAxisKr, scaleSpendChart } from './spend-chart-scale.ts';

describe('the economy chart scale (issue 14)', () => {
  const budget = { key: 'budget', label: 'Budget', amountKr: 10_200_000 };
  const ceiling = { key: 'ceiling', label: 'Loft', amountKr: 24_914_700 };

  it('follows spend and forecast, and puts a budget far above them off the scale', () => {
    // Dec 2026 demo: 46 t.kr. spent, forecast high 61 t.kr., budget 10.2 M kr., ceiling 24.9 M kr.
    const scale = scaleSpendChart({ dataKr: [12_000, 46_000, 61_000], references: [budget, ceiling] });
    expect(scale.maxKr).toBeGreaterThanOrEqual(61_000);
    expect(scale.maxKr).toBeLessThan(100_000);
    expect(scale.onScale).toEqual([]);
    expect(scale.offScale.map((r) => r.key)).toEqual(['budget', 'ceiling']);
    expect(scale.ticksKr[0]).toBe(0);
    expect(scale.ticksKr.at(-1)).toBe(scale.maxKr);
  });

  it('draws a limit near the data as a line and stretches the axis to it', () => {
    const scale = scaleSpendChart({ dataKr: [8_000_000, 9_000_000], references: [budget, ceiling] });
    expect(scale.onScale.map((r) => r.key)).toEqual(['budget']);
    expect(scale.offScale.map((r) => r.key)).toEqual(['ceiling']);
    expect(scale.maxKr).toBeGreaterThanOrEqual(budget.amountKr);
  });

  it('ignores a limit of 0 kr. (no refund frame after 2019)', () => {
    const scale = scaleSpendChart({ dataKr: [5_000], references: [{ key: 'frame', label: 'Ramme', amountKr: 0 }] });
    expect(scale.onScale).toEqual([]);
    expect(scale.offScale).toEqual([]);
  });

  it('uses the lowest limit for the axis when nothing is spent or forecast', () => {
    const scale = scaleSpendChart({ dataKr: [0, 0], references: [budget] });
    expect(scale.onScale.map((r) => r.key)).toEqual(['budget']);
    expect(scale.maxKr).toBeGreaterThanOrEqual(budget.amountKr);
  });

  it('writes months and amounts in Danish', () => {
    expect(['2026-01', '2026-05', '2026-12'].map(danishShortMonth)).toEqual(['jan.', 'maj', 'dec.']);
    expect(danishMonthAndYear('2026-10')).toBe('oktober 2026');
    expect(formatAxisKr(46_000)).toBe('46 t.kr.');
    expect(formatAxisKr(10_200_000)).toBe('10,2 mio. kr.');
    expect(formatAxisKr(500)).toBe('500 kr.');
  });
});
