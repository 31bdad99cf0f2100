/**
 * Passive citizens (STAR 2017, seed S1): on a date, citizens in the cash-benefit, education-benefit and
 * resource-course groups who in the preceding 12 months (configurable) had neither an active offer nor
 * a mentor. STAR measured the complement — the share with an offer or mentor as the only effort rose
 * from 45 % to 51 % — and found 17,000 passive all of 2015.
 */
import { ageOn, type CalendarDate } from './calendar-date.ts';
import type { TargetGroupCode } from './target-group.ts';

export const passiveTargetGroups: TargetGroupCode[] = [
  'kontanthjaelp_jobparat',
  'kontanthjaelp_aktivitetsparat',
  'uddannelseshjaelp_uddannelsesparat',
  'uddannelseshjaelp_aktivitetsparat',
  'ressourceforloeb',
];

export type PassiveCandidate = {
  citizenId: number;
  group: TargetGroupCode;
  birthDate: CalendarDate;
  hadMentor: boolean;
  hadOffer: boolean;
};

export type PassiveCell = { key: string; total: number; passive: number; sharePassive: number | null; shareWithEffort: number | null };

export function ageBand(birthDate: CalendarDate, on: CalendarDate): 'under30' | '30-39' | '40-49' | '50+' {
  const age = ageOn(birthDate, on);
  return age < 30 ? 'under30' : age < 40 ? '30-39' : age < 50 ? '40-49' : '50+';
}

export function summarisePassiveCitizens(
  candidates: PassiveCandidate[],
  date: CalendarDate,
): { byGroup: PassiveCell[]; byAgeBand: PassiveCell[]; total: PassiveCell } {
  const cell = (key: string, members: PassiveCandidate[]): PassiveCell => {
    const passive = members.filter((c) => !c.hadMentor && !c.hadOffer).length;
    return {
      key,
      total: members.length,
      passive,
      sharePassive: members.length > 0 ? passive / members.length : null,
      shareWithEffort: members.length > 0 ? 1 - passive / members.length : null,
    };
  };
  const groupBy = (keyOf: (c: PassiveCandidate) => string, keys: string[]) =>
    keys.map((k) =>
      cell(
        k,
        candidates.filter((c) => keyOf(c) === k),
      ),
    );
  return {
    byGroup: groupBy((c) => c.group, passiveTargetGroups),
    byAgeBand: groupBy((c) => ageBand(c.birthDate, date), ['under30', '30-39', '40-49', '50+']),
    total: cell('total', candidates),
  };
}
