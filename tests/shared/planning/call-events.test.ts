import { describe, expect, it } from 'vitest';
import { applicationDeadlineEvents, trackedCallEvents } from '../../../shared/planning/call-events';
import type { TrackedCall } from '../../../shared/domain/planning';
import { makeApplication } from './fixtures';

const call = (id: string, patch: Partial<TrackedCall> = {}): TrackedCall => ({
  id, name: `公募 ${id}`, programId: null, trackId: null, funderName: 'JST', fiscalYear: 2026, openingDate: '2026-04-01', deadline: '2026-05-20',
  expectedAwards: null, supportYen: null, url: 'https://example.org/call', notes: '', deletedAt: null, createdAt: '', updatedAt: '', ...patch,
});

describe('calendar events of calls and applications', () => {
  it('gives a call its opening and deadline, skipping missing dates and the trash', () => {
    const events = trackedCallEvents([call('c1'), call('c2', { openingDate: null }), call('c3', { deletedAt: '2026-01-01T00:00:00Z' })], 'ja');
    expect(events.map((e) => [e.id, e.date, e.summary])).toEqual([
      ['call-c1-opening', '2026-04-01', '公募開始: 公募 c1'],
      ['call-c1-deadline', '2026-05-20', '公募締切: 公募 c1'],
      ['call-c2-deadline', '2026-05-20', '公募締切: 公募 c2'],
    ]);
    expect(events[0]!.description).toBe('https://example.org/call');
  });
  it('gives a pending application its internal deadline by the working-day rule and its e-Rad deadline', () => {
    const apps = [
      makeApplication('a1', { code: 'AP-1', title: '課題', eradDeadline: '2025-05-07' }),
      makeApplication('a2', { code: 'AP-2', eradDeadline: '2025-05-07', internalDeadline: '2025-04-01', status: 'planned' }),
      makeApplication('a3', { status: 'awarded' }),
    ];
    const events = applicationDeadlineEvents(apps, 'en', 5);
    expect(events.map((e) => [e.id, e.date])).toEqual([
      ['application-a1-internal', '2025-04-25'],
      ['application-a1-erad', '2025-05-07'],
      ['application-a2-internal', '2025-04-01'],
      ['application-a2-erad', '2025-05-07'],
    ]);
    expect(events[0]!.summary).toBe('[AP-1] Internal deadline: 課題');
  });
});
