// A small horizontal bar chart in plain SVG (no chart library): groups of bars, each bar a stack of segments, long
// Japanese labels on the left. Used by the Programs screen (budget by program) and meant for the dashboard too.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

export interface BarSegment {
  seriesKey: string;
  value: number;
}

/** One bar: segments stacked left to right (e.g. request + supplementary). */
export interface Bar {
  key: string;
  segments: BarSegment[];
}

export interface BarGroup {
  id: string;
  label: string;
  /** Full text for the tooltip (the label may be shortened to fit). */
  title?: string;
  bars: Bar[];
}

export interface BarChartProps {
  groups: readonly BarGroup[];
  series: readonly BarSeries[];
  /** Value text at the end of each bar and in tooltips. */
  formatValue: (value: number) => string;
  /** Axis tick text; defaults to formatValue. */
  formatTick?: (value: number) => string;
  ariaLabel: string;
  onSelect?: (groupId: string) => void;
  selectedId?: string | null;
  /** Width before the container is measured; the drawing then follows the container so text keeps its size. */
  width?: number;
  labelWidth?: number;
}

const BAR_HEIGHT = 11;
const BAR_GAP = 2;
const GROUP_PAD = 9;
const AXIS_HEIGHT = 22;
const VALUE_ROOM = 64;

/** Rough text width at 12px: CJK characters are square, Latin narrower. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 7;
  return w;
}

function fit(label: string, max: number): string {
  if (textWidth(label) <= max) return label;
  let out = '';
  for (const ch of label) {
    if (textWidth(out + ch + '…') > max) break;
    out += ch;
  }
  return out + '…';
}

/** A "nice" axis maximum and tick step (1, 2, 2.5, 5 × 10^n) covering `max`. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.25 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { max: Math.ceil(max / step) * step, step };
}

export function BarChart({ groups, series, formatValue, formatTick = formatValue, ariaLabel, onSelect, selectedId, width: initialWidth = 760, labelWidth: maxLabelWidth = 240 }: BarChartProps) {
  const figureRef = useRef<HTMLElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useEffect(() => {
    const el = figureRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry?.contentRect.width ?? 0);
      if (w > 0) setMeasured(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const width = Math.max(360, measured ?? initialWidth);
  const labelWidth = Math.min(maxLabelWidth, Math.round(width * 0.38));
  const colors = useMemo(() => new Map(series.map((s) => [s.key, s.color])), [series]);
  const names = useMemo(() => new Map(series.map((s) => [s.key, s.label])), [series]);
  const maxTotal = Math.max(0, ...groups.flatMap((g) => g.bars.map((b) => b.segments.reduce((n, s) => n + Math.max(0, s.value), 0))));
  const scale = niceScale(maxTotal);
  const plotLeft = labelWidth + 8;
  const plotWidth = width - plotLeft - VALUE_ROOM;
  const x = (v: number) => (Math.max(0, v) / scale.max) * plotWidth;
  const groupHeight = (g: BarGroup) => g.bars.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + 2 * GROUP_PAD;
  const height = AXIS_HEIGHT + groups.reduce((h, g) => h + groupHeight(g), 0) + 4;
  const ticks: number[] = [];
  for (let v = 0; v <= scale.max + scale.step / 2; v += scale.step) ticks.push(v);

  const onKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect?.(id);
    }
  };

  const tops: number[] = [];
  groups.reduce((y, g) => {
    tops.push(y);
    return y + groupHeight(g);
  }, AXIS_HEIGHT);
  return (
    <figure className="gp-bar-chart" ref={figureRef}>
      <div className="gp-bar-chart-legend" aria-hidden="true">
        {series.map((s) => (
          <span key={s.key}>
            <i style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </div>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={ariaLabel} className="gp-bar-chart-svg">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={plotLeft + x(v)} x2={plotLeft + x(v)} y1={AXIS_HEIGHT - 4} y2={height - 4} className="gp-bar-chart-grid" />
            <text x={plotLeft + x(v)} y={AXIS_HEIGHT - 8} textAnchor="middle" className="gp-bar-chart-tick">
              {formatTick(v)}
            </text>
          </g>
        ))}
        {groups.map((g, gi) => {
          const top = tops[gi]!;
          const selected = selectedId === g.id;
          const tooltip = [g.title ?? g.label, ...g.bars.flatMap((b) => b.segments.map((s) => `${names.get(s.seriesKey) ?? s.seriesKey}: ${formatValue(s.value)}`))].join('\n');
          return (
            <g
              key={g.id}
              className={`gp-bar-chart-group${selected ? ' selected' : ''}${onSelect ? ' clickable' : ''}`}
              data-group={g.id}
              role={onSelect ? 'button' : undefined}
              tabIndex={onSelect ? 0 : undefined}
              aria-label={tooltip.replace(/\n/g, ' / ')}
              onClick={onSelect ? () => onSelect(g.id) : undefined}
              onKeyDown={onSelect ? (e) => onKey(e, g.id) : undefined}
            >
              <title>{tooltip}</title>
              <rect x={0} y={top} width={width} height={groupHeight(g)} className="gp-bar-chart-hit" />
              <text x={labelWidth} y={top + groupHeight(g) / 2} textAnchor="end" dominantBaseline="middle" className="gp-bar-chart-label">
                {fit(g.label, labelWidth - 4)}
              </text>
              {g.bars.map((b, i) => {
                const by = top + GROUP_PAD + i * (BAR_HEIGHT + BAR_GAP);
                let cursor = plotLeft;
                const total = b.segments.reduce((n, s) => n + Math.max(0, s.value), 0);
                return (
                  <g key={b.key}>
                    {b.segments.map((s) => {
                      const w = x(s.value);
                      const rect = <rect key={s.seriesKey} x={cursor} y={by} width={w} height={BAR_HEIGHT} fill={colors.get(s.seriesKey)} data-series={s.seriesKey} />;
                      cursor += w;
                      return rect;
                    })}
                    {total > 0 && (
                      <text x={cursor + 4} y={by + BAR_HEIGHT / 2} dominantBaseline="middle" className="gp-bar-chart-value">
                        {formatValue(total)}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
