// The catalog as the app sees it: the built-in edition plus the office's own programs (and imported editions),
// merged by program id so an office's edit or a newer edition replaces the built-in entry without breaking mappings.
import { useLiveQuery } from 'dexie-react-hooks';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import type { CatalogProgram } from '../../shared/catalog/schema';
import { db } from './db';
import type { GrantDatabase, StoredEdition, StoredProgram } from './db';
import { readInPages } from './paged-read';

export type { StoredEdition, StoredProgram };

export interface ProgramEntry extends CatalogProgram {
  /** Where this entry comes from: the built-in edition (read-only) or the office's database. */
  source: 'builtin' | 'office';
  /** Imported edition the office row came from; null for the office's own rows and built-in entries. */
  editionId: string | null;
  /** An office row that replaces a built-in program with the same id (deleting it reverts to the built-in one). */
  overridesBuiltin: boolean;
  /** Last change of the office row (ISO timestamp); null for built-in entries. */
  updatedAt: string | null;
}

/**
 * Built-in programs first (in catalog order, replaced in place by office rows with the same id), then the office's own.
 * `adoptStored`: the rows were just read for this merge and nobody else holds them, so each becomes its entry instead of
 * being copied (a re-read of a 5,000-program edition otherwise made a second 5,000 objects of garbage on the main thread).
 */
export function mergePrograms(builtin: readonly CatalogProgram[], stored: readonly StoredProgram[], adoptStored = false): ProgramEntry[] {
  const byId = new Map<string, ProgramEntry>();
  for (const p of builtin) byId.set(p.id, { ...p, source: 'builtin', editionId: null, overridesBuiltin: false, updatedAt: null });
  for (const p of stored) {
    const fields = { source: 'office' as const, overridesBuiltin: byId.get(p.id)?.source === 'builtin' };
    byId.set(p.id, adoptStored ? Object.assign(p, fields) : { ...p, ...fields });
  }
  return [...byId.values()];
}

/**
 * Rows per request when reading the office's programs. An imported edition may hold 5,000 programs (megabytes with
 * their summaries and tracks), and one getAll deserialised them all in one main-thread task of several hundred ms.
 */
const PROGRAM_READ_PAGE = 250;

/** The office's stored programs in primary-key order (as `toArray` gives them), read a page per request. */
export function readStoredPrograms(database: GrantDatabase = db): Promise<StoredProgram[]> {
  return readInPages(database.programs, { pageSize: PROGRAM_READ_PAGE });
}

export async function loadPrograms(): Promise<ProgramEntry[]> {
  return mergePrograms(BUILTIN_CATALOG.programs, await readStoredPrograms(), true);
}

const BUILTIN_ENTRIES = mergePrograms(BUILTIN_CATALOG.programs, []);

/** Live list of all programs; the built-in ones while the database opens. */
export function usePrograms(): ProgramEntry[] {
  return useLiveQuery(loadPrograms, [], BUILTIN_ENTRIES);
}

/** False for the built-in list usePrograms gives while the database opens: the office's catalog is not read yet. */
export function programsRead(programs: readonly ProgramEntry[]): boolean {
  return programs !== BUILTIN_ENTRIES;
}

/** The newest write among the office's programs (null when it has none): it changes with every re-read after a write. */
export function catalogRevision(programs: readonly ProgramEntry[]): string | null {
  let newest: string | null = null;
  for (const p of programs) if (p.updatedAt !== null && (newest === null || p.updatedAt > newest)) newest = p.updatedAt;
  return newest;
}

const NO_EDITIONS: StoredEdition[] = [];

/** The catalog editions the office imported; none while the database opens. */
export function useEditions(): StoredEdition[] {
  return useLiveQuery(() => db.editions.toArray(), [], NO_EDITIONS);
}
