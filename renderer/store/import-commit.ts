// Writes a confirmed Excel import: projects matched by the office's ID (管理番号) are updated, new ones added, budget
// lines matched by fiscal year and milestones by kind+title, all in ONE Dexie transaction (a failure writes nothing),
// in chunks so the UI can show progress. The same planning code gives the dry run ("what would change").
import type { Bilingual } from '../../shared/domain/message';
import type { BudgetLine, Milestone, Project } from '../../shared/domain/types';
import { PROJECT_STATUSES } from '../../shared/domain/types';
import { addChange, zeroCounts } from '../../shared/portfolio/status-counts';
import type { StatusCounts } from '../../shared/portfolio/status-counts';
import type { ImportedBudgetLine, ImportedMilestone, ImportedProject, ParsedImport } from '../../shared/excel/import-types';
import { groupBy } from '../../shared/collections/group-by';
import { projectInputFromImport } from '../../shared/excel/import-records';
import { defaultProjectFields, isError, normalizeProjectInput, validateProject } from '../../shared/portfolio/project-validation';
import type { Application, Membership, Researcher } from '../../shared/domain/planning';
import { mergeImportedPlanning } from '../../shared/planning/import-merge';
import type { PlanningMerge } from '../../shared/planning/import-merge';
import { Dexie, SYNC_RECORDING_KEY, announceSyncRecorded, countWritesAs, db } from './db';
import type { SettingRow } from './db';
import { nextTask } from './next-task';

export type ProjectAction = 'add' | 'update' | 'unchanged' | 'skip';

export interface ProjectChange {
  code: string;
  action: ProjectAction;
  /** Project fields that change (update), budget years and milestone titles touched. */
  fields: string[];
  budgetYears: number[];
  milestones: string[];
  reason?: Bilingual;
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Rows not imported: rows with errors, blank/total/example rows, and lines naming no known project. */
  skipped: number;
  skippedReasons: { reason: Bilingual; count: number }[];
  budgetLinesWritten: number;
  milestonesWritten: number;
  /** Planning records written (the standard workbook's planning sheets, an office sheet's people); absent: none. */
  planning?: { applications: number; researchers: number; memberships: number };
}

export interface ImportPlan {
  summary: ImportSummary;
  /** How the counts by status change (projects added, or updated to another status or out of the trash). */
  statusDelta: StatusCounts;
  /** Per project, in sheet order (added, updated and unchanged ones). */
  changes: ProjectChange[];
  projects: Project[];
  budgetLines: BudgetLine[];
  milestones: Milestone[];
}

export interface ExistingData {
  projects: readonly Project[];
  budgetLines: readonly BudgetLine[];
  milestones: readonly Milestone[];
}

export interface PlanOptions {
  now: string;
  newId: () => string;
}

/** Fields a re-import may change on a stored project: every field of the rules' input but the 管理番号 it is matched by. */
const PROJECT_FIELDS = Object.keys(defaultProjectFields()).filter((k) => k !== 'code') as (keyof ImportedProject['fields'])[];

/** Field values compare by content (lists such as coInvestigators are arrays). */
const sameValue = (a: unknown, b: unknown): boolean => a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

function newProject(p: ImportedProject, id: string, now: string): Project {
  return { ...projectInputFromImport(p), code: p.code, id, archived: false, deletedAt: null, createdAt: now, updatedAt: now };
}

/** The first error the project rules find in a record the import would write, as a skip reason (null: none). */
function ruleError(project: Project): Bilingual | null {
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = project;
  // Matched by 管理番号, so the code is this project's own; the pipeline resolved program ids against the catalog.
  const error = validateProject(normalizeProjectInput(input), { codeTaken: () => false }).find(isError);
  return error ? { en: `rows breaking a project rule (${error.rule})`, ja: `課題の規則に合わない行（${error.rule}）` } : null;
}

/**
 * Pure planning: what the import does to the existing data. Existing projects are matched by code; a field absent
 * from the sheet is left as it is; budget lines are matched by fiscal year (a null figure keeps the stored one);
 * milestones by kind and title, the n-th of a kind+title by due date pairing with the n-th stored one. Nothing is
 * deleted by an import.
 */
