/**
 * What a reader must never see on a page (issue 14): ISO dates and weeks, decimal points, internal codes
 * and request field paths (`values.cooperation`); on an English page also Danish words of the interface.
 * Used by the browser journey that reads every page's visible text; pure.
 *
 * Danish formats that look alike and are allowed: dates `03.12.2026`, clock times `kl. 09.30` and
 * `09.30–10.15`, thousands dots `1.234` (always three digits after the dot), section numbers `§ 5.1` and
 * `afsnit 1.3` (in the sources rules cite). Literal file contents are shown in `<code>` and not read here.
 * A decimal point is a number, a dot and one or two digits not followed by more digits or dots
 * (`0.57`, `12.75`, `2.5`), outside those.
 */
export function visibleTextProblems(text: string, language: 'da' | 'en' = 'da'): string[] {
  const problems: string[] = [];
  const around = (index: number, length: number) => text.slice(Math.max(0, index - 30), index + length + 30).replace(/\s+/g, ' ');
  for (const m of text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) problems.push(`ISO date "${m[0]}" in "${around(m.index, m[0].length)}"`);
  for (const m of text.matchAll(/\b\d{4}-W\d{2}\b/g)) problems.push(`ISO week "${m[0]}" in "${around(m.index, m[0].length)}"`);
  // An English page writes decimals with a point (0.29 hours), as British English does.
  const decimals = language === 'da' ? text.matchAll(/(?<![\d.,§])(\d+)\.(\d{1,2})(?![\d.,])/g) : [];
  for (const m of decimals) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const clock = /^([01]\d|2[0-3])$/.test(m[1]!) && /^[0-5]\d$/.test(m[2]!);
    if (clock && (/kl\.\s$/.test(before) || /[–-]\s?$/.test(before) || /^\s?[–-]/.test(after))) continue;
    if (/§\s?$/.test(before) || /afsnit\s$/.test(text.slice(Math.max(0, m.index - 7), m.index))) continue;
    problems.push(`decimal point "${m[0]}" in "${around(m.index, m[0].length)}"`);
  }
  for (const m of text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) problems.push(`code "${m[0]}" in "${around(m.index, m[0].length)}"`);
  for (const m of text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) problems.push(`code "${m[0]}" in "${around(m.index, m[0].length)}"`);
  // In English the lower-case codes are ordinary words ("approved", "ended").
  const codes = language === 'da' ? singleWordCodes : singleWordCodes.filter((c) => c === c.toUpperCase());
  for (const m of text.matchAll(new RegExp(`\\b(?:${codes.join('|')})\\b`, 'g')))
    problems.push(`code "${m[0]}" in "${around(m.index, m[0].length)}"`);
  for (const m of text.matchAll(new RegExp(`\\b(?:${requestObjects.join('|')})\\.\\w+(?:\\.\\w+)*`, 'g')))
    problems.push(`field path "${m[0]}" in "${around(m.index, m[0].length)}"`);
  if (language === 'en') {
    const words = new RegExp(`(?<![\\p{L}-])(?:${danishWords.join('|')})(?![\\p{L}-])`, 'gu');
    for (const m of text.matchAll(words)) {
      if (allowedDanish.some((allowed) => allowed.test(around(m.index, m[0].length)))) continue;
      problems.push(`Danish word "${m[0]}" in "${around(m.index, m[0].length)}"`);
    }
  }
  return problems;
}

/** The request objects whose paths the API reports in problems (`body.name`, `values.cooperation`, `lines.0.hours`). */
const requestObjects = [
  'body',
  'values',
  'answers',
  'lines',
  'query',
  'params',
  'confirmation',
  'trainingModules',
  'indicators',
  'questions',
];

/**
 * Danish words of the interface that an English page must not show: buttons, headings and table words,
 * chosen so that none is an English word, a demo citizen's, mentor's or provider's name, or a Danish
 * legal term that keeps its name in English (GLOSSARY.md: ret og pligt, kontanthjælp, Min Plan, …).
 * Small words such as "og" are left out: texts users wrote (a grant's goal, a note) stay Danish in any
 * language. Authored Danish the page marks as such (`lang="da"`, a rule finding's text) is not read.
 */
const danishWords = [
  'Borger',
  'Borgere',
  'Gem',
  'Annullér',
  'Tilbage',
  'Søg',
  'Vis',
  'Ingen',
  'Afslut',
  'Godkend',
  'Bevilling',
  'Bevillinger',
  'Forløb',
  'Periode',
  'Startdato',
  'Slutdato',
  'Uge',
  'Timer',
  'Tidspunkt',
  'Leverandør',
  'Leverandører',
  'Målgruppe',
  'Målgrupper',
  'Handling',
  'Bruger',
  'Brugere',
  'Næste',
  'Forrige',
  'Henter',
  'Fejl',
  'Regler',
  'Rapporter',
  'Økonomi',
  'Indstillinger',
  'Kontakter',
  'Kontaktlog',
  'Fremmøde',
  'Opret',
  'Kilde',
  'Måned',
  'Dato',
  'Beløb',
  'Ja',
  'Nej',
];

/** Danish that stays Danish on an English page: legal terms kept by GLOSSARY.md, and the ret-og-pligt mentor. */
const allowedDanish = [/ret[ -]og[ -]pligt/i, /Min Plan/, /LAB §/, /Lov nr\./];

/** Codes of one word that are no Danish word either (grant types, statuses, end reasons). */
const singleWordCodes = [
  'GENERAL',
  'COMPANY',
  'EDUCATION',
  'MOVED',
  'OTHER',
  'JOB',
  'draft',
  'approved',
  'ended',
  'running',
  'failed',
  'succeeded',
];
