// Column mappings the office confirmed, remembered by header signature so the next sheet of the same layout maps
// itself. Stored as column index → field text (never header text as keys).
import { db } from './db';
import type { ImportMappingRow } from './db';

/** All remembered mappings (a small table: one row per sheet layout the office has imported). */
export async function loadImportMappings(): Promise<ImportMappingRow[]> {
  return db.importMappings.toArray();
}

export async function rememberImportMapping(signature: string, mapping: Record<string, string>): Promise<void> {
  await db.importMappings.put({ signature, mapping, savedAt: new Date().toISOString() });
}
