/**
 * The one way a document here becomes PDF bytes: a pdfkit document with `options`, drawn by `draw`,
 * collected into a Uint8Array when pdfkit has written it out. A throw in `draw` rejects the promise.
 */
import PDFDocument from 'pdfkit';

/** What a tagged (accessible, issue 14) PDF adds to its options: structure tree, PDF 1.7, title as window title. */
export const taggedPdfOptions = { tagged: true, displayTitle: true, pdfVersion: '1.7' } as const;

export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (pdf: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument(options);
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
    draw(pdf);
    pdf.end();
  });
}
