import { describe, expect, it } from 'vitest';
import { buildAgreementDocument, type AgreementDocument } from '../domain/agreement-document.ts';
import { findInternalMarkers, toStaffText } from '../domain/citizen-text.ts';
import { defaultLegalRegimes, type LegalRegime } from '../domain/legal-regime.ts';
import { grantTypes, type GrantType } from '../domain/mentor-grant.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { pdfText } from './test-pdf-text.ts';

/** Issue 13, "unverified means unverified": no internal marker in a document sent to a citizen. */
function agreementFor(regime: LegalRegime, type: GrantType): AgreementDocument {
  return buildAgreementDocument({
    grant: {
      id: 7,
      regimeId: regime.id,
      approvedAt: `${regime.validFrom}T10:00:00.000Z`,
      type,
      agreedOn: regime.validFrom,
      startDate: regime.validFrom,
      endDate: regime.validFrom,
      weeklyHours: 2,
      goal: 'Fast struktur i hverdagen',
      tasks: ['Møder'],
      complaintGuidance: true,
    },
    citizen: { name: 'Søren Ærø', cprMasked: '120385-XXXX' },
    mentor: { name: 'Mads Mentor', phone: '+45 40 11 22 33', email: null, providerName: 'Jobcentrets mentorteam' },
    municipality: { name: 'Demo Kommune', organisationLabel: 'jobcenter' },
    regime,
  });
}

const citizenText = (doc: AgreementDocument) =>
  [doc.title, doc.municipalityName, ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');

// A regime as stored before issue 13, whose legal bases still carry [U].
const lab2020 = defaultLegalRegimes.find((r) => r.id === 'LAB-2020')!;
const storedBeforeIssue13: LegalRegime = {
  ...lab2020,
  parameters: {
    ...lab2020.parameters,
    legalBasis: { ...lab2020.parameters.legalBasis, RET_OG_PLIGT: 'LAB § 167, stk. 1, og reglerne om ret og pligt [U]' },
  },
};

describe('the agreement sent to the citizen carries no internal marker', () => {
  for (const regime of [...defaultLegalRegimes, storedBeforeIssue13]) {
    it(`${regime.id}${regime === storedBeforeIssue13 ? ' (stored with [U])' : ''}: every mentor type`, () => {
      for (const type of grantTypes) {
        const text = citizenText(agreementFor(regime, type));
        expect(findInternalMarkers(text), `${regime.id} ${type}: ${text}`).toEqual([]);
      }
    });
  }

  it('prints "… § 167, stk. 1" without "[U]" for a 2021 ret-og-pligt agreement, also in the PDF', async () => {
    const document = agreementFor(storedBeforeIssue13, 'RET_OG_PLIGT');
    expect(citizenText(document)).toContain('efter LAB § 167, stk. 1, og reglerne om ret og pligt.');
    const text = await pdfText(await renderAgreementPdf(document));
    expect(findInternalMarkers(text)).toEqual([]);
    expect(text).not.toContain('LAB-2020');
  });

  it('the marker check finds [U], [NF], rule ids, English codes and regime ids', () => {
    expect(findInternalMarkers('ret og pligt [U], [NF], R-ROP-2, RET_OG_PLIGT, LAB-2014, REFORM-2026a')).toEqual([
      '[U]',
      '[NF]',
      'R-ROP-2',
      'RET_OG_PLIGT',
      'LAB-2014',
      'REFORM-2026a',
    ]);
  });

  it('staff see [U] and [NF] as "ikke bekræftet"', () => {
    expect(toStaffText('draft 10.602 kr. [U]; kontaktminimum [NF]')).toBe(
      'draft 10.602 kr. (ikke bekræftet); kontaktminimum (ikke bekræftet)',
    );
  });
});
