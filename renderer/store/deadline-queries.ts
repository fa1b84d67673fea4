// The store's reads for deadlines (the Deadlines screen, its month calendar and templates, the dashboard's next
// items): open milestones through the [status+dueDate] and dueDate indexes, with their live projects fetched by id.
import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDate, Milestone, Project } from '../../shared/domain/types';
import { addDays } from '../../shared/calendar/fiscal-year';
import type { MilestoneTemplate } from '../../shared/portfolio/templates';
import { db } from './db';
import { loadTemplates } from './templates';

export interface MilestonesWithProjects {
  /** Items whose project is live (not in the trash). */
  items: Milestone[];
  projects: Map<string, Project>;
  /** What was asked (a live query keeps showing its last answer while the next one loads). */
  query?: string;
}

async function withProjects(items: Milestone[]): Promise<MilestonesWithProjects> {
  const ids = [...new Set(items.map((m) => m.projectId))];
  const rows = await db.projects.bulkGet(ids);
  const projects = new Map<string, Project>();
  for (const p of rows) if (p && !p.deletedAt) projects.set(p.id, p);
  return { items: items.filter((m) => projects.has(m.projectId)), projects };
}

/** Open ('planned') items due up to `today` + `daysAhead` (overdue ones included), or every open item with `all`. */
export function useOpenMilestones(today: IsoDate, daysAhead: number, all: boolean): MilestonesWithProjects | undefined {
  return useLiveQuery(
    async () => ({ ...(await withProjects(all
      ? await db.milestones.where('status').equals('planned').sortBy('dueDate')
      : await db.milestones.where('[status+dueDate]').between(['planned', ''], ['planned', addDays(today, daysAhead)], true, true).toArray())), query: all ? 'all' : `${today}+${daysAhead}` }),
    [today, daysAhead, all],
  );
}

/** Every item (any status) due from `start` through `end` inclusive: a calendar month. */
export function useMilestonesDue(start: IsoDate, end: IsoDate): MilestonesWithProjects | undefined {
  return useLiveQuery(async () => ({ ...(await withProjects(await db.milestones.where('dueDate').between(start, end, true, true).toArray())), query: `${start}/${end}` }), [start, end]);
}

/** The dashboard's next open items: due from today through today + `days`, at most `limit`. */
export function useNextDeadlines(today: IsoDate, days: number, limit: number): MilestonesWithProjects | undefined {
  return useLiveQuery(async () => {
    const soon = await db.milestones.where('[status+dueDate]').between(['planned', today], ['planned', addDays(today, days)], true, true).toArray();
    const r = await withProjects(soon);
    return { ...r, items: r.items.slice(0, limit) };
  }, [today, days, limit]);
}

/** The office's yearly deadline templates. */
export function useTemplates(): MilestoneTemplate[] | undefined {
  return useLiveQuery(loadTemplates, []);
}
