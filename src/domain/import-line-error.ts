/**
 * A bad line of an import file as a code and its values (house style: errors carry `{ code, params }`,
 * never prose to parse). The web says them in Danish or English (web/features/imports/line-error-text.ts);
 * `message` keeps the English sentence the API has always carried, for API clients and logs.
 */

/** What each line-error code carries. */
export type LineErrorParams = {
  /** The line has another number of fields than the header. */
  FIELD_COUNT: { expected: number; found: number };
  /** The first field is not a valid CPR number; only its first six characters (the birth date) are kept. */
  INVALID_CPR: { cprStart: string };
  /** A week is not an ISO week such as 2015-W07. */
  INVALID_ISO_WEEK: { value: string };
  /** A status code is not in the chosen code mapping (R-STAT-1: every code must map to a category). */
  UNKNOWN_CODE: { code: string; mapping: string };
  /** The file failed or was closed before its end (a broken upload or pipe): after this many lines, or null where not counted. */
  SOURCE_BROKE_OFF: { afterLine: number | null };
};

export type LineErrorCode = keyof LineErrorParams;

export type LineError = { [C in LineErrorCode]: { code: C; params: LineErrorParams[C]; message: string } }[LineErrorCode];

/** Each code's words, given its values. */
export type LineErrorWords = { [C in LineErrorCode]: (params: LineErrorParams[C]) => string };

/** The English sentence of each code: the API's `message`, and the English page's words. */
export const englishLineErrorWords: LineErrorWords = {
  FIELD_COUNT: ({ expected, found }) => `expected ${expected} fields, found ${found}`,
  INVALID_CPR: ({ cprStart }) => `invalid CPR '${cprStart}…'`,
  INVALID_ISO_WEEK: ({ value }) => `'${value}' is not an ISO week like 2015-W07`,
  UNKNOWN_CODE: ({ code, mapping }) => `unknown code '${code}' in the ${mapping} mapping`,
  SOURCE_BROKE_OFF: ({ afterLine }) =>
    afterLine === null ? 'the file broke off before its end' : `the file broke off after line ${afterLine}: it was not read to its end`,
};

/** A line error with its English message. */
export function lineError<C extends LineErrorCode>(code: C, params: LineErrorParams[C]): LineError {
  return { code, params, message: englishLineErrorWords[code](params) } as LineError;
}
