import { describe, expect, it } from 'vitest';
import { grantDeadlines, type DeadlineGrant } from './grant-deadlines.ts';

const rop: DeadlineGrant = { id: 1, type: 'RET_OG_PLIGT', status: 'approved', endDate: '2015-09-01', actualEndDate: null, endReason: null };
const base = { followUpStarts: [], warningDays: 30, graceDays: 14 };

describe('deadlines around the end of a period', () => {
  it('warns 30 days before the planned end of 1 Sep 2015', () => {
    expect(grantDeadlines({ ...base, grant: rop, today: '2015-08-10' })).toEqual([
      { kind: 'period_ending', daysLeft: 22, dueDate: '2015-09-01' },
    ]);
    expect(grantDeadlines({ ...base, grant: rop, today: '2015-07-01' })).toEqual([]);
  });

  it('marks the decision overdue after the end, and R-ROP-4 once the grace period has passed', () => {
    const items = grantDeadlines({ ...base, grant: rop, today: '2015-09-20' });
    expect(items.map((i) => i.kind)).toEqual(['decision_overdue', 'follow_up_missing']);
    expect(items[1]).toMatchObject({ dueDate: '2015-09-15', finding: { rule: 'R-ROP-4' } });
  });

  it('R-ROP-4 is satisfied by an offer or new period starting within 14 days of the end', () => {
    const ended = { ...rop, status: 'ended' as const, actualEndDate: '2015-09-01', endReason: 'PLANNED_END' };
    expect(grantDeadlines({ ...base, grant: ended, today: '2015-10-01', followUpStarts: ['2015-09-14'] })).toEqual([]);
    expect(grantDeadlines({ ...base, grant: ended, today: '2015-10-01', followUpStarts: ['2015-09-20'] }).map((i) => i.kind)).toEqual([
      'follow_up_missing',
    ]);
  });

  it('does not apply R-ROP-4 to a general mentor or an early end for leaving the target group', () => {
    expect(
      grantDeadlines({
        ...base,
        grant: { ...rop, type: 'GENERAL', status: 'ended', actualEndDate: '2015-09-01', endReason: 'PLANNED_END' },
        today: '2015-10-01',
      }),
    ).toEqual([]);
    expect(
      grantDeadlines({
        ...base,
        grant: { ...rop, status: 'ended', actualEndDate: '2015-05-01', endReason: 'LEFT_TARGET_GROUP' },
        today: '2015-10-01',
      }),
    ).toEqual([]);
  });
});
