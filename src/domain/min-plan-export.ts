/**
 * R-AGR-2: the agreement's goal, mentor name and contact, tasks, duration and hours, as a structured
 * document for the citizen's Min Plan (VEJ nr. 9204 af 21/03/2023, E10). CPR only masked (R-PRV-3).
 */
import type { CalendarDate } from './calendar-date.ts';

export type MinPlanDocument = {
  schema: 'mentorspor.min-plan.v1';
  grantId: number;
  citizen: { name: string; cprMasked: string };
  indsats: 'mentorstøtte';
  legalBasis: string;
  goal: string;
  mentor: { name: string; phone: string | null; email: string | null; provider: string };
  tasks: string[];
  period: { start: CalendarDate; end: CalendarDate };
  weeklyHours: number;
  status: string;
  complete: boolean;
  missing: string[];
};

export function buildMinPlanDocument(input: Omit<MinPlanDocument, 'schema' | 'indsats' | 'complete' | 'missing'>): MinPlanDocument {
  const missing = [
    input.goal.trim() ? null : 'goal',
    input.mentor.name ? null : 'mentor.name',
    input.mentor.phone || input.mentor.email ? null : 'mentor.contact',
    input.tasks.length > 0 ? null : 'tasks',
    input.weeklyHours > 0 ? null : 'weeklyHours',
  ].filter((m): m is string => m !== null);
  return { schema: 'mentorspor.min-plan.v1', indsats: 'mentorstøtte', ...input, complete: missing.length === 0, missing };
}
