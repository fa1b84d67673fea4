// The write path and the reads for the planning records (applications, tracked calls, researchers, memberships) and
// the office's planning settings. Each write is validated by shared/planning's gates and audited in the same
// transaction as the change (so undo reverts it); an award writes application, project, lines and members at once.
import type { Bilingual } from '../../shared/domain/message';
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Application, ApplicationStatus, Membership, Researcher, TrackedCall } from '../../shared/domain/planning';
import type { AuditEntry, BudgetLine, IsoDate, Project } from '../../shared/domain/types';
import { awardApplication as planAward } from '../../shared/planning/award';
import { normalizePlanningSettings } from '../../shared/planning/planning-settings';
import type { PlanningSettings } from '../../shared/planning/planning-settings';
import { validateApplication, validateMembership, validateResearcher, validateTrackedCall } from '../../shared/planning/planning-validation';
import type { ApplicationInput, PlanningProblem, ResearcherInput, TrackedCallInput } from '../../shared/planning/planning-validation';
import { normalizeResearcherNumber } from '../../shared/planning/researcher-number';
import { researcherEffort } from '../../shared/planning/effort';
import type { ResearcherEffort } from '../../shared/planning/effort';
import type { WhatIf } from '../../shared/planning/forecast';
import { buildPlanningReport } from '../../shared/reports/planning-report';
import type { PlanningReport } from '../../shared/reports/planning-report';
import { usePrograms } from './catalog';
import { auditedTables, beginChange, logChange, newId } from './audit';
import type { ChangeContext } from './audit';
import { db, putSetting } from './db';

export type { ApplicationInput, PlanningProblem, ResearcherInput, TrackedCallInput };

export type PlanningSaveResult<T> = { ok: true; record: T; warnings: PlanningProblem[] } | { ok: false; problems: PlanningProblem[] };

const SETTINGS_KEY = 'planning';

export async function loadPlanningSettings(): Promise<PlanningSettings> {
  return normalizePlanningSettings((await db.settings.get(SETTINGS_KEY))?.value);
}

export async function savePlanningSettings(settings: PlanningSettings): Promise<void> {
  await putSetting(SETTINGS_KEY, normalizePlanningSettings(settings));
}

const DEFAULT_SETTINGS = normalizePlanningSettings(undefined);

export function usePlanningSettings(): PlanningSettings {
  return useLiveQuery(loadPlanningSettings, [], DEFAULT_SETTINGS);
}

const stale = (what: string): PlanningProblem => ({ field: 'id', severity: 'error', message: { ja: `この${what}は見つかりません（削除された可能性があります）。`, en: 'This record no longer exists (it may have been deleted).' } });

type Entity = 'application' | 'call' | 'researcher' | 'membership';

async function audit(ctx: ChangeContext, entity: Entity, entityId: string, projectId: string | null, action: AuditEntry['action'], summary: string, before: unknown, after: unknown) {
  await logChange(ctx, { entity, entityId, projectId, action, summary, before, after });
}

/** Creates (no id) or updates an application. Refused with every error; warnings come back with the saved record. */
export async function saveApplication(input: ApplicationInput, opts: { id?: string; now?: Date } = {}): Promise<PlanningSaveResult<Application>> {
  const ctx = await beginChange(opts.now);
  return db.transaction('rw', auditedTables(), async (): Promise<PlanningSaveResult<Application>> => {
    const before = opts.id ? await db.applications.get(opts.id) : undefined;
    if (opts.id && !before) return { ok: false, problems: [stale('応募')] };
    const code = input.code.trim();
    const owners = await db.applications.where('code').equals(code).toArray();
    const problems = validateApplication({ ...input, code }, { codeTaken: () => owners.some((a) => a.id !== opts.id && !a.deletedAt) });
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) return { ok: false, problems: errors };
    const record: Application = before
      ? { ...before, ...input, code, updatedAt: ctx.at }
      : { ...input, code, id: newId(), deletedAt: null, createdAt: ctx.at, updatedAt: ctx.at };
    await db.applications.put(record);
    await audit(ctx, 'application', record.id, record.projectId, before ? 'update' : 'create', `${before ? '応募更新 / Updated application' : '応募作成 / Created application'} ${code}`, before ?? null, record);
    return { ok: true, record, warnings: problems.filter((p) => p.severity === 'warning') };
  });
}

