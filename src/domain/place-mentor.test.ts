import { describe, expect, it } from 'vitest';
import { checkPlaceMentor, weeklyHoursPerLinkedPerson } from './place-mentor.ts';

const place = { weeklyHours: 6, startDate: '2026-03-02', endDate: '2026-08-31' };

describe('R-CMP-3 per-place mentor (pladsmentor)', () => {
  it('accepts 6 hours a week at the bakery for three linked company-mentor grants, 2 hours each in the cost', () => {
    // 2 Mar 2026: Bageriet Solsikken takes three trainees; one mentor, 6 hours a week for the place.
    const linkedGrants = [1, 2, 3].map((grantId) => ({ grantId, type: 'COMPANY' as const, status: 'approved' }));
    expect(checkPlaceMentor({ ...place, linkedGrants })).toEqual([]);
    expect(weeklyHoursPerLinkedPerson({ weeklyHours: 6, linkedCount: 3 })).toBe(2);
  });

  it('refuses a place without hours or without linked persons', () => {
    const findings = checkPlaceMentor({ ...place, weeklyHours: 0, linkedGrants: [] });
    expect(findings.map((f) => f.rule)).toEqual(['R-CMP-3', 'R-CMP-3']);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('refuses to link a ret-og-pligt grant to a company place', () => {
    const findings = checkPlaceMentor({ ...place, linkedGrants: [{ grantId: 7, type: 'RET_OG_PLIGT', status: 'approved' }] });
    expect(findings[0]!.message).toContain('Bevilling 7');
  });
});
