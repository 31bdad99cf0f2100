import { describe, expect, it } from 'vitest';
import { companyMentorCost, decideCompanyMentorHourlyCost, defaultMonthlyNormHours } from './company-mentor-cost.ts';

describe('R-CMP-2 company-mentor wage cost', () => {
  it('adds wage, holiday pay, pension and employer contributions into an hourly cost', () => {
    // Mar 2026: the baker's mentor earns 165 kr./hour; holiday pay 12.5 %, pension 12 %, ATP etc. 1,200 kr./month.
    const decision = decideCompanyMentorHourlyCost({
      lines: [
        { component: 'wage', amountKr: 165, per: 'hour' },
        { component: 'holiday_pay', amountKr: 20.63, per: 'hour' },
        { component: 'pension', amountKr: 19.8, per: 'hour' },
        { component: 'employer_contributions', amountKr: 1200, per: 'month' },
      ],
    });
    expect(decision.outcome).toBe('accept');
    if (decision.outcome !== 'accept') return;
    expect(decision.hourlyCostKr).toBeCloseTo(165 + 20.63 + 19.8 + 1200 / defaultMonthlyNormHours, 6);
    expect(defaultMonthlyNormHours).toBeCloseTo(160.33, 2);
    // 3 hours a week for 4 weeks.
    expect(companyMentorCost({ hourlyCostKr: 200, hours: 12 })).toBe(2400);
  });

  it.each(['overhead', 'sick_pay', 'transport_time', 'travel'])('refuses %s with an R-CMP-2 error', (component) => {
    const decision = decideCompanyMentorHourlyCost({
      lines: [
        { component: 'wage', amountKr: 165, per: 'hour' },
        { component, amountKr: 10, per: 'hour' },
      ],
    });
    expect(decision.outcome).toBe('reject');
    if (decision.outcome !== 'reject') return;
    expect(decision.findings.map((f) => f.rule)).toEqual(['R-CMP-2']);
    expect(decision.findings[0]!.message).toContain('kan ikke indgå');
  });

  it('refuses unknown kinds, duplicates, negative amounts and a cost without the wage itself', () => {
    const reject = (lines: { component: string; amountKr: number; per: 'hour' | 'month' }[]) =>
      decideCompanyMentorHourlyCost({ lines }).outcome;
    expect(
      reject([
        { component: 'wage', amountKr: 165, per: 'hour' },
        { component: 'canteen', amountKr: 5, per: 'hour' },
      ]),
    ).toBe('reject');
    expect(
      reject([
        { component: 'wage', amountKr: 165, per: 'hour' },
        { component: 'wage', amountKr: 5, per: 'hour' },
      ]),
    ).toBe('reject');
    expect(reject([{ component: 'wage', amountKr: -1, per: 'hour' }])).toBe('reject');
    expect(reject([{ component: 'pension', amountKr: 20, per: 'hour' }])).toBe('reject');
  });
});
