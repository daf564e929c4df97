import { useId } from 'react';
import { formatNumber } from '../../app/format';
import './bar-chart.css';

// A small horizontal bar chart in SVG. The numbers are written next to every bar and the page shows the
// same figures in a table, so the chart is never the only way to read them; screen readers get the
// title and skip the drawing.
export function BarChart({ title, bars }: { title: string; bars: Array<{ label: string; value: number }> }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rowHeight = 28;
  const labelWidth = 190;
  const barArea = 260;
  const height = bars.length * rowHeight + 8;
  return (
    <figure className="plein-bar-chart">
      <svg viewBox={`0 0 ${labelWidth + barArea + 50} ${height}`} width="100%" role="img" aria-labelledby={`${id}-titel`} focusable="false">
        <title id={`${id}-titel`}>{`${title}: ${bars.map((bar) => `${bar.label} ${formatNumber(bar.value)}`).join(', ')}`}</title>
        {bars.map((bar, index) => {
          const y = index * rowHeight + 4;
          const width = (bar.value / max) * barArea;
          return (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" className="plein-bar-chart__label">
                {bar.label}
              </text>
              <rect x={labelWidth} y={y + 2} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={rowHeight - 10} className="plein-bar-chart__bar" />
              <text x={labelWidth + width + 6} y={y + 15} className="plein-bar-chart__value">
                {formatNumber(bar.value)}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={2} y2={height - 2} className="plein-bar-chart__axis" />
      </svg>
    </figure>
  );
}
