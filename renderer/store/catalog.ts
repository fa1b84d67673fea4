// The catalog as the app sees it: the built-in edition plus the office's own programs (and imported editions),
// merged by program id so an office's edit or a newer edition replaces the built-in entry without breaking mappings.
import { useLiveQuery } from 'dexie-react-hooks';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import type { CatalogProgram } from '../../shared/catalog/schema';
import { db } from './db';
import type { StoredProgram } from './db';

export interface ProgramEntry extends CatalogProgram {
  /** Where this entry comes from: the built-in edition (read-only) or the office's database. */
  source: 'builtin' | 'office';
}

export function mergePrograms(builtin: readonly CatalogProgram[], stored: readonly StoredProgram[]): ProgramEntry[] {
  const byId = new Map<string, ProgramEntry>();
  for (const p of builtin) byId.set(p.id, { ...p, source: 'builtin' });
  for (const p of stored) byId.set(p.id, { ...p, source: 'office' });
  return [...byId.values()];
}

export async function loadPrograms(): Promise<ProgramEntry[]> {
  return mergePrograms(BUILTIN_CATALOG.programs, await db.programs.toArray());
}

const BUILTIN_ENTRIES = mergePrograms(BUILTIN_CATALOG.programs, []);

/** Live list of all programs; the built-in ones while the database opens. */
export function usePrograms(): ProgramEntry[] {
  return useLiveQuery(loadPrograms, [], BUILTIN_ENTRIES);
}
