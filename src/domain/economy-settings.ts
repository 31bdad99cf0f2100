/**
 * The economy's settings (issue 4; domain spec §8.3 "make them configurable"), kept in the municipality's
 * settings JSON next to the other norms and read with these defaults.
 */
import type { ValidationResult } from './legal-regime.ts';
import { settingProblemMessage, settingProblems, type SettingRule } from './setting-rules.ts';

export type EconomySettings = {
  /** R-DEL-1: invoiced hours may exceed logged hours by max(hours, share × logged) before a line is flagged. */
  invoiceToleranceHours: number;
  invoiceToleranceShare: number;
  /** Months of recent grant starts behind the forecast's start rate (spend-forecast.ts). */
  forecastLookbackMonths: number;
};

export const defaultEconomySettings: EconomySettings = {
  invoiceToleranceHours: 0.5,
  invoiceToleranceShare: 0.1,
  forecastLookbackMonths: 3,
};

export const economySettingRules: readonly SettingRule[] = [
  { field: 'invoiceToleranceHours', kind: 'number', min: 0, max: 40 },
  { field: 'invoiceToleranceShare', kind: 'number', min: 0, max: 1 },
  { field: 'forecastLookbackMonths', kind: 'integer', min: 1, max: 24 },
];

/** The economy settings of a municipality's stored settings, defaults for missing keys. */
export function economySettingsOf(stored: unknown): ValidationResult<EconomySettings> {
  const s = { ...defaultEconomySettings, ...((typeof stored === 'object' && stored !== null ? stored : {}) as Partial<EconomySettings>) };
  const errors = settingProblems(economySettingRules, s).map(settingProblemMessage);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      invoiceToleranceHours: s.invoiceToleranceHours,
      invoiceToleranceShare: s.invoiceToleranceShare,
      forecastLookbackMonths: s.forecastLookbackMonths,
    },
  };
}
