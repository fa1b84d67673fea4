// The store's reads for deadlines (the Deadlines screen, its month calendar and templates, the dashboard's next
// items): open milestones through the [status+dueDate] and dueDate indexes, a page at a time with indexed counts
// (a view can hold every open item of 50,000 projects), and their live projects fetched by id. A view can be narrowed
// to one program or department (their indexes, then those projects' milestones by projectId).
import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDate, Milestone, Project } from '../../shared/domain/types';
import { addDays, daysBetween } from '../../shared/calendar/fiscal-year';
import { deadlineBucket } from '../../shared/portfolio/deadlines';
import type { DeadlineBucket } from '../../shared/portfolio/deadlines';
import type { MilestoneTemplate } from '../../shared/portfolio/templates';
import { db } from './db';
import { loadTemplates } from './templates';
import { readFewDistinctKeys, readInPages } from './paged-read';
import { readRevision, readUnchanged } from './kept-snapshot';
import { watchTables } from './dashboard-data';
import { movedCounts } from './open-changes';

export interface MilestonesWithProjects {
  /** Items whose project is live (not in the trash). */
  items: Milestone[];
  projects: Map<string, Project>;
}

async function withProjects(items: Milestone[]): Promise<MilestonesWithProjects> {
  const ids = [...new Set(items.map((m) => m.projectId))];
  const rows = await db.projects.bulkGet(ids);
  const projects = new Map<string, Project>();
  for (const p of rows) if (p && !p.deletedAt) projects.set(p.id, p);
  return { items: items.filter((m) => projects.has(m.projectId)), projects };
}

/** The Deadlines screen's views of open items. */
export const DEADLINE_VIEWS = ['upTo90', 'overdue', 'next30', 'next60', 'next90', 'all'] as const;
export type DeadlineView = (typeof DEADLINE_VIEWS)[number];

const BUCKETS: readonly DeadlineBucket[] = ['overdue', 'next30', 'next60', 'next90', 'later'];
const VIEW_BUCKETS: Record<DeadlineView, readonly DeadlineBucket[]> = {
  upTo90: ['overdue', 'next30', 'next60', 'next90'], overdue: ['overdue'], next30: ['next30'], next60: ['next30', 'next60'],
  next90: ['next30', 'next60', 'next90'], all: BUCKETS,
};
/** Past every ISO date: the open end of the 'later' bucket. */
const END = '\uffff';

/** Due dates of a bucket as a half-open range [from, to) (deadlineBucket's rule: 30/60/90 days inclusive). */
function bucketRange(bucket: DeadlineBucket, today: IsoDate): [string, string] {
  const day = (n: number) => addDays(today, n);
  switch (bucket) {
    case 'overdue': return ['', today];
    case 'next30': return [today, day(31)];
    case 'next60': return [day(31), day(61)];
    case 'next90': return [day(61), day(91)];
    default: return [day(91), END];
  }
}

const openIn = ([from, to]: [string, string]) => db.milestones.where('[status+dueDate]').between(['planned', from], ['planned', to], true, false);

/**
 * Indexed counts of open items per due-date range, kept with the store's revision they were counted at (read in the
 * same transaction): Chromium walks a range to count it, and at 50,000 projects the overdue range holds 75,000 items,
 * most of a tab switch's time. Every committed write to milestones moves the revision (db.ts), so an equal revision
 * means the same count; they are also set aside on any write seen to milestones (a cleared settings table restarts
 * the revision), and taken up again only when every revision since is a write noted here (`noteOpenChanges`).
 */
const keptCounts = {
  revision: undefined as number | undefined,
  byRange: new Map<string, number>(),
  /** The counts a write set aside, with their revision. */
  aside: null as { revision: number; byRange: Map<string, number> } | null,
  watching: false,
};

async function openCount(range: [string, string], revision: number | undefined): Promise<number> {
  if (revision === undefined) return openIn(range).count();
  if (!keptCounts.watching) {
    keptCounts.watching = true;
    watchTables(['milestones'], () => {
      if (keptCounts.revision !== undefined) keptCounts.aside = { revision: keptCounts.revision, byRange: keptCounts.byRange };
      keptCounts.revision = undefined;
      keptCounts.byRange = new Map();
    });
  }
  if (keptCounts.revision !== revision) {
    const from = keptCounts.revision !== undefined ? { revision: keptCounts.revision, byRange: keptCounts.byRange } : keptCounts.aside;
    keptCounts.byRange = (from && movedCounts(from, revision)) ?? new Map();
    keptCounts.aside = null;
  }
  keptCounts.revision = revision;
  const key = range.join('/');
  const kept = keptCounts.byRange.get(key);
  if (kept !== undefined) return kept;
  const n = await openIn(range).count();
  if (keptCounts.revision === revision) keptCounts.byRange.set(key, n);
  return n;
}

