// The write path for the catalog: the office's own programs, overrides of built-in ones, and imported editions.
// Every change is validated through the catalog gate and audited (entity 'program') in the same transaction.
// Program ids never change, so projects mapped to a program keep working across edits, overrides and new editions.
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { checkProgramEdit } from '../../shared/catalog/catalog-import';
import type { ProblemContext } from '../../shared/catalog/problem-text';
import type { CatalogEdition, CatalogProblem, CatalogProgram } from '../../shared/catalog/schema';
import type { AuditEntry } from '../../shared/domain/types';
import { mergePrograms } from './catalog';
import { db as defaultDb } from './db';
import { loadPreferences } from './preferences';
import type { GrantDatabase, StoredProgram } from './db';

const BUILTIN_IDS = new Set(BUILTIN_CATALOG.programs.map((p) => p.id));

export interface CatalogWriteOptions {
  /** Database to write (tests pass their own); the app's database by default. */
  database?: GrantDatabase;
  /** User name for the audit log; read from the preferences when omitted. */
  user?: string;
  now?: Date;
}

async function who(opts: CatalogWriteOptions, database: GrantDatabase): Promise<string> {
  if (opts.user !== undefined) return opts.user || '(unknown)';
  const name = database === defaultDb ? (await loadPreferences(database)).userName : '';
  return name.trim() || '(unknown)';
}

function audit(user: string, at: string, batch: string, entry: Pick<AuditEntry, 'entityId' | 'action' | 'summary' | 'before' | 'after'>): AuditEntry {
  return { ...entry, at, user, batch, entity: 'program', projectId: null };
}

/** Strips the store's bookkeeping (source, editionId, updatedAt…) so only catalog fields are kept. */
export function catalogFields(p: CatalogProgram): CatalogProgram {
  const { source: _s, editionId: _e, updatedAt: _u, overridesBuiltin: _o, ...rest } = p as CatalogProgram & Record<string, unknown>;
  return rest as CatalogProgram;
}

export type SaveProgramResult = { ok: true; program: StoredProgram; created: boolean } | { ok: false; problems: CatalogProblem[]; context: ProblemContext };

/**
 * Creates or replaces the office's row for a program (a new funder, an edit of an office program, or an override of a
 * built-in one with the same id). The whole merged catalog is re-checked, so parents must exist and ids stay unique.
 * Nothing is written when there are problems.
 */
export async function saveOfficeProgram(program: CatalogProgram, opts: CatalogWriteOptions = {}): Promise<SaveProgramResult> {
  const database = opts.database ?? defaultDb;
  const user = await who(opts, database);
  const at = (opts.now ?? new Date()).toISOString();
  return database.transaction('rw', database.programs, database.auditLog, async (): Promise<SaveProgramResult> => {
    const stored = await database.programs.toArray();
    const merged = mergePrograms(BUILTIN_CATALOG.programs, stored);
    const checked = checkProgramEdit(merged.map(catalogFields), catalogFields(program));
    if (!checked.ok) return checked;
    const previousRow = stored.find((p) => p.id === program.id);
    const previous = merged.find((p) => p.id === program.id);
    const row: StoredProgram = { ...checked.program, editionId: previousRow?.editionId ?? null, updatedAt: at };
    await database.programs.put(row);
    const action = previous ? 'update' : 'create';
    const kind = previous?.source === 'builtin' ? '組み込み事業を上書き / Override of built-in' : previous ? '事業を編集 / Edited' : '事業を追加 / Added';
    await database.auditLog.add(
      audit(user, at, crypto.randomUUID(), { entityId: row.id, action, summary: `${kind}: ${row.nameJa} (${row.id})`, before: previousRow ?? null, after: row }),
    );
    return { ok: true, program: row, created: !previous };
  });
}

export interface MappedProject {
  id: string;
  code: string;
  title: string;
}

/** Live (not trashed) projects mapped to a program, through the programId index. */
export async function mappedProjects(programId: string, database: GrantDatabase = defaultDb): Promise<MappedProject[]> {
  const rows = await database.projects.where('programId').equals(programId).toArray();
  return rows.filter((p) => !p.deletedAt).map((p) => ({ id: p.id, code: p.code, title: p.title })).sort((a, b) => a.code.localeCompare(b.code));
}

export type DeleteProgramResult =
  | { ok: true; removed: StoredProgram; revertedToBuiltin: boolean }
  | { ok: false; reason: 'builtin' | 'missing' }
  | { ok: false; reason: 'mapped'; projects: MappedProject[] }
  | { ok: false; reason: 'children'; children: { id: string; nameJa: string }[] };

/**
 * Deletes the office's row for a program. For an override of a built-in program this reverts to the built-in entry
 * (mappings keep working). An office program is refused while live projects are mapped to it or sub-programs hang under it.
 */
