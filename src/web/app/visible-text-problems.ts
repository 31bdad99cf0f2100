/**
 * What a Danish reader must never see on a page (issue 14): ISO dates and weeks, decimal points and
 * internal codes. Used by the browser journey that reads every page's visible text; pure.
 *
 * Danish formats that look alike and are allowed: dates `03.12.2026`, clock times `kl. 09.30` and
 * `09.30–10.15`, thousands dots `1.234` (always three digits after the dot), section numbers `§ 5.1` and
 * `afsnit 1.3` (in the sources rules cite). Literal file contents are shown in `<code>` and not read here.
 * A decimal point is a number, a dot and one or two digits not followed by more digits or dots
 * (`0.57`, `12.75`, `2.5`), outside those.
 */
export function visibleTextProblems(text: string): string[] {
  const problems: string[] = [];
  const around = (index: number, length: number) => text.slice(Math.max(0, index - 30), index + length + 30).replace(/\s+/g, ' ');
  for (const m of text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) problems.push(`ISO date "${m[0]}" in "${around(m.index, m[0].length)}"`);
  for (const m of text.matchAll(/\b\d{4}-W\d{2}\b/g)) problems.push(`ISO week "${m[0]}" in "${around(m.index, m[0].length)}"`);
  for (const m of text.matchAll(/(?<![\d.,§])(\d+)\.(\d{1,2})(?![\d.,])/g)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const clock = /^([01]\d|2[0-3])$/.test(m[1]!) && /^[0-5]\d$/.test(m[2]!);
    if (clock && (/kl\.\s$/.test(before) || /[–-]\s?$/.test(before) || /^\s?[–-]/.test(after))) continue;
    if (/§\s?$/.test(before) || /afsnit\s$/.test(text.slice(Math.max(0, m.index - 7), m.index))) continue;
    problems.push(`decimal point "${m[0]}" in "${around(m.index, m[0].length)}"`);
  }
  for (const m of text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) problems.push(`code "${m[0]}" in "${around(m.index, m[0].length)}"`);
  for (const m of text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) problems.push(`code "${m[0]}" in "${around(m.index, m[0].length)}"`);
  for (const m of text.matchAll(new RegExp(`\\b(?:${singleWordCodes.join('|')})\\b`, 'g')))
    problems.push(`code "${m[0]}" in "${around(m.index, m[0].length)}"`);
  return problems;
}

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