export function buildImportPlan(parsed: ParsedImport, existing: ExistingData, opts: PlanOptions): ImportPlan {
  const byCode = new Map(existing.projects.map((p) => [p.code, p]));
  const linesByProject = groupBy(existing.budgetLines, (l) => l.projectId);
  const msByProject = groupBy(existing.milestones, (m) => m.projectId);
  const budgetsByCode = groupBy(parsed.budgetLines, (b) => b.code);
  const msByCode = groupBy(parsed.milestones, (m) => m.code);
  const projects: Project[] = [];
  const budgetLines: BudgetLine[] = [];
  const milestones: Milestone[] = [];
  const changes: ProjectChange[] = [];
  const statusDelta = zeroCounts();
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, skipped: 0, skippedReasons: [], budgetLinesWritten: 0, milestonesWritten: 0 };
  const reasons = new Map<string, { reason: Bilingual; count: number }>();
  const skip = (reason: Bilingual, n = 1) => {
    summary.skipped += n;
    const r = reasons.get(reason.en) ?? { reason, count: 0 };
    r.count += n;
    reasons.set(reason.en, r);
  };
  if (parsed.errorRows.length) skip({ en: 'rows with errors', ja: 'エラーのある行' }, parsed.errorRows.length);
  for (const s of parsed.skipped) skip(s.reason);

  const handled = new Set<string>();
  const applyChildren = (projectId: string, code: string, change: ProjectChange) => {
    const stored = linesByProject.get(projectId) ?? [];
    const storedByYear = new Map(stored.map((l) => [l.fiscalYear, l]));
    for (const b of budgetsByCode.get(code) ?? []) {
      const cur = storedByYear.get(b.fiscalYear);
      const next = budgetFrom(b, cur, projectId, opts);
      if (cur && cur.directYen === next.directYen && cur.indirectYen === next.indirectYen) continue;
      budgetLines.push(next);
      storedByYear.set(b.fiscalYear, next);
      change.budgetYears.push(b.fiscalYear);
    }
    const storedMs = groupBy(
      (msByProject.get(projectId) ?? []).slice().sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
      (m) => `${m.kind}\u0000${m.title}`,
    );
    const incoming = groupBy((msByCode.get(code) ?? []).slice().sort((a, b) => a.dueDate.localeCompare(b.dueDate)), (m) => `${m.kind}\u0000${m.title}`);
    for (const [key, list] of incoming) {
      const olds = storedMs.get(key) ?? [];
      list.forEach((m, i) => {
        const cur = olds[i];
        const next = milestoneFrom(m, cur, projectId, opts);
        if (cur && sameMilestone(cur, next)) return;
        milestones.push(next);
        change.milestones.push(m.title);
      });
    }
  };

  for (const p of parsed.projects) {
    handled.add(p.code);
    const cur = byCode.get(p.code);
    if (!cur) {
      const project = newProject(p, opts.newId(), opts.now);
      const refused = ruleError(project);
      if (refused) {
        skip(refused);
        continue;
      }
      projects.push(project);
      addChange(statusDelta, null, project);
      const change: ProjectChange = { code: p.code, action: 'add', fields: [], budgetYears: [], milestones: [] };
      applyChildren(project.id, p.code, change);
      changes.push(change);
      summary.added++;
      continue;
    }
    const changed: string[] = [];
    const next: Project = { ...cur };
    for (const k of PROJECT_FIELDS) {
      if (!(k in p.fields)) continue;
      if (k === 'funderName' && p.funderNameIsCatalogName && p.fields.programId === cur.programId) continue;
      const v = p.fields[k];
      if (v === undefined || sameValue(v, cur[k])) continue;
      (next as unknown as Record<string, unknown>)[k] = v;
      changed.push(k);
    }
    if (cur.deletedAt) {
      next.deletedAt = null;
      changed.push('deletedAt');
    }
    const refused = changed.length ? ruleError(next) : null;
    if (refused) {
      skip(refused);
      continue;
    }
    const change: ProjectChange = { code: p.code, action: 'update', fields: changed, budgetYears: [], milestones: [] };
    applyChildren(cur.id, p.code, change);
    if (changed.length) {
      next.updatedAt = opts.now;
      projects.push(next);
      addChange(statusDelta, cur, next);
    }
    if (changed.length || change.budgetYears.length || change.milestones.length) summary.updated++;
    else {
      change.action = 'unchanged';
      summary.unchanged++;
    }
    changes.push(change);
  }

  // Budget or milestone rows for projects not on the Projects sheet (standard workbook): applied to stored projects.
  const orphanCodes = new Set([...budgetsByCode.keys(), ...msByCode.keys()].filter((c) => !handled.has(c)));
  for (const code of orphanCodes) {
    const cur = byCode.get(code);
    const count = (budgetsByCode.get(code)?.length ?? 0) + (msByCode.get(code)?.length ?? 0);
    if (!cur) {
      skip({ en: 'budget or milestone rows naming an unknown Project ID', ja: '存在しない管理番号の予算・マイルストーン行' }, count);
      continue;
    }
    const change: ProjectChange = { code, action: 'update', fields: [], budgetYears: [], milestones: [] };
    applyChildren(cur.id, code, change);
    if (change.budgetYears.length || change.milestones.length) {
      summary.updated++;
      changes.push(change);
    }
  }
  summary.budgetLinesWritten = budgetLines.length;
  summary.milestonesWritten = milestones.length;
  summary.skippedReasons = [...reasons.values()];
  return { summary, statusDelta, changes, projects, budgetLines, milestones };
}

