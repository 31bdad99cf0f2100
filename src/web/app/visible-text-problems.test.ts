import { describe, expect, it } from 'vitest';
import { visibleTextProblems } from './visible-text-problems.ts';

describe('visibleTextProblems', () => {
  it('allows Danish dates, clock times, thousands dots, weeks and section numbers', () => {
    const text =
      'Periode 03.12.2026 – 02.06.2027 · kontakt 03.12.2026 kl. 09.30 · møde 09.30–10.15 · 2.544 kr. · 1.234.567 · 12,75 timer · uge 45 2026 · LAB § 5.1 · vejledning afsnit 1.3 · 3. december · bevilling nr. 12. Slut.';
    expect(visibleTextProblems(text)).toEqual([]);
  });

  it('finds ISO dates and weeks', () => {
    expect(visibleTextProblems('Start 2026-12-03, uge 2026-W45')).toEqual([
      'ISO date "2026-12-03" in "Start 2026-12-03, uge 2026-W45"',
      'ISO week "2026-W45" in "Start 2026-12-03, uge 2026-W45"',
    ]);
  });

  it('finds decimal points that are not thousands dots, also a clock-like number without "kl."', () => {
    expect(visibleTextProblems('andel 0.57 og 12.75 timer, 2.5 point, 1.234 kr.').map((p) => p.split(' in ')[0])).toEqual([
      'decimal point "0.57"',
      'decimal point "12.75"',
      'decimal point "2.5"',
    ]);
  });

  it('finds snake_case and UPPER_CASE codes and one-word codes, but not Danish words or rule ids', () => {
    expect(
      visibleTextProblems('Læst (survey_response) · RET_OG_PLIGT · GENERAL · status draft · R-ROP-2 · ACT-2027 · CPR · PDF').map(
        (p) => p.split(' in ')[0],
      ),
    ).toEqual(['code "survey_response"', 'code "RET_OG_PLIGT"', 'code "GENERAL"', 'code "draft"']);
  });

  it('finds request field paths', () => {
    expect(visibleTextProblems('Fejl (values.cooperation) · body.name · lines.0.hours · værdier.x').map((p) => p.split(' in ')[0])).toEqual(
      ['field path "values.cooperation"', 'field path "body.name"', 'field path "lines.0.hours"'],
    );
  });

  it('on an English page, finds Danish interface words but not English words that are codes in Danish', () => {
    expect(
      visibleTextProblems('Grant approved · ended 12/03/2026 · Gem · Borgere: 3 · Annullér · status draft', 'en').map(
        (p) => p.split(' in ')[0],
      ),
    ).toEqual(['Danish word "Gem"', 'Danish word "Borgere"', 'Danish word "Annullér"']);
  });

  it('on an English page, allows names, Danish legal terms and Danish user text', () => {
    const text =
      'Søren Møller · Ret og pligt mentor · Ret-og-pligt: next offer · Kontanthjælp (cash benefit), job-ready · Min Plan · Goal: fast job og praktik på værkstedet';
    expect(visibleTextProblems(text, 'en')).toEqual([]);
  });

  it('on an English page, allows decimal points', () => {
    expect(visibleTextProblems('0.29 hours · 12.75 · 2026-12-03', 'en').map((p) => p.split(' in ')[0])).toEqual(['ISO date "2026-12-03"']);
  });

  it('does not read Danish interface words on a Danish page', () => {
    expect(visibleTextProblems('Gem · Borgere · Annullér', 'da')).toEqual([]);
  });
});
