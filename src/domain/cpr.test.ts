import { describe, expect, it } from 'vitest';
import { maskCpr, parseCpr } from './cpr.ts';

describe('parseCpr', () => {
  it('reads the birth date, with or without the dash', () => {
    expect(parseCpr('010190-1234')).toEqual({ ok: true, cpr: '0101901234', birthDate: '1990-01-01' });
    expect(parseCpr('0101901234')).toEqual({ ok: true, cpr: '0101901234', birthDate: '1990-01-01' });
  });

  it('takes the century from the seventh digit', () => {
    expect(parseCpr('0505054123')).toMatchObject({ birthDate: '2005-05-05' });
    expect(parseCpr('0505604123')).toMatchObject({ birthDate: '1960-05-05' });
    expect(parseCpr('0505105123')).toMatchObject({ birthDate: '2010-05-05' });
  });

  it('rejects impossible dates and wrong formats', () => {
    expect(parseCpr('310290-1234')).toEqual({ ok: false, reason: 'date' });
    expect(parseCpr('29029-12345')).toEqual({ ok: false, reason: 'format' });
    expect(parseCpr('abcdefghij')).toEqual({ ok: false, reason: 'format' });
  });

  it('knows leap days: 29 Feb in 2000 (4th digit 4) and 1996, not in 1900 or 1995; 30 days in April', () => {
    expect(parseCpr('2902004123')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseCpr('2902961234')).toMatchObject({ ok: true, birthDate: '1996-02-29' });
    expect(parseCpr('2902000123')).toEqual({ ok: false, reason: 'date' });
    expect(parseCpr('2902951234')).toEqual({ ok: false, reason: 'date' });
    expect(parseCpr('3104901234')).toEqual({ ok: false, reason: 'date' });
    expect(parseCpr('0013901234')).toEqual({ ok: false, reason: 'date' });
    expect(parseCpr('0001901234')).toEqual({ ok: false, reason: 'date' });
  });
});

describe('maskCpr (R-PRV-3)', () => {
  it('hides the serial number', () => {
    expect(maskCpr('0101901234')).toBe('010190-XXXX');
  });
});
