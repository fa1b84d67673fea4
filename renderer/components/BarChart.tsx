// The app's one bar chart (Dashboard, Programs, Reports): horizontal groups of stacked bars in plain SVG, long
// Japanese labels on the left, a legend drawn inside the SVG, a tooltip on hover or keyboard focus, the data for screen
// readers (a visually hidden table, or the page's own table beside the chart), and "save as image" (PNG or SVG).
// Colours and fonts are attributes, not CSS, so a saved image and a printed page look like the screen. Geometry lives
// in bar-chart-layout.ts.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopApi } from '../platform/desktop-api';
import { AXIS_HEIGHT, BAR_HEIGHT, chartTable, groupSummary, layoutBarChart } from './bar-chart-layout';
import type { BarGroup, BarSeries } from './bar-chart-layout';
import { svgText, svgToPng } from './chart-image';
import { useRowsInSlices } from './use-rows-in-slices';

export type { BarGroup, BarSeries } from './bar-chart-layout';

export interface BarChartProps {
  groups: readonly BarGroup[];
  series: readonly BarSeries[];
  /** Value text at the end of each bar, in tooltips and in the data table. */
  formatValue: (value: number) => string;
  /** Axis tick text; defaults to formatValue. */
  formatTick?: (value: number) => string;
  /** What the chart shows, read by screen readers and used as the data table's caption. */
  ariaLabel: string;
  onSelect?: (groupId: string) => void;
  selectedId?: string | null;
  /** Width before the container is measured; the drawing then follows the container so text keeps its size. */
  width?: number;
  labelWidth?: number;
  /** File name (without extension) offered when saving the chart as an image; no save buttons without it. */
  imageName?: string;
  /**
   * The id of a table beside the chart that shows the same numbers (Reports): screen readers are pointed to it
   * (aria-details) instead of a hidden copy, which at Reports' 108 groups was a large share of the screen's layout.
   */
  dataTableId?: string;
}

/** Groups drawn with the chart's first frame (more than a screenful of rows); the rest follow a slice per frame, so a
 * chart of a hundred groups and more (Reports, all years) is not one long task of SVG text layout. */
const GROUPS_FIRST = 40;
const GROUPS_STEP = 60;

const FONT = "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', 'Meiryo', sans-serif";
const INK = '#1d2330';
const MUTED = '#5d6675';
const GRID = '#e6e9ee';

