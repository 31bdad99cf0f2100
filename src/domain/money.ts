/**
 * Amounts in Danish kroner (issue 4): computed as plain numbers and rounded to øre (2 decimals) only
 * where they leave the domain, so that sums of rounded parts do not drift.
 */
export function roundKr(amountKr: number): number {
  return Math.round((amountKr + Math.sign(amountKr) * Number.EPSILON) * 100) / 100;
}

/** Hours and shares are reported with 2 decimals too. */
export const roundHours = roundKr;

/** Percent with one decimal, e.g. 10 % above the frame → 10. */
export function roundPercent(percent: number): number {
  return Math.round(percent * 10) / 10;
}
