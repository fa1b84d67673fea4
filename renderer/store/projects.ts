// The write path for projects (create, edit, archive, trash, restore, purge). Screens and the Excel import use these
// functions so every change is validated the same way and audited in the same transaction.
import type { AuditEntry, Milestone, Project } from '../../shared/domain/types';
import { catalogChecks, defaultProjectFields, isError, normalizeProjectInput, validateProject } from '../../shared/portfolio/project-validation';
import type { ProjectInput, ProjectProblem } from '../../shared/portfolio/project-validation';
import { generateStageGates } from '../../shared/portfolio/stage-gates';
import type { MilestoneDraft } from '../../shared/portfolio/stage-gates';
import { expandTemplates } from '../../shared/portfolio/templates';
import type { MilestoneTemplate } from '../../shared/portfolio/templates';
import type { CatalogProgram } from '../../shared/catalog/schema';
import { auditedTables, beginChange, changeScope, logChange, newId } from './audit';
import type { ChangeContext } from './audit';
import { loadPrograms } from './catalog';
import { addChange, zeroCounts } from '../../shared/portfolio/status-counts';
import { Dexie, countWritesAs, db } from './db';
import { writeInChunks } from './chunked-write';
import type { BulkJob } from './chunked-write';

export type { ProjectInput, ProjectProblem };
/**
 * Saved (with the rules' warnings, if any), or refused with every problem. `needsConfirmation`: nothing but warnings,
 * and the caller asked to stop on them (the form shows them and saves on a second click).
 */
export type SaveProjectResult =
  | { ok: true; project: Project; milestonesAdded: number; warnings: ProjectProblem[] }
  | { ok: false; problems: ProjectProblem[]; needsConfirmation?: boolean };

/** Days a project stays in the trash before it is purged. */
export const TRASH_DAYS = 30;

/** An empty form: the project rules' defaults. */
export function blankProjectInput(): ProjectInput {
  return defaultProjectFields();
}

