/**
 * Renders the written agreement as an A4 PDF with pdfkit's built-in Helvetica (WinAnsi covers æ, ø, å;
 * the text passes through winAnsiText). Only the masked CPR is printed (R-PRV-3).
 *
 * A document from a public authority must be accessible (issue 14), so the PDF is tagged: a structure
 * tree (Document → H1, P, Sect with H2 and P, the signature block as a Sect), document language da-DK,
 * the title shown as the window title; signature and date lines are drawn as layout artifacts, their
 * labels are text. Dates are written dd.mm.yyyy throughout.
 */
import { renderPdf, taggedPdfOptions } from './render-pdf.ts';
import type { AgreementDocument, AgreementSignature } from '../domain/agreement-document.ts';
import { formatInstantDate } from '../domain/danish-format.ts';
import { winAnsiText } from './win-ansi-text.ts';

const marginLeft = 64;
const contentWidth = 595.28 - 2 * marginLeft;

export function renderAgreementPdf(doc: AgreementDocument): Promise<Uint8Array> {
  return renderPdf(
    {
      size: 'A4',
      margins: { top: 60, bottom: 60, left: marginLeft, right: marginLeft },
      info: { Title: doc.title, Author: doc.municipalityName, Subject: `Mentorstøtte, bevilling ${doc.grantId}` },
      lang: 'da-DK',
      ...taggedPdfOptions,
    },
    (pdf) => {
      const root = pdf.struct('Document');
      pdf.addStructure(root);
      /** Adds a tagged element to `parent` whose content is what `draw` puts on the page. */
      const tagged = (parent: PDFKit.PDFStructureElement, type: string, draw: () => void) => parent.add(pdf.struct(type, {}, draw));

      tagged(root, 'P', () =>
        pdf.font('Helvetica').fontSize(10).fillColor('#444444').text(winAnsiText(doc.municipalityName), { align: 'right' }),
      );
      pdf.moveDown(1.5);
      tagged(root, 'H1', () => pdf.font('Helvetica-Bold').fontSize(20).fillColor('#000000').text(winAnsiText(doc.title)));
      tagged(root, 'P', () =>
        pdf
          .font('Helvetica')
          .fontSize(11)
          .text(winAnsiText(`${doc.citizen.name}, CPR ${doc.citizen.cprMasked}`)),
      );
      pdf.moveDown();
      for (const section of doc.sections) {
        const sect = pdf.struct('Sect');
        root.add(sect);
        tagged(sect, 'H2', () => pdf.font('Helvetica-Bold').fontSize(12).text(winAnsiText(section.heading)));
        for (const paragraph of section.paragraphs)
          tagged(sect, 'P', () => pdf.font('Helvetica').fontSize(11).text(winAnsiText(paragraph), { paragraphGap: 3 }));
        sect.end();
        pdf.moveDown(0.8);
      }
      if (doc.signatures && doc.signatures.length > 0) drawSignatures(pdf, root, doc.signatures);
      pdf.moveDown();
      const status = doc.approvedAt ? `godkendt ${formatInstantDate(doc.approvedAt)}` : 'udkast, ikke godkendt';
      tagged(root, 'P', () =>
        pdf
          .font('Helvetica')
          .fontSize(9)
          .fillColor('#444444')
          .text(winAnsiText(`Bevilling nr. ${doc.grantId} · ${status}`)),
      );
      root.end();
    },
  );
}

/**
 * Issue 14: a date line and a signature line for each party, side by side, the name under the line.
 * The lines are layout artifacts (not read aloud); "Dato" and "Underskrift, <party>" are the text.
 */
function drawSignatures(pdf: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, signatures: AgreementSignature[]): void {
  const blockHeight = 20 + signatures.length * 62;
  if (pdf.y + blockHeight > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  const sect = pdf.struct('Sect');
  root.add(sect);
  sect.add(
    pdf.struct('H2', {}, () => pdf.font('Helvetica-Bold').fontSize(12).fillColor('#000000').text('Underskrifter', marginLeft, pdf.y)),
  );
  const dateWidth = 130;
  const gap = 24;
  const signatureX = marginLeft + dateWidth + gap;
  const signatureWidth = contentWidth - dateWidth - gap;
  for (const signature of signatures) {
    const lineY = pdf.y + 34;
    pdf.markContent('Artifact', { type: 'Layout' });
    pdf
      .moveTo(marginLeft, lineY)
      .lineTo(marginLeft + dateWidth, lineY)
      .moveTo(signatureX, lineY)
      .lineTo(signatureX + signatureWidth, lineY)
      .lineWidth(0.75)
      .strokeColor('#000000')
      .stroke();
    pdf.endMarkedContent();
    const who = signature.name ? `${signature.label.toLowerCase()} (${signature.name})` : signature.label.toLowerCase();
    const labelY = lineY + 4;
    sect.add(
      pdf.struct('P', {}, () => {
        pdf.font('Helvetica').fontSize(9).fillColor('#444444');
        pdf.text('Dato', marginLeft, labelY, { width: dateWidth, lineBreak: false });
        pdf.text(winAnsiText(`Underskrift, ${who}`), signatureX, labelY, { width: signatureWidth, lineBreak: false });
      }),
    );
    pdf.x = marginLeft;
    pdf.y = labelY + 18;
  }
  sect.end();
  pdf.fillColor('#000000');
}
