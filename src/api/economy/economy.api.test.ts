import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { daysInclusive } from '../../domain/calendar-month.ts';
import type { EconomyOverview } from '../../domain/economy-overview.ts';
import { useEconomyTestApp } from './economy-test-factories.ts';
import { pdfAccessibility, pdfText } from '../../documents/test-pdf-text.ts';
import { economyFigureNotes } from '../../domain/economy-figure-notes.ts';

/** 2 hours a week at 400 kr. an hour. */
const perDay = (2 * 400) / 7;

describe('economy through the API', () => {
  const app = useEconomyTestApp();

  describe('refund frames', () => {
    it('the manager sets the frame and budget of a year; they are listed', async () => {
      const put = await app.t.as('boss').put('/api/municipality/frames/2014', { refundFrame: 1_800_000, budget: 3_000_000 });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({ year: 2014, refundFrameKr: 1_800_000, budgetKr: 3_000_000, fullTimePersons: null });
      const list = (await app.t.as('coord').get('/api/municipality/frames')).json();
      expect(list.frames.map((x: { year: number }) => x.year)).toContain(2014);
    });

    it('answers bad input with 400 naming the field, and changes nothing', async () => {
      const negative = await app.t.as('boss').put('/api/municipality/frames/2014', { refundFrame: -1, budget: 1 });
      expect(negative.statusCode).toBe(400);
      expect(negative.json().error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'refundFrame' } });
      const missing = await app.t.as('boss').put('/api/municipality/frames/2014', { refundFrame: 1 });
      expect(missing.json().error.details.field).toBe('budget');
      const extra = await app.t.as('boss').put('/api/municipality/frames/2014', { refundFrame: 1, budget: 1, frame: 2 });
      expect(extra.json().error.details.field).toBe('frame');
      const year = await app.t.as('boss').put('/api/municipality/frames/1999', { refundFrame: 1, budget: 1 });
      expect(year.json().error.details.field).toBe('year');
      const frames = (await app.t.as('boss').get('/api/municipality/frames')).json().frames;
      expect(frames.find((x: { year: number }) => x.year === 2014)).toMatchObject({ refundFrameKr: 1_800_000, budgetKr: 3_000_000 });
    });

    it('is refused to a caseworker (403) and to anonymous callers (401)', async () => {
      expect((await app.t.as('cw').put('/api/municipality/frames/2014', { refundFrame: 1, budget: 1 })).statusCode).toBe(403);
      expect((await app.t.as('cw').get('/api/economy/2014')).statusCode).toBe(403);
      expect((await app.t.app.inject({ method: 'GET', url: '/api/economy/2014' })).statusCode).toBe(401);
    });
  });

  describe('Cabi’s worked example in 2015 (seed S4)', () => {
    // 2015: frame 2.0 M kr. at 50 %, budget 4.4 M kr. Three providers bill 5.0 M kr. for aktivitetsparat citizens
    // (inside the frame) in Copenhagen's shares (S2): external 64 %, jobcentre 22 %, employment centre 14 %;
    // and 100,000 kr. for a dagpenge citizen, who has no refund (R-FIN-2).
    let overview: EconomyOverview;

    beforeAll(async () => {
      await app.t.as('boss').put('/api/municipality/frames/2015', { refundFrame: 2_000_000, budget: 4_400_000 });
      const bills: [string, string, number, string][] = [
        ['Mentorhuset ApS', 'external', 3_200_000, 'kontanthjaelp_aktivitetsparat'],
        ['Jobcentrets mentorteam', 'internal', 1_100_000, 'kontanthjaelp_aktivitetsparat'],
        ['Beskæftigelsescenter Nord', 'employment_centre', 700_000, 'kontanthjaelp_aktivitetsparat'],
        ['Mentorhuset 2', 'external', 100_000, 'dagpenge'],
      ];
      for (const [name, type, amountKr, group] of bills) {
        const providerId = await app.f.provider({ name, type, hourlyRate: 400 });
        const mentorId = await app.f.mentor(providerId);
        const grantId = await app.f.approvedGrant({
          citizenId: await app.f.citizen(group),
          mentorId,
          agreedOn: '2014-12-29',
          startDate: '2015-01-05',
          endDate: '2015-07-04',
        });
        const invoice = await app.t.as('coord').post('/api/invoices', {
          providerId,
          invoiceNumber: `2015-${providerId}`,
          periodFrom: '2015-01-01',
          periodTo: '2015-07-31',
          lines: [{ grantId, periodFrom: '2015-01-05', periodTo: '2015-07-04', hours: amountKr / 400, amountKr }],
        });
        expect(invoice.statusCode, invoice.body).toBe(201);
      }
      const response = await app.t.as('boss').get('/api/economy/2015?asOf=2015-12-31');
      expect(response.statusCode, response.body).toBe(200);
      overview = response.json();
    });

    it('earns 2.0 M kr. refund on 5.0 M kr. of refundable spend, not 2.5 M kr.', () => {
      expect(overview).toMatchObject({ spend: 5_100_000, eligibleSpend: 5_000_000, refund: 2_000_000, refundFrame: 2_000_000 });
      expect(overview.refundLostToFrameKr).toBe(500_000);
    });

    it('shows the 4.4 M kr. budget 10 % above the 4.0 M kr. refundable spend', () => {
      expect(overview.refundableSpendKr).toBe(4_000_000);
      expect(overview.overFramePercent).toBe(10);
    });

    it('splits the refundable spend in Copenhagen’s provider shares', () => {
      const shares = Object.fromEntries(overview.byRefundClass.map((r: { key: string; spendKr: number }) => [r.key, r.spendKr]));
      expect(shares).toEqual({ inside_frame: 5_000_000, none: 100_000 });
      const byProvider = Object.fromEntries(overview.byProviderType.map((r: { key: string; spendKr: number }) => [r.key, r.spendKr]));
      expect(byProvider).toEqual({ internal: 1_100_000, employment_centre: 700_000, external: 3_300_000 });
    });

    it('books the non-refundable 2015 spend on function 5.68.98.019 (E9)', () => {
      expect(overview.accountingFunctions).toContainEqual({
        functionCode: '5.68.98.019',
        refundClass: 'none',
        spendKr: 100_000,
        note: null,
      });
    });

    it('alerts that spend crossed the budget and the refund frame', () => {
      expect(overview.alerts.map((a: { code: string }) => a.code)).toEqual(['FORECAST_OVER_BUDGET', 'FORECAST_OVER_FRAME']);
    });
  });

  describe('the forecast on a dated story: grants approved through 2026', () => {
    // 2026: budget 120,000 kr. (no refund frame after 2019, R-FIN-4). Mentorhuset Øst (400 kr./hour) gets one
    // 6-month general mentor course, 2 hours a week, starting on the first Monday of Jan–Jun, Sep and Oct, each
    // agreed a week before. The February course ends early on 30 April (job).
    const starts = ['2026-01-05', '2026-02-02', '2026-03-02', '2026-04-06', '2026-05-04', '2026-06-01', '2026-09-07', '2026-10-05'];
    const ends = ['2026-07-04', '2026-08-01', '2026-09-01', '2026-10-05', '2026-11-03', '2026-11-30', '2027-03-06', '2027-04-04'];
    const at = async (asOf: string) => {
      const response = await app.t.as('boss').get(`/api/economy/2026?asOf=${asOf}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };

    beforeAll(async () => {
      await app.t
        .as('boss')
        .put('/api/municipality/frames/2026', { refundFrame: 0, budget: 120_000, fullTimePersons: 3, otherGuidanceSpend: 10_000 });
      const providerId = await app.f.provider({ name: 'Mentorhuset Øst', type: 'external', hourlyRate: 400 });
      const mentorId = await app.f.mentor(providerId, 'Ole Østmentor');
      for (const [i, startDate] of starts.entries()) {
        const agreedOn = new Date(Date.parse(`${startDate}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
        const grantId = await app.f.approvedGrant({
          citizenId: await app.f.citizen('kontanthjaelp_aktivitetsparat'),
          mentorId,
          agreedOn,
          startDate,
          endDate: ends[i]!,
        });
        if (startDate === '2026-02-02') {
          const ended = await app.t.as('cw').post(`/api/grants/${grantId}/end`, { endDate: '2026-04-30', reason: 'JOB' });
          expect(ended.statusCode, ended.body).toBe(200);
        }
      }
    });

    it('31 March: spent the planned cost to date and commits the known courses to their planned end', async () => {
      const overview = await at('2026-03-31');
      // Known on 31 March: the Jan, Feb and Mar courses and the April course (agreed 30 March); the early end is not known yet.
      expect(overview.forecast.spentKr).toBeCloseTo(
        (daysInclusive('2026-01-05', '2026-03-31') +
          daysInclusive('2026-02-02', '2026-03-31') +
          daysInclusive('2026-03-02', '2026-03-31')) *
          perDay,
        1,
      );
      const committedDays =
        daysInclusive('2026-04-01', '2026-07-04') +
        daysInclusive('2026-04-01', '2026-08-01') +
        daysInclusive('2026-04-01', '2026-09-01') +
        daysInclusive('2026-04-06', '2026-10-05');
      expect(overview.forecast.committedKr).toBeCloseTo(committedDays * perDay, 1);
      expect(overview.forecast.earlyEndSharePercent).toBe(0);
      expect(overview.spendBasis.planned).toBeCloseTo(overview.spend, 2);
    });

    it('30 June: lowers the committed cost by the share of days lost to early ends and adds a new course a month', async () => {
      const overview = await at('2026-06-30');
      const spentDays =
        daysInclusive('2026-01-05', '2026-06-30') +
        daysInclusive('2026-02-02', '2026-04-30') +
        daysInclusive('2026-03-02', '2026-06-30') +
        daysInclusive('2026-04-06', '2026-06-30') +
        daysInclusive('2026-05-04', '2026-06-30') +
        daysInclusive('2026-06-01', '2026-06-30');
      expect(overview.forecast.spentKr).toBeCloseTo(spentDays * perDay, 1);
      const committedDays =
        daysInclusive('2026-07-01', '2026-07-04') +
        daysInclusive('2026-07-01', '2026-09-01') +
        daysInclusive('2026-07-01', '2026-10-05') +
        daysInclusive('2026-07-01', '2026-11-03') +
        daysInclusive('2026-07-01', '2026-11-30');
      expect(overview.forecast.committedKr).toBeCloseTo(committedDays * perDay, 1);
      // The February course used 88 of its 181 planned days.
      const r = 1 - 88 / 181;
      expect(overview.forecast.earlyEndSharePercent).toBe(Math.round(r * 1000) / 10);
      // Three starts (April, May, June) in the last three months.
      expect(overview.forecast.startsPerMonth).toBe(1);
      const { expected, low, high, spentKr, committedKr, expectedNewKr } = overview.forecast;
      expect(expected).toBeCloseTo(spentKr + committedKr * (1 - r) + expectedNewKr, 1);
      expect(low).toBeLessThan(expected);
      expect(high).toBeGreaterThan(expected);
      expect(high).toBeGreaterThanOrEqual(spentKr + committedKr + expectedNewKr);
    });

    it('30 June: alerts that the expected year-end spend crosses the 120,000 kr. budget', async () => {
      const overview = await at('2026-06-30');
      expect(overview.forecast.expected).toBeGreaterThan(120_000);
      const alert = overview.alerts.find((a: { code: string }) => a.code === 'FORECAST_OVER_BUDGET');
      expect(alert).toMatchObject({ severity: 'error', limitKr: 120_000 });
      const month = overview.byMonth.find((m: { month: string }) => m.month === alert.month);
      expect(month.cumulativeForecastKr).toBeGreaterThan(120_000);
    });

    it('31 December: the forecast is what was spent, and the 2026 ceiling compares it with 3 × 10,602 kr.', async () => {
      const overview = await at('2026-12-31');
      expect(overview.forecast).toMatchObject({ expected: overview.spend, low: overview.spend, high: overview.spend });
      expect(overview.courses).toBe(8);
      expect(overview.byMonth).toHaveLength(12);
      expect(overview.byMonth[11].cumulativeSpendKr).toBeCloseTo(overview.spend, 1);
      expect(overview.budgetCeiling).toMatchObject({ ratePerFteKr: 10_602, fullTimePersons: 3, ceilingKr: 31_806, withinCeiling: false });
      expect(overview.budgetCeiling.totalSpendKr).toBeCloseTo(overview.spend + 10_000, 1);
      expect(overview.accountingFunctions).toEqual([
        { functionCode: '5.68.90.018', refundClass: 'none', spendKr: overview.spend, note: null },
      ]);
    });

    it('exports the overview as an XLSX workbook', async () => {
      const response = await app.t.as('boss').get('/api/economy/2026.xlsx?asOf=2026-06-30');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'Overblik',
        'Måneder',
        'Mentortype',
        'Leverandørtype',
        'Målgruppe',
        'Refusion',
        'Kontering',
        'Varsler',
      ]);
      const summary = workbook.getWorksheet('Overblik')!;
      const row = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Prognose, forventet (kr.)')!;
      expect(row.getCell(2).value).toBe((await at('2026-06-30')).forecast.expected);
      expect(workbook.getWorksheet('Måneder')!.rowCount).toBe(13);
      // Issue 14: no internal codes in the accounting and alert sheets.
      const cells = (name: string) =>
        workbook
          .getWorksheet(name)!
          .getSheetValues()
          .flatMap((r) => (Array.isArray(r) ? r.map(String) : []));
      expect(cells('Kontering')).toContain('Ingen refusion');
      expect(cells('Varsler').join(' ')).toContain('Overskridelse');
      expect([...cells('Kontering'), ...cells('Varsler')].join(' ')).not.toMatch(/inside_frame|outside_frame|\bnone\b|FORECAST_/);
    });

    it('exports the overview as a PDF with Danish text', async () => {
      const response = await app.t.as('boss').get('/api/economy/2026.pdf?asOf=2026-06-30');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(response.rawPayload);
      expect(text).toContain('Økonomi for mentorstøtte 2026');
      expect(text).toContain('Prognosen overskrider budgettet');
      // Issue 14: no codes, and no glyph the PDF fonts lack (the minus sign printed as a quote).
      expect(text).not.toMatch(/inside_frame|outside_frame|\(none\)/);
      expect(text).toContain('(1 - andel tidligt afsluttede)');
    });

    it('prints each figure with its one-line explanation, Danish dates and months, and the budget as a labelled line', async () => {
      const overview = await at('2026-06-30');
      const pdf = (await app.t.as('boss').get('/api/economy/2026.pdf?asOf=2026-06-30')).rawPayload;
      const text = await pdfText(pdf);
      expect(text).toContain('Opgjort pr. 30.06.2026');
      const accessibility = await pdfAccessibility(pdf);
      expect(accessibility).toMatchObject({ marked: true, hasStructTreeRoot: true, lang: 'da-DK', title: 'Økonomi for mentorstøtte 2026' });
      expect(accessibility.roles).toEqual(expect.arrayContaining(['H1', 'H2', 'P', 'Figure']));
      expect(text).not.toMatch(/\b20\d\d-\d\d\b/);
      expect(text).toContain('jan. feb. mar. apr. maj jun. jul. aug. sep. okt. nov. dec.');
      const flat = text.replaceAll('\n', ' ');
      for (const note of Object.values(economyFigureNotes(overview)).filter(Boolean)) expect(flat).toContain(note);
      // No refund frame in 2026: the note says why a refund can still appear.
      expect(flat).toContain('Rammen begrænser ikke refusion uden for rammen');
      // The 120,000 kr. budget lies near the 2026 spend: a labelled line on the chart, not an off-scale marker.
      expect(text).toContain('Budget 120 t.kr.');
      expect(text).not.toContain('Over skalaen');
    });

    it('marks a budget far above spend and forecast as off the scale instead of flattening the chart', async () => {
      const put = await app.t.as('boss').put('/api/municipality/frames/2027', { refundFrame: 0, budget: 50_000_000 });
      expect(put.statusCode, put.body).toBe(200);
      const overview = (await app.t.as('boss').get('/api/economy/2027?asOf=2027-02-28')).json();
      expect(overview.forecast.high).toBeLessThan(1_000_000);
      const text = await pdfText((await app.t.as('boss').get('/api/economy/2027.pdf?asOf=2027-02-28')).rawPayload);
      expect(text).toContain('Over skalaen (vises ikke som linje): Budget 50 mio. kr.');
      // The axis ends near the forecast, not at 50 M kr.: its top tick is below 1 M kr.
      expect(text).not.toMatch(/^\d+(,\d)? mio\. kr\.$/m);
    });

    it('answers an unknown export format or a bad date with 400', async () => {
      expect((await app.t.as('boss').get('/api/economy/2026.csv')).statusCode).toBe(400);
      const badDate = await app.t.as('boss').get('/api/economy/2026?asOf=30-06-2026');
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().error.details.field).toBe('asOf');
    });
  });
});
