// The backup file: every table of the office's database in one JSON document, and the customs gate that checks a
// backup completely before a restore is allowed to replace anything. A backup from a newer schema is refused.
import { z } from 'zod';
import { MILESTONE_KINDS, MILESTONE_STATUSES, PROJECT_STATUSES } from '../domain/types';
import type { AuditEntry, BudgetLine, Milestone, Project } from '../domain/types';
import { FIELDS_ADDED_LATER, defaultProjectFields, isError, normalizeProjectInput, validateProject } from '../portfolio/project-validation';
import { APPLICATION_ROLES, APPLICATION_STATUSES, MEMBER_ROLES } from '../domain/planning';
import type { Application, Membership, Researcher, TrackedCall } from '../domain/planning';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, CORE_BACKUP_TABLES, PLANNING_BACKUP_TABLES } from './backup-names';
import type { CoreBackupTable, PlanningBackupTable } from './backup-names';

// The row schemas are exported for the sync gate (shared/sync/sync-gate.ts): one definition of a valid row.
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const id = z.string().min(1).max(200);
const yen = z.number().int().nonnegative().max(1e15);

export const projectRow = z.looseObject({
  id,
  code: z.string().min(1).max(200),
  title: z.string().max(2000),
  pi: z.string().max(500),
  // Added after the first backups were written: a backup without them restores with ''.
  piPosition: z.string().max(200).default(''),
  // Its format is a project rule (a warning, never a refusal), checked with the others below.
  piResearcherNumber: z.string().default(''),
  department: z.string().max(500),
  coInvestigators: z.array(z.string().max(500)).max(500),
  partners: z.array(z.string().max(500)).max(500),
  programId: z.string().max(200).nullable(),
  trackId: z.string().max(200).nullable(),
  funderName: z.string().max(500),
  amedNumber: z.string().max(200),
  eradNumber: z.string().max(200),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  status: z.enum(PROJECT_STATUSES),
  tags: z.array(z.string().max(200)).max(200),
  notes: z.string().max(100_000),
  archived: z.boolean(),
  deletedAt: z.string().max(40).nullable(),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
});

export const budgetRow = z.looseObject({
  id,
  projectId: id,
  fiscalYear: z.number().int().min(1900).max(2200),
  directYen: yen,
  indirectYen: yen,
});

export const milestoneRow = z.looseObject({
  id,
  projectId: id,
  kind: z.enum(MILESTONE_KINDS),
  title: z.string().max(2000),
  dueDate: isoDate,
  status: z.enum(MILESTONE_STATUSES),
  doneDate: isoDate.nullable(),
  notes: z.string().max(100_000),
  origin: z.enum(['catalog', 'template', 'user', 'import']),
});

const fiscalYearNumber = z.number().int().min(1900).max(2200);
const stamp = z.string().max(40);

const applicationRow = z.looseObject({
  id,
  code: z.string().min(1).max(200),
  title: z.string().max(2000),
  callName: z.string().max(2000),
  callId: id.nullable(),
  programId: z.string().max(200).nullable(),
  trackId: z.string().max(200).nullable(),
  funderName: z.string().max(500),
  pi: z.string().max(500),
  department: z.string().max(500),
  eradDeadline: isoDate.nullable(),
  internalDeadline: isoDate.nullable(),
  submittedDate: isoDate.nullable(),
  requested: z.array(z.looseObject({ fiscalYear: fiscalYearNumber, directYen: yen, indirectYen: yen })).max(50),
  role: z.enum(APPLICATION_ROLES),
  status: z.enum(APPLICATION_STATUSES),
  resultDate: isoDate.nullable(),
  probabilityOverride: z.number().min(0).max(1).nullable(),
  projectId: id.nullable(),
  notes: z.string().max(100_000),
  deletedAt: stamp.nullable(),
  createdAt: stamp,
  updatedAt: stamp,
});

const trackedCallRow = z.looseObject({
  id,
  name: z.string().min(1).max(2000),
  programId: z.string().max(200).nullable(),
  trackId: z.string().max(200).nullable(),
  funderName: z.string().max(500),
  fiscalYear: fiscalYearNumber.nullable(),
  openingDate: isoDate.nullable(),
  deadline: isoDate.nullable(),
  expectedAwards: z.number().int().nonnegative().max(1_000_000).nullable(),
  supportYen: yen.nullable(),
  url: z.string().max(2000),
  notes: z.string().max(100_000),
  deletedAt: stamp.nullable(),
  createdAt: stamp,
  updatedAt: stamp,
});

