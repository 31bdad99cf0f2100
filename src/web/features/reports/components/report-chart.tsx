import type { ReportTable } from '../api-client.ts';
import { formatNumber } from '../../../app/formats.ts';

const palette = ['#0b4f71', '#b35a1f', '#4f7a28', '#7b3f8c', '#8a7a10', '#2d7f8a'];

/** Grouped bars, one group per row and one bar per column: percentages where the report has them, else counts. */
export function ReportChart({ table }: { table: ReportTable }) {
  const usePercent = table.percentBase !== 'none';
  const value = (i: number, j: number) => (usePercent ? table.rows[i]!.percentages[j]! : table.rows[i]!.values[j]!);
  const max = Math.max(1, ...table.rows.flatMap((_, i) => table.columns.map((_, j) => value(i, j) ?? 0)));
  const width = 720;
  const height = 240;
  const pad = { left: 44, right: 8, top: 10, bottom: 56 };
  const groupWidth = (width - pad.left - pad.right) / Math.max(1, table.rows.length);
  const barWidth = Math.max(2, (groupWidth - 6) / Math.max(1, table.columns.length));
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const unit = usePercent ? '\u00a0%' : '';
  return (
    // Focusable, so a keyboard can scroll it where it is wider than a phone (styles.css).
    <figure className="chart report-chart" tabIndex={0}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="report-chart-title">
        <title id="report-chart-title">{`${table.title}${usePercent ? ' (procent)' : ''}`}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.left} x2={width - pad.right} y1={y(max * f)} y2={y(max * f)} stroke="#d5dbe1" />
            <text
              x={pad.left - 4}
              y={y(max * f) + 4}
              textAnchor="end"
              fontSize="11"
              fill="#4a5560"
            >{`${formatNumber(Math.round(max * f))}${unit}`}</text>
          </g>
        ))}
        {table.rows.map((row, i) => (
          <g key={row.key}>
            {table.columns.map((column, j) => {
              const v = value(i, j);
              if (v === null || v <= 0) return null;
              return (
                <rect
                  key={column.key}
                  x={pad.left + i * groupWidth + 3 + j * barWidth}
                  y={y(v)}
                  width={barWidth - 1}
                  height={height - pad.bottom - y(v)}
                  fill={palette[j % palette.length]}
                >
                  <title>{`${row.label}, ${column.label}: ${formatNumber(v)}${unit}`}</title>
                </rect>
              );
            })}
            <text x={pad.left + (i + 0.5) * groupWidth} y={height - pad.bottom + 14} textAnchor="middle" fontSize="10" fill="#4a5560">
              {row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label}
            </text>
          </g>
        ))}
        {table.columns.map((c, j) => (
          <g key={c.key} transform={`translate(${pad.left + j * 170}, ${height - 22})`}>
            <rect width="10" height="10" fill={palette[j % palette.length]} />
            <text x="14" y="9" fontSize="11" fill="#1b1f24">
              {c.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{table.caption}</figcaption>
    </figure>
  );
}
