/**
 * CSV as Danish case systems, registers and spreadsheets write it — the one reader every import uses
 * (case history, invoices, register mappings, analysts' extracts):
 * - the separator is `;` or `,`, detected once from the header row: the one that occurs more often
 *   outside quotes (`;` on a tie, as Danish Excel writes it);
 * - fields may be in double quotes, with "" for a quote inside; fields are trimmed;
 * - a UTF-8 byte order mark before the header is ignored; lines end in LF or CRLF; blank lines are
 *   skipped but keep their place in the line numbers (1-based, as an editor shows them).
 */

export type CsvSeparator = ';' | ',';

/** One non-blank line of a file with its 1-based line number. */
export type CsvLine = { text: string; line: number };

/** Removes a leading byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator of a file, from its header row: the more frequent of `;` and `,` outside quotes (`;` on a tie). */
export function detectSeparator(headerLine: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of stripBom(headerLine)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons += 1;
    else if (!quoted && ch === ',') commas += 1;
  }
  return semicolons >= commas ? ';' : ',';
}

/** The non-blank lines of a whole file, numbered from 1, without the byte order mark. */
export function csvLines(text: string): CsvLine[] {
  const lines: CsvLine[] = [];
  stripBom(text)
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() !== '') lines.push({ text: line, line: index + 1 });
    });
  return lines;
}

/** Splits one line at `separator`, honouring "…" quotes; null when a quote is not closed. */
export function splitCsvLine(line: string, separator: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === separator) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field.trim());
  return fields;
}
