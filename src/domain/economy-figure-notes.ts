/**
 * One plain-Danish line per figure of the economy overview (issue 14), for the page and the PDF alike:
 * what the number is made of, so that e.g. "Refusionsramme 0 kr." beside a refund above 0 kr. explains
 * itself (refund outside the frame is not capped by it, R-FIN-3; no frame after 2019, R-FIN-4).
 * Reads the overview only; computes nothing the overview does not already hold.
 */
import { formatDate } from './danish-format.ts';
import type { BudgetCeilingReport } from './budget-ceiling-2026.ts';

/** The parts of the economy overview (domain or API answer) the notes read. */
export type EconomyFigures = {
  year: number;
  asOf: string;
  spend: number;
  eligibleSpend: number;
  refund: number;
  refundFrame: number | null;
  refundRate: number;
  refundableSpendKr: number | null;
  refundInsideFrameKr: number;
  refundOutsideFrameKr: number;
  refundLostToFrameKr: number;
  budgetKr: number | null;
  overFramePercent: number | null;
  forecast: { spentKr: number; committedKr: number; expectedNewKr: number; earlyEndSharePercent: number };
  spendBasis: { invoiced: number; delivered: number; planned: number };
  courses: number;
  hours: number;
  budgetCeiling: Pick<BudgetCeilingReport, 'mentorSpendKr' | 'otherGuidanceSpendKr' | 'ceilingKr' | 'fullTimePersons'> | null;
};

export type EconomyFigureKey =
  | 'spend'
  | 'forecast'
  | 'budget'
  | 'refundFrame'
  | 'refund'
  | 'eligibleSpend'
  | 'overFramePercent'
  | 'averages'
  | 'ceiling'
  | 'ceilingSpend';

/** Whole kroner with a thousands dot: "10.200.000 kr.". */
export function formatWholeKr(amountKr: number): string {
  return `${Math.round(amountKr).toLocaleString('da-DK')} kr.`;
}

const percent = (share: number) => `${(share * 100).toLocaleString('da-DK', { maximumFractionDigits: 1 })} %`;

export function economyFigureNotes(o: EconomyFigures): Record<EconomyFigureKey, string> {
  const kr = formatWholeKr;
  const refundable = o.refundableSpendKr;
  const earlyEnd =
    o.forecast.earlyEndSharePercent > 0 ? ` (minus ${o.forecast.earlyEndSharePercent.toLocaleString('da-DK')} % tidligt afsluttede)` : '';
  const frameNote =
    o.refundFrame === null
      ? `Ikke sat for ${o.year}. Uden ramme giver forbrug inden for rammen ingen refusion; forbrug uden for rammen refunderes stadig.`
      : o.refundFrame === 0
        ? `Ingen ramme i ${o.year} (den direkte refusion inden for rammen ophørte i 2019). Rammen begrænser ikke refusion uden for rammen.`
        : `Statens loft over refusion inden for rammen: ramme ÷ sats ${percent(o.refundRate)} = ${kr(refundable ?? 0)} forbrug, der kan refunderes fuldt.`;
  const lost = o.refundLostToFrameKr > 0 ? `; ${kr(o.refundLostToFrameKr)} gik tabt, fordi rammen var opbrugt` : '';
  const ceiling = o.budgetCeiling;
  return {
    spend: `Fra 1. januar til ${formatDate(o.asOf)}: faktureret ${kr(o.spendBasis.invoiced)}, registrerede timer × pris ${kr(o.spendBasis.delivered)}, planlagt uden timer eller faktura endnu ${kr(o.spendBasis.planned)}`,
    forecast: `Forbrug til dato ${kr(o.forecast.spentKr)} + resten af de løbende bevillinger ${kr(o.forecast.committedKr)}${earlyEnd} + forventede nye forløb ${kr(o.forecast.expectedNewKr)}; båndet er et 80 %-interval.`,
    budget:
      o.budgetKr === null
        ? `Ikke sat for ${o.year}; angiv det under "Ramme og budget".`
        : `Kommunens eget budget for mentorstøtte i ${o.year}, sat under "Ramme og budget". Ingen grænse i loven.`,
    refundFrame: frameNote,
    refund: `${kr(o.refundInsideFrameKr)} inden for rammen + ${kr(o.refundOutsideFrameKr)} uden for rammen (fx ressource- og jobafklaringsforløb), som rammen ikke begrænser${lost}.`,
    eligibleSpend: `Den del af forbruget, der giver refusion efter reglerne på aftaledatoen og borgerens målgruppe; ${kr(o.spend - o.eligibleSpend)} giver ingen refusion.`,
    overFramePercent:
      o.overFramePercent === null
        ? 'Kan ikke beregnes uden en refusionsramme over 0 kr.'
        : `(Budget − ramme ÷ sats) ÷ (ramme ÷ sats): hvor meget budgettet ligger over det forbrug, rammen kan refundere fuldt.`,
    averages: `Forbrug til dato delt på ${o.courses.toLocaleString('da-DK')} forløb med forbrug og på ${o.hours.toLocaleString('da-DK', { maximumFractionDigits: 2 })} timer.`,
    ceiling: ceiling
      ? `Fuldtidspersoner i § 6, nr. 1–10 (${ceiling.fullTimePersons.toLocaleString('da-DK')}) × satsen. Udgifter over loftet indgår ikke i budgetgarantien.`
      : `Fra 2026: fuldtidspersoner i § 6, nr. 1–10 × satsen. Angiv fuldtidspersonerne under "Ramme og budget" for at se loftet.`,
    ceilingSpend: ceiling
      ? `Prognosen for mentorstøtte ${kr(ceiling.mentorSpendKr)} + øvrig vejledning og opkvalificering ${kr(ceiling.otherGuidanceSpendKr)}`
      : '',
  };
}

/**
 * The reference lines of the economy chart (issue 14): the budget, the spend the refund frame can
 * refund in full (frame ÷ rate) and, from 2026, the room for mentor support under the § 203 a ceiling
 * (the ceiling minus other guidance and upskilling, which shares it).
 */
export function economyChartReferences(o: Pick<EconomyFigures, 'budgetKr' | 'refundableSpendKr' | 'budgetCeiling'>): {
  key: string;
  label: string;
  amountKr: number;
}[] {
  const references: { key: string; label: string; amountKr: number }[] = [];
  if (o.budgetKr !== null && o.budgetKr > 0) references.push({ key: 'budget', label: 'Budget', amountKr: o.budgetKr });
  if (o.refundableSpendKr !== null && o.refundableSpendKr > 0)
    references.push({ key: 'refundable', label: 'Refusionsramme ÷ sats', amountKr: o.refundableSpendKr });
  if (o.budgetCeiling) {
    const room = o.budgetCeiling.ceilingKr - o.budgetCeiling.otherGuidanceSpendKr;
    if (room > 0) references.push({ key: 'ceiling', label: 'Loft § 203 a (rum til mentorstøtte)', amountKr: room });
  }
  return references;
}
