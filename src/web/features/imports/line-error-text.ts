/**
 * A bad line of an import in the reader's language, from the server's `{ code, params }`
 * (domain/import-line-error.ts); the offending value is kept. The Danish words live here, the English
 * ones are the API's own messages (`englishLineErrorWords`).
 */
import type { Language } from '../../app/i18n.tsx';
import { englishLineErrorWords, type LineErrorCode, type LineErrorWords } from '../../../domain/import-line-error.ts';

const words: Record<Language, LineErrorWords> = {
  da: {
    FIELD_COUNT: ({ expected, found }) => `forventede ${expected} felter, fandt ${found}`,
    INVALID_CPR: ({ cprStart }) => `ugyldigt CPR-nummer '${cprStart}…'`,
    INVALID_ISO_WEEK: ({ value }) => `'${value}' er ikke en ISO-uge som 2015-W07`,
    UNKNOWN_CODE: ({ code, mapping }) => `ukendt kode '${code}' i kodeoversættelsen ${mapping}`,
    SOURCE_BROKE_OFF: ({ afterLine }) =>
      afterLine === null
        ? 'filen blev afbrudt, før den var læst til ende'
        : `filen blev afbrudt efter linje ${afterLine} og blev ikke læst til ende`,
  },
  en: englishLineErrorWords,
};

/** Whole-import failures recorded as line 0 (the job queue gave up, the stored input was lost). */
const importFailures: Record<Language, Record<string, string>> = {
  da: {
    INTERRUPTED: 'Indlæsningen blev afbrudt, før den var færdig; intet blev indlæst. Start den igen.',
    FAILED: 'Indlæsningen fejlede uventet; intet blev indlæst. Start den igen.',
  },
  en: {
    INTERRUPTED: 'The import was interrupted before it finished; nothing was imported. Start it again.',
    FAILED: 'The import failed unexpectedly; nothing was imported. Start it again.',
  },
};

export type ImportLineErrorAnswer = { line: number; message: string; code?: string; params?: Record<string, unknown> };

export function lineErrorText(language: Language, error: ImportLineErrorAnswer): string {
  const { code, params } = error;
  if (code && code in words[language] && params) {
    const say = words[language][code as LineErrorCode] as (p: Record<string, unknown>) => string;
    return say(params);
  }
  if (code && importFailures[language][code]) return importFailures[language][code];
  return legacyLineErrorText(language, error.message);
}

/**
 * Imports stored before the register import recorded `lineError(…)` (domain/import-line-error.ts) carry
 * only the English sentence: the four sentences are recognised here; anything else is "cannot be read".
 */
function legacyLineErrorText(language: Language, message: string): string {
  if (language === 'en') return message;
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^unknown code '(.*)' in the (.*) mapping$/, (m) => words.da.UNKNOWN_CODE({ code: m[1]!, mapping: m[2]! })],
    [/^'(.*)' is not an ISO week like 2015-W07$/, (m) => words.da.INVALID_ISO_WEEK({ value: m[1]! })],
    [/^invalid CPR '(.*)…'$/, (m) => words.da.INVALID_CPR({ cprStart: m[1]! })],
    [/^expected (\d+) fields, found (\d+)$/, (m) => words.da.FIELD_COUNT({ expected: Number(m[1]), found: Number(m[2]) })],
  ];
  for (const [pattern, text] of patterns) {
    const m = pattern.exec(message);
    if (m) return text(m);
  }
  return 'linjen kan ikke læses';
}