/** A 管理番号 for the project an award creates: the application's own, or with a suffix when a project already has it. */
async function freeProjectCode(code: string): Promise<string> {
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? code : `${code}-${i}`;
    if (!(await db.projects.where('code').equals(candidate).first())) return candidate;
  }
}

export type AwardStoreResult = { ok: true; application: Application; project: Project } | { ok: false; message: Bilingual };

/**
 * 採択: the application is marked awarded and the project created (or its linked 申請中 project made 実施中), with
 * budget lines and memberships, in ONE transaction and one audit batch (one undo step). The application keeps its
 * requested amounts and members as history.
 */
export async function awardApplication(id: string, resultDate: IsoDate, now: Date = new Date()): Promise<AwardStoreResult> {
  const ctx = await beginChange(now);
  return db.transaction('rw', auditedTables(), async (): Promise<AwardStoreResult> => {
    const application = await db.applications.get(id);
    if (!application) return { ok: false, message: stale('応募').message };
    const linkedProject = application.projectId ? ((await db.projects.get(application.projectId)) ?? null) : null;
    const linkedBudgetLines: BudgetLine[] = linkedProject ? await db.budgetLines.where('projectId').equals(linkedProject.id).toArray() : [];
    const memberships = await db.memberships.where('applicationId').equals(id).toArray();
    const result = planAward({ application, linkedProject, linkedBudgetLines, memberships, resultDate, now: ctx.at, newId, projectCode: await freeProjectCode(application.code) });
    if (!result.ok) return result;
    const c = result.changes;
    await db.projects.put(c.project);
    await logChange(ctx, {
      entity: 'project', entityId: c.project.id, projectId: c.project.id, action: c.projectIsNew ? 'create' : 'update',
      summary: `採択 / Awarded ${c.project.code} ${c.project.title}`, before: linkedProject, after: c.project,
    });
    for (const line of c.budgetLines) {
      await db.budgetLines.add(line);
      await logChange(ctx, { entity: 'budget', entityId: line.id, projectId: line.projectId, action: 'create', summary: `採択 / Awarded: FY${line.fiscalYear}`, before: null, after: line });
    }
    for (const m of c.memberships) {
      await db.memberships.add(m);
      await audit(ctx, 'membership', m.id, m.projectId, 'create', '採択 / Awarded: member', null, m);
    }
    await db.applications.put(c.application);
    await audit(ctx, 'application', id, c.project.id, 'update', `採択 / Awarded application ${application.code}`, application, c.application);
    return { ok: true, application: c.application, project: c.project };
  });
}

/** Moves an application to another status (not 採択: that is awardApplication, which creates the project). */
export async function setApplicationStatus(id: string, status: Exclude<ApplicationStatus, 'awarded'>, resultDate: IsoDate | null, now: Date = new Date()) {
  const before = await db.applications.get(id);
  if (!before) return { ok: false as const, problems: [stale('応募')] };
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = before;
  return saveApplication({ ...input, status, resultDate: resultDate ?? input.resultDate, submittedDate: status === 'submitted' ? (input.submittedDate ?? resultDate) : input.submittedDate }, { id, now });
}

async function trash<T extends { id: string; deletedAt: string | null }>(entity: Entity, table: typeof db.applications | typeof db.trackedCalls | typeof db.researchers, id: string, deleted: boolean, label: (r: T) => string) {
  const ctx = await beginChange();
  return db.transaction('rw', auditedTables(), async () => {
    const before = (await table.get(id)) as T | undefined;
    if (!before) return null;
    const after = { ...before, deletedAt: deleted ? ctx.at : null, updatedAt: ctx.at };
    await (table as unknown as { put: (r: T) => Promise<unknown> }).put(after);
    await audit(ctx, entity, id, null, deleted ? 'delete' : 'restore', `${deleted ? 'ゴミ箱へ移動 / Moved to trash' : '復元 / Restored'} ${label(before)}`, before, after);
    return after;
  });
}