function budgetFrom(b: ImportedBudgetLine, cur: BudgetLine | undefined, projectId: string, opts: PlanOptions): BudgetLine {
  return {
    id: cur?.id ?? opts.newId(),
    projectId,
    fiscalYear: b.fiscalYear,
    directYen: b.directYen ?? cur?.directYen ?? 0,
    indirectYen: b.indirectYen ?? cur?.indirectYen ?? 0,
  };
}

function milestoneFrom(m: ImportedMilestone, cur: Milestone | undefined, projectId: string, opts: PlanOptions): Milestone {
  return {
    id: cur?.id ?? opts.newId(),
    projectId,
    kind: m.kind,
    title: m.title,
    dueDate: m.dueDate,
    status: m.status,
    doneDate: m.doneDate,
    notes: m.notes,
    origin: cur?.origin ?? 'import',
  };
}

function sameMilestone(a: Milestone, b: Milestone): boolean {
  return a.dueDate === b.dueDate && a.status === b.status && a.doneDate === b.doneDate && a.notes === b.notes && a.kind === b.kind && a.title === b.title;
}

/**
 * Ids for the rows an import creates: time-ordered UUIDs (version 7 layout: milliseconds since 1970, then a counter,
 * then random bits), so one import's 250,000 new keys arrive in ascending order. IndexedDB stores keys in a sorted
 * tree; random UUIDs scatter every insert across it and made a 50,000-project commit about 1.5x slower in Chromium.
 */
