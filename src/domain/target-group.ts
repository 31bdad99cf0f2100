/**
 * Target groups (personkreds) of LAB § 2 (2014–2019) and § 6 (2020–), domain spec §1.4. The code is
 * what the caseworker records; the section numbers are for display and refund tables. Where the
 * numbering is uncertain in the spec it is marked [U].
 */
import { compareDates, type CalendarDate } from './calendar-date.ts';

export const targetGroupCodes = [
  'dagpenge',
  'kontanthjaelp_jobparat',
  'kontanthjaelp_aktivitetsparat',
  'uddannelseshjaelp_uddannelsesparat',
  'uddannelseshjaelp_aktivitetsparat',
  'sygedagpenge',
  'jobafklaring',
  'ressourceforloeb',
  'fleksjob_ledighedsydelse',
  'revalidering',
  'foertidspension',
  'selvforsoergende',
  'beskaeftiget',
  'under_uddannelse',
] as const;
export type TargetGroupCode = (typeof targetGroupCodes)[number];

export const visitationCategories = ['jobparat', 'aktivitetsparat', 'uddannelsesparat'] as const;
export type VisitationCategory = (typeof visitationCategories)[number];

export type TargetGroupSpell = {
  group: TargetGroupCode;
  visitation: VisitationCategory | null;
  from: CalendarDate;
  to: CalendarDate | null;
};

/**
 * Each target group's Danish name. The comment gives its number in LAB 2014 § 2 and LAB 2020 § 6 (spec §1.4;
 * [U] where the spec is unsure).
 */
export const targetGroupLabels: Record<TargetGroupCode, string> = {
  dagpenge: 'Dagpengemodtager', // LAB 2014 § 2, nr. 1; LAB 2020 § 6, nr. 1
  kontanthjaelp_jobparat: 'Jobparat kontanthjælpsmodtager', // LAB 2014 § 2, nr. 2; LAB 2020 § 6, nr. 2
  kontanthjaelp_aktivitetsparat: 'Aktivitetsparat kontanthjælpsmodtager', // LAB 2014 § 2, nr. 3; LAB 2020 § 6, nr. 3
  uddannelseshjaelp_uddannelsesparat: 'Uddannelsesparat uddannelseshjælpsmodtager', // LAB 2014 § 2, nr. 12; LAB 2020 § 6, nr. 4
  uddannelseshjaelp_aktivitetsparat: 'Aktivitetsparat uddannelseshjælpsmodtager', // LAB 2014 § 2, nr. 13; LAB 2020 § 6, nr. 5
  sygedagpenge: 'Sygedagpengemodtager', // LAB 2014 § 2, nr. 5; LAB 2020 § 6, nr. 6
  jobafklaring: 'Jobafklaringsforløb', // LAB 2014 § 2, nr. 14 [U]; LAB 2020 § 6, nr. 7
  ressourceforloeb: 'Ressourceforløb', // LAB 2014 § 2, nr. 15 [U]; LAB 2020 § 6, nr. 8
  fleksjob_ledighedsydelse: 'Fleksjobvisiteret / ledighedsydelse', // LAB 2014 § 2, nr. 7; LAB 2020 § 6, nr. 9
  revalidering: 'Revalidering / forrevalidering', // LAB 2014 § 2, nr. 4; LAB 2020 § 6, nr. 10
  foertidspension: 'Førtidspensionist', // LAB 2014 § 2, nr. 6; LAB 2020 § 6, nr. 11
  selvforsoergende: 'Selvforsørgende ledig', // LAB 2014 § 2, nr. 8–10 [U]; LAB 2020 § 6, nr. 12 [U]
  beskaeftiget: 'I beskæftigelse', // not a target group of either act
  under_uddannelse: 'Under ordinær uddannelse', // not a target group of either act
};

/** The spell covering `date` (inclusive ends); the latest-starting one when several overlap. */
export function findTargetGroupOn(spells: readonly TargetGroupSpell[], date: CalendarDate): TargetGroupSpell | null {
  let found: TargetGroupSpell | null = null;
  for (const spell of spells) {
    const covers = compareDates(spell.from, date) <= 0 && (spell.to === null || compareDates(date, spell.to) <= 0);
    if (covers && (found === null || compareDates(spell.from, found.from) >= 0)) found = spell;
  }
  return found;
}