const researcherRow = z.looseObject({
  id,
  name: z.string().min(1).max(500),
  nameReading: z.string().max(500),
  // Text, never refused for its check digit (see shared/planning/researcher-number.ts).
  eradResearcherNumber: z.string().max(40),
  researchmapId: z.string().max(200),
  department: z.string().max(500),
  position: z.string().max(500),
  notes: z.string().max(100_000),
  deletedAt: stamp.nullable(),
  createdAt: stamp,
  updatedAt: stamp,
});

const membershipRow = z.looseObject({
  id,
  projectId: id.nullable(),
  applicationId: id.nullable(),
  researcherId: id,
  role: z.enum(MEMBER_ROLES),
  effort: z.array(z.looseObject({ fiscalYear: fiscalYearNumber, percent: z.number().min(0).max(100) })).max(50),
});

const keyed = (key: string) => z.looseObject({ [key]: z.union([z.string().min(1).max(500), z.number()]) });

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  appVersion: z.string().max(50),
  createdAt: z.string().max(40),
  tables: z.object({
    projects: z.array(projectRow),
    budgetLines: z.array(budgetRow),
    milestones: z.array(milestoneRow),
    programs: z.array(keyed('id')),
    editions: z.array(keyed('id')),
    settings: z.array(keyed('key')),
    auditLog: z.array(z.looseObject({ at: z.string(), entity: z.string(), action: z.string() })),
    importMappings: z.array(keyed('signature')),
    milestoneTemplates: z.array(keyed('id')),
    applications: z.array(applicationRow).optional(),
    trackedCalls: z.array(trackedCallRow).optional(),
    researchers: z.array(researcherRow).optional(),
    memberships: z.array(membershipRow).optional(),
  }),
});

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  tables: {
    projects: Project[];
    budgetLines: BudgetLine[];
    milestones: Milestone[];
    programs: Record<string, unknown>[];
    editions: Record<string, unknown>[];
    settings: Record<string, unknown>[];
    auditLog: AuditEntry[];
    importMappings: Record<string, unknown>[];
    milestoneTemplates: Record<string, unknown>[];
    /** Planning tables: optional when writing; parseBackup always fills them ([] for a backup made before them). */
    applications?: Application[];
    trackedCalls?: TrackedCall[];
    researchers?: Researcher[];
    memberships?: Membership[];
  };
}

export interface BackupProblem {
  path: string;
  message: string;
}

export type BackupParse = { ok: true; backup: BackupFile } | { ok: false; problems: BackupProblem[] };

/**
 * Validates a parsed backup document against the current schema version. Checks shape, that the backup is not from a
 * newer schema or format, and that keys are unique and references resolve, so a restore cannot half-succeed.
 */
export function parseBackup(input: unknown, currentSchemaVersion: number): BackupParse {
  if (typeof input !== 'object' || input === null || (input as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problems: [{ path: '(root)', message: 'Not a Grant Portfolio backup file / Grant Portfolio のバックアップファイルではありません' }] };
  }
  const head = input as { formatVersion?: unknown; schemaVersion?: unknown };
  if (typeof head.formatVersion === 'number' && head.formatVersion > BACKUP_FORMAT_VERSION) {
    return { ok: false, problems: [{ path: 'formatVersion', message: newerMessage() }] };
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > currentSchemaVersion) {
    return { ok: false, problems: [{ path: 'schemaVersion', message: newerMessage() }] };
  }
  const parsed = backupSchema.safeParse(withLaterFields(input));
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  const backup = parsed.data as unknown as BackupFile;
  for (const t of PLANNING_BACKUP_TABLES) (backup.tables as Record<PlanningBackupTable, unknown[] | undefined>)[t] ??= [];
  const problems: BackupProblem[] = [];
  const unique = (table: CoreBackupTable, key: string) => {
    const seen = new Set<unknown>();
    (backup.tables[table] as Record<string, unknown>[]).forEach((row, i) => {
      if (seen.has(row[key])) problems.push({ path: `tables.${table}.${i}.${key}`, message: `duplicate ${key} ${String(row[key])}` });
      seen.add(row[key]);
    });
  };
  CORE_BACKUP_TABLES.forEach((t) => t !== 'auditLog' && unique(t, t === 'settings' ? 'key' : t === 'importMappings' ? 'signature' : 'id'));
  unique('projects', 'code');
  // The project rules every other path applies (the catalog is not checked: a backup carries its own programs).
  backup.tables.projects.forEach((p, i) => {
    for (const x of validateProject(normalizeProjectInput(p), { codeTaken: () => false }).filter(isError)) {
      problems.push({ path: `tables.projects.${i}.${x.field}`, message: `${p.code}: ${x.message.en} / ${x.message.ja}` });
    }
  });
  const projectIds = new Set(backup.tables.projects.map((p) => p.id));
  backup.tables.budgetLines.forEach((b, i) => {
    if (!projectIds.has(b.projectId)) problems.push({ path: `tables.budgetLines.${i}.projectId`, message: `unknown project ${b.projectId}` });
  });
  backup.tables.milestones.forEach((m, i) => {
    if (!projectIds.has(m.projectId)) problems.push({ path: `tables.milestones.${i}.projectId`, message: `unknown project ${m.projectId}` });
  });
  problems.push(...planningReferenceProblems(backup, projectIds));
  return problems.length ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, backup };
}