export async function deleteOfficeProgram(id: string, opts: CatalogWriteOptions = {}): Promise<DeleteProgramResult> {
  const database = opts.database ?? defaultDb;
  const user = await who(opts, database);
  const at = (opts.now ?? new Date()).toISOString();
  return database.transaction('rw', [database.programs, database.projects, database.auditLog], async (): Promise<DeleteProgramResult> => {
    const row = await database.programs.get(id);
    if (!row) return { ok: false, reason: BUILTIN_IDS.has(id) ? 'builtin' : 'missing' };
    const revertedToBuiltin = BUILTIN_IDS.has(id);
    if (!revertedToBuiltin) {
      const projects = await mappedProjects(id, database);
      if (projects.length) return { ok: false, reason: 'mapped', projects };
      const stored = await database.programs.toArray();
      const builtinChildren = BUILTIN_CATALOG.programs.filter((p) => p.parentId === id && !stored.some((s) => s.id === p.id));
      const children = [...stored.filter((p) => p.parentId === id), ...builtinChildren].map((p) => ({ id: p.id, nameJa: p.nameJa }));
      if (children.length) return { ok: false, reason: 'children', children };
    }
    await database.programs.delete(id);
    const summary = revertedToBuiltin ? `組み込みの内容に戻す / Reverted to built-in: ${row.nameJa} (${id})` : `事業を削除 / Deleted: ${row.nameJa} (${id})`;
    await database.auditLog.add(audit(user, at, crypto.randomUUID(), { entityId: id, action: 'delete', summary, before: row, after: null }));
    return { ok: true, removed: row, revertedToBuiltin };
  });
}

/** Puts back a row removed by deleteOfficeProgram (the undo of a delete), audited as 'restore'. */
export async function restoreOfficeProgram(row: StoredProgram, opts: CatalogWriteOptions = {}): Promise<void> {
  const database = opts.database ?? defaultDb;
  const user = await who(opts, database);
  const at = (opts.now ?? new Date()).toISOString();
  await database.transaction('rw', database.programs, database.auditLog, async () => {
    await database.programs.put(row);
    await database.auditLog.add(audit(user, at, crypto.randomUUID(), { entityId: row.id, action: 'restore', summary: `事業を復元 / Restored: ${row.nameJa} (${row.id})`, before: null, after: row }));
  });
}

export interface ImportEditionResult {
  added: number;
  replaced: number;
}

/**
 * Stores a validated edition (from parseCatalogEdition) in `editions` and its programs in `programs` with its
 * editionId, replacing rows with the same id, so projects mapped to those ids keep working. One transaction, one audit entry.
 */
export async function importEdition(catalog: CatalogEdition, opts: CatalogWriteOptions = {}): Promise<ImportEditionResult> {
  const database = opts.database ?? defaultDb;
  const user = await who(opts, database);
  const at = (opts.now ?? new Date()).toISOString();
  return database.transaction('rw', [database.editions, database.programs, database.auditLog], async () => {
    const ids = catalog.programs.map((p) => p.id);
    const existing = new Set((await database.programs.bulkGet(ids)).filter((p) => p !== undefined).map((p) => p.id));
    const replaced = ids.filter((id) => existing.has(id) || BUILTIN_IDS.has(id)).length;
    await database.editions.put({ id: catalog.edition.id, importedAt: at, edition: catalog.edition });
    await database.programs.bulkPut(catalog.programs.map((p) => ({ ...p, editionId: catalog.edition.id, updatedAt: at })));
    await database.auditLog.add({
      at, user, batch: crypto.randomUUID(), entity: 'program', entityId: catalog.edition.id, projectId: null, action: 'import',
      summary: `カタログ版を取込 / Imported edition ${catalog.edition.id}: ${ids.length} programs (${ids.length - replaced} new, ${replaced} replaced)`,
      before: null, after: { edition: catalog.edition, programIds: ids },
    });
    return { added: ids.length - replaced, replaced };
  });
}

/** The ids of the office's stored programs (keys only: no row is read). */
export async function storedProgramIds(database: GrantDatabase = defaultDb): Promise<string[]> {
  return (await database.programs.toCollection().primaryKeys()) as string[];
}

/**
 * The catalog as the office sees it now (built-in merged with its own rows), as one edition for export.
 * The header is the newest imported edition's, or the built-in one's.
 */
export async function currentCatalogEdition(database: GrantDatabase = defaultDb): Promise<CatalogEdition> {
  const stored = await database.programs.toArray();
  const editions = await database.editions.toArray();
  const newest = editions.sort((a, b) => b.importedAt.localeCompare(a.importedAt))[0]?.edition ?? BUILTIN_CATALOG.edition;
  return { edition: newest, programs: mergePrograms(BUILTIN_CATALOG.programs, stored).map(catalogFields) };
}
