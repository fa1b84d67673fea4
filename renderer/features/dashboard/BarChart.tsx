// A small horizontal SVG bar chart (no chart library): label, bar, formatted value.
export interface Bar {
  key: string;
  label: string;
  value: number;
  valueText: string;
}

export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 26;
  const labelW = 170;
  const barW = 220;
  const valueW = 130;
  return (
    <svg className="bar-chart" role="img" aria-label={title} width={labelW + barW + valueW} height={bars.length * rowH + 4} viewBox={`0 0 ${labelW + barW + valueW} ${bars.length * rowH + 4}`}>
      {bars.map((b, i) => {
        const w = Math.max(1, (b.value / max) * barW);
        const y = i * rowH + 2;
        return (
          <g key={b.key} data-key={b.key}>
            <title>{`${b.label}: ${b.valueText}`}</title>
            <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end" className="bar-label">{b.label.length > 13 ? `${b.label.slice(0, 12)}…` : b.label}</text>
            <rect x={labelW} y={y + 4} width={w} height={rowH - 8} rx={2} className="bar" />
            <text x={labelW + w + 6} y={y + rowH / 2 + 4} className="bar-value">{b.valueText}</text>
          </g>
        );
      })}
    </svg>
  );
}
