/**
 * Plain SVG charts for the dashboard: horizontal bars (one value per label) and grouped columns
 * over time (hourly series). Each chart has a title and a text alternative; values are also
 * printed, so nothing depends on colour alone.
 */
import { formatTime } from '../../shared/format.js';

export function BarChart(props: { title: string; bars: readonly { label: string; value: number }[]; format: (value: number) => string; target?: { value: number; label: string } }) {
  const { title, bars, format, target } = props;
  const rowHeight = 28;
  const labelWidth = 140;
  const chartWidth = 190;
  const max = Math.max(target?.value ?? 0, ...bars.map((bar) => bar.value), 1e-9);
  const height = Math.max(1, bars.length) * rowHeight + 8;
  return (
    <figure className="chart bar-chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="empty">No data in this window.</p>
      ) : (
        <svg viewBox={`0 0 ${labelWidth + chartWidth + 80} ${height}`} role="img" aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${format(bar.value)}`).join('; ')}`}>
          {bars.map((bar, index) => {
            const y = 4 + index * rowHeight;
            const width = (bar.value / max) * chartWidth;
            return (
              <g key={bar.label}>
                <text x={labelWidth - 8} y={y + 16} textAnchor="end" className="axis-label">
                  {bar.label}
                </text>
                <rect x={labelWidth} y={y + 3} width={Math.max(width, 1)} height={rowHeight - 8} className="bar" rx="3" />
                <text x={labelWidth + Math.max(width, 1) + 6} y={y + 16} className="value-label">
                  {format(bar.value)}
                </text>
              </g>
            );
          })}
          {target && (
            <g className="target">
              <line x1={labelWidth + (target.value / max) * chartWidth} x2={labelWidth + (target.value / max) * chartWidth} y1="0" y2={height} />
              <title>{target.label}</title>
            </g>
          )}
        </svg>
      )}
    </figure>
  );
}

export interface SeriesPoint {
  start: string;
  values: readonly number[];
}

export function ColumnChart(props: { title: string; seriesNames: readonly string[]; points: readonly SeriesPoint[] }) {
  const { title, seriesNames, points } = props;
  const height = 160;
  const plotTop = 10;
  const plotBottom = height - 24;
  const groupWidth = Math.max(12, Math.min(40, 720 / Math.max(points.length, 1)));
  const width = 40 + points.length * groupWidth + 10;
  const max = Math.max(1, ...points.flatMap((point) => point.values));
  const barWidth = (groupWidth - 4) / Math.max(seriesNames.length, 1);
  const scale = (value: number) => ((plotBottom - plotTop) * value) / max;
  return (
    <figure className="chart wide">
      <figcaption>
        {title}
        <span className="legend">
          {seriesNames.map((name, index) => (
            <span key={name}>
              <span className={`dot series-${index}`} aria-hidden="true" /> {name}
            </span>
          ))}
        </span>
      </figcaption>
      {points.length === 0 ? (
        <p className="empty">No data in this window.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}, ${points.length} hours, peak ${max}`}>
          <line x1="36" x2={width} y1={plotBottom} y2={plotBottom} className="axis" />
          <text x="32" y={plotTop + 8} textAnchor="end" className="axis-label">
            {max}
          </text>
          <text x="32" y={plotBottom} textAnchor="end" className="axis-label">
            0
          </text>
          {points.map((point, index) => {
            const x = 40 + index * groupWidth;
            return (
              <g key={point.start}>
                {point.values.map((value, series) => (
                  <rect key={seriesNames[series]} x={x + series * barWidth} y={plotBottom - scale(value)} width={Math.max(barWidth - 1, 1)} height={scale(value)} className={`bar series-${series}`}>
                    <title>{`${formatTime(point.start)} ${seriesNames[series] ?? ''}: ${value}`}</title>
                  </rect>
                ))}
                {index % Math.ceil(points.length / 8) === 0 && (
                  <text x={x} y={height - 6} className="axis-label">
                    {new Date(point.start).getHours()}h
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
