// Calls and applications as calendar events, for the Deadlines screen, the calendar and the .ics export beside the
// milestones: a tracked call's opening and deadline, and a pending application's internal (学内) and e-Rad deadlines.
import type { CalendarEvent } from '../calendar/icalendar';
import type { WorkingDayOptions } from '../calendar/working-days';
import type { Application, TrackedCall } from '../domain/planning';
import { PENDING_APPLICATION_STATUSES } from '../domain/planning';
import { DEFAULT_INTERNAL_DEADLINE_DAYS, effectiveInternalDeadline } from './internal-deadline';

const WORDS = {
  opening: { ja: '公募開始', en: 'Call opens' },
  deadline: { ja: '公募締切', en: 'Call deadline' },
  internal: { ja: '学内締切', en: 'Internal deadline' },
  erad: { ja: 'e-Rad締切', en: 'e-Rad deadline' },
} as const;

/** Opening and deadline of every live call (ids stable per call, so a re-export updates calendars, not duplicates). */
export function trackedCallEvents(calls: readonly TrackedCall[], lang: 'ja' | 'en'): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const c of calls) {
    if (c.deletedAt) continue;
    const add = (kind: 'opening' | 'deadline', date: string | null) => {
      if (!date) return;
      const event: CalendarEvent = { id: `call-${c.id}-${kind}`, date, summary: `${WORDS[kind][lang]}: ${c.name}`, status: 'CONFIRMED' };
      const description = [c.url, c.notes].filter(Boolean).join('\n');
      if (description) event.description = description;
      events.push(event);
    };
    add('opening', c.openingDate);
    add('deadline', c.deadline);
  }
  return events;
}

/** The internal and e-Rad deadlines of applications still planned or submitted. */
export function applicationDeadlineEvents(
  applications: readonly Application[],
  lang: 'ja' | 'en',
  workingDays: number = DEFAULT_INTERNAL_DEADLINE_DAYS,
  opts: WorkingDayOptions = {},
): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const a of applications) {
    if (a.deletedAt || !PENDING_APPLICATION_STATUSES.includes(a.status)) continue;
    const name = a.title || a.callName;
    const add = (kind: 'internal' | 'erad', date: string | null) => {
      if (!date) return;
      events.push({ id: `application-${a.id}-${kind}`, date, summary: `[${a.code}] ${WORDS[kind][lang]}: ${name}`, categories: [a.code], status: 'CONFIRMED' });
    };
    add('internal', effectiveInternalDeadline(a, workingDays, opts));
    add('erad', a.eradDeadline);
  }
  return events;
}
