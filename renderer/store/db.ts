// The one module that owns Dexie. Everything the office records lives in this IndexedDB database; other modules
// import `db` (and the types) from here and never the dexie package itself. Each schema version lists every table;
// a version that changes data gets an upgrade function and a migration test (tests/renderer/store/).
import { Dexie, liveQuery } from 'dexie';
import type { EntityTable, Table, Transaction } from 'dexie';
import type { AuditEntry, BudgetLine, Milestone, Project } from '../../shared/domain/types';
import type { CatalogEdition, CatalogProgram } from '../../shared/catalog/schema';

export const DB_NAME = 'grant-portfolio';

/** A catalog edition the office imported (next year's document, a funder's list); the built-in one ships in assets/. */
export interface StoredEdition {
  id: string;
  importedAt: string;
  edition: CatalogEdition['edition'];
}

/** A program the office added or edited; `editionId` null means "the office's own". */
export interface StoredProgram extends CatalogProgram {
  editionId: string | null;
  updatedAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A remembered column mapping, keyed by the header row's signature, so the next sheet of the same layout maps itself. */
export interface ImportMappingRow {
  signature: string;
  mapping: Record<string, string>;
  savedAt: string;
}

export interface MilestoneTemplateRow {
  id: string;
  kind: Milestone['kind'];
  title: string;
  /** Month and day after each fiscal year ends (e.g. 5, 31 → May 31 of the next calendar year). */
  month: number;
  day: number;
  /** Program the template applies to, or null for every project. */
  programId: string | null;
}

export interface NotificationLogRow {
  /** milestone id + ISO date: at most one notification per item per day. */
  key: string;
  at: string;
}

export class GrantDatabase extends Dexie {
  projects!: EntityTable<Project, 'id'>;
  budgetLines!: EntityTable<BudgetLine, 'id'>;
  milestones!: EntityTable<Milestone, 'id'>;
  programs!: EntityTable<StoredProgram, 'id'>;
  editions!: EntityTable<StoredEdition, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  auditLog!: EntityTable<AuditEntry, 'seq'>;
  importMappings!: EntityTable<ImportMappingRow, 'signature'>;
  milestoneTemplates!: EntityTable<MilestoneTemplateRow, 'id'>;
  notificationLog!: EntityTable<NotificationLogRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      projects: 'id, &code, programId, status, department, pi, startDate, endDate, updatedAt, deletedAt',
      budgetLines: 'id, projectId, fiscalYear, [projectId+fiscalYear]',
      milestones: 'id, projectId, dueDate, status, kind, [status+dueDate]',
      programs: 'id, parentId, editionId, managedBy',
      editions: 'id',
      settings: 'key',
      auditLog: '++seq, projectId, at, entity',
      importMappings: 'signature',
      milestoneTemplates: 'id, programId',
      notificationLog: 'key',
    });
  }
}

export const db = new GrantDatabase();

export type { Table, Transaction };
export { liveQuery, Dexie };

/** Reads one setting, or the fallback when unset. */
export async function getSetting<T>(key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function putSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** An automatic backup kept by the browser build (the desktop app writes files instead). */
export interface SnapshotRow {
  fileName: string;
  bytes: Uint8Array;
  sizeBytes: number;
  createdAt: string;
}

/**
 * A separate database for the browser build's automatic backups, so that restoring or clearing the main database
 * never touches them, and a backup is never inside the data it backs up.
 */
export class SnapshotVault extends Dexie {
  snapshots!: EntityTable<SnapshotRow, 'fileName'>;

  constructor(name = `${DB_NAME}-snapshots`) {
    super(name);
    this.version(1).stores({ snapshots: 'fileName, createdAt' });
  }
}

type VersionChangeListener = () => void;
const versionChangeListeners = new Set<VersionChangeListener>();

/**
 * Another window or tab is opening the database with a newer schema: close our connection so its upgrade can run,
 * and tell the UI, which offers a reload.
 */
db.on('versionchange', () => {
  db.close();
  versionChangeListeners.forEach((l) => l());
  return false;
});

export function onVersionChange(listener: VersionChangeListener): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}