export function BarChart({ groups, series, formatValue, formatTick = formatValue, ariaLabel, onSelect, selectedId, width: initialWidth = 760, labelWidth = 240, imageName, dataTableId }: BarChartProps) {
  const { t } = useTranslation();
  const figureRef = useRef<HTMLElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [status, setStatus] = useState('');
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
  const layout = useMemo(() => layoutBarChart(groups, measured ?? initialWidth, labelWidth, series), [groups, measured, initialWidth, labelWidth, series]);
  const colors = useMemo(() => new Map(series.map((s) => [s.key, s.color])), [series]);
  const table = useMemo(() => (dataTableId ? [] : chartTable(groups, series)), [groups, series, dataTableId]);
  const byId = useMemo(() => new Map(groups.map((g) => [g.id, g])), [groups]);
  // Counted on the groups given, not on their layout, so a new width (the container measured) keeps what is shown.
  const shown = useRowsInSlices(groups, GROUPS_FIRST, GROUPS_STEP).length;
  const drawn = shown < layout.groups.length ? layout.groups.slice(0, shown) : layout.groups;
  const complete = shown >= groups.length;
  const activeBox = active ? layout.groups.find((g) => g.id === active) : undefined;
  const activeGroup = active ? byId.get(active) : undefined;

  const onKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect?.(id);
    }
  };

  const save = async (kind: 'png' | 'svg') => {
    const svg = svgRef.current;
    if (!svg || !imageName) return;
    setStatus('');
    try {
      const bytes = kind === 'png' ? await svgToPng(svg) : new TextEncoder().encode(svgText(svg));
      const filter = kind === 'png' ? { name: 'PNG', extensions: ['png'] } : { name: 'SVG', extensions: ['svg'] };
      const result = await desktopApi.saveFile({ title: t('chart.saveTitle'), suggestedName: `${imageName}.${kind}`, filters: [filter], bytes });
      if (result.saved) setStatus(t('chart.saved', { location: result.location ?? `${imageName}.${kind}` }));
    } catch (e) {
      setStatus(t('chart.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <figure className="gp-bar-chart" ref={figureRef} data-chart={imageName}>
      {imageName && (
        <div className="gp-bar-chart-actions no-print">
          <span role="status" className="muted">{status}</span>
          {/* The image is the SVG as drawn: saved once every group is in it (a few frames after it appears). */}
          <button type="button" data-action="chart-save-png" disabled={!complete} onClick={() => void save('png')}>{t('chart.savePng')}</button>
          <button type="button" data-action="chart-save-svg" disabled={!complete} onClick={() => void save('svg')}>{t('chart.saveSvg')}</button>
        </div>
      )}
      <div className="gp-bar-chart-plot">
        <svg
          ref={svgRef}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width="100%"
          role={onSelect ? 'group' : 'img'}
          aria-label={ariaLabel}
          aria-details={dataTableId}
          className="gp-bar-chart-svg"
          fontFamily={FONT}
          fontSize={12}
        >
          <g className="gp-bar-chart-legend" aria-hidden="true">
            {layout.legend.map((item) => (
              <g key={item.key} data-legend={item.key}>
                <rect x={item.x} y={item.y + 2} width={12} height={12} rx={2} fill={colors.get(item.key)} />
                <text x={item.x + 16} y={item.y + 8} dominantBaseline="middle" fill={INK}>{item.label}</text>
              </g>
            ))}
          </g>
          {layout.ticks.map((tick) => (
            <g key={tick.value} aria-hidden="true">
              <line x1={tick.x} x2={tick.x} y1={layout.axisTop + AXIS_HEIGHT - 4} y2={layout.height - 4} stroke={GRID} />
              <text x={tick.x} y={layout.axisTop + AXIS_HEIGHT - 8} textAnchor="middle" fontSize={11} fill={MUTED}>
                {formatTick(tick.value)}
              </text>
            </g>
          ))}
          {drawn.map((g) => {
            const group = byId.get(g.id)!;
            const summary = groupSummary(group, series, formatValue);
            const selected = selectedId === g.id;
            return (
              <g
                key={g.id}
                className={`gp-bar-chart-group${selected ? ' selected' : ''}${onSelect ? ' clickable' : ''}`}
                data-group={g.id}
                role={onSelect ? 'button' : undefined}
                tabIndex={onSelect ? 0 : undefined}
                aria-label={onSelect ? summary.join(' / ') : undefined}
                aria-pressed={onSelect ? selected : undefined}
                onClick={onSelect ? () => onSelect(g.id) : undefined}
                onKeyDown={onSelect ? (e) => onKey(e, g.id) : undefined}
                onMouseEnter={() => setActive(g.id)}
                onMouseLeave={() => setActive((a) => (a === g.id ? null : a))}
                onFocus={() => setActive(g.id)}
                onBlur={() => setActive((a) => (a === g.id ? null : a))}
              >
                <title>{summary.join('\n')}</title>
                <rect x={0} y={g.top} width={layout.width} height={g.height} className="gp-bar-chart-hit" fill="transparent" />
                <text x={layout.labelWidth} y={g.top + g.height / 2} textAnchor="end" dominantBaseline="middle" fill={INK}>
                  {g.label}
                </text>
                {g.bars.map((b) => (
                  <g key={b.key}>
                    {b.segments.map((s) => (
                      <rect key={s.seriesKey} x={s.x} y={b.y} width={s.width} height={BAR_HEIGHT} fill={colors.get(s.seriesKey)} data-series={s.seriesKey} />
                    ))}
                    {b.total > 0 && (
                      <text x={b.end + 4} y={b.y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize={11} fill={MUTED}>
                        {formatValue(b.total)}
                      </text>
                    )}
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
        {activeBox && activeGroup && (
          <div className="gp-bar-chart-tooltip" role="tooltip" style={{ top: `${((activeBox.top + activeBox.height) / layout.height) * 100}%`, left: `${(layout.plotLeft / layout.width) * 100}%` }}>
            {groupSummary(activeGroup, series, formatValue).map((line, i) => (
              <div key={i} className={i === 0 ? 'gp-bar-chart-tooltip-title' : undefined}>{line}</div>
            ))}
          </div>
        )}
      </div>
      {!dataTableId && (
        <table className="visually-hidden">
          <caption>{ariaLabel}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.item')}</th>
              {series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {table.map((row, i) => (
              <tr key={i}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, j) => <td key={j}>{v === null ? '—' : formatValue(v)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
