// Program names as offices write them → catalog program and track, through the catalog's one name matcher.
// Results are cached per distinct text: a 50,000-row sheet names a few dozen programs.
import type { CatalogProgram } from '../catalog/schema';
import { createNameMatcher } from '../catalog/name-matcher';
import { fold } from '../text/fold';
import type { Bilingual } from '../domain/message';

export interface ProgramResolution {
  programId: string | null;
  trackId: string | null;
}

export interface ProgramResolver {
  /** Program (and perhaps track) named by free text; both null when unknown. */
  byName(name: string): ProgramResolution;
  /** A catalog program id as written in a standard workbook, or null when the catalog has no such program. */
  byId(id: string): CatalogProgram | null;
  /** A track of the program named by id, Japanese or English name; null when none matches. */
  track(programId: string, text: string): string | null;
  /** True when `name` is the catalog's own Japanese or English name (or abbreviation) of the program. */
  isCatalogName(programId: string, name: string): boolean;
}

export function createProgramResolver(programs: readonly CatalogProgram[]): ProgramResolver {
  const matcher = createNameMatcher(programs);
  const byId = new Map(programs.map((p) => [p.id, p]));
  const cache = new Map<string, ProgramResolution>();
  return {
    byName(name) {
      const key = fold(name);
      const hit = cache.get(key);
      if (hit) return hit;
      const result = key ? matcher(name).match : null;
      const resolution: ProgramResolution = result ? { programId: result.programId, trackId: result.trackId } : { programId: null, trackId: null };
      cache.set(key, resolution);
      return resolution;
    },
    byId(id) {
      return byId.get(id.trim()) ?? null;
    },
    track(programId, text) {
      const program = byId.get(programId);
      const key = fold(text);
      if (!program || !key) return null;
      const exact = program.tracks.find((t) => fold(t.id) === key || fold(t.nameJa) === key || fold(t.nameEn) === key);
      if (exact) return exact.id;
      const partial = program.tracks.find((t) => fold(t.nameJa).includes(key) || key.includes(fold(t.nameJa)));
      return partial?.id ?? null;
    },
    isCatalogName(programId, name) {
      const program = byId.get(programId);
      if (!program) return false;
      const key = fold(name);
      return key === fold(program.nameJa) || key === fold(program.nameEn) || (program.abbreviation !== null && key === fold(program.abbreviation));
    },
  };
}

/** A doubt about a row's program cells, named by the standard column it is about. */
export interface ProgramCellProblem {
  column: 'programId' | 'program' | 'track';
  message: Bilingual;
}

/**
 * A row's program ID, name and track cells → program and track: the ID first (a standard workbook's own), else the
 * name, then the track within the program found. Shared by every sheet that names a program, so they agree.
 */
export function resolveProgramCells(
  resolver: ProgramResolver,
  cells: { idText: string; name: string; trackText: string },
  options: { reportUnknownName: boolean },
): ProgramResolution & { problems: ProgramCellProblem[] } {
  const { idText, name, trackText } = cells;
  const problems: ProgramCellProblem[] = [];
  let programId: string | null = null;
  let trackId: string | null = null;
  if (idText) {
    const program = resolver.byId(idText);
    if (program) programId = program.id;
    else problems.push({ column: 'programId', message: { en: `Program ID "${idText}" is not in the catalog; imported as unmapped`, ja: `事業ID「${idText}」はカタログにないため、未対応付けとして取り込みます` } });
  }
  if (!programId && name) {
    const found = resolver.byName(name);
    programId = found.programId;
    trackId = found.trackId;
    if (!programId && !idText && options.reportUnknownName) {
      problems.push({ column: 'program', message: { en: `"${name}" is not a catalog program; imported as unmapped`, ja: `「${name}」はカタログにない事業のため、未対応付けとして取り込みます` } });
    }
  }
  if (programId && trackText) {
    const found = resolver.track(programId, trackText);
    if (found) trackId = found;
    else problems.push({ column: 'track', message: { en: `"${trackText}" is not a track of ${programId}`, ja: `「${trackText}」は ${programId} のタイプにありません` } });
  }
  return { programId, trackId, problems };
}
