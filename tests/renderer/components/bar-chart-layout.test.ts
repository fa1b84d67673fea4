// The bar chart's geometry: scale and ticks, where bars and stacked segments sit, labels cut to fit, and the text
// alternatives (tooltip lines, data table) that screen readers get.
import { describe, expect, it } from 'vitest';
import {
  AXIS_HEIGHT, BAR_GAP, BAR_HEIGHT, GROUP_PAD, LEGEND_ROW, MIN_WIDTH, OTHERS_GROUP_ID, VALUE_ROOM, barTotal, capGroups, chartTable, fitLabel, groupSummary, layoutBarChart, layoutLegend, niceScale,
  textWidth,
} from '../../../renderer/components/bar-chart-layout';
import type { BarGroup, BarSeries } from '../../../renderer/components/bar-chart-layout';

const series: BarSeries[] = [
  { key: 'direct', label: '直接経費', color: '#111' },
  { key: 'indirect', label: '間接経費', color: '#222' },
];
const stacked = (id: string, direct: number, indirect: number, label = id): BarGroup => ({
  id, label, bars: [{ key: 'total', segments: [{ seriesKey: 'direct', value: direct }, { seriesKey: 'indirect', value: indirect }] }],
});

describe('niceScale', () => {
  it.each([
    [7, 8, 2],
    [100, 100, 20],
    [101, 125, 25],
    [3_600_000_000, 4_000_000_000, 1_000_000_000],
    [0.3, 0.3, 0.1],
  ])('covers %d with a round maximum and step', (max, wantMax, wantStep) => {
    const s = niceScale(max);
    expect(s.step).toBeCloseTo(wantStep, 9);
    expect(s.max).toBeCloseTo(wantMax, 9);
    expect(s.max).toBeGreaterThanOrEqual(max);
  });

  it('gives a unit scale when there is nothing to show', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 0.25 });
    expect(niceScale(Number.NaN)).toEqual({ max: 1, step: 0.25 });
  });
});

