import { useEffect, useRef, useState } from 'react';
import { danishShortMonth } from '../../../../domain/calendar-month.ts';
import { formatMonth } from '../../../app/formats.ts';
import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { formatAxisKr, scaleSpendChart, type ChartReference } from '../../../../domain/spend-chart-scale.ts';
import type { EconomyMonth } from '../api-client.ts';

/** Ends a sentence with one full stop (amounts already end in "kr."). */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

const referenceStyles: Record<string, { stroke: string; dash: string; name: TextKey }> = {
  budget: { stroke: '#7a4a00', dash: '2 3', name: 'chartStyleBudget' },
  refundable: { stroke: '#a1121f', dash: '8 4', name: 'chartStyleRefundable' },
  ceiling: { stroke: '#4b2a86', dash: '12 3 2 3', name: 'chartStyleCeiling' },
};

/**
 * Cumulative spend to date and the forecast to December with its band (issue 4). The axis follows spend
 * and forecast (issue 14); budget, refundable spend and the § 203 a ceiling are labelled reference lines,
 * or markers above the chart when they are far off the scale.
 */
export function SpendChart({ months, references, asOf }: { months: EconomyMonth[]; references: ChartReference[]; asOf: string }) {
  const { t, language } = useI18n();
  // The drawing is as wide as its box, so 13 px text stays 13 px on a phone (a fixed viewBox shrank it to ~5 px).
  const figure = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = figure.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(300, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const height = 300;
  const pad = { left: 84, right: 16, top: 16, bottom: 30 };
  const monthStep = width < 520 ? 3 : 2;
  const scale = scaleSpendChart({
    dataKr: months.flatMap((m) => [m.cumulativeHighKr, m.cumulativeSpendKr, m.cumulativeForecastKr]),
    references,
  });
  const max = scale.maxKr;
  const x = (i: number) => pad.left + (i / Math.max(1, months.length - 1)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const current = asOf.slice(0, 7);
  const pastIndex = months.findIndex((m) => m.month === current);
  const upTo = pastIndex < 0 ? (months[0] && months[0].month > current ? 0 : months.length - 1) : pastIndex;
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
  const offScaleText = scale.offScale.map((r) => `${r.label} ${formatAxisKr(r.amountKr)}`).join(' · ');
  return (
    <figure className="chart" ref={figure}>
      {offScaleText ? (
        <p className="chart-off-scale" data-testid="chart-off-scale">
          <span aria-hidden="true">↑ </span>
          {t('chartOffScale')}: {offScaleText}
        </p>
      ) : null}
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="spend-chart-title spend-chart-desc">
        <title id="spend-chart-title">{t('chartTitle')}</title>
        <desc id="spend-chart-desc">
          {t('chartDescription')} {formatAxisKr(max)}.
          {scale.onScale.map((r) => ` ${r.label}: ${formatAxisKr(r.amountKr)} (${t('chartHorizontalLine')}).`).join('')}
          {offScaleText ? ` ${t('chartOffScale')}: ${sentence(offScaleText)}` : ''}
        </desc>
        {scale.ticksKr.map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke="#d5dbe1" />
            <text x={pad.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="13" fill="#4a5560">
              {formatAxisKr(tick)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          i % monthStep === 0 ? (
            <text key={m.month} x={x(i)} y={height - 8} textAnchor="middle" fontSize="13" fill="#4a5560">
              {language === 'da' ? danishShortMonth(m.month) : formatMonth(m.month, { short: true, withYear: false })}
            </text>
          ) : null,
        )}
        <path d={band} fill="#0b4f71" opacity="0.15" />
        {scale.onScale.map((r) => {
          const style = referenceStyles[r.key] ?? referenceStyles.budget!;
          return (
            <g key={r.key} data-testid={`chart-reference-${r.key}`}>
              <line
                x1={pad.left}
                x2={width - pad.right}
                y1={y(r.amountKr)}
                y2={y(r.amountKr)}
                stroke={style.stroke}
                strokeWidth="1.5"
                strokeDasharray={style.dash}
              />
              <text x={pad.left + 4} y={y(r.amountKr) - 4} fontSize="13" fill={style.stroke}>
                {r.label} {formatAxisKr(r.amountKr)}
              </text>
            </g>
          );
        })}
        <path d={forecastLine} fill="none" stroke="#0b4f71" strokeWidth="2" strokeDasharray="6 4" />
        <path d={spendLine} fill="none" stroke="#0b4f71" strokeWidth="3" data-testid="chart-spend-line" />
      </svg>
      <figcaption>
        {t('chartCaption')}{' '}
        {scale.onScale
          .map((r) => `${r.label} (${t(referenceStyles[r.key]?.name ?? 'chartLine')}): ${sentence(formatAxisKr(r.amountKr))} `)
          .join('')}
        {offScaleText ? `${t('chartOffScaleCaption')}: ${sentence(offScaleText)}` : ''}
      </figcaption>
    </figure>
  );
}
