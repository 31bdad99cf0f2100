import { describe, expect, it } from 'vitest';
import { buildAgreementDocument } from '../domain/agreement-document.ts';
import { regimeOn } from '../domain/test-factories.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { pdfAccessibility, pdfText } from './test-pdf-text.ts';

describe('the written agreement (domain spec §2.1)', () => {
  // 23 Feb 2015: Søren Ærø gets a ret-og-pligt mentor, Mads Mentor, 2 Mar – 1 Sep 2015, 1,5 hours a week.
  const document = buildAgreementDocument({
    grant: {
      id: 7,
      regimeId: 'LAB-2014',
      approvedAt: '2015-02-24T10:00:00.000Z',
      type: 'RET_OG_PLIGT',
      agreedOn: '2015-02-23',
      startDate: '2015-03-02',
      endDate: '2015-09-01',
      weeklyHours: 1.5,
      goal: 'Større trivsel og faste rutiner i hverdagen',
      tasks: ['Møder i hjemmet', 'Følge til lægen'],
      complaintGuidance: true,
    },
    citizen: { name: 'Søren Ærø', cprMasked: '120385-XXXX' },
    mentor: { name: 'Mads Mentor', phone: '+45 40 11 22 33', email: 'mads@example.dk', providerName: 'Jobcentrets mentorteam' },
    caseworker: { name: 'Sara Holm' },
    municipality: {
      name: 'Demo Kommune',
      organisationLabel: 'jobcenter',
      contactPhone: '+45 70 12 34 56',
      contactEmail: 'jobcenter@demo-kommune.dk',
    },
    regime: regimeOn('2015-02-23'),
  });

  it('holds the six mandatory parts in Danish', () => {
    const headings = document.sections.map((s) => s.heading);
    expect(headings).toEqual(
      expect.arrayContaining(['Målet med mentorstøtten', 'Mentor', 'Mentors opgaver', 'Varighed', 'Timeantal', 'Klagevejledning']),
    );
    const text = JSON.stringify(document);
    expect(text).toContain('02.03.2015');
    expect(text).toContain('01.09.2015');
    expect(text).toContain('1,5 timer om ugen');
    expect(text).toContain('4 uger');
    expect(text).toContain('Ankestyrelsen');
    expect(text).toContain('+45 40 11 22 33');
  });

  it('renders a PDF whose text keeps æ, ø and å and shows only the masked CPR', async () => {
    const pdf = await renderAgreementPdf(document);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Aftale om mentorstøtte');
    expect(text).toContain('Søren Ærø');
    expect(text).toContain('Målet med mentorstøtten');
    expect(text).toContain('Følge til lægen');
    expect(text).toContain('120385-XXXX');
  });

  it('names the caseworker with the authority’s phone and e-mail, and has date and signature lines for citizen and caseworker (issue 14)', async () => {
    const text = await pdfText(await renderAgreementPdf(document));
    expect(text).toContain(
      'Din sagsbehandler\nSara Holm, Jobcenter Demo Kommune\nTelefon: +45 70 12 34 56\nE-mail: jobcenter@demo-kommune.dk',
    );
    expect(text).toContain('Underskrifter\nDato Underskrift, borger (Søren Ærø)\nDato Underskrift, sagsbehandler (Sara Holm)');
  });

  it('writes every date as dd.mm.yyyy, the approval in Danish time, with no internal marker (issue 14)', async () => {
    // Approved 23 Feb 2015 at 23:30 UTC = 24 Feb 00:30 in Copenhagen.
    const late = { ...document, approvedAt: '2015-02-23T23:30:00.000Z' };
    const text = await pdfText(await renderAgreementPdf(late));
    expect(text).toContain('Bevilling nr. 7 · godkendt 24.02.2015');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/LAB-2014|RET_OG_PLIGT|\[U\]|R-[A-Z]{3}-\d/);
  });

  it('is a tagged PDF in Danish: marked, a structure tree with headings and paragraphs, language and title (issue 14)', async () => {
    const accessibility = await pdfAccessibility(await renderAgreementPdf(document));
    expect(accessibility).toMatchObject({
      marked: true,
      hasStructTreeRoot: true,
      lang: 'da-DK',
      title: 'Aftale om mentorstøtte',
      displaysTitle: true,
    });
    expect(accessibility.roles.slice(0, 4)).toEqual(['Document', 'P', 'H1', 'P']);
    // One H2 per section plus the signature block.
    expect(accessibility.roles.filter((r) => r === 'H2')).toHaveLength(document.sections.length + 1);
  });

  it('keeps a draft’s footer free of dates and says it is not approved', async () => {
    const text = await pdfText(await renderAgreementPdf({ ...document, approvedAt: null }));
    expect(text).toContain('Bevilling nr. 7 · udkast, ikke godkendt');
  });
});
