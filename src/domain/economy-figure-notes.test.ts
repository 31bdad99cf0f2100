import { describe, expect, it } from 'vitest';
import { economyChartReferences, economyFigureNotes, type EconomyFigures } from './economy-figure-notes.ts';

// 4 Dec 2026: the demo municipality has no refund frame (0 kr.), a 10.2 M kr. budget and the § 203 a ceiling.
const figures: EconomyFigures = {
  year: 2026,
  asOf: '2026-12-04',
  spend: 45_045.2,
  eligibleSpend: 15_966,
  refund: 7_983,
  refundFrame: 0,
  refundRate: 0.5,
  refundableSpendKr: 0,
  refundInsideFrameKr: 0,
  refundOutsideFrameKr: 7_983,
  refundLostToFrameKr: 0,
  budgetKr: 10_200_000,
  overFramePercent: null,
  forecast: { spentKr: 45_045.2, committedKr: 17_414.96, expectedNewKr: 1_378.85, earlyEndSharePercent: 0 },
  spendBasis: { invoiced: 11_440, delivered: 20_327, planned: 13_278.2 },
  courses: 6,
  hours: 127.93,
  budgetCeiling: { ceilingKr: 24_914_700, fullTimePersons: 2_350, mentorSpendKr: 63_839, otherGuidanceSpendKr: 14_800_000 },
};

describe('one line per economy figure (issue 14)', () => {
  it('explains a refund beside a refund frame of 0 kr.: the refund is outside the frame, which the frame does not cap', () => {
    const notes = economyFigureNotes(figures);
    expect(notes.refundFrame).toContain('Ingen ramme i 2026');
    expect(notes.refundFrame).toContain('begrænser ikke refusion uden for rammen');
    expect(notes.refund).toBe(
      '0 kr. inden for rammen + 7.983 kr. uden for rammen (fx ressource- og jobafklaringsforløb), som rammen ikke begrænser.',
    );
  });

  it('splits spend by its basis and the forecast by its parts, in Danish formats', () => {
    const notes = economyFigureNotes(figures);
    expect(notes.spend).toBe(
      'Fra 1. januar til 04.12.2026: faktureret 11.440 kr., registrerede timer × pris 20.327 kr., planlagt uden timer eller faktura endnu 13.278 kr.',
    );
    expect(notes.forecast).toContain('resten af de løbende bevillinger 17.415 kr.');
    expect(notes.eligibleSpend).toContain('29.079 kr. giver ingen refusion');
    expect(notes.averages).toContain('127,93 timer');
    expect(notes.ceilingSpend).toBe('Prognosen for mentorstøtte 63.839 kr. + øvrig vejledning og opkvalificering 14.800.000 kr.');
  });

  it('says what a frame caps and what was lost to it when there is one', () => {
    const notes = economyFigureNotes({
      ...figures,
      year: 2015,
      refundFrame: 2_000_000,
      refundableSpendKr: 4_000_000,
      refundLostToFrameKr: 500_000,
    });
    expect(notes.refundFrame).toContain('ramme ÷ sats 50 % = 4.000.000 kr.');
    expect(notes.refund).toContain('500.000 kr. gik tabt');
  });

  it('asks for the full-time persons when the ceiling cannot be computed', () => {
    expect(economyFigureNotes({ ...figures, budgetCeiling: null }).ceiling).toContain('Angiv fuldtidspersonerne');
  });

  it('gives the chart the budget and the room for mentor support under the ceiling, never a 0 kr. frame', () => {
    expect(economyChartReferences(figures)).toEqual([
      { key: 'budget', label: 'Budget', amountKr: 10_200_000 },
      { key: 'ceiling', label: 'Loft § 203 a (rum til mentorstøtte)', amountKr: 24_914_700 - 14_800_000 },
    ]);
  });
});
