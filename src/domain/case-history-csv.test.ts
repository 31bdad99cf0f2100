import { describe, expect, it } from 'vitest';
import { defaultLegalRegimes } from './legal-regime.ts';
import { classifyHistoricGrant, parseCaseHistoryHeader, parseCaseHistoryLine, type CsvHeader } from './case-history-csv.ts';
import { splitCsvLine } from './csv.ts';

const header = (kind: Parameters<typeof parseCaseHistoryHeader>[0], line: string): CsvHeader => {
  const parsed = parseCaseHistoryHeader(kind, line);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.header;
};

describe('case-history CSV columns', () => {
  it('splits quoted fields with separators and doubled quotes inside', () => {
    expect(splitCsvLine('a;"b;c";"say ""hi""";', ';')).toEqual(['a', 'b;c', 'say "hi"', '']);
    expect(splitCsvLine('a;"open', ';')).toBeNull();
  });

  it('reads the header in any order and case, with a BOM, and picks the separator', () => {
    expect(header('offers', '\uFEFFStartDate,CPR,type')).toEqual({ separator: ',', columns: ['startDate', 'cpr', 'type'] });
  });

  it('refuses an unknown, repeated or missing column', () => {
    expect(parseCaseHistoryHeader('citizens', 'cpr;cpr;navn')).toEqual({
      ok: false,
      message:
        "column 'cpr' appears twice; unknown column 'navn'; missing column 'name' (the citizens file has the columns cpr;name;gender;origin)",
    });
  });

  it('a grant line: decimal comma hours, an ended grant needs its end date and reason', () => {
    const h = header('grants', 'externalId;cpr;type;agreedOn;startDate;endDate;weeklyHours;status;actualEndDate;endReason');
    // 3 Mar 2015: ret-og-pligt mentor, 2,5 hours a week, ended 14 Aug on a job.
    expect(
      parseCaseHistoryLine('grants', h, 'G-1;030385-1234;RET_OG_PLIGT;2015-03-03;2015-03-09;2015-09-08;2,5;ended;2015-08-14;JOB'),
    ).toEqual({
      ok: true,
      row: {
        externalId: 'G-1',
        cpr: '0303851234',
        type: 'RET_OG_PLIGT',
        agreedOn: '2015-03-03',
        startDate: '2015-03-09',
        endDate: '2015-09-08',
        weeklyHours: 2.5,
        status: 'ended',
        actualEndDate: '2015-08-14',
        endReason: 'JOB',
        goal: '',
      },
    });
    expect(parseCaseHistoryLine('grants', h, 'G-1;0303851234;GENERAL;2015-03-03;2015-03-09;2015-02-30;0;ended;;')).toEqual({
      ok: false,
      message:
        "endDate '2015-02-30' is not a date (YYYY-MM-DD); weeklyHours '0' is not a number of hours above 0 and at most 80; an ended grant needs actualEndDate; an ended grant needs endReason",
    });
    expect(parseCaseHistoryLine('grants', h, 'G-1;0303851234;GENERAL;2015-03-03;2015-03-09;2015-09-08;3;approved;;JOB')).toEqual({
      ok: false,
      message: "actualEndDate and endReason belong to an ended grant (status 'ended')",
    });
  });

  it('never shows a full CPR (R-PRV-3)', () => {
    const h = header('citizens', 'cpr;name');
    expect(parseCaseHistoryLine('citizens', h, '3102851234;X')).toEqual({ ok: false, message: 'CPR 310285… has no valid birth date' });
    expect(parseCaseHistoryLine('citizens', h, '31028512345;X')).toEqual({
      ok: false,
      message: "invalid CPR '310285…' (10 digits, DDMMYY-SSSS)",
    });
  });

  it('counts the fields of a line against the header', () => {
    expect(parseCaseHistoryLine('offers', header('offers', 'cpr;type;startDate'), '0303851234;nytteindsats')).toEqual({
      ok: false,
      message: 'expected 3 fields, found 2',
    });
  });

  it('R-FIN-1: a historic grant gets the regime and refund class of its agreement date', () => {
    const spells = [
      { group: 'kontanthjaelp_aktivitetsparat' as const, visitation: 'aktivitetsparat' as const, from: '2014-06-01', to: '2016-12-31' },
    ];
    // 3 Mar 2015 → LAB-2014, inside the frame; the same citizen on 1 Feb 2019 → LAB-2019, refund abolished.
    expect(classifyHistoricGrant({ regimes: defaultLegalRegimes, spells, type: 'RET_OG_PLIGT', agreedOn: '2015-03-03' })).toEqual({
      ok: true,
      regimeId: 'LAB-2014',
      refundClass: 'inside_frame',
    });
    expect(classifyHistoricGrant({ regimes: defaultLegalRegimes, spells, type: 'GENERAL', agreedOn: '2019-02-01' })).toEqual({
      ok: true,
      regimeId: 'LAB-2019',
      refundClass: 'none',
    });
    expect(classifyHistoricGrant({ regimes: defaultLegalRegimes, spells, type: 'GENERAL', agreedOn: '2012-01-01' })).toEqual({
      ok: false,
      message: 'no legal regime covers the agreement date 2012-01-01',
    });
  });
});
