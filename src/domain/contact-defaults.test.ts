import { describe, expect, it } from 'vitest';
import { nextContactDefaults } from './contact-defaults.ts';

describe('defaults for the next contact', () => {
  it('takes the form and length of the most recent contact, whatever the order given', () => {
    // Nov–Dec 2026: a phone call on 24 Nov, then a 45-minute physical meeting on 2 Dec.
    const contacts = [
      { at: '2026-12-02T09:30:00.000Z', form: 'physical' as const, minutes: 45 },
      { at: '2026-11-24T09:30:00.000Z', form: 'phone' as const, minutes: 15 },
    ];
    expect(nextContactDefaults(contacts)).toEqual({ form: 'physical', minutes: 45, confirmation: null });
    expect(nextContactDefaults([...contacts].reverse())).toEqual({ form: 'physical', minutes: 45, confirmation: null });
  });

  it('compares instants, not text with different offsets', () => {
    // 3 Dec 2026 00:30 Danish time is 2 Dec 23:30 UTC — later than 2 Dec 23:00 UTC.
    const contacts = [
      { at: '2026-12-03T00:30:00+01:00', form: 'video' as const, minutes: 30 },
      { at: '2026-12-02T23:00:00Z', form: 'phone' as const, minutes: 20 },
    ];
    expect(nextContactDefaults(contacts).form).toBe('video');
  });

  it('starts a grant without contacts with a physical meeting of an hour', () => {
    expect(nextContactDefaults([])).toEqual({ form: 'physical', minutes: 60, confirmation: null });
  });
});