/**
 * Counts every bucket once, ahead of the Deadlines screen (main.tsx, at idle after start): the screen's first open
 * otherwise waits for the overdue range's walk (75,000 entries at 50,000 projects). A transaction per bucket, each
 * with its revision, so a write waits for one walk at most; the counts are kept as the screen's own (openCount).
 */
export async function countDeadlinesAhead(today: IsoDate): Promise<void> {
  for (const bucket of BUCKETS) await countBucket(bucket, today);
}

/** One bucket's open items (the trash included), kept with the revision read in the same transaction (openCount). */
const countBucket = (bucket: DeadlineBucket, today: IsoDate): Promise<number> =>
  db.transaction('r', [db.milestones, db.settings], async () => openCount(bucketRange(bucket, today), await readRevision()));

/**
 * The Dashboard's overdue count: open items due before today, as the Deadlines screen keeps it. Counting it per
 * summary in the reports Worker walked the range (75,000 entries, about 1.3 s at 50,000 projects) on every Dashboard
 * visit, holding IndexedDB's one queue while the next screen's reads waited; kept here, the read-ahead at start
 * (countDeadlinesAhead) and the Deadlines screen reuse it, and a visit with nothing written counts nothing.
 */
export const countOverdue = (today: IsoDate): Promise<number> => countBucket('overdue', today);

/** countOverdue, live; asked only once `enabled` (after the Dashboard's own reads), undefined until then. */
export function useOverdueCount(today: IsoDate, enabled: boolean): number | undefined {
  return useLiveQuery(() => (enabled ? countOverdue(today) : undefined), [today, enabled]);
}

/** Open items whose project is in the trash (the trash is small next to the portfolio; the deletedAt index holds only
 * trashed projects, as live ones have no key there). */
async function trashedOpen(): Promise<Milestone[]> {
  const ids = (await db.projects.where('deletedAt').above('').primaryKeys()) as string[];
  if (ids.length === 0) return [];
  return db.milestones.where('projectId').anyOf(ids).filter((m) => m.status === 'planned').toArray();
}

/** A view narrowed to one program and/or one department (null: any), as an office works on its own share. */
export interface DeadlineScope {
  programId: string | null;
  department: string | null;
}

export const ANY_SCOPE: DeadlineScope = { programId: null, department: null };

const scoped = (scope: DeadlineScope | undefined): scope is DeadlineScope => !!scope && (scope.programId !== null || scope.department !== null);
const scopeKey = (scope: DeadlineScope | undefined) => (scoped(scope) ? `/${scope.programId ?? '*'}/${scope.department ?? '*'}` : '');

/** Project ids read per milestone request of a scoped view (each answer a short task). */
const SCOPE_CHUNK = 400;

/**
 * The open items of the scope's live projects in a view, by due date: the projects through the programId and
 * department indexes (keys only), then their milestones through the projectId index a few hundred projects a request.
 */
async function scopedOpen(scope: DeadlineScope, buckets: readonly DeadlineBucket[], today: IsoDate): Promise<Milestone[]> {
  const [byProgram, byDepartment, trashed] = await Promise.all([
    scope.programId !== null ? db.projects.where('programId').equals(scope.programId).primaryKeys() : null,
    scope.department !== null ? db.projects.where('department').equals(scope.department).primaryKeys() : null,
    db.projects.where('deletedAt').above('').primaryKeys(),
  ]);
  const inDepartment = byDepartment ? new Set(byDepartment as string[]) : null;
  const inTrash = new Set(trashed as string[]);
  const ids = ((byProgram ?? byDepartment) as string[]).filter((id) => !inTrash.has(id) && (!inDepartment || inDepartment.has(id)));
  const ranges = buckets.map((b) => bucketRange(b, today));
  const inView = (m: Milestone) => m.status === 'planned' && ranges.some(([from, to]) => m.dueDate >= from && m.dueDate < to);
  const out: Milestone[] = [];
  for (let i = 0; i < ids.length; i += SCOPE_CHUNK) {
    for (const m of await db.milestones.where('projectId').anyOf(ids.slice(i, i + SCOPE_CHUNK)).filter(inView).toArray()) out.push(m);
  }
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1));
}

export interface DeadlineGroup {
  bucket: DeadlineBucket;
  /** Open items of live projects in the bucket. */
  total: number;
  /** The first `limit` of them by due date. */
  items: Milestone[];
}

export interface DeadlineViewPage {
  /** What was asked (a live query keeps showing its last answer while the next one loads). */
  query: string;
  groups: DeadlineGroup[];
  /** Open items in the whole view. */
  total: number;
  /** The projects of the items shown. */
  projects: Map<string, Project>;
  /** The store's revision the page was read at or after (undefined when unknown): the screen tells by it whether
   * the page already shows a write it made (its marks are hidden until then, see pending-marks.ts). */
  revision: number | undefined;
}

