/**
 * Register code mappings (issue 5 point 1): a table that turns a register's weekly codes into the outcome
 * categories of domain spec §4.2. Two ship with the system and are stored per municipality:
 * - `dst`: the DST 3-digit socio-economic classification, verified (§4.5 a, E38) — the default;
 * - `dream`: a DREAM template from §4.4, every line [U] (not verified against STAR's code list), so an
 *   import with it carries a warning until an admin uploads a verified list as a custom mapping.
 * Custom mappings are uploaded as CSV `code;category` (validated: a known §4.2 category, each code once).
 */
import { csvLines, detectSeparator, splitCsvLine, type CsvSeparator } from './csv.ts';
import { dstMapping, outcomeCategories, type CodeMapping, type OutcomeCategory } from './outcome-categories.ts';

export const builtInMappingKeys = ['dst', 'dream'] as const;
export type BuiltInMappingKey = (typeof builtInMappingKeys)[number];

export type MappingDefinition = {
  key: BuiltInMappingKey;
  name: string;
  verified: boolean;
  sourceNote: string;
  codes: CodeMapping;
};

function range(from: number, to: number, category: OutcomeCategory): CodeMapping {
  const codes: CodeMapping = {};
  for (let code = from; code <= to; code += 1) codes[String(code)] = category;
  return codes;
}

/**
 * §4.4: "a recollection of ranges commonly used in Danish register research; every line is [U]". Codes
 * the section gives no category for (881 maternity benefit, the 7xx cash-benefit ranges, 997–999) are
 * left out on purpose: an extract that has them fails with line errors instead of guessing.
 */
const dreamTemplateCodes: CodeMapping = {
  ...range(111, 115, 'UNEMPLOYMENT_INSURANCE'),
  ...range(121, 124, 'UNEMPLOYMENT_INSURANCE'),
  ...range(611, 623, 'OLD_AGE_PENSION'),
  ...range(651, 652, 'EDUCATION'),
  '783': 'DISABILITY_PENSION',
  ...range(890, 899, 'SICKNESS_BENEFIT'),
};

export const builtInMappings: Record<BuiltInMappingKey, MappingDefinition> = {
  dst: {
    key: 'dst',
    name: 'DST socioøkonomisk status (3 cifre)',
    verified: true,
    sourceNote: 'Domain spec §4.5 (a): DST 3-digit socio-economic status classification, file fi=52899103277 [E38]; verified.',
    codes: dstMapping,
  },
  dream: {
    key: 'dream',
    name: 'DREAM-skabelon (IKKE VERIFICERET)',
    verified: false,
    sourceNote:
      "Domain spec §4.4: unverified recollection of DREAM code ranges, every line [U]. Replace with the authoritative list from STAR's DREAM documentation before use.",
    codes: dreamTemplateCodes,
  },
};

export function isBuiltInMappingKey(text: string): text is BuiltInMappingKey {
  return (builtInMappingKeys as readonly string[]).includes(text);
}

/** The warning an import with an unverified mapping reports (§4.4: every DREAM line is [U]). */
export function unverifiedMappingWarning(name: string): string {
  return `The mapping '${name}' is not verified (domain spec §4.4 [U]); outcome categories from it must be checked before use`;
}

/**
 * A register import in which no line's CPR number belongs to a citizen of the case system stored nothing
 * useful (issue 14): most likely the wrong municipality's extract, or CPR numbers in another format.
 */
export const noCitizenMatchedWarning =
  'No citizen in the file matched a citizen of the case system; nothing was stored for any citizen. Check that the extract is for this municipality.';

export type MappingLineError = { line: number; message: string };
export type ParsedMapping = { ok: true; codes: CodeMapping } | { ok: false; errors: MappingLineError[] };

const categorySet = new Set<string>(outcomeCategories);

/**
 * A custom mapping is CSV `code;category` (comma or semicolon, optional header line
 * `code;category`); every category must be one of §4.2 and every code may appear once. Returns every
 * bad line (the first 100) with its number.
 */
export function parseMappingCsv(text: string): ParsedMapping {
  const errors: MappingLineError[] = [];
  const codes: CodeMapping = {};
  const firstLine: Record<string, number> = {};
  let separator: CsvSeparator | null = null;
  const fail = (line: number, message: string) => {
    if (errors.length < 100) errors.push({ line, message });
  };
  for (const { text: raw, line: lineNumber } of csvLines(text)) {
    separator ??= detectSeparator(raw);
    const fields = splitCsvLine(raw, separator);
    if (fields === null) {
      fail(lineNumber, 'a quote is not closed');
      continue;
    }
    if (fields.length === 2 && fields[0]!.toLowerCase() === 'code' && fields[1]!.toLowerCase() === 'category') continue;
    const [code, category] = fields as [string, string];
    if (fields.length !== 2) fail(lineNumber, `expected 2 fields (code;category), found ${fields.length}`);
    else if (code === '') fail(lineNumber, 'the code is empty');
    else if (!categorySet.has(category)) fail(lineNumber, `unknown category '${category}' (one of ${outcomeCategories.join(', ')})`);
    else if (firstLine[code] !== undefined) fail(lineNumber, `duplicate code '${code}' (first on line ${firstLine[code]})`);
    else {
      firstLine[code] = lineNumber;
      codes[code] = category as OutcomeCategory;
    }
  }
  if (errors.length === 0 && Object.keys(codes).length === 0) errors.push({ line: 1, message: 'the mapping has no codes' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, codes };
}
