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

export type PdfAccessibility = {
  /** /MarkInfo << /Marked true >> in the catalog (a tagged PDF). */
  marked: boolean;
  /** The catalog's /Lang. */
  lang: string | null;
  /** The catalog has a /StructTreeRoot. */
  hasStructTreeRoot: boolean;
  /** The document title (Info /Title). */
  title: string | null;
  /** /ViewerPreferences << /DisplayDocTitle true >>: viewers show the title, not the file name. */
  displaysTitle: boolean;
  /** The structure roles in reading order (page 1 onwards), e.g. ['Document', 'P', 'H1', …]. */
  roles: string[];
};

/**
 * Tests only: what a screen reader gets from a PDF (issue 14): the catalog's tagging entries (read from
 * the uncompressed catalog dictionary pdfkit writes) and the structure tree through pdfjs-dist.
 */
export async function pdfAccessibility(pdf: Uint8Array): Promise<PdfAccessibility> {
  const raw = Buffer.from(pdf).toString('latin1');
  const catalog = /<<[^>]*\/Type \/Catalog[\s\S]*?>>/.exec(raw)?.[0] ?? '';
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false })
    .promise;
  try {
    const markInfo = (await document.getMarkInfo()) as { Marked?: boolean } | null;
    const metadata = (await document.getMetadata()) as { info?: { Title?: string } };
    const roles: string[] = [];
    type Node = { role?: string; children?: Node[] };
    const walk = (node: Node) => {
      if (node.role && node.role !== 'Root') roles.push(node.role);
      for (const child of node.children ?? []) walk(child);
    };
    for (let number = 1; number <= document.numPages; number++) {
      const tree = (await (await document.getPage(number)).getStructTree()) as Node | null;
      if (tree) walk(tree);
    }
    const viewerPreferences = /\/ViewerPreferences\s+(\d+) 0 R/.exec(catalog);
    const preferences = viewerPreferences
      ? (new RegExp(`\\n${viewerPreferences[1]} 0 obj\\s*<<[\\s\\S]*?>>`).exec(raw)?.[0] ?? '')
      : catalog;
    return {
      marked: markInfo?.Marked === true,
      lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1] ?? null,
      hasStructTreeRoot: /\/StructTreeRoot \d+ 0 R/.test(catalog),
      title: metadata.info?.Title ?? null,
      displaysTitle: /\/DisplayDocTitle true/.test(preferences),
      roles,
    };
  } finally {
    await document.destroy();
  }
}