/** A backup written before a project field existed gets the field's default (the rules' own), nothing else. */
function withLaterFields(input: object): unknown {
  const tables = (input as { tables?: { projects?: unknown } }).tables;
  if (!tables || !Array.isArray(tables.projects)) return input;
  const defaults = defaultProjectFields();
  const projects = tables.projects.map((row: unknown) => {
    if (typeof row !== 'object' || row === null) return row;
    const missing = FIELDS_ADDED_LATER.filter((k) => !(k in row));
    return missing.length ? { ...row, ...Object.fromEntries(missing.map((k) => [k, defaults[k]])) } : row;
  });
  return { ...input, tables: { ...tables, projects } };
}

/** Unique ids and codes, and references that resolve, in the planning tables. */
function planningReferenceProblems(backup: BackupFile, projectIds: ReadonlySet<string>): BackupProblem[] {
  const problems: BackupProblem[] = [];
  const t = backup.tables;
  const rows = (name: PlanningBackupTable) => (t[name] ?? []) as unknown as Record<string, unknown>[];
  const unique = (name: PlanningBackupTable, key: string, live = false) => {
    const seen = new Set<unknown>();
    rows(name).forEach((row, i) => {
      if (live && row.deletedAt) return;
      if (seen.has(row[key])) problems.push({ path: `tables.${name}.${i}.${key}`, message: `duplicate ${key} ${String(row[key])}` });
      seen.add(row[key]);
    });
  };
  for (const name of PLANNING_BACKUP_TABLES) unique(name, 'id');
  unique('applications', 'code', true);
  const callIds = new Set((t.trackedCalls ?? []).map((c) => c.id));
  const applicationIds = new Set((t.applications ?? []).map((a) => a.id));
  const researcherIds = new Set((t.researchers ?? []).map((r) => r.id));
  (t.applications ?? []).forEach((a, i) => {
    if (a.projectId !== null && !projectIds.has(a.projectId)) problems.push({ path: `tables.applications.${i}.projectId`, message: `unknown project ${a.projectId}` });
    if (a.callId !== null && !callIds.has(a.callId)) problems.push({ path: `tables.applications.${i}.callId`, message: `unknown call ${a.callId}` });
  });
  (t.memberships ?? []).forEach((m, i) => {
    if ((m.projectId === null) === (m.applicationId === null)) problems.push({ path: `tables.memberships.${i}`, message: 'exactly one of projectId and applicationId must be set' });
    if (m.projectId !== null && !projectIds.has(m.projectId)) problems.push({ path: `tables.memberships.${i}.projectId`, message: `unknown project ${m.projectId}` });
    if (m.applicationId !== null && !applicationIds.has(m.applicationId)) problems.push({ path: `tables.memberships.${i}.applicationId`, message: `unknown application ${m.applicationId}` });
    if (!researcherIds.has(m.researcherId)) problems.push({ path: `tables.memberships.${i}.researcherId`, message: `unknown researcher ${m.researcherId}` });
  });
  return problems;
}

function newerMessage(): string {
  return 'This backup was made by a newer version of Grant Portfolio; update the app to restore it / このバックアップは新しいバージョンで作成されました。アプリを更新してから復元してください';
}