export const deleteApplication = (id: string, deleted = true) => trash<Application>('application', db.applications, id, deleted, (a) => a.code);
export const deleteTrackedCall = (id: string, deleted = true) => trash<TrackedCall>('call', db.trackedCalls, id, deleted, (c) => c.name);
export const deleteResearcher = (id: string, deleted = true) => trash<Researcher>('researcher', db.researchers, id, deleted, (r) => r.name);

export async function saveTrackedCall(input: TrackedCallInput, opts: { id?: string; now?: Date } = {}): Promise<PlanningSaveResult<TrackedCall>> {
  const ctx = await beginChange(opts.now);
  return db.transaction('rw', auditedTables(), async (): Promise<PlanningSaveResult<TrackedCall>> => {
    const before = opts.id ? await db.trackedCalls.get(opts.id) : undefined;
    if (opts.id && !before) return { ok: false, problems: [stale('公募')] };
    const problems = validateTrackedCall(input);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) return { ok: false, problems: errors };
    const record: TrackedCall = before ? { ...before, ...input, updatedAt: ctx.at } : { ...input, id: newId(), deletedAt: null, createdAt: ctx.at, updatedAt: ctx.at };
    await db.trackedCalls.put(record);
    await audit(ctx, 'call', record.id, null, before ? 'update' : 'create', `公募 / Call ${record.name}`, before ?? null, record);
    return { ok: true, record, warnings: problems.filter((p) => p.severity === 'warning') };
  });
}

/** Creates or updates a researcher. The e-Rad number is kept as text; a bad check digit is a warning, never a refusal. */
export async function saveResearcher(input: ResearcherInput, opts: { id?: string; now?: Date } = {}): Promise<PlanningSaveResult<Researcher>> {
  const ctx = await beginChange(opts.now);
  return db.transaction('rw', auditedTables(), async (): Promise<PlanningSaveResult<Researcher>> => {
    const before = opts.id ? await db.researchers.get(opts.id) : undefined;
    if (opts.id && !before) return { ok: false, problems: [stale('研究者')] };
    const number = normalizeResearcherNumber(input.eradResearcherNumber);
    const owners = number ? await db.researchers.where('eradResearcherNumber').equals(number).toArray() : [];
    const normalized = { ...input, eradResearcherNumber: number };
    const problems = validateResearcher(normalized, { numberTaken: () => owners.some((r) => r.id !== opts.id && !r.deletedAt) });
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) return { ok: false, problems: errors };
    const record: Researcher = before ? { ...before, ...normalized, updatedAt: ctx.at } : { ...normalized, id: newId(), deletedAt: null, createdAt: ctx.at, updatedAt: ctx.at };
    await db.researchers.put(record);
    await audit(ctx, 'researcher', record.id, null, before ? 'update' : 'create', `研究者 / Researcher ${record.name}`, before ?? null, record);
    return { ok: true, record, warnings: problems.filter((p) => p.severity === 'warning') };
  });
}

/** Creates or updates a researcher's membership of a project or an application (role and effort per fiscal year). */
export async function saveMembership(input: Omit<Membership, 'id'>, opts: { id?: string; now?: Date } = {}): Promise<PlanningSaveResult<Membership>> {
  const ctx = await beginChange(opts.now);
  return db.transaction('rw', auditedTables(), async (): Promise<PlanningSaveResult<Membership>> => {
    const before = opts.id ? await db.memberships.get(opts.id) : undefined;
    if (opts.id && !before) return { ok: false, problems: [stale('メンバー')] };
    const project = input.projectId ? await db.projects.get(input.projectId) : undefined;
    const application = input.applicationId ? await db.applications.get(input.applicationId) : undefined;
    const researcher = await db.researchers.get(input.researcherId);
    const problems = validateMembership(input, {
      recordExists: (kind) => (kind === 'project' ? project !== undefined : application !== undefined),
      researcherExists: () => researcher !== undefined,
    });
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) return { ok: false, problems: errors };
    const record: Membership = { ...input, id: before?.id ?? newId() };
    await db.memberships.put(record);
    await audit(ctx, 'membership', record.id, record.projectId, before ? 'update' : 'create', `メンバー / Member ${researcher?.name ?? ''}`, before ?? null, record);
    return { ok: true, record, warnings: problems.filter((p) => p.severity === 'warning') };
  });
}

