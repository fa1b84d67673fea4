// What the planning rules need from the catalog: a program's period end (a sub-program inherits its parent's), its
// funder (the managing body) and a track's support size. One place, so the forecast and the reports agree.
import type { CatalogProgram } from '../catalog/schema';

export type ProgramLookup = ReadonlyMap<string, CatalogProgram>;

export function programLookup(programs: readonly CatalogProgram[]): ProgramLookup {
  return new Map(programs.map((p) => [p.id, p]));
}

/** Walks up the parent chain (bounded: a cycle cannot hang) to the first program that states the field. */
function inherited<T>(programs: ProgramLookup, programId: string, pick: (p: CatalogProgram) => T | null): T | null {
  let cursor: string | null = programId;
  for (let steps = 0; cursor !== null && steps <= programs.size; steps++) {
    const p = programs.get(cursor);
    if (!p) return null;
    const value = pick(p);
    if (value !== null) return value;
    cursor = p.parentId;
  }
  return null;
}

/** Last fiscal year of the program's period (its own, else its parent's), or null when the catalog states none. */
export function programEndFiscalYear(programs: ProgramLookup, programId: string): number | null {
  return inherited(programs, programId, (p) => p.period.endFiscalYear);
}

/** The managing body (AMED, JST, …) of the program or its parent, or null when the document names none. */
export function programManagedBy(programs: ProgramLookup, programId: string): string | null {
  return inherited(programs, programId, (p) => p.managedBy);
}

/** Per-year support size of a track as the catalog prints it (a cap, about, or flat; see amountKind), or null. */
export function trackSupportYen(programs: ProgramLookup, programId: string, trackId: string): number | null {
  return programs.get(programId)?.tracks.find((t) => t.id === trackId)?.maxAnnualYen ?? null;
}

/**
 * The funder a record is grouped under: the managing body of its catalog program (AMED, JST, …), else its funder
 * name as written (an outside funder, or a program whose body the catalog does not name); '' when neither is known.
 */
export function funderKey(programs: ProgramLookup, record: { programId: string | null; funderName: string }): string {
  const body = record.programId ? programManagedBy(programs, record.programId) : null;
  return body ?? record.funderName.trim();
}

/**
 * The "program" a record is counted under for success rates and probabilities: its catalog program id, else
 * `funder:` + the funder name as written (an outside funder is its own program), else '' (unknown).
 */
export function programKey(record: { programId: string | null; funderName: string }): string {
  if (record.programId) return record.programId;
  const name = record.funderName.normalize('NFKC').trim();
  return name ? `funder:${name}` : '';
}

/** Display name of a program key: the catalog's name, the outside funder's name, or 「不明」/unknown. */
export function programKeyLabel(programs: ProgramLookup, key: string, lang: 'ja' | 'en'): string {
  if (!key) return lang === 'ja' ? '（不明）' : '(unknown)';
  if (key.startsWith('funder:')) return key.slice('funder:'.length);
  const p = programs.get(key);
  if (!p) return key;
  return lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa;
}
