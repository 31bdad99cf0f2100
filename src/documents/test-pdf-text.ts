/**
 * Tests only: the text of a PDF, line by line, through pdfjs-dist (pure JavaScript) so `npm test`
 * needs no system binary such as poppler's pdftotext. Items on the same baseline are joined into one
 * line, left to right; a gap wider than a space becomes a space.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// The standard 14 fonts' metrics, which pdfkit's built-in fonts refer to (else pdfjs warns on each page).
const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

type PositionedText = { text: string; x: number; y: number; width: number };

export async function pdfText(pdf: Uint8Array): Promise<string> {
  // pdfjs detaches the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false })
    .promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        items.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width });
      }
      pages.push(linesOf(items).join('\n'));
    }
    return pages.join('\n\f');
  } finally {
    await document.destroy();
  }
}

function linesOf(items: PositionedText[]): string[] {
  const rows = new Map<number, PositionedText[]>();
  for (const item of items) {
    const key = Math.round(item.y);
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) => {
      row.sort((a, b) => a.x - b.x);
      let line = '';
      let end = -Infinity;
      for (const item of row) {
        if (line !== '' && item.x - end > 1) line += ' ';
        line += item.text;
        end = item.x + item.width;
      }
      return line;
    });
}
