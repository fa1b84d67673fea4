// The write path for milestones (stage gates, evaluations, reports, internal deadlines), audited like projects.
import type { IsoDate, Milestone, MilestoneStatus } from '../../shared/domain/types';
import { generateStageGates, missingDrafts } from '../../shared/portfolio/stage-gates';
import type { MilestoneDraft, UndatedGateDates } from '../../shared/portfolio/stage-gates';
import { expandTemplates } from '../../shared/portfolio/templates';
import { workingDaysBefore } from '../../shared/calendar/working-days';
import { todayIso } from '../../shared/calendar/fiscal-year';
import { auditedTables, beginChange, logChange, logChanges } from './audit';
import type { AuditDraft } from './audit';
import { addMilestoneDrafts } from './projects';
import { loadPrograms } from './catalog';
import { db } from './db';
import { writeInChunks } from './chunked-write';
import { loadPreferences } from './preferences';
import { readRevision } from './kept-snapshot';
import { noteOpenChanges, openChangeOf } from './open-changes';
import type { OpenChange } from './open-changes';

const STATUS_WITH_DATE = new Set<MilestoneStatus>(['submitted', 'passed', 'conditionally-passed', 'failed', 'done']);

/** Adds a milestone the user typed. */
export async function addMilestone(draft: MilestoneDraft): Promise<Milestone> {
  const ctx = await beginChange();
  return db.transaction('rw', auditedTables(), async () => (await addMilestoneDrafts(ctx, [draft], '追加 / Added'))[0]!);
}

/** Edits a milestone; setting a closing status stamps doneDate (today) unless given. */
export async function updateMilestone(id: string, patch: Partial<Omit<Milestone, 'id' | 'projectId'>>): Promise<Milestone | null> {
  const ctx = await beginChange();
  return db.transaction('rw', auditedTables(), async () => {
    const before = await db.milestones.get(id);
    if (!before) return null;
    const after: Milestone = { ...before, ...patch };
    if (patch.status && patch.doneDate === undefined) after.doneDate = STATUS_WITH_DATE.has(patch.status) ? (before.doneDate ?? todayIso()) : null;
    await db.milestones.put(after);
    await logChange(ctx, { entity: 'milestone', entityId: id, projectId: after.projectId, action: 'update', summary: `更新 / Updated ${after.title}`, before, after });
    return after;
  });
}

/** Milestones read and written per request by a bulk status change: each chunk's work is a short task of its own
 * (putting 500 milestones and 500 audit entries, each holding the row before and after, was a task of several hundred
 * ms on the loaded build machine: the structured clone of every value happens in the put call). */
const STATUS_CHUNK = 250;

/**
 * Sets the status of several milestones (thousands: every open item of a Deadlines view) in one action: one
 * transaction (all or nothing), one audit entry per changed milestone sharing the action's batch (one undo step),
 * read and written a chunk at a time with bulk requests by the chunked writer (a task ends after about 40 ms, with
 * up to 8 chunks queued), with progress and a cancel that aborts the whole change.
 */
