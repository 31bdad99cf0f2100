import type { EconomyMonth } from '../api-client.ts';

const kr = (n: number) => `${Math.round(n / 1000).toLocaleString('da-DK')} t.kr.`;

/** Cumulative spend to date, the forecast to December with its band, and the budget and refundable lines. */
export function SpendChart({
  months,
  budgetKr,
  refundableSpendKr,
  asOf,
}: {
  months: EconomyMonth[];
  budgetKr: number;
  refundableSpendKr: number;
  asOf: string;
}) {
  const width = 640;
  const height = 260;
  const pad = { left: 70, right: 16, top: 16, bottom: 28 };
  const max = Math.max(1, ...months.map((m) => Math.max(m.cumulativeHighKr, m.cumulativeSpendKr)), budgetKr, refundableSpendKr) * 1.05;
  const x = (i: number) => pad.left + (i / Math.max(1, months.length - 1)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const current = asOf.slice(0, 7);
  const pastIndex = months.findIndex((m) => m.month === current);
  const upTo = pastIndex < 0 ? months.length - 1 : pastIndex;
  const line = (values: number[], from = 0) =>
    values
      .slice(from)
      .map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i + from).toFixed(1)},${y(v).toFixed(1)}`)
      .join(' ');
  const band =
    months.length > 0
      ? `${months
          .slice(upTo)
          .map((m, i) => `${i === 0 ? 'M' : 'L'}${x(i + upTo)},${y(m.cumulativeHighKr)}`)
          .join(' ')} ${months
          .slice(upTo)
          .reverse()
          .map((m, i) => `L${x(months.length - 1 - i)},${y(m.cumulativeLowKr)}`)
          .join(' ')} Z`
      : '';
  const spendLine = line(months.slice(0, upTo + 1).map((m) => m.cumulativeSpendKr));
  const forecastLine = line(
    months.map((m) => m.cumulativeForecastKr),
    upTo,
  );
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="spend-chart-title spend-chart-desc">
        <title id="spend-chart-title">Akkumuleret forbrug og prognose</title>
        <desc id="spend-chart-desc">
          Forbrug til dato som fuld linje, prognose til december som stiplet linje med usikkerhedsbånd; vandrette linjer for budget og
          refusionsberettiget forbrug.
        </desc>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={pad.left} x2={width - pad.right} y1={y(max * f)} y2={y(max * f)} stroke="#d5dbe1" />
            <text x={pad.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill="#4a5560">
              {kr(max * f)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          i % 2 === 0 ? (
            <text key={m.month} x={x(i)} y={height - 8} textAnchor="middle" fontSize="11" fill="#4a5560">
              {m.month.slice(5)}
            </text>
          ) : null,
        )}
        <path d={band} fill="#0b4f71" opacity="0.15" />
        {budgetKr > 0 ? (
          <line x1={pad.left} x2={width - pad.right} y1={y(budgetKr)} y2={y(budgetKr)} stroke="#7a4a00" strokeDasharray="2 3" />
        ) : null}
        {refundableSpendKr > 0 ? (
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(refundableSpendKr)}
            y2={y(refundableSpendKr)}
            stroke="#a1121f"
            strokeDasharray="8 4"
          />
        ) : null}
        <path d={forecastLine} fill="none" stroke="#0b4f71" strokeWidth="2" strokeDasharray="6 4" />
        <path d={spendLine} fill="none" stroke="#0b4f71" strokeWidth="3" />
      </svg>
      <figcaption>
        Fuld linje: forbrug til dato. Stiplet: prognose med bånd (lav–høj). Brun prikket: budget ({kr(budgetKr)}). Rød stiplet:
        refusionsberettiget forbrug (ramme ÷ sats, {kr(refundableSpendKr)}).
      </figcaption>
    </figure>
  );
}
