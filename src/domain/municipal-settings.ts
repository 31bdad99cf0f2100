/**
 * The municipality's configurable norms (domain spec §8.3). Stored as JSON on the municipality and
 * validated here; anything the sources leave uncertain [U] is a setting, not code.
 */
import type { ValidationResult } from './legal-regime.ts';

export type MunicipalSettings = {
  /** Calendar months or Copenhagen's 26 weeks per 6 months (spec §8.3). */
  monthConvention: 'calendar' | 'weeks26';
  /** R-ROP-3/R-ROP-4 [U]: "umiddelbart" — days within which the follow-up offer or new period must start. */
  retOgPligtGraceDays: number;
  /** Days before a period ends when a deadline warning appears. */
  deadlineWarningDays: number;
  /** R-STAT-1: cells with 0 < n < threshold are suppressed. */
  suppressionThreshold: number;
  /** R-PRV-1: months the access log is kept. */
  auditRetentionMonths: number;
  /** 'jobcenter' before the 2026 reform, 'kommune' after (lov 1750/2025). */
  organisationLabel: 'jobcenter' | 'kommune';
  /** R-ROP-5 [U]: ISO calendar weeks or a rolling maximum gap in days. */
  contactWeekSemantics: 'calendar_week' | 'max_gap_days';
  /** R-DEL-1: a shortfall above this share of granted hours is a finding. */
  hoursShortfallTolerance: number;
  /** The authority's phone number for citizens, printed with the caseworker on the agreement (issue 14). */
  contactPhone?: string | null;
  /** The authority's e-mail address for citizens, printed with the caseworker on the agreement (issue 14). */
  contactEmail?: string | null;
};

export const defaultMunicipalSettings: MunicipalSettings = {
  monthConvention: 'calendar',
  retOgPligtGraceDays: 14,
  deadlineWarningDays: 30,
  suppressionThreshold: 5,
  auditRetentionMonths: 6,
  organisationLabel: 'jobcenter',
  contactWeekSemantics: 'calendar_week',
  hoursShortfallTolerance: 0.2,
};

export function validateMunicipalSettings(json: unknown): ValidationResult<MunicipalSettings> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, errors: ['settings must be an object'] };
  const s = json as Record<string, unknown>;
  const errors: string[] = [];
  const oneOf = (key: string, values: string[]) => {
    if (!values.includes(s[key] as string)) errors.push(`${key} must be one of ${values.join(', ')}`);
  };
  const integer = (key: string, min: number, max: number) => {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      errors.push(`${key} must be a whole number from ${min} to ${max}`);
  };
  oneOf('monthConvention', ['calendar', 'weeks26']);
  oneOf('organisationLabel', ['jobcenter', 'kommune']);
  oneOf('contactWeekSemantics', ['calendar_week', 'max_gap_days']);
  integer('retOgPligtGraceDays', 0, 90);
  integer('deadlineWarningDays', 0, 180);
  integer('suppressionThreshold', 1, 100);
  integer('auditRetentionMonths', 1, 120);
  const tolerance = s.hoursShortfallTolerance;
  if (typeof tolerance !== 'number' || tolerance < 0 || tolerance > 1) errors.push('hoursShortfallTolerance must be between 0 and 1');
  const optionalText = (key: string, pattern: RegExp, what: string) => {
    const v = s[key];
    if (v === undefined || v === null) return;
    if (typeof v !== 'string' || v.length > 100 || !pattern.test(v)) errors.push(`${key} must be ${what}`);
  };
  optionalText('contactPhone', /^\+?[0-9][0-9 ()-]{5,29}$/, 'a phone number (digits, spaces, +, -, parentheses; 6–30 characters)');
  optionalText('contactEmail', /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}$/, 'an e-mail address');
  // Later features add their own settings; unknown keys are kept, not rejected.
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: s as unknown as MunicipalSettings };
}
