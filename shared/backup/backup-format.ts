// The backup file: every table of the office's database in one JSON document, and the customs gate that checks a
// backup completely before a restore is allowed to replace anything. A backup from a newer schema is refused.
import { z } from 'zod';
import { MILESTONE_KINDS, MILESTONE_STATUSES, PROJECT_STATUSES } from '../domain/types';
import type { AuditEntry, BudgetLine, Milestone, Project } from '../domain/types';

export const BACKUP_FORMAT = 'grant-portfolio-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Tables a backup holds, in restore order. The notification log is transient and left out. */
export const BACKUP_TABLES = ['projects', 'budgetLines', 'milestones', 'programs', 'editions', 'settings', 'auditLog', 'importMappings', 'milestoneTemplates'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

// The row schemas are exported for the sync gate (shared/sync/sync-gate.ts): one definition of a valid row.
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const id = z.string().min(1).max(200);
const yen = z.number().int().nonnegative().max(1e15);

export const projectRow = z.looseObject({
  id,
  code: z.string().min(1).max(200),
  title: z.string().max(2000),
  pi: z.string().max(500),
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
  const parsed = backupSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  const backup = parsed.data as unknown as BackupFile;
  const problems: BackupProblem[] = [];
  const unique = (table: BackupTable, key: string) => {
    const seen = new Set<unknown>();
    (backup.tables[table] as Record<string, unknown>[]).forEach((row, i) => {
      if (seen.has(row[key])) problems.push({ path: `tables.${table}.${i}.${key}`, message: `duplicate ${key} ${String(row[key])}` });
      seen.add(row[key]);
    });
  };
  BACKUP_TABLES.forEach((t) => t !== 'auditLog' && unique(t, t === 'settings' ? 'key' : t === 'importMappings' ? 'signature' : 'id'));
  unique('projects', 'code');
  const projectIds = new Set(backup.tables.projects.map((p) => p.id));
  backup.tables.budgetLines.forEach((b, i) => {
    if (!projectIds.has(b.projectId)) problems.push({ path: `tables.budgetLines.${i}.projectId`, message: `unknown project ${b.projectId}` });
  });
  backup.tables.milestones.forEach((m, i) => {
    if (!projectIds.has(m.projectId)) problems.push({ path: `tables.milestones.${i}.projectId`, message: `unknown project ${m.projectId}` });
  });
  return problems.length ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, backup };
}

function newerMessage(): string {
  return 'This backup was made by a newer version of Grant Portfolio; update the app to restore it / このバックアップは新しいバージョンで作成されました。アプリを更新してから復元してください';
}

/** Backup file name with a sortable local timestamp, e.g. grant-portfolio-2026-11-28T0930-daily.json. */
export function backupFileName(reason: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return `grant-portfolio-${stamp}-${reason.replace(/[^a-z0-9-]/gi, '')}.json`;
}

/** Which snapshot files to delete so that only the newest `keep` remain (names sort by time). */
export function snapshotsToPrune(fileNames: readonly string[], keep: number): string[] {
  const ours = fileNames.filter((n) => /^grant-portfolio-\d{4}-\d{2}-\d{2}T\d{6}-[a-z0-9-]*\.json$/i.test(n)).sort();
  return ours.slice(0, Math.max(0, ours.length - Math.max(1, keep)));
}