export function createOrderedIds(now: number = Date.now()): () => string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const random = crypto.getRandomValues(new Uint8Array(6));
  const tail = Array.from(random, (b) => hex(b, 2)).join('');
  const time = hex(now, 12);
  let counter = 0;
  return () => {
    // 30 bits of counter (about a billion ids per import), spread over the version and variant fields.
    const c = counter++;
    const hi = Math.floor(c / 0x40000) & 0xfff;
    const mid = Math.floor(c / 0x40) & 0xfff;
    const lo = c & 0x3f;
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(hi, 3)}-${hex(0x8000 | (mid << 2) | (lo >> 4), 4)}-${hex(lo & 0xf, 1)}${tail.slice(0, 11)}`;
  };
}

/** Projects planned (and written) per step: each step is a few tens of milliseconds of main-thread work (planning, the
 * project rules, and the structured clone of its rows inside bulkPut); 200 made single steps of 80–150 ms. */
const PLAN_CHUNK = 100;
/** Main-thread time a step may not start past (so no task reaches 200 ms, nor 100 ms on a quiet machine). */
const TASK_BUDGET_MS = 50;
/**
 * Chunks queued in IndexedDB at once. The database writes in the background while the main thread plans and
 * serialises the next chunks; with only one or two queued it sat idle between them (about 1.4x slower in Chromium).
 */
const IN_FLIGHT = 16;

/**
 * Whether the commit ends its task before planning the next chunk: the queue is full, or that chunk, costing about
 * what the last one cost, would take the task past the budget. Checked before a chunk, not after it, so a task is
 * at most about one budget long however slow a chunk is on a busy machine.
 */
export function endTaskBeforeChunk(taskMs: number, lastChunkMs: number, queued: number, budgetMs = TASK_BUDGET_MS, maxQueued = IN_FLIGHT): boolean {
  return queued >= maxQueued || (taskMs > 0 && taskMs + lastChunkMs > budgetMs);
}

/** Stored rows the import touches, read a slice of codes at a time (reads only, before any write is queued). */
async function readExistingInChunks(parsed: ParsedImport, chunkSize: number): Promise<ExistingData> {
  const out: { projects: Project[]; budgetLines: BudgetLine[]; milestones: Milestone[] } = { projects: [], budgetLines: [], milestones: [] };
  // An empty database has nothing to match (the first import of an office's portfolio): skip the lookups.
  if ((await db.projects.count()) === 0) return out;
  const codes = [...new Set([...parsed.projects.map((p) => p.code), ...parsed.budgetLines.map((b) => b.code), ...parsed.milestones.map((m) => m.code)])];
  for (let i = 0; i < codes.length; i += chunkSize) {
    const projects = await db.projects.where('code').anyOf(codes.slice(i, i + chunkSize)).toArray();
    if (!projects.length) continue;
    const ids = projects.map((p) => p.id);
    const [lines, ms] = await Promise.all([db.budgetLines.where('projectId').anyOf(ids).toArray(), db.milestones.where('projectId').anyOf(ids).toArray()]);
    for (const p of projects) out.projects.push(p);
    for (const l of lines) out.budgetLines.push(l);
    for (const m of ms) out.milestones.push(m);
  }
  return out;
}

/**
 * Plans the import a chunk of projects at a time and hands each chunk's rows to `each` (the commit queues their
 * writes; the dry run does nothing). The stored rows are read first; then while IndexedDB writes the queued chunks
 * the main thread plans the next one (at most IN_FLIGHT chunks queued). It ends the task every TASK_BUDGET_MS or
 * when the queue is full: through `pause` (the dry run), or, inside the commit's transaction, by awaiting the oldest
 * chunk still being written: an IndexedDB transaction accepts new requests only in its requests' callbacks, and a
 * MessageChannel or Dexie.waitFor yield would either lose it or wait for every queued write. Returns the merged plan
 * (summary and changes; the row arrays are left empty).
 */
async function planInChunks(
  parsed: ParsedImport,
  opts: PlanOptions,
  each: (plan: ImportPlan) => Promise<unknown>,
  pause: (() => Promise<unknown>) | null,
  chunkSize = PLAN_CHUNK,
  statusDelta: StatusCounts = zeroCounts(),
): Promise<ImportPlan> {
  const stored = await readExistingInChunks(parsed, chunkSize);
  // The task resumed here: grouping 250,000 parsed rows below counts against its budget.
  let taskStart = performance.now();
  const storedByCode = new Map(stored.projects.map((p) => [p.code, p]));
  const storedLines = groupBy(stored.budgetLines, (l) => l.projectId);
  const storedMs = groupBy(stored.milestones, (m) => m.projectId);
  const existingFor = (codes: Iterable<string>): ExistingData => {
    const e: { projects: Project[]; budgetLines: BudgetLine[]; milestones: Milestone[] } = { projects: [], budgetLines: [], milestones: [] };
    for (const code of codes) {
      const p = storedByCode.get(code);
      if (!p) continue;
      e.projects.push(p);
      for (const l of storedLines.get(p.id) ?? []) e.budgetLines.push(l);
      for (const m of storedMs.get(p.id) ?? []) e.milestones.push(m);
    }
    return e;
  };
  const budgetsByCode = groupBy(parsed.budgetLines, (b) => b.code);
  const msByCode = groupBy(parsed.milestones, (m) => m.code);
  const onSheet = new Set(parsed.projects.map((p) => p.code));
  const merged: ImportPlan = {
    summary: { added: 0, updated: 0, unchanged: 0, skipped: 0, skippedReasons: [], budgetLinesWritten: 0, milestonesWritten: 0 },
    statusDelta, changes: [], projects: [], budgetLines: [], milestones: [],
  };
  const absorb = (plan: ImportPlan) => {
    const m = merged.summary;
    const s = plan.summary;
    m.added += s.added;
    m.updated += s.updated;
    m.unchanged += s.unchanged;
    m.skipped += s.skipped;
    m.budgetLinesWritten += s.budgetLinesWritten;
    m.milestonesWritten += s.milestonesWritten;
    m.skippedReasons.push(...s.skippedReasons);
    for (const k of PROJECT_STATUSES) merged.statusDelta[k] += plan.statusDelta[k];
    for (const c of plan.changes) merged.changes.push(c);
  };
  const inFlight: { written: Promise<unknown>; settled: boolean }[] = [];
  let lastChunkMs = 0;
  for (let i = 0; i < parsed.projects.length; i += chunkSize) {
    while (inFlight[0]?.settled) inFlight.shift();
    // End the task before a chunk that would take it past the budget (the maps above count in the first task), by
    // awaiting the oldest chunk still being written: the code resumes in that chunk's request callback, where the
    // transaction accepts new requests, while IndexedDB keeps writing the rest. Never a settled one, which would
    // not end the task; with none queued (the commit's first chunk) the task goes on. The dry run's chunks settle at
    // once, so it ends its tasks through `pause` on time alone.
    const canPause = pause !== null || inFlight.length > 0;
    if (canPause && endTaskBeforeChunk(performance.now() - taskStart, lastChunkMs, pause ? 0 : inFlight.length)) {
      await (pause ?? (() => inFlight.shift()!.written))();
      taskStart = performance.now();
    }
    const chunkStart = performance.now();
    const projects = parsed.projects.slice(i, i + chunkSize);
    const subset: ParsedImport = { ...parsed, projects, budgetLines: [], milestones: [], skipped: [], errorRows: [] };
    for (const p of projects) {
      for (const b of budgetsByCode.get(p.code) ?? []) subset.budgetLines.push(b);
      for (const m of msByCode.get(p.code) ?? []) subset.milestones.push(m);
    }
    const plan = buildImportPlan(subset, existingFor(projects.map((p) => p.code)), opts);
    const entry = { written: each(plan), settled: false };
    // Awaited later; marked handled now so a failure is not reported twice (the transaction aborts anyway).
    entry.written.then(() => (entry.settled = true), () => (entry.settled = true));
    inFlight.push(entry);
    absorb(plan);
    lastChunkMs = performance.now() - chunkStart;
  }
  // Last step: skip reasons, and budget/milestone rows naming projects that are not on the sheet.
  const rest: ParsedImport = {
    ...parsed,
    projects: [],
    budgetLines: parsed.budgetLines.filter((b) => !onSheet.has(b.code)),
    milestones: parsed.milestones.filter((m) => !onSheet.has(m.code)),
  };
  const plan = buildImportPlan(rest, existingFor([...rest.budgetLines.map((b) => b.code), ...rest.milestones.map((m) => m.code)]), opts);
  const last = each(plan);
  absorb(plan);
  for (const e of inFlight) await e.written;
  await last;
  return merged;
}

/**
 * The planning records an import writes, planned against the stored ones (inside the commit's transaction, after the
 * projects are queued, so new projects are found by 管理番号 too). Reads the live researchers and applications (small
 * tables) and the memberships of the projects and applications concerned.
 */
async function planPlanningWrites(parsed: ParsedImport, opts: PlanOptions): Promise<PlanningMerge> {
  const planning = parsed.planning!;
  const codes = [...new Set([...planning.memberships.map((m) => m.code), ...planning.applications.map((a) => a.projectCode)].filter(Boolean))];
  const projects = codes.length ? await db.projects.where('code').anyOf(codes).toArray() : [];
  const projectIdByCode = new Map(projects.filter((p) => !p.deletedAt).map((p) => [p.code, p.id]));
  const [researchers, applications] = await Promise.all([db.researchers.toArray(), db.applications.toArray()]);
  const memberAppCodes = new Set(planning.memberships.map((m) => m.applicationCode).filter(Boolean));
  const appIds = applications.filter((a) => !a.deletedAt && memberAppCodes.has(a.code)).map((a) => a.id);
  const [byProject, byApplication] = await Promise.all([
    projectIdByCode.size ? db.memberships.where('projectId').anyOf([...projectIdByCode.values()]).toArray() : ([] as Membership[]),
    appIds.length ? db.memberships.where('applicationId').anyOf(appIds).toArray() : ([] as Membership[]),
  ]);
  return mergeImportedPlanning(planning, { researchers: researchers as Researcher[], applications: applications as Application[], memberships: [...byProject, ...byApplication] }, { ...opts, projectIdByCode });
}

/**
 * What the import would change, without writing anything. No transaction is needed (nothing is written), so each
 * chunk yields to the event loop and a 50,000-row dry run never blocks the UI.
 */
export async function dryRunImport(parsed: ParsedImport): Promise<ImportPlan> {
  const opts = { now: new Date().toISOString(), newId: createOrderedIds() };
  return planInChunks(parsed, opts, () => Promise.resolve(), nextTask);
}

export interface CommitOptions {
  user: string;
  fileName: string;
  /** Called after each chunk with projects handled so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Projects per step (tests use small steps). */
  chunkSize?: number;
}

/**
 * Commits in one read-write transaction: plans chunk by chunk against the data as it is inside the transaction,
 * writes each chunk with bulkPut (progress after each), and records one audit entry. Any failure aborts the
 * transaction and nothing is written.
 */
export async function commitImport(parsed: ParsedImport, opts: CommitOptions): Promise<ImportSummary> {
  const now = new Date().toISOString();
  const total = parsed.projects.length + 1;
  // The outbox is always in the transaction: whether sync records is read inside it (below), not trusted from when
  // this context opened the database (the import's Worker may have opened it before sync was turned on elsewhere).
  return db.transaction('rw', [db.projects, db.budgetLines, db.milestones, db.auditLog, db.settings, db.applications, db.researchers, db.memberships, db.syncOutbox], async () => {
    const tx = Dexie.currentTransaction!;
    db.syncRecording = ((await tx.table<SettingRow, string>('settings').get(SYNC_RECORDING_KEY))?.value) === true;
    // 250,000 rows: the plan adds up how the counts by status change (absorbed as each chunk is queued, before its
    // writes complete), and the counters middleware stores that instead of reading every old row.
    const statusDelta = zeroCounts();
    countWritesAs(tx, statusDelta);
    const projects = tx.table<Project, string>('projects');
    const budgetLines = tx.table<BudgetLine, string>('budgetLines');
    const milestones = tx.table<Milestone, string>('milestones');
    const auditLog = tx.table('auditLog');
    let done = 0;
    opts.onProgress?.(0, total);
    const plan = await planInChunks(
      parsed,
      { now, newId: createOrderedIds() },
      (chunk) => {
        // Queued, not awaited here: IndexedDB works on this chunk while the next one is planned.
        const writes = Promise.all([
          chunk.projects.length ? projects.bulkPut(chunk.projects) : null,
          chunk.budgetLines.length ? budgetLines.bulkPut(chunk.budgetLines) : null,
          chunk.milestones.length ? milestones.bulkPut(chunk.milestones) : null,
        ]);
        return writes.then(() => {
          done = Math.min(total, done + Math.max(1, chunk.changes.length));
          opts.onProgress?.(done, total);
        });
      },
      null,
      opts.chunkSize,
      statusDelta,
    );
    const s = plan.summary;
    if (parsed.planning) {
      const merged = await planPlanningWrites(parsed, { now, newId: createOrderedIds() });
      await Promise.all([
        merged.applications.length ? db.applications.bulkPut(merged.applications) : null,
        merged.researchers.length ? db.researchers.bulkPut(merged.researchers) : null,
        merged.memberships.length ? db.memberships.bulkPut(merged.memberships) : null,
      ]);
      s.planning = { applications: merged.applications.length, researchers: merged.researchers.length, memberships: merged.memberships.length };
    }
    await auditLog.add({
      at: now,
      user: opts.user,
      entity: 'import',
      entityId: opts.fileName,
      projectId: null,
      action: 'import',
      summary: `${opts.fileName}: +${s.added} / ~${s.updated} / =${s.unchanged} / skipped ${s.skipped}`,
      // Small on purpose: counts and the first IDs, not whole rows (a 50,000-row import must not double the log).
      before: { updatedCodes: plan.changes.filter((c) => c.action === 'update').slice(0, 100).map((c) => c.code) },
      after: { ...s, addedCodes: plan.changes.filter((c) => c.action === 'add').slice(0, 100).map((c) => c.code) },
    });
    opts.onProgress?.(total, total);
    return s;
  });
}

/**
 * After an import committed in a Worker: this page's live sync hears of the changes recorded for it (db.ts tells only
 * the listeners of the context that wrote, and the sync session lives on the page).
 */
export function importCommittedElsewhere(): void {
  announceSyncRecorded();
}