export async function deleteMembership(id: string): Promise<boolean> {
  const ctx = await beginChange();
  return db.transaction('rw', auditedTables(), async () => {
    const before = await db.memberships.get(id);
    if (!before) return false;
    await db.memberships.delete(id);
    await audit(ctx, 'membership', id, before.projectId, 'delete', 'メンバー削除 / Member removed', before, null);
    return true;
  });
}

/** Everything the forecast, success rates and effort need, read in one transaction so the figures agree. */
export interface PlanningData {
  projects: Project[];
  budgetLines: BudgetLine[];
  applications: Application[];
  trackedCalls: TrackedCall[];
  researchers: Researcher[];
  memberships: Membership[];
}

export async function loadPlanningData(): Promise<PlanningData> {
  return db.transaction('r', [db.projects, db.budgetLines, db.applications, db.trackedCalls, db.researchers, db.memberships], async () => {
    const [projects, budgetLines, applications, trackedCalls, researchers, memberships] = await Promise.all([
      db.projects.toArray(), db.budgetLines.toArray(), db.applications.toArray(), db.trackedCalls.toArray(), db.researchers.toArray(), db.memberships.toArray(),
    ]);
    return { projects, budgetLines, applications, trackedCalls, researchers, memberships };
  });
}

/** The planning data for the Dashboard, Reports, Applications and Researchers screens (undefined while loading). */
export function usePlanningData(): PlanningData | undefined {
  return useLiveQuery(loadPlanningData, []);
}

/** Just the tracked calls and applications (the Deadlines screen's calendar events): no project or budget rows. */
export function usePlanningDeadlines(): Pick<PlanningData, 'applications' | 'trackedCalls'> | undefined {
  return useLiveQuery(
    () => db.transaction('r', [db.applications, db.trackedCalls], async () => {
      const [applications, trackedCalls] = await Promise.all([db.applications.toArray(), db.trackedCalls.toArray()]);
      return { applications, trackedCalls };
    }),
    [],
  );
}

/** Whose members: a project's or an application's. */
export type MembersOwner = { kind: 'project' | 'application'; id: string };

/** The members of a project or of an application (the Members editor). */
export function useMembersOf(owner: MembersOwner): Membership[] | undefined {
  const { kind, id } = owner;
  return useLiveQuery(() => db.memberships.where(kind === 'project' ? 'projectId' : 'applicationId').equals(id).toArray(), [kind, id]);
}

/** Live researchers for pickers, by name. */
export function useResearchers(): Researcher[] | undefined {
  return useLiveQuery(async () => (await db.researchers.toArray()).filter((r) => !r.deletedAt).sort((a, b) => a.name.localeCompare(b.name, 'ja')), []);
}

/**
 * The planning report (success rates, forecast with its what-if) and every researcher's effort, computed from the
 * stored records by the same shared functions the CLI and the report workbook use, so the figures cannot disagree.
 */
export function usePlanningReport(fromFiscalYear: number, whatIf: readonly WhatIf[] = NO_WHAT_IF): { report: PlanningReport; effort: ResearcherEffort[]; data: PlanningData } | undefined {
  const data = usePlanningData();
  const programs = usePrograms();
  const settings = usePlanningSettings();
  return useMemo(() => {
    if (!data) return undefined;
    const report = buildPlanningReport({ ...data, programs, fromFiscalYear, settings: settings.probability, whatIf });
    const effort = researcherEffort({ researchers: data.researchers, memberships: data.memberships, projects: data.projects, applications: data.applications, thresholdPercent: settings.effortThresholdPercent });
    return { report, effort, data };
  }, [data, programs, settings, fromFiscalYear, whatIf]);
}

const NO_WHAT_IF: readonly WhatIf[] = [];