function changedFields(before: Project, after: Project): string[] {
  return (Object.keys(after) as (keyof Project)[]).filter(
    (k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

function trackOf(programs: readonly CatalogProgram[], project: Pick<Project, 'programId' | 'trackId'>) {
  if (!project.programId || !project.trackId) return null;
  return programs.find((p) => p.id === project.programId)?.tracks.find((t) => t.id === project.trackId) ?? null;
}

/** Adds milestone drafts with audit entries; call inside a transaction. */
export async function addMilestoneDrafts(ctx: ChangeContext, drafts: readonly MilestoneDraft[], label: string): Promise<Milestone[]> {
  const added: Milestone[] = [];
  for (const d of drafts) {
    const m: Milestone = { ...d, id: newId() };
    await db.milestones.add(m);
    await logChange(ctx, { entity: 'milestone', entityId: m.id, projectId: m.projectId, action: 'create', summary: `${label}: ${m.title} (${m.dueDate})`, before: null, after: m });
    added.push(m);
  }
  return added;
}

/**
 * Creates (no `id`) or updates a project. Refuses with every problem (duplicate 管理番号, end before start, unknown
 * program…) and writes nothing then. A new project gets its track's stage gates and the office's yearly template items
 * unless `generateMilestones` is false. `programs` defaults to the merged catalog.
 */
export async function saveProject(
  raw: ProjectInput,
  opts: { id?: string; generateMilestones?: boolean; programs?: readonly CatalogProgram[]; now?: Date; stopOnWarnings?: boolean } = {},
): Promise<SaveProjectResult> {
  const programs = opts.programs ?? (await loadPrograms());
  const templates = await db.milestoneTemplates.toArray();
  const ctx = await beginChange(opts.now);
  // An edit writes the project row only; a new project may add its generated milestones too.
  const generate = opts.generateMilestones !== false;
  const scope = opts.id === undefined && generate ? changeScope(db.projects, db.milestones) : changeScope(db.projects);
  return db.transaction('rw', scope, async (): Promise<SaveProjectResult> => {
    const prepared = await prepareProject(raw, opts.id, programs, new Set());
    if (!prepared.ok) return prepared;
    if (opts.stopOnWarnings && prepared.warnings.length) return { ok: false, problems: prepared.warnings, needsConfirmation: true };
    return prepared.write(ctx, generate, templates);
  });
}

type Prepared =
  | { ok: true; warnings: ProjectProblem[]; write: (ctx: ChangeContext, generate: boolean, templates: readonly MilestoneTemplate[]) => Promise<SaveProjectResult> }
  | { ok: false; problems: ProjectProblem[] };

/** Validates one project inside the caller's transaction; `batchCodes` catches a code repeated within one batch. */
async function prepareProject(raw: ProjectInput, id: string | undefined, programs: readonly CatalogProgram[], batchCodes: Set<string>): Promise<Prepared> {
  const input = normalizeProjectInput(raw);
  const existing = id ? await db.projects.get(id) : undefined;
  if (id && !existing) {
    return { ok: false, problems: [{ field: 'id', severity: 'error', rule: 'stale-record', message: { ja: 'この課題は見つかりません（削除された可能性があります）。', en: 'This project no longer exists (it may have been deleted).' } }] };
  }
  const owner = input.code ? await db.projects.where('code').equals(input.code).first() : undefined;
  const taken = (owner !== undefined && owner.id !== id) || batchCodes.has(input.code);
  if (input.code) batchCodes.add(input.code);
  const found = validateProject(input, { ...catalogChecks(programs), codeTaken: () => taken });
  const problems = found.filter(isError);
  const warnings = found.filter((p) => !isError(p));
  if (taken && owner?.deletedAt) {
    const p = problems.find((x) => x.field === 'code');
    if (p) {
      p.message = {
        ja: `管理番号「${input.code}」はゴミ箱にある課題が使っています。ゴミ箱から復元するか、別の番号にしてください。`,
        en: `The office ID "${input.code}" belongs to a project in the trash. Restore it or choose another ID.`,
      };
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const program = input.programId ? programs.find((p) => p.id === input.programId) : undefined;
  const funderName = input.funderName || (program ? program.nameJa : '');
  return {
    ok: true,
    warnings,
    async write(ctx, generate, templates) {
      if (existing) {
        const project: Project = { ...existing, ...input, funderName, archived: input.archived ?? existing.archived, updatedAt: ctx.at };
        const fields = changedFields(existing, project);
        if (fields.length === 0) return { ok: true, project: existing, milestonesAdded: 0, warnings };
        await db.projects.put(project);
        await logChange(ctx, { entity: 'project', entityId: project.id, projectId: project.id, action: 'update', summary: `更新 / Updated ${project.code}: ${fields.join(', ')}`, before: existing, after: project });
        return { ok: true, project, milestonesAdded: 0, warnings };
      }
      const project: Project = { ...input, funderName, id: newId(), archived: input.archived ?? false, deletedAt: null, createdAt: ctx.at, updatedAt: ctx.at };
      await db.projects.add(project);
      await logChange(ctx, { entity: 'project', entityId: project.id, projectId: project.id, action: 'create', summary: `作成 / Created ${project.code} ${project.title}`, before: null, after: project });
      let added = 0;
      if (generate) {
        const drafts = [...generateStageGates(project, trackOf(programs, project)), ...expandTemplates(templates, project)];
        added = (await addMilestoneDrafts(ctx, drafts, '自動作成 / Generated')).length;
      }
      return { ok: true, project, milestonesAdded: added, warnings };
    },
  };
}

async function setProjectFields(id: string, patch: Partial<Project>, action: 'update' | 'delete' | 'restore', summary: (p: Project) => string): Promise<Project | null> {
  const ctx = await beginChange();
  return db.transaction('rw', changeScope(db.projects), async () => {
    const before = await db.projects.get(id);
    if (!before) return null;
    const after: Project = { ...before, ...patch, updatedAt: ctx.at };
    await db.projects.put(after);
    await logChange(ctx, { entity: 'project', entityId: id, projectId: id, action, summary: summary(after), before, after });
    return after;
  });
}

export function archiveProject(id: string, archived: boolean): Promise<Project | null> {
  return setProjectFields(id, { archived }, 'update', (p) => (archived ? `アーカイブ / Archived ${p.code}` : `アーカイブ解除 / Unarchived ${p.code}`));
}

/** Moves a project to the trash (its budgets and milestones stay with it); restorable for TRASH_DAYS days. */
export function deleteProject(id: string, now: Date = new Date()): Promise<Project | null> {
  return setProjectFields(id, { deletedAt: now.toISOString() }, 'delete', (p) => `ゴミ箱へ移動 / Moved to trash ${p.code} ${p.title}`);
}

/** Projects moved to the trash per chunk (one bulkGet, one bulkPut and one audit bulkAdd each). */
const TRASH_CHUNK = 500;

/**
 * Moves several projects to the trash as ONE action: one transaction and one audit batch, so a single undo brings
 * them all back. Written a chunk at a time inside that transaction (10,000 projects never make one long task; the
 * screen runs it in a Worker, see renderer/workers/bulk-change.ts); a cancel or a failure aborts it and nothing is
 * moved. Projects already in the trash or gone are passed over. Returns how many were moved.
 */
export async function deleteProjects(ids: readonly string[], now: Date = new Date(), job: BulkJob = {}): Promise<number> {
  const ctx = await beginChange(now);
  return db.transaction('rw', auditedTables(), async () => {
    // Each moved project leaves its status's count, and the rows are read here anyway: the counters middleware is
    // handed that change instead of reading every project a second time (countWritesAs).
    const delta = zeroCounts();
    countWritesAs(Dexie.currentTransaction!, delta);
    let moved = 0;
    let done = 0;
    job.onProgress?.(0, ids.length);
    await writeInChunks(
      ids,
      async (chunk) => {
        const found = await db.projects.bulkGet(chunk);
        const afters: Project[] = [];
        const entries: AuditEntry[] = [];
        for (const before of found) {
          if (!before || before.deletedAt) continue;
          const after: Project = { ...before, deletedAt: now.toISOString(), updatedAt: ctx.at };
          addChange(delta, before, after);
          afters.push(after);
          // The whole row before (what undo restores), and after it only the two fields the move changed: a second
          // full copy of 10,000 projects doubled the log's writes here and the undo's reads.
          const changed: Pick<Project, 'deletedAt' | 'updatedAt'> = { deletedAt: after.deletedAt, updatedAt: after.updatedAt };
          entries.push({ entity: 'project', entityId: before.id, projectId: before.id, action: 'delete', summary: `ゴミ箱へ移動 / Moved to trash ${after.code} ${after.title}`, before, after: changed, at: ctx.at, user: ctx.user, batch: ctx.batch });
        }
        if (afters.length) await Promise.all([db.projects.bulkPut(afters), db.auditLog.bulkAdd(entries)]);
        moved += afters.length;
      },
      { signal: job.signal, chunkSize: job.chunkSize ?? TRASH_CHUNK, onWritten: (n) => job.onProgress?.((done += n), ids.length) },
    );
    return moved;
  });
}

export function restoreProject(id: string): Promise<Project | null> {
  return setProjectFields(id, { deletedAt: null }, 'restore', (p) => `ゴミ箱から復元 / Restored ${p.code} ${p.title}`);
}

/**
 * Deletes for good the projects trashed more than `days` ago, with their budgets and milestones (logged, so an undo
 * straight after still brings them back). Reads only the trash through the deletedAt index.
 */
export async function purgeTrash(now: Date = new Date(), days = TRASH_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const stale = await db.projects.where('deletedAt').below(cutoff).primaryKeys();
  if (stale.length === 0) return 0;
  const ctx = await beginChange(now);
  return db.transaction('rw', auditedTables(), async () => {
    let purged = 0;
    for (const id of stale) {
      const project = await db.projects.get(id);
      if (!project?.deletedAt || project.deletedAt >= cutoff) continue;
      for (const line of await db.budgetLines.where('projectId').equals(id).toArray()) {
        await db.budgetLines.delete(line.id);
        await logChange(ctx, { entity: 'budget', entityId: line.id, projectId: id, action: 'delete', summary: `完全削除 / Purged budget FY${line.fiscalYear}`, before: line, after: null });
      }
      for (const m of await db.milestones.where('projectId').equals(id).toArray()) {
        await db.milestones.delete(m.id);
        await logChange(ctx, { entity: 'milestone', entityId: m.id, projectId: id, action: 'delete', summary: `完全削除 / Purged ${m.title}`, before: m, after: null });
      }
      await db.projects.delete(id);
      await logChange(ctx, { entity: 'project', entityId: id, projectId: id, action: 'delete', summary: `ゴミ箱から完全削除 / Purged from trash ${project.code}`, before: project, after: null });
      purged++;
    }
    return purged;
  });
}

/** Projects in the trash, newest deletion first (the deletedAt index holds only trashed rows). */
export async function listTrash(): Promise<Project[]> {
  return db.projects.orderBy('deletedAt').reverse().toArray();
}

