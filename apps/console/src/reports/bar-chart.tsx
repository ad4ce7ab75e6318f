import type { Bar } from './report-query';

const BAR = 12;
const LABEL_WIDTH = 140;
const WIDTH = 520;

/**
 * Horizontal bars, drawn as plain SVG: one row per label, one bar per series in it. `max` fixes the scale
 * (100 for percentages); otherwise the largest value fills the width.
 */
export function BarChart({
  bars,
  series,
  max,
  unit = '',
  title,
  empty,
}: {
  bars: Bar[];
  series: string[];
  max?: number;
  unit?: string;
  title: string;
  empty: string;
}) {
  const top = Math.max(max ?? 0, ...bars.flatMap((bar) => bar.values), 1);
  const perBar = BAR + 2;
  const row = Math.max(series.length, 1) * perBar + 8;
  const plot = WIDTH - LABEL_WIDTH - 56;
  const height = bars.length * row + (series.length > 1 ? 20 : 0);
  if (bars.length === 0)
    return (
      <figure className="bar-chart" data-testid="report-chart">
        <figcaption>{title}</figcaption>
        <p className="muted">{empty}</p>
      </figure>
    );
  return (
    <figure className="bar-chart" data-testid="report-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={title}>
        {bars.map((bar, index) => (
          <g key={bar.label} transform={`translate(0 ${index * row})`}>
            <text x={LABEL_WIDTH - 6} y={row / 2 + 4} textAnchor="end" className="bar-label">
              {bar.label}
            </text>
            {bar.values.map((value, which) => (
              <g key={which}>
                <rect
                  x={LABEL_WIDTH}
                  y={4 + which * perBar}
                  width={Math.max(1, (value / top) * plot)}
                  height={BAR}
                  className={`bar bar-${which}`}
                />
                <text x={LABEL_WIDTH + (value / top) * plot + 4} y={4 + which * perBar + BAR - 2} className="bar-value">
                  {value}
                  {unit}
                </text>
              </g>
            ))}
          </g>
        ))}
        {series.length > 1 &&
          series.map((name, index) => (
            <g key={name} transform={`translate(${LABEL_WIDTH + index * 180} ${bars.length * row + 6})`}>
              <rect width={10} height={10} className={`bar bar-${index}`} />
              <text x={14} y={9} className="bar-label">
                {name}
              </text>
            </g>
          ))}
      </svg>
    </figure>
  );
}
