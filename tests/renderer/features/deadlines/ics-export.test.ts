// The sliced .ics writer gives exactly toICalendar's text (same events, same DTSTAMP) across slice boundaries, and
// stops with an AbortError when cancelled between slices.
import { describe, expect, it } from 'vitest';
import { toICalendar } from '../../../../shared/calendar/icalendar';
import type { CalendarEvent } from '../../../../shared/calendar/icalendar';
import type { Milestone } from '../../../../shared/domain/types';
import { milestonesToEvents } from '../../../../shared/portfolio/deadlines';
import { writeIcsParts } from '../../../../renderer/features/deadlines/ics-export';

const milestones: Milestone[] = Array.from({ length: 2_345 }, (_, i) => ({
  id: `m-${i}`, projectId: `p-${i % 7}`, kind: i % 2 ? 'stage-gate' : 'interim-evaluation', title: `中間評価, 第${i}回; 提出`, dueDate: `2027-0${(i % 9) + 1}-1${i % 10}`,
  status: 'planned', doneDate: null, notes: i % 3 ? '' : 'メモ\n二行目', origin: 'user',
}));
const projects = new Map(Array.from({ length: 7 }, (_, i) => [`p-${i}`, { code: `A-${i}`, title: `課題 ${i}` }]));
const extra: CalendarEvent[] = [{ id: 'call-1', date: '2027-05-01', summary: '公募締切: 公募E2E' }];
const now = new Date('2026-12-02T03:04:05Z');

describe('writeIcsParts', () => {
  it('writes the same text as one toICalendar call, in several parts', async () => {
    const progress: number[] = [];
    const parts = await writeIcsParts(milestones, projects, extra, { calendarName: '締切', lang: 'ja', now }, { progress: (d) => progress.push(d) });
    expect(parts.length).toBeGreaterThan(3);
    const text = new TextDecoder().decode(Buffer.concat(parts));
    expect(text).toBe(toICalendar([...milestonesToEvents(milestones, projects, 'ja'), ...extra], { calendarName: '締切', now }));
    expect(progress.at(-1)).toBe(milestones.length);
  });

  it('stops with an AbortError once cancelled', async () => {
    const stop = new AbortController();
    const run = writeIcsParts(milestones, projects, extra, { calendarName: '締切', lang: 'ja', now }, { signal: stop.signal, progress: (d) => d >= 1000 && stop.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