export async function setMilestonesStatus(
  ids: readonly string[],
  status: MilestoneStatus,
  doneDate: IsoDate = todayIso(),
  job: {
    signal?: AbortSignal | undefined;
    onProgress?: ((done: number, total: number) => void) | undefined;
    /** Told, before the commit, the store's revision the change will commit at (see `DeadlineViewPage.revision`) and
     * the action's batch (its undo names it: UndoResult's `batch`) and time (its audit entries' `at`). */
    onRevision?: ((revision: number, change: { batch: string; at: string }) => void) | undefined;
  } = {},
): Promise<number> {
  const ctx = await beginChange();
  const opened: OpenChange[] = [];
  let committedAt: number | undefined;
  const changed = await db.transaction('rw', [...auditedTables(), db.settings], async () => {
    // The counters middleware (db.ts) moves the revision by exactly one in each transaction that writes milestones.
    const before = await readRevision();
    committedAt = before === undefined ? undefined : before + 1;
    if (committedAt !== undefined) job.onRevision?.(committedAt, { batch: ctx.batch, at: ctx.at });
    let n = 0;
    let done = 0;
    job.onProgress?.(0, ids.length);
    await writeInChunks(
      ids,
      async (chunk) => {
        const befores = await db.milestones.bulkGet(chunk as string[]);
        const afters: Milestone[] = [];
        const entries: AuditDraft[] = [];
        for (const before of befores) {
          if (!before || before.status === status) continue;
          const after: Milestone = { ...before, status, doneDate: STATUS_WITH_DATE.has(status) ? doneDate : null };
          afters.push(after);
          opened.push(...openChangeOf(before, after));
          entries.push({ entity: 'milestone', entityId: after.id, projectId: after.projectId, action: 'update', summary: `状態 / Status ${before.status} → ${status}: ${after.title}`, before, after });
        }
        if (afters.length === 0) return;
        await Promise.all([db.milestones.bulkPut(afters), logChanges(ctx, entries)]);
        n += afters.length;
      },
      { signal: job.signal, chunkSize: STATUS_CHUNK, onWritten: (k) => job.onProgress?.((done += k), ids.length) },
    );
    return n;
  });
  // Committed: the Deadlines views move their kept counts by these instead of counting again.
  if (committedAt !== undefined && changed > 0) noteOpenChanges(committedAt, opened);
  return changed;
}

export async function deleteMilestone(id: string): Promise<boolean> {
  const ctx = await beginChange();
  return db.transaction('rw', auditedTables(), async () => {
    const before = await db.milestones.get(id);
    if (!before) return false;
    await db.milestones.delete(id);
    await logChange(ctx, { entity: 'milestone', entityId: id, projectId: before.projectId, action: 'delete', summary: `削除 / Deleted ${before.title}`, before, after: null });
    return true;
  });
}

/**
 * Generates the project's stage gates from its catalog track (those not already present). Gates with no fixed year are
 * added only with a date the office set for this project (`undatedDates`, by gate index). Returns how many were added.
 */
export async function generateGatesFor(projectId: string, undatedDates: UndatedGateDates = {}): Promise<number> {
  const project = await db.projects.get(projectId);
  if (!project?.programId || !project.trackId) return 0;
  const track = (await loadPrograms()).find((p) => p.id === project.programId)?.tracks.find((t) => t.id === project.trackId);
  return addMissing(projectId, generateStageGates(project, track, undatedDates));
}

/** Expands the office's yearly templates for the project (those not already present). */
export async function generateTemplatesFor(projectId: string): Promise<number> {
  const project = await db.projects.get(projectId);
  if (!project) return 0;
  return addMissing(projectId, expandTemplates(await db.milestoneTemplates.toArray(), project));
}

async function addMissing(projectId: string, drafts: MilestoneDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const ctx = await beginChange();
  return db.transaction('rw', auditedTables(), async () => {
    const existing = await db.milestones.where('projectId').equals(projectId).toArray();
    return (await addMilestoneDrafts(ctx, missingDrafts(existing, drafts), '自動作成 / Generated')).length;
  });
}

/**
 * Adds an internal deadline `workingDays` working days before another milestone (weekends, national holidays and the
 * office's year-end closure from preferences skipped).
 */
export async function addInternalDeadline(baseId: string, workingDays: number, title?: string): Promise<Milestone | null> {
  const base = await db.milestones.get(baseId);
  if (!base) return null;
  const prefs = await loadPreferences();
  const closure = { start: prefs.closureStart, end: prefs.closureEnd };
  const due = workingDaysBefore(base.dueDate, workingDays, { closure });
  return addMilestone({
    projectId: base.projectId, kind: 'internal', title: title ?? `学内締切（${base.title}の${workingDays}営業日前）`, dueDate: due,
    status: 'planned', doneDate: null, notes: `${base.title} ${base.dueDate} − ${workingDays} working days`, origin: 'user',
  });
}

