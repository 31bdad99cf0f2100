/**
 * R-ROP-5: a ret-og-pligt mentor has contact with the citizen at least once a week under LAB-2014
 * (agreements 2014–2015) and at least once every two weeks from LAB-2016 (S2, S4, E3, E6). The regime
 * is the one of the agreement date. Whether "week" means an ISO calendar week or a rolling maximum gap
 * is not defined in the sources [U]: the municipality chooses (`contactWeekSemantics`).
 * R-ROP-6: a contact counts when physical, or non-physical with a recorded special-circumstances
 * justification (E5). No-shows do not count.
 */
import { formatIsoWeeks, formatPeriod } from './danish-format.ts';
import { addDays, compareDates, daysBetween, isoWeekOf, minDate, mondayOf, type CalendarDate } from './calendar-date.ts';
import type { Finding } from './finding.ts';
import type { ContactForm } from './legal-regime.ts';

export type ContactFact = { date: CalendarDate; form: ContactForm; attended: boolean; justification: string | null };

export type ContactFrequencyResult = { missingWeeks: string[]; findings: (Finding & { weeks?: string[] })[] };

export function countsAsContact(contact: ContactFact, allowedForms: readonly ContactForm[]): boolean {
  return contact.attended && (allowedForms.includes(contact.form) || Boolean(contact.justification?.trim()));
}

/** R-ROP-6 at recording time: a non-physical contact under a ret-og-pligt grant needs a justification. */
export function checkContactForm(input: { grantType: string; contact: ContactFact; allowedForms: readonly ContactForm[] }): Finding[] {
  if (input.grantType !== 'RET_OG_PLIGT' || input.allowedForms.includes(input.contact.form) || input.contact.justification?.trim())
    return [];
  return [
    {
      rule: 'R-ROP-6',
      severity: 'error',
      message:
        'Kontakt med en ret og pligt-mentor skal som udgangspunkt være fysisk. Telefon-, video- og beskedkontakt tæller kun, når særlige omstændigheder er begrundet.',
      source: 'Bemærkningerne til L 66 (2015-16) om kontaktform (E5)',
    },
  ];
}

export function checkContactFrequency(input: {
  period: { startDate: CalendarDate; endDate: CalendarDate };
  contacts: ContactFact[];
  intervalWeeks: number;
  semantics: 'calendar_week' | 'max_gap_days';
  allowedForms: readonly ContactForm[];
  asOf: CalendarDate;
}): ContactFrequencyResult {
  const last = minDate(input.period.endDate, input.asOf);
  if (compareDates(last, input.period.startDate) < 0) return { missingWeeks: [], findings: [] };
  const days = input.contacts
    .filter((c) => countsAsContact(c, input.allowedForms))
    .map((c) => c.date)
    .filter((d) => compareDates(d, input.period.startDate) >= 0 && compareDates(d, last) <= 0)
    .sort();
  const source = 'Bemærkningerne til LAB §§ 93 og 96 c; L 66 (2015-16): kontakt mindst hver anden uge (S2, S4, E3)';
  const interval = input.intervalWeeks;
  const frequency = interval === 1 ? 'mindst én gang om ugen' : `mindst én gang hver ${interval}. uge`;

  if (input.semantics === 'max_gap_days') {
    const maxGap = interval * 7;
    const points = [addDays(input.period.startDate, -1), ...days];
    const gaps: string[] = [];
    for (let i = 0; i < points.length; i += 1) {
      const from = points[i]!;
      const to =
        i + 1 < points.length
          ? points[i + 1]!
          : compareDates(last, input.period.endDate) === 0 && compareDates(input.asOf, input.period.endDate) >= 0
            ? addDays(last, 1)
            : null;
      if (to === null) {
        // Open end: a gap still running counts once it already exceeds the maximum.
        if (daysBetween(from, input.asOf) > maxGap) gaps.push(`${addDays(from, 1)}–${input.asOf}`);
        continue;
      }
      if (daysBetween(from, to) > maxGap) gaps.push(`${addDays(from, 1)}–${addDays(to, -1)}`);
    }
    return {
      missingWeeks: gaps,
      findings:
        gaps.length === 0
          ? []
          : [
              {
                rule: 'R-ROP-5',
                severity: 'error',
                message: `Kontakten skal ske ${frequency}; der er perioder uden kontakt på mere end ${maxGap} dage: ${gaps.map(formatGap).join(', ')}.`,
                source,
                weeks: gaps,
              },
            ],
    };
  }

  // Calendar weeks: every run of `interval` consecutive ISO weeks of the period that has ended by asOf
  // must hold a contact; the weeks of contact-free runs are reported.
  const weeks: { week: string; sunday: CalendarDate; contact: boolean }[] = [];
  const contactWeeks = new Set(days.map(isoWeekOf));
  for (let monday = mondayOf(input.period.startDate); compareDates(monday, last) <= 0; monday = addDays(monday, 7)) {
    const week = isoWeekOf(monday);
    weeks.push({ week, sunday: addDays(monday, 6), contact: contactWeeks.has(week) });
  }
  const missing = new Set<string>();
  for (let i = 0; i + interval <= weeks.length; i += 1) {
    const window = weeks.slice(i, i + interval);
    const windowEnd = window[window.length - 1]!.sunday;
    const ended =
      compareDates(windowEnd, input.asOf) <= 0 || (compareDates(input.period.endDate, input.asOf) <= 0 && i + interval === weeks.length);
    if (!ended) continue;
    if (window.every((w) => !w.contact)) for (const w of window) missing.add(w.week);
  }
  const missingWeeks = weeks.map((w) => w.week).filter((w) => missing.has(w));
  return {
    missingWeeks,
    findings:
      missingWeeks.length === 0
        ? []
        : [
            {
              rule: 'R-ROP-5',
              severity: 'error',
              message: `Kontakten skal ske ${frequency}; der mangler kontakt i ${formatIsoWeeks(missingWeeks)}.`,
              source,
              weeks: missingWeeks,
            },
          ],
  };
}

/** A gap '2015-03-11–2015-03-19' (kept as data) in words: '11.03.2015 – 19.03.2015'. */
function formatGap(gap: string): string {
  const [from, to] = gap.split('–');
  return formatPeriod(from, to);
}
