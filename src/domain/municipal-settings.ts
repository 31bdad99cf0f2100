/**
 * The municipality's configurable norms (domain spec §8.3). Stored as JSON on the municipality and
 * validated here; anything the sources leave uncertain [U] is a setting, not code.
 */
import type { ValidationResult } from './legal-regime.ts';
import { settingProblemMessage, settingProblems, type SettingRule } from './setting-rules.ts';

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

/** The limits of each setting (the rules the domain validates against). */
export const municipalSettingRules: readonly SettingRule[] = [
  { field: 'monthConvention', kind: 'oneOf', values: ['calendar', 'weeks26'] },
  { field: 'organisationLabel', kind: 'oneOf', values: ['jobcenter', 'kommune'] },
  { field: 'contactWeekSemantics', kind: 'oneOf', values: ['calendar_week', 'max_gap_days'] },
  { field: 'retOgPligtGraceDays', kind: 'integer', min: 0, max: 90 },
  { field: 'deadlineWarningDays', kind: 'integer', min: 0, max: 180 },
  { field: 'suppressionThreshold', kind: 'integer', min: 1, max: 100 },
  { field: 'auditRetentionMonths', kind: 'integer', min: 1, max: 120 },
  { field: 'hoursShortfallTolerance', kind: 'number', min: 0, max: 1 },
  {
    field: 'contactPhone',
    kind: 'optionalText',
    pattern: /^\+?[0-9][0-9 ()-]{5,29}$/,
    description: 'a phone number (digits, spaces, +, -, parentheses; 6–30 characters)',
  },
  {
    field: 'contactEmail',
    kind: 'optionalText',
    pattern: /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}$/,
    description: 'an e-mail address',
  },
];

export function validateMunicipalSettings(json: unknown): ValidationResult<MunicipalSettings> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, errors: ['settings must be an object'] };
  const s = json as Record<string, unknown>;
  const errors = settingProblems(municipalSettingRules, s).map(settingProblemMessage);
  // Later features add their own settings (economy-settings.ts); unknown keys are kept, not rejected.
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: s as unknown as MunicipalSettings };
}
