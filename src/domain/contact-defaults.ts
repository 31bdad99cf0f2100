/**
 * Defaults for the next contact a mentor logs (issue 14): the form and length of the grant's most recent
 * contact — a mentor who meets a citizen for an hour each week logs the next meeting with two taps — or a
 * physical meeting of an hour when there is none. The citizen's confirmation is never a default: it is
 * given by the citizen each time, and a pre-selected one would invent confirmed hours that feed R-DEL-1
 * and the invoice reconciliation (domain spec §3.3).
 */
import type { ContactForm } from './legal-regime.ts';

/** Minutes when the grant has no contact yet: one hour, the most common meeting. */
export const defaultContactMinutes = 60;

export type ContactDefaults = { form: ContactForm; minutes: number; confirmation: null };

export function nextContactDefaults(contacts: readonly { at: string; form: ContactForm; minutes: number }[]): ContactDefaults {
  const latest = contacts.reduce<(typeof contacts)[number] | null>(
    (last, c) => (last === null || Date.parse(c.at) > Date.parse(last.at) ? c : last),
    null,
  );
  return { form: latest?.form ?? 'physical', minutes: latest?.minutes ?? defaultContactMinutes, confirmation: null };
}
