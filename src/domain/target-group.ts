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

export const targetGroupLabels: Record<TargetGroupCode, { da: string; lab2014: string | null; lab2020: string | null }> = {
  dagpenge: { da: 'Dagpengemodtager', lab2014: '§ 2, nr. 1', lab2020: '§ 6, nr. 1' },
  kontanthjaelp_jobparat: { da: 'Jobparat kontanthjælpsmodtager', lab2014: '§ 2, nr. 2', lab2020: '§ 6, nr. 2' },
  kontanthjaelp_aktivitetsparat: { da: 'Aktivitetsparat kontanthjælpsmodtager', lab2014: '§ 2, nr. 3', lab2020: '§ 6, nr. 3' },
  uddannelseshjaelp_uddannelsesparat: { da: 'Uddannelsesparat uddannelseshjælpsmodtager', lab2014: '§ 2, nr. 12', lab2020: '§ 6, nr. 4' },
  uddannelseshjaelp_aktivitetsparat: { da: 'Aktivitetsparat uddannelseshjælpsmodtager', lab2014: '§ 2, nr. 13', lab2020: '§ 6, nr. 5' },
  sygedagpenge: { da: 'Sygedagpengemodtager', lab2014: '§ 2, nr. 5', lab2020: '§ 6, nr. 6' },
  // [U] numbering of jobafklaring and ressourceforløb before 2020 (spec §1.4).
  jobafklaring: { da: 'Jobafklaringsforløb', lab2014: '§ 2, nr. 14 [U]', lab2020: '§ 6, nr. 7' },
  ressourceforloeb: { da: 'Ressourceforløb', lab2014: '§ 2, nr. 15 [U]', lab2020: '§ 6, nr. 8' },
  fleksjob_ledighedsydelse: { da: 'Fleksjobvisiteret / ledighedsydelse', lab2014: '§ 2, nr. 7', lab2020: '§ 6, nr. 9' },
  revalidering: { da: 'Revalidering / forrevalidering', lab2014: '§ 2, nr. 4', lab2020: '§ 6, nr. 10' },
  foertidspension: { da: 'Førtidspensionist', lab2014: '§ 2, nr. 6', lab2020: '§ 6, nr. 11' },
  // [U] order of § 2 nr. 8–10 and § 6 nr. 12 (spec §1.4).
  selvforsoergende: { da: 'Selvforsørgende ledig', lab2014: '§ 2, nr. 8–10 [U]', lab2020: '§ 6, nr. 12 [U]' },
  beskaeftiget: { da: 'I beskæftigelse', lab2014: null, lab2020: null },
  under_uddannelse: { da: 'Under ordinær uddannelse', lab2014: null, lab2020: null },
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
