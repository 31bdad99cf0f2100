/**
 * Deadlines around the end of a period (issue 3 point 4): a warning N days before the planned end, the
 * decision due at the end (continue as a new period, move to an offer, or end), and R-ROP-4: when a
 * ret-og-pligt period reaches its planned end, a ret-og-pligt offer or a new ret-og-pligt period must
 * start within the grace period ("umiddelbart" [U], seed S2).
 */
import { addDays, compareDates, daysBetween, type CalendarDate } from './calendar-date.ts';
import { formatDate } from './danish-format.ts';
import type { Finding } from './finding.ts';

export type DeadlineGrant = {
  id: number;
  type: string;
  status: 'draft' | 'approved' | 'ended';
  endDate: CalendarDate;
  actualEndDate: CalendarDate | null;
  endReason: string | null;
};

export type DeadlineItem =
  | { kind: 'period_ending'; daysLeft: number; dueDate: CalendarDate }
  | { kind: 'decision_overdue'; daysOverdue: number; dueDate: CalendarDate }
  | { kind: 'follow_up_missing'; dueDate: CalendarDate; finding: Finding };

export function grantDeadlines(input: {
  grant: DeadlineGrant;
  /** Start dates of the citizen's later ret-og-pligt periods and ret-og-pligt offers. */
  followUpStarts: CalendarDate[];
  today: CalendarDate;
  warningDays: number;
  graceDays: number;
}): DeadlineItem[] {
  const { grant, today } = input;
  const items: DeadlineItem[] = [];
  if (grant.status === 'approved') {
    const daysLeft = daysBetween(today, grant.endDate);
    if (daysLeft >= 0 && daysLeft <= input.warningDays) items.push({ kind: 'period_ending', daysLeft, dueDate: grant.endDate });
    if (daysLeft < 0) items.push({ kind: 'decision_overdue', daysOverdue: -daysLeft, dueDate: grant.endDate });
  }
  const end = grant.actualEndDate ?? grant.endDate;
  const reachedPlannedEnd = grant.status === 'approved' ? compareDates(grant.endDate, today) < 0 : grant.endReason === 'PLANNED_END';
  if (grant.type === 'RET_OG_PLIGT' && reachedPlannedEnd) {
    const dueDate = addDays(end, input.graceDays);
    const followedUp = input.followUpStarts.some((s) => compareDates(s, end) > 0 && compareDates(s, dueDate) <= 0);
    if (!followedUp && compareDates(today, dueDate) > 0) {
      items.push({
        kind: 'follow_up_missing',
        dueDate,
        finding: {
          rule: 'R-ROP-4',
          severity: 'error',
          message: `Ret og pligt-perioden sluttede ${formatDate(end)}; senest ${formatDate(dueDate)} skulle borgeren have startet et ret og pligt-tilbud eller en ny mentorperiode.`,
          source: 'Bemærkningerne til LAB §§ 93 og 96 c: "umiddelbart" nyt tilbud eller ny periode; Københavns Kommune 2015 (S2)',
        },
      });
    }
  }
  return items;
}
