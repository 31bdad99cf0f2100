/**
 * The vertical scale of the economy chart (issue 14), shared by the page and the PDF: the axis follows
 * what was spent and what is forecast, so 46 t.kr. of spend is not a flat line under a 10.2 M kr. budget.
 * Limits (budget, refundable spend, the LAB § 203 a ceiling) are reference lines when they fit near the
 * data, and otherwise markers above the chart that say they are off the scale, with their amount.
 */

export type ChartReference = { key: string; label: string; amountKr: number };

export type SpendChartScale = {
  /** Top of the axis (kr.), a round number at least the largest data point and every reference drawn. */
  maxKr: number;
  /** Axis ticks from 0 to maxKr. */
  ticksKr: number[];
  /** Limits drawn as horizontal lines. */
  onScale: ChartReference[];
  /** Limits far above the data: shown as a labelled marker at the top edge, not as a line. */
  offScale: ChartReference[];
};

/** A limit up to this many times the data's maximum is still drawn as a line (the axis stretches to it). */
export const referenceStretchFactor = 1.5;

/** The smallest "nice" step (1, 2 or 2.5, 5 × 10^n) that divides the axis into at most `count` parts. */
function niceStep(maxKr: number, count: number): number {
  const raw = maxKr / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * magnitude >= raw) return factor * magnitude;
  return 10 * magnitude;
}

export function scaleSpendChart(input: {
  dataKr: readonly number[];
  references: readonly ChartReference[];
  tickCount?: number;
}): SpendChartScale {
  const tickCount = input.tickCount ?? 4;
  const dataMax = Math.max(0, ...input.dataKr.filter((v) => Number.isFinite(v)));
  const references = input.references.filter((r) => Number.isFinite(r.amountKr) && r.amountKr > 0);
  // With no spend or forecast at all, the lowest limit sets the scale (else the chart has no height).
  const base = dataMax > 0 ? dataMax : Math.min(...references.map((r) => r.amountKr), Number.POSITIVE_INFINITY);
  const baseKr = Number.isFinite(base) && base > 0 ? base : 1000;
  const onScale = references.filter((r) => r.amountKr <= baseKr * referenceStretchFactor);
  const offScale = references.filter((r) => r.amountKr > baseKr * referenceStretchFactor);
  const top = Math.max(baseKr, ...onScale.map((r) => r.amountKr)) * 1.05;
  const step = niceStep(top, tickCount);
  const maxKr = Math.ceil(top / step) * step;
  const ticksKr = Array.from({ length: Math.round(maxKr / step) + 1 }, (_, i) => i * step);
  return { maxKr, ticksKr, onScale, offScale };
}

/** An axis amount in Danish: "46 t.kr.", "1,2 mio. kr.". */
export function formatAxisKr(amountKr: number): string {
  if (amountKr >= 1_000_000) return `${(amountKr / 1_000_000).toLocaleString('da-DK', { maximumFractionDigits: 1 })} mio. kr.`;
  if (amountKr >= 1000) return `${(amountKr / 1000).toLocaleString('da-DK', { maximumFractionDigits: 1 })} t.kr.`;
  return `${Math.round(amountKr).toLocaleString('da-DK')} kr.`;
}
