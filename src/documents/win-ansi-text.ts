/**
 * pdfkit's built-in fonts (Helvetica) encode text as WinAnsi (Windows-1252). A character outside it has
 * no glyph and prints as something else: U+2212 (minus sign) came out as a quote (`1 " andel`, issue 14).
 * Every text our PDFs print from computed strings passes through here first.
 */

/** Windows-1252's characters in 0x80–0x9F, which pdfkit maps to their glyphs. */
const windows1252Extras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const replacements: Record<string, string> = {
  '\u2212': '-', // minus sign
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2009': ' ', // thin space
  '\u202f': ' ', // narrow no-break space (Intl puts it before units in some locales)
  '\u2007': ' ', // figure space
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2248': 'ca.',
  '\u2191': '^',
  '\u2192': '->',
};

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || windows1252Extras.has(char) || char === '\n';
}

/** The text with every character the standard PDF fonts lack replaced by its nearest WinAnsi spelling. */
export function winAnsiText(text: string): string {
  let out = '';
  for (const char of text) out += isWinAnsi(char) ? char : (replacements[char] ?? '?');
  return out;
}
