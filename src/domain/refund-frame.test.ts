import { describe, expect, it } from 'vitest';
import { overFramePercent, refundableSpend, refundInsideFrame, refundOfYear } from './refund-frame.ts';

describe('R-FIN-3 refund frame: Cabi’s worked example (seed S4)', () => {
  // 2015: "XX kommune" has a refund frame of 2.0 M kr. at 50 % and budgets 4.4 M kr. for mentors.
  const frame = { refundFrameKr: 2_000_000, refundRate: 0.5 };

  it('a frame of 2.0 M kr. at 50 % makes 4.0 M kr. of spend refundable', () => {
    expect(refundableSpend(frame)).toBe(4_000_000);
  });

  it('a budget of 4.4 M kr. is 10 % above the refundable frame', () => {
    expect(overFramePercent({ ...frame, amountKr: 4_400_000 })).toBeCloseTo(10, 10);
  });

  it('spend of 5.0 M kr. earns 2.0 M kr. refund, not 2.5 M kr.', () => {
    expect(refundInsideFrame({ ...frame, eligibleSpendKr: 5_000_000 })).toBe(2_000_000);
  });

  it('spend below the refundable amount is refunded at the rate', () => {
    expect(refundInsideFrame({ ...frame, eligibleSpendKr: 3_000_000 })).toBe(1_500_000);
  });

  it('Cabi’s "typical" municipality: a 3.5 M kr. frame and a 10.5 M kr. budget is 50 % above', () => {
    expect(overFramePercent({ refundFrameKr: 3_500_000, refundRate: 0.5, amountKr: 10_500_000 })).toBeCloseTo(50, 10);
  });

  it('has no percentage without a frame (R-FIN-4: no refund after 2019)', () => {
    expect(overFramePercent({ refundFrameKr: 0, refundRate: 0.5, amountKr: 1_000_000 })).toBeNull();
    expect(overFramePercent({ refundFrameKr: 2_000_000, refundRate: 0, amountKr: 1_000_000 })).toBeNull();
  });
});

describe('R-FIN-2 / R-FIN-3 refund of a year by refund class', () => {
  it('caps inside-frame refund at the frame, refunds outside-frame spend in full at its rate, and nothing for none', () => {
    // 2015: 5.0 M kr. for aktivitetsparat citizens (inside), 0.6 M kr. for ressourceforløb (outside), 0.4 M kr. for dagpenge (none).
    const result = refundOfYear({
      refundFrameKr: 2_000_000,
      items: [
        { refundClass: 'inside_frame', refundRate: 0.5, spendKr: 5_000_000 },
        { refundClass: 'outside_frame', refundRate: 0.5, spendKr: 600_000 },
        { refundClass: 'none', refundRate: 0, spendKr: 400_000 },
      ],
    });
    expect(result).toEqual({
      spendKr: 6_000_000,
      eligibleSpendKr: 5_600_000,
      insideFrameSpendKr: 5_000_000,
      outsideFrameSpendKr: 600_000,
      refundInsideFrameKr: 2_000_000,
      refundOutsideFrameKr: 300_000,
      refundKr: 2_300_000,
      refundLostToFrameKr: 500_000,
    });
  });
});