/**
 * One page of a view: per bucket its count (an indexed count, less the trashed projects' items) and its first `limit`
 * items by due date, with their projects. Reads at most `limit` items per bucket whatever the portfolio's size.
 */
export async function loadDeadlineView(today: IsoDate, view: DeadlineView, limit: number, scope?: DeadlineScope): Promise<DeadlineViewPage> {
  const query = `${today}/${view}/${limit}${scopeKey(scope)}`;
  if (scoped(scope)) {
    // Several transactions: the revision read first, so every write it counts is in what is read after it.
    const revision = await readRevision();
    const items = await scopedOpen(scope, VIEW_BUCKETS[view], today);
    const groups = VIEW_BUCKETS[view].map((bucket): DeadlineGroup => {
      const [from, to] = bucketRange(bucket, today);
      const mine = items.filter((m) => m.dueDate >= from && m.dueDate < to);
      return { bucket, total: mine.length, items: mine.slice(0, limit) };
    });
    const { projects } = await withProjects(groups.flatMap((g) => g.items));
    return { query, groups: groups.filter((g) => g.total > 0), total: items.length, projects, revision };
  }
  const { groups, projects, revision } = await db.transaction('r', [db.milestones, db.projects, db.settings], async () => {
    const [trashed, revision] = await Promise.all([trashedOpen(), readRevision()]);
    const trashedIds = new Set(trashed.map((m) => m.id));
    const groups = await Promise.all(
      VIEW_BUCKETS[view].map(async (bucket): Promise<DeadlineGroup> => {
        const range = bucketRange(bucket, today);
        const inTrash = trashed.filter((m) => m.dueDate >= range[0] && m.dueDate < range[1]).length;
        const [count, rows] = await Promise.all([openCount(range, revision), openIn(range).limit(limit + inTrash).toArray()]);
        return { bucket, total: count - inTrash, items: rows.filter((m) => !trashedIds.has(m.id)).slice(0, limit) };
      }),
    );
    return { groups, projects: (await withProjects(groups.flatMap((g) => g.items))).projects, revision };
  });
  return { query, groups: groups.filter((g) => g.total > 0), total: groups.reduce((s, g) => s + g.total, 0), projects, revision };
}

/** A page of a Deadlines view, live (undefined while the first one loads). */
export function useDeadlineView(today: IsoDate, view: DeadlineView, limit: number, scope: DeadlineScope = ANY_SCOPE): DeadlineViewPage | undefined {
  const { programId, department } = scope;
  return useLiveQuery(() => loadDeadlineView(today, view, limit, { programId, department }), [today, view, limit, programId, department]);
}

/** The key the screen compares a page's `query` with: that page answers this view, limit and scope. */
export function deadlineQueryKey(today: IsoDate, view: DeadlineView, limit: number, scope: DeadlineScope): string {
  return `${today}/${view}/${limit}${scopeKey(scope)}`;
}

/** The departments of the portfolio's projects (the department index's distinct keys, sought one by one: a walk read
 * every project's entry on each visit), for the scope menu. */
export function useProjectDepartments(): string[] | undefined {
  return useLiveQuery(async () => ((await readFewDistinctKeys(db.projects, 'department')) as string[]).filter((d) => d !== '').sort((a, b) => a.localeCompare(b, 'ja')), []);
}

/** The ids of every open item in a view (live projects only): "select all" of the view, keys only. */
export async function deadlineViewIds(today: IsoDate, view: DeadlineView, scope?: DeadlineScope): Promise<string[]> {
  return [...(await deadlineViewSelection(today, view, scope)).keys()];
}

/** deadlineViewIds with each item's bucket (the screen hides marked items from their group's count until the
 * write shows in its page). */
export async function deadlineViewSelection(today: IsoDate, view: DeadlineView, scope?: DeadlineScope): Promise<Map<string, DeadlineBucket>> {
  const out = new Map<string, DeadlineBucket>();
  if (scoped(scope)) {
    for (const m of await scopedOpen(scope, VIEW_BUCKETS[view], today)) out.set(m.id, deadlineBucket(m.dueDate, today));
    return out;
  }
  const trashed = new Set((await trashedOpen()).map((m) => m.id));
  const lists = await Promise.all(VIEW_BUCKETS[view].map(async (b) => [b, (await openIn(bucketRange(b, today)).primaryKeys()) as string[]] as const));
  for (const [bucket, ids] of lists) for (const id of ids) if (!trashed.has(id)) out.set(id, bucket);
  return out;
}

/** Every open item of a view with its projects (or just `ids` of them) through the indexes: what an export of the view
 * writes (the .ics Worker takes it from a kept DeadlineSource with selectDeadlineItems; tests hold the two equal). */
