// What is due when: the Deadlines screen's buckets (overdue, next 30/60/90 days), reminder selection, and the
// milestone → calendar-event mapping shared by the .ics export in the app and the CLI.
import type { IsoDate, Milestone, MilestoneStatus, Project } from '../domain/types';
import { addDays } from '../calendar/fiscal-year';
import type { CalendarEvent } from '../calendar/icalendar';
import { MILESTONE_KIND_LABELS } from '../domain/labels';
import type { Language } from '../domain/message';

/** Statuses that still need action. */
export const OPEN_STATUSES: readonly MilestoneStatus[] = ['planned'];

export function isOpen(m: Pick<Milestone, 'status'>): boolean {
  return OPEN_STATUSES.includes(m.status);
}

export type DeadlineBucket = 'overdue' | 'next30' | 'next60' | 'next90' | 'later';

/** Bucket of an open milestone relative to today: overdue (< today), within 30/60/90 days (inclusive), or later. */
export function deadlineBucket(dueDate: IsoDate, today: IsoDate): DeadlineBucket {
  if (dueDate < today) return 'overdue';
  if (dueDate <= addDays(today, 30)) return 'next30';
  if (dueDate <= addDays(today, 60)) return 'next60';
  if (dueDate <= addDays(today, 90)) return 'next90';
  return 'later';
}

/** Open milestones due between today and today + days (inclusive), including overdue ones when `includeOverdue`. */
export function dueWithin<T extends Pick<Milestone, 'dueDate' | 'status'>>(items: readonly T[], today: IsoDate, days: number, includeOverdue = true): T[] {
  const last = addDays(today, days);
  return items.filter((m) => isOpen(m) && m.dueDate <= last && (includeOverdue || m.dueDate >= today));
}

/** "[A-2025-001] ステージゲート評価（1年目）": the summary a calendar shows. */
export function milestoneSummary(m: Pick<Milestone, 'title'>, project: Pick<Project, 'code'> | undefined): string {
  return project?.code ? `[${project.code}] ${m.title}` : m.title;
}

/**
 * Calendar events for milestones, with the project code in the summary and its title in the description; the
 * categories carry the project code and the kind's name (ステージゲート評価 …) so a calendar can filter by either.
 */
export function milestonesToEvents(milestones: readonly Milestone[], projectsById: ReadonlyMap<string, Pick<Project, 'code' | 'title'>>, lang: Language = 'ja'): CalendarEvent[] {
  return milestones.map((m) => {
    const p = projectsById.get(m.projectId);
    const description = [p?.title, m.notes].filter(Boolean).join('\n');
    const event: CalendarEvent = {
      id: m.id,
      date: m.dueDate,
      summary: milestoneSummary(m, p),
      status: 'CONFIRMED',
    };
    if (description) event.description = description;
    event.categories = [...(p?.code ? [p.code] : []), MILESTONE_KIND_LABELS[m.kind][lang]];
    return event;
  });
}
