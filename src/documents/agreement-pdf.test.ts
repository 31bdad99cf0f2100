import { describe, expect, it } from 'vitest';
import { buildAgreementDocument } from '../domain/agreement-document.ts';
import { regimeOn } from '../domain/test-factories.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { pdfText } from './test-pdf-text.ts';

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
    municipality: { name: 'Demo Kommune', organisationLabel: 'jobcenter' },
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
});