export async function loadDeadlineItems(today: IsoDate, view: DeadlineView, ids?: ReadonlySet<string>, scope?: DeadlineScope): Promise<MilestonesWithProjects> {
  const items = scoped(scope) ? await scopedOpen(scope, VIEW_BUCKETS[view], today) : (await Promise.all(VIEW_BUCKETS[view].map((b) => openIn(bucketRange(b, today)).toArray()))).flat();
  return withProjects(ids && ids.size > 0 ? items.filter((m) => ids.has(m.id)) : items);
}

/** The project fields a view's selection and its .ics need. */
export type SourceProject = Pick<Project, 'code' | 'title' | 'programId' | 'department' | 'deletedAt'>;

/**
 * What every view's export is selected from: the open items by due date (then id, the index's order) and every
 * project's fields above, with the store's revision (the .ics Worker keeps it while the Deadlines screen is open: at
 * 50,000 projects the read is most of an export's time). Read a page per transaction, so a write (a milestone marked
 * done) does not wait for it; the revision is undefined when a write landed meanwhile, so it is read again.
 */
export interface DeadlineSource {
  open: Milestone[];
  projects: Map<string, SourceProject>;
  revision: number | undefined;
}

export async function readDeadlineSource(): Promise<DeadlineSource> {
  // By primary key, then sorted as the [status+dueDate] index orders them (due date, then id; IndexedDB and `<` both
  // compare strings by code unit): thousands of items share a due date, and a run of equal index keys cannot be paged.
  const { value: [milestones, rows], counters } = await readUnchanged(() => Promise.all([readInPages(db.milestones), readInPages(db.projects)]));
  const open = milestones.filter((m) => m.status === 'planned').sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const projects = new Map<string, SourceProject>();
  for (const p of rows) projects.set(p.id, { code: p.code, title: p.title, programId: p.programId, department: p.department, deletedAt: p.deletedAt });
  return { open, projects, revision: counters?.revision };
}

/** loadDeadlineItems's answer taken from a DeadlineSource: the same items in the same order, with their projects. */
export function selectDeadlineItems(source: DeadlineSource, today: IsoDate, view: DeadlineView, ids?: ReadonlySet<string>, scope?: DeadlineScope): { items: Milestone[]; projects: Map<string, SourceProject> } {
  const ranges = VIEW_BUCKETS[view].map((b) => bucketRange(b, today));
  const inScope = (p: SourceProject) => !scoped(scope) || ((scope.programId === null || p.programId === scope.programId) && (scope.department === null || p.department === scope.department));
  const projects = new Map<string, SourceProject>();
  const items: Milestone[] = [];
  for (const m of source.open) {
    if (!ranges.some(([from, to]) => m.dueDate >= from && m.dueDate < to)) continue;
    if (ids && ids.size > 0 && !ids.has(m.id)) continue;
    const p = source.projects.get(m.projectId);
    if (!p || p.deletedAt || !inScope(p)) continue;
    items.push(m);
    projects.set(m.projectId, p);
  }
  return { items, projects };
}

export interface MonthDeadlines extends MilestonesWithProjects {
  query: string;
  /** Items (any status) due on each day of the month; `items` holds at most `perDay` of them per day. */
  countByDate: Map<IsoDate, number>;
}

/**
 * A calendar month's items (any status): per day its count and its first `perDay` items (a day can hold thousands,
 * e.g. every project ending on 31 March), one indexed query per day.
 */
export async function loadMonthDeadlines(start: IsoDate, end: IsoDate, perDay: number): Promise<MonthDeadlines> {
  const days = Array.from({ length: daysBetween(start, end) + 1 }, (_, i) => addDays(start, i));
  const perDate = await Promise.all(days.map(async (d) => {
    const rows = await db.milestones.where('dueDate').equals(d).limit(perDay + 1).toArray();
    return { d, rows, count: rows.length > perDay ? await db.milestones.where('dueDate').equals(d).count() : rows.length };
  }));
  const r = await withProjects(perDate.flatMap((x) => x.rows.slice(0, perDay)));
  // A trashed project's items drop out of the list (and, where the day shows them all, out of its count).
  const countByDate = new Map<IsoDate, number>();
  for (const x of perDate) if (x.count > 0) countByDate.set(x.d, x.count > perDay ? x.count : r.items.filter((m) => m.dueDate === x.d).length);
  return { ...r, countByDate, query: `${start}/${end}` };
}

/** Every item (any status) due from `start` through `end` inclusive: a calendar month, at most `perDay` a day. */
export function useMonthDeadlines(start: IsoDate, end: IsoDate, perDay: number): MonthDeadlines | undefined {
  return useLiveQuery(() => loadMonthDeadlines(start, end, perDay), [start, end, perDay]);
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
