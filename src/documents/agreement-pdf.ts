/**
 * Renders the written agreement as an A4 PDF with pdfkit's built-in Helvetica (WinAnsi covers æ, ø, å).
 * Only the masked CPR is printed (R-PRV-3).
 */
import PDFDocument from 'pdfkit';
import type { AgreementDocument } from '../domain/agreement-document.ts';
import { formatInstantDate } from '../domain/danish-format.ts';

export function renderAgreementPdf(doc: AgreementDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: { top: 60, bottom: 60, left: 64, right: 64 },
      info: { Title: doc.title, Author: doc.municipalityName, Subject: `Mentorstøtte, bevilling ${doc.grantId}` },
      lang: 'da-DK',
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);

    pdf.font('Helvetica').fontSize(10).fillColor('#444444').text(doc.municipalityName, { align: 'right' });
    pdf.moveDown(1.5);
    pdf.font('Helvetica-Bold').fontSize(20).fillColor('#000000').text(doc.title);
    pdf.font('Helvetica').fontSize(11).text(`${doc.citizen.name}, CPR ${doc.citizen.cprMasked}`);
    pdf.moveDown();
    for (const section of doc.sections) {
      pdf.font('Helvetica-Bold').fontSize(12).text(section.heading);
      pdf.font('Helvetica').fontSize(11);
      for (const paragraph of section.paragraphs) pdf.text(paragraph, { paragraphGap: 3 });
      pdf.moveDown(0.8);
    }
    pdf.moveDown();
    pdf
      .fontSize(9)
      .fillColor('#444444')
      .text(`Bevilling nr. ${doc.grantId}${doc.approvedAt ? ` · godkendt ${formatInstantDate(doc.approvedAt)}` : ' · udkast'}`);
    pdf.end();
  });
}
