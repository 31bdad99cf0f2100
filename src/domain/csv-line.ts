/**
 * One line of a CSV file as Danish case systems and spreadsheets write them: fields separated by `;` or
 * `,`, optionally in double quotes with "" for a quote inside; fields are trimmed. Shared by every CSV
 * boundary (case-history and invoice imports, analysts' extracts).
 */

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
