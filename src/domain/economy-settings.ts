/**
 * The economy's settings (issue 4; domain spec §8.3 "make them configurable"), kept in the municipality's
 * settings JSON next to the other norms and read with these defaults.
 */
import type { ValidationResult } from './legal-regime.ts';

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

/** The economy settings of a municipality's stored settings, defaults for missing keys. */
export function economySettingsOf(stored: unknown): ValidationResult<EconomySettings> {
  const s = { ...defaultEconomySettings, ...((typeof stored === 'object' && stored !== null ? stored : {}) as Partial<EconomySettings>) };
  const errors: string[] = [];
  if (typeof s.invoiceToleranceHours !== 'number' || s.invoiceToleranceHours < 0 || s.invoiceToleranceHours > 40) {
    errors.push('invoiceToleranceHours must be between 0 and 40');
  }
  if (typeof s.invoiceToleranceShare !== 'number' || s.invoiceToleranceShare < 0 || s.invoiceToleranceShare > 1) {
    errors.push('invoiceToleranceShare must be between 0 and 1');
  }
  if (!Number.isInteger(s.forecastLookbackMonths) || s.forecastLookbackMonths < 1 || s.forecastLookbackMonths > 24) {
    errors.push('forecastLookbackMonths must be a whole number from 1 to 24');
  }
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
