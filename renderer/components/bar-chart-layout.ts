// The bar chart's geometry as plain numbers (no React, no DOM): scale, ticks, where each group, bar and segment sits,
// and the words a tooltip or the hidden data table reads out. Kept apart so it is unit-tested without a browser.

export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

export interface BarSegment {
  seriesKey: string;
  value: number;
}

/** One bar: segments stacked left to right (e.g. request + supplementary, direct + indirect). */
export interface Bar {
  key: string;
  segments: BarSegment[];
}

export interface BarGroup {
  id: string;
  label: string;
  /** Full text for tooltips and the data table (the label may be shortened to fit). */
  title?: string;
  bars: Bar[];
}

/** Colours of the direct/indirect cost stack, the same on every screen that shows costs. */
export const BUDGET_SERIES_COLORS = { direct: '#1f5fbf', indirect: '#6ea8fe' } as const;

export const BAR_HEIGHT = 11;
export const BAR_GAP = 2;
export const GROUP_PAD = 9;
export const AXIS_HEIGHT = 22;
export const VALUE_ROOM = 72;
export const MIN_WIDTH = 360;
export const LEGEND_ROW = 18;
const LEGEND_SWATCH = 12;
const LEGEND_SPACING = 16;

/** Rough text width at 12px: CJK and full-width characters are square, Latin narrower. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 7;
  return w;
}

/** The label cut to `max` pixels with an ellipsis, or as it is when it fits. */
export function fitLabel(label: string, max: number): string {
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
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, step: 0.25 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-12)) ?? 10 * mag;
  return { max: Math.ceil(max / step - 1e-9) * step, step };
}

/** Sum of a bar's segments; negative values count as zero (a bar never grows leftwards). */
export function barTotal(bar: Bar): number {
  return bar.segments.reduce((n, s) => n + Math.max(0, s.value), 0);
}

interface SegmentBox {
  seriesKey: string;
  value: number;
  x: number;
  width: number;
}

interface BarBox {
  key: string;
  y: number;
  total: number;
  /** Right end of the last segment, where the total's text starts. */
  end: number;
  segments: SegmentBox[];
}

interface GroupBox {
  id: string;
  top: number;
  height: number;
  label: string;
  bars: BarBox[];
}

interface LegendItem {
  key: string;
  label: string;
  x: number;
  y: number;
}

interface BarChartLayout {
  width: number;
  height: number;
  labelWidth: number;
  plotLeft: number;
  plotWidth: number;
  scale: { max: number; step: number };
  ticks: { value: number; x: number }[];
  /** Top of the axis text: below the legend. */
  axisTop: number;
  legend: LegendItem[];
  groups: GroupBox[];
}

/** Legend entries left to right inside the drawing (so a saved image carries it), wrapping onto a new row when full. */
export function layoutLegend(series: readonly Pick<BarSeries, 'key' | 'label'>[], width: number): LegendItem[] {
  const items: LegendItem[] = [];
  let x = 0;
  let y = 0;
  for (const s of series) {
    const w = LEGEND_SWATCH + 4 + textWidth(s.label);
    if (x > 0 && x + w > width) {
      x = 0;
      y += LEGEND_ROW;
    }
    items.push({ key: s.key, label: s.label, x, y });
    x += w + LEGEND_SPACING;
  }
  return items;
}