describe('labels', () => {
  it('counts CJK as wide and Latin as narrow', () => {
    expect(textWidth('事業')).toBe(24);
    expect(textWidth('AB')).toBe(14);
  });

  it('cuts a long label with an ellipsis within the width, and keeps a short one', () => {
    expect(fitLabel('BINDS', 100)).toBe('BINDS');
    const cut = fitLabel('革新的先端研究開発支援事業（AMED-CREST）', 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(100);
    expect('革新的先端研究開発支援事業'.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('layoutBarChart', () => {
  const groups = [stacked('a', 60, 40), stacked('b', 30, 0), stacked('c', -5, 10)];
  const layout = layoutBarChart(groups, 800);

  it('scales bars to the largest total and stacks segments left to right', () => {
    expect(layout.scale.max).toBe(100);
    expect(layout.plotWidth).toBe(800 - layout.plotLeft - VALUE_ROOM);
    const [a] = layout.groups[0]!.bars;
    expect(a!.segments[0]!.x).toBe(layout.plotLeft);
    expect(a!.segments[0]!.width).toBeCloseTo(0.6 * layout.plotWidth, 9);
    expect(a!.segments[1]!.x).toBeCloseTo(layout.plotLeft + 0.6 * layout.plotWidth, 9);
    expect(a!.end).toBeCloseTo(layout.plotLeft + layout.plotWidth, 9);
    expect(a!.total).toBe(100);
    expect(layout.groups[1]!.bars[0]!.end).toBeCloseTo(layout.plotLeft + 0.3 * layout.plotWidth, 9);
  });

  it('draws negative values as zero width', () => {
    const c = layout.groups[2]!.bars[0]!;
    expect(c.segments[0]!.width).toBe(0);
    expect(c.total).toBe(10);
    expect(barTotal(groups[2]!.bars[0]!)).toBe(10);
  });

  it('puts one tick per step from zero to the maximum, on the plot', () => {
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(layout.ticks[0]!.x).toBe(layout.plotLeft);
    expect(layout.ticks.at(-1)!.x).toBeCloseTo(layout.plotLeft + layout.plotWidth, 9);
  });

  it('stacks groups below the axis without overlap and sizes the drawing to fit', () => {
    const h = BAR_HEIGHT + 2 * GROUP_PAD;
    expect(layout.groups.map((g) => g.top)).toEqual([AXIS_HEIGHT, AXIS_HEIGHT + h, AXIS_HEIGHT + 2 * h]);
    expect(layout.height).toBe(AXIS_HEIGHT + 3 * h + 4);
    const two = layoutBarChart([{ id: 'x', label: 'x', bars: [{ key: '1', segments: [] }, { key: '2', segments: [] }] }], 800);
    expect(two.groups[0]!.height).toBe(2 * BAR_HEIGHT + BAR_GAP + 2 * GROUP_PAD);
    expect(two.groups[0]!.bars[1]!.y - two.groups[0]!.bars[0]!.y).toBe(BAR_HEIGHT + BAR_GAP);
  });

  it('never lays out narrower than the minimum, and gives labels at most 38% of the width', () => {
    expect(layoutBarChart(groups, 100).width).toBe(MIN_WIDTH);
    const narrow = layoutBarChart([stacked('long', 1, 1, '非常に長い事業名の研究開発推進プログラム')], 400);
    expect(narrow.labelWidth).toBe(Math.round(400 * 0.38));
    expect(textWidth(narrow.groups[0]!.label)).toBeLessThanOrEqual(narrow.labelWidth - 4);
  });
});

describe('text alternatives', () => {
  const fmt = (n: number) => `¥${n}`;
  it('summarises a group by series for its tooltip and accessible name, with the full title', () => {
    expect(groupSummary({ ...stacked('a', 60, 20, 'AB'), title: 'Alpha Beta' }, series, fmt)).toEqual(['Alpha Beta', '直接経費: ¥60', '間接経費: ¥20']);
  });

  it('tabulates each group by series, summing bars and leaving absent series empty', () => {
    const two: BarGroup = { id: 'p', label: 'P', bars: [{ key: 'x', segments: [{ seriesKey: 'direct', value: 5 }] }, { key: 'y', segments: [{ seriesKey: 'direct', value: 7 }] }] };
    expect(chartTable([two, stacked('q', 1, 2)], series)).toEqual([
      { label: 'P', values: [12, null] },
      { label: 'q', values: [1, 2] },
    ]);
  });
});

describe('legend', () => {
  it('sits above the axis, left to right, and wraps when the row is full', () => {
    const layout = layoutBarChart([stacked('a', 1, 1)], 400, 240, series);
    expect(layout.legend.map((l) => [l.key, l.y])).toEqual([['direct', 0], ['indirect', 0]]);
    expect(layout.legend[1]!.x).toBeGreaterThan(layout.legend[0]!.x + textWidth('直接経費'));
    expect(layout.axisTop).toBeGreaterThanOrEqual(LEGEND_ROW);
    expect(layout.groups[0]!.top).toBe(layout.axisTop + AXIS_HEIGHT);
    const many = layoutLegend(Array.from({ length: 8 }, (_, i) => ({ key: `s${i}`, label: `系列${i}の予算額` })), 400);
    expect(new Set(many.map((l) => l.y)).size).toBeGreaterThan(1);
    for (const l of many) expect(l.x + 16 + textWidth(l.label)).toBeLessThanOrEqual(400);
    expect(layoutBarChart([stacked('a', 1, 1)], 400).axisTop).toBe(0);
  });
});

describe('capGroups', () => {
  const groups = Array.from({ length: 6 }, (_, i) => stacked(`g${i}`, 60 - i * 10, i));
  const label = (n: number) => `その他 ${n} 事業`;
  const same = (g: BarGroup) => g;

  it('leaves a short list as it is', () => {
    expect(capGroups(groups, 6, same, label)).toEqual(groups);
  });

  it('keeps the first limit - 1 and sums the rest segment by segment into one group', () => {
    const capped = capGroups(groups, 4, same, label);
    expect(capped.map((g) => g.id)).toEqual(['g0', 'g1', 'g2', OTHERS_GROUP_ID]);
    const others = capped[3]!;
    expect(others.label).toBe('その他 3 事業');
    expect(chartTable([others], series)).toEqual([{ label: 'その他 3 事業', values: [30 + 20 + 10, 3 + 4 + 5] }]);
    // The groups given are not changed by the summing.
    expect(chartTable(groups.slice(3), series).map((r) => r.values)).toEqual([[30, 3], [20, 4], [10, 5]]);
  });

  it('builds groups only for the items it draws; the rest give only their bars', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, direct: 1000 - i, indirect: 1 }));
    const built: string[] = [];
    const toGroup = (item: (typeof items)[number]) => {
      built.push(item.id);
      return stacked(item.id, item.direct, item.indirect);
    };
    const toBars = (item: (typeof items)[number]) => stacked(item.id, item.direct, item.indirect).bars;
    const capped = capGroups(items, 40, toGroup, label, toBars);
    expect(built).toEqual(items.slice(0, 39).map((x) => x.id));
    expect(capped).toHaveLength(40);
    const restDirect = items.slice(39).reduce((n, x) => n + x.direct, 0);
    expect(chartTable([capped[39]!], series)).toEqual([{ label: 'その他 961 事業', values: [restDirect, 961] }]);
    // Without toBars the rest are summed from their groups, to the same result.
    expect(capGroups(items, 40, toGroup, label)).toEqual(capped);
  });
});
