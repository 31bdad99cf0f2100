/**
 * CPR numbers (Danish personal identification numbers): format, birth date and masking.
 * The century comes from the 7th digit (CPR office rules); the modulus-11 check is not required since
 * 2007, so it is not enforced. R-PRV-3: CPR is shown masked (`DDMMYY-XXXX`) unless strictly necessary.
 */

export type CprParseResult = { ok: true; cpr: string; birthDate: string } | { ok: false; reason: 'format' | 'date' };

/** Accepts `DDMMYYSSSS` or `DDMMYY-SSSS`; returns the 10 digits and the birth date. */
export function parseCpr(input: string): CprParseResult {
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(input.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const year = centuryFor(Number(yy), Number(serial[0])) + Number(yy);
  const birthDate = `${year}-${mm}-${dd}`;
  // A real calendar day (arithmetic, not Date: the register import checks a million of these).
  const month = Number(mm);
  const day = Number(dd);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (month < 1 || month > 12 || day < 1 || day > monthDays) return { ok: false, reason: 'date' };
  return { ok: true, cpr: `${dd}${mm}${yy}${serial}`, birthDate };
}

function centuryFor(yy: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** R-PRV-3: `0101901234` → `010190-XXXX`. */
export function maskCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-XXXX`;
}