/** Positions of everything in a chart `width` pixels wide (never narrower than MIN_WIDTH), legend on top. */
export function layoutBarChart(groups: readonly BarGroup[], width: number, maxLabelWidth = 240, series: readonly Pick<BarSeries, 'key' | 'label'>[] = []): BarChartLayout {
  const w = Math.max(MIN_WIDTH, Math.floor(width));
  const legend = layoutLegend(series, w);
  const axisTop = legend.length ? (legend.at(-1)!.y + LEGEND_ROW + 6) : 0;
  const labelWidth = Math.min(maxLabelWidth, Math.round(w * 0.38));
  const plotLeft = labelWidth + 8;
  const plotWidth = w - plotLeft - VALUE_ROOM;
  const scale = niceScale(Math.max(0, ...groups.flatMap((g) => g.bars.map(barTotal))));
  const x = (v: number) => (Math.max(0, v) / scale.max) * plotWidth;
  const ticks: { value: number; x: number }[] = [];
  const count = Math.round(scale.max / scale.step);
  for (let i = 0; i <= count; i++) ticks.push({ value: i * scale.step, x: plotLeft + x(i * scale.step) });
  let top = axisTop + AXIS_HEIGHT;
  const boxes = groups.map((g): GroupBox => {
    const height = Math.max(1, g.bars.length) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + 2 * GROUP_PAD;
    const bars = g.bars.map((b, i): BarBox => {
      let cursor = plotLeft;
      const segments = b.segments.map((s): SegmentBox => {
        const box = { seriesKey: s.seriesKey, value: s.value, x: cursor, width: x(s.value) };
        cursor += box.width;
        return box;
      });
      return { key: b.key, y: top + GROUP_PAD + i * (BAR_HEIGHT + BAR_GAP), total: barTotal(b), end: cursor, segments };
    });
    const box = { id: g.id, top, height, label: fitLabel(g.label, labelWidth - 4), bars };
    top += height;
    return box;
  });
  return { width: w, height: top + 4, labelWidth, plotLeft, plotWidth, scale, ticks, axisTop, legend, groups: boxes };
}

/** "Label: series a ¥1, series b ¥2" lines of a group, for its tooltip and its accessible name. */
export function groupSummary(group: BarGroup, series: readonly BarSeries[], formatValue: (v: number) => string): string[] {
  const names = new Map(series.map((s) => [s.key, s.label]));
  return [group.title ?? group.label, ...group.bars.flatMap((b) => b.segments.map((s) => `${names.get(s.seriesKey) ?? s.seriesKey}: ${formatValue(s.value)}`))];
}

/** The data as a table (one row per group, one column per series, summed over its bars): the chart's text alternative. */
export function chartTable(groups: readonly BarGroup[], series: readonly BarSeries[]): { label: string; values: (number | null)[] }[] {
  return groups.map((g) => ({
    label: g.title ?? g.label,
    values: series.map((s) => {
      const seg = g.bars.flatMap((b) => b.segments).filter((x) => x.seriesKey === s.key);
      return seg.length ? seg.reduce((n, x) => n + x.value, 0) : null;
    }),
  }));
}

/** The id of the group that sums what capGroups left out; it opens nothing when selected. */
export const OTHERS_GROUP_ID = '__others__';

/**
 * At most `limit` groups from `items` (sorted largest first): the first `limit - 1` are built into groups by `toGroup`,
 * and the rest are summed bar by bar and segment by segment into one group. An office catalog may hold thousands of
 * programs; one bar and label each froze the window for seconds and could not be read anyway. Only the drawn items
 * are built into groups: the rest give only their bars (`toBars`), so a catalog re-read builds 39 groups, not 4,000.
 */
export function capGroups<T>(
  items: readonly T[],
  limit: number,
  toGroup: (item: T) => BarGroup,
  othersLabel: (count: number) => string,
  toBars: (item: T) => readonly Bar[] = (item) => toGroup(item).bars,
): BarGroup[] {
  if (items.length <= limit) return items.map(toGroup);
  const kept: BarGroup[] = [];
  for (let i = 0; i < limit - 1; i++) kept.push(toGroup(items[i]!));
  const bars: Bar[] = [];
  for (let i = limit - 1; i < items.length; i++) {
    for (const bar of toBars(items[i]!)) {
      let into = bars.find((b) => b.key === bar.key);
      if (!into) bars.push((into = { key: bar.key, segments: [] }));
      for (const s of bar.segments) {
        const seg = into.segments.find((x) => x.seriesKey === s.seriesKey);
        if (seg) seg.value += s.value;
        else into.segments.push({ seriesKey: s.seriesKey, value: s.value });
      }
    }
  }
  const label = othersLabel(items.length - (limit - 1));
  kept.push({ id: OTHERS_GROUP_ID, label, title: label, bars });
  return kept;
}
