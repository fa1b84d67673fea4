// Finding programs in the catalog the way an office looks for them: by any of their names or abbreviation, typed in
// either width, with or without spaces and 中黒; narrowed by managing body (or "not stated"), by theme and by "still
// running in fiscal year N"; ordered by budget. Pure, so the Programs screen, the dashboard and the CLI share one definition.
import { normalizeProgramName } from './name-matcher';
import { MANAGED_BY_NOT_STATED } from './schema';
import type { CatalogProgram, CatalogTheme } from './schema';

export type ProgramSort = 'catalog' | 'budget-desc' | 'budget-asc' | 'name';

export interface ProgramQuery {
  /** Free text; every whitespace-separated word must occur in one of the program's names (or a track's). */
  text?: string;
  /**
   * Managing body (AMED, RIKEN, an office's own funder…); MANAGED_BY_NOT_STATED = programs whose document names none;
   * null/undefined = any.
   */
  managedBy?: string | null;
  /** Theme id (own or inherited from the parent); null/undefined = any. */
  theme?: string | null;
  /** Western fiscal year the program must be running in; null/undefined = any. */
  runningInFiscalYear?: number | null;
}

/**
 * True when the program's period (inclusive western fiscal years) overlaps fiscal year `fiscalYear`.
 * A missing start or end is open (unbounded) on that side.
 */
export function programRunsInFiscalYear(program: Pick<CatalogProgram, 'period'>, fiscalYear: number): boolean {
  const { startFiscalYear: start, endFiscalYear: end } = program.period;
  return (start === null || start <= fiscalYear) && (end === null || end >= fiscalYear);
}

/**
 * Fiscal years left from `currentFiscalYear` to the end of the program, counting the current year (inclusive):
 * ending FY2026 seen from FY2025 → 2. 0 when it already ended, null when the end is open.
 */
export function fiscalYearsLeft(program: Pick<CatalogProgram, 'period'>, currentFiscalYear: number): number | null {
  const end = program.period.endFiscalYear;
  if (end === null) return null;
  const start = program.period.startFiscalYear;
  const from = start !== null && start > currentFiscalYear ? start : currentFiscalYear;
  return Math.max(0, end - from + 1);
}

function haystack(p: CatalogProgram): string {
  const extra = p as Record<string, unknown>;
  const alt = [extra.altNamesJa, extra.nameJaAsPrinted].flat().filter((v): v is string => typeof v === 'string');
  return [p.id, p.nameJa, p.nameEn, p.abbreviation ?? '', ...alt, ...p.tracks.flatMap((t) => [t.nameJa, t.nameEn])]
    .map(normalizeProgramName)
    .join('\u0000');
}

/** Normalised search words of a query text (empty when the text has none). */
export function queryWords(text: string | undefined): string[] {
  return (text ?? '').normalize('NFKC').split(/[\s\u3000]+/).map(normalizeProgramName).filter(Boolean);
}

/** The program's own theme; absent (not null) means "as the parent", so this is only right for top-level entries. */
function ownTheme(p: CatalogProgram): string | null {
  return p.theme ?? null;
}

/**
 * Resolves each program's theme over a list: its own `theme` when the field is present (null = none), otherwise its
 * parent's, up the chain. Sub-programs thus sit under the heading the document gives their parent.
 */
export function themeResolver(programs: readonly CatalogProgram[]): (program: CatalogProgram) => string | null {
  const byId = new Map(programs.map((p) => [p.id, p]));
  const memo = new Map<string, string | null>();
  const resolve = (p: CatalogProgram, depth: number): string | null => {
    const known = memo.get(p.id);
    if (known !== undefined) return known;
    let theme: string | null = null;
    if (p.theme !== undefined) theme = p.theme;
    else if (p.parentId !== null && depth <= programs.length) {
      const parent = byId.get(p.parentId);
      theme = parent ? resolve(parent, depth + 1) : null;
    }
    memo.set(p.id, theme);
    return theme;
  };
  return (p) => resolve(p, 0);
}

/** The themes of the editions given, first definition of an id winning, in the editions' order. */
export function mergeThemes(lists: readonly (readonly CatalogTheme[] | undefined)[]): CatalogTheme[] {
  const out = new Map<string, CatalogTheme>();
  for (const list of lists) for (const t of list ?? []) if (!out.has(t.id)) out.set(t.id, t);
  return [...out.values()];
}

/** A theme's short label ("研究力強化"), falling back to its full name, or the bare id when no edition defines it. */
export function themeLabel(themes: readonly CatalogTheme[], id: string, lang: 'ja' | 'en', short = true): string {
  const t = themes.find((x) => x.id === id);
  if (!t) return id;
  if (lang === 'en') return (short ? t.shortEn : undefined) || t.nameEn || t.nameJa;
  return (short ? t.shortJa : undefined) || t.nameJa;
}

/**
 * Builds a reusable predicate for a query; the per-program search text is computed once per program object,
 * so re-filtering on each keystroke stays cheap. `themeOf` resolves inherited themes (see themeResolver); without it
 * only a program's own theme counts.
 */
export function createProgramFilter(query: ProgramQuery, themeOf: (program: CatalogProgram) => string | null = ownTheme): (program: CatalogProgram) => boolean {
  const words = queryWords(query.text);
  const body = query.managedBy ?? null;
  const theme = query.theme ?? null;
  const fy = query.runningInFiscalYear ?? null;
  return (p) => {
    if (body !== null && (body === MANAGED_BY_NOT_STATED ? p.managedBy !== null : p.managedBy !== body)) return false;
    if (theme !== null && themeOf(p) !== theme) return false;
    if (fy !== null && !programRunsInFiscalYear(p, fy)) return false;
    if (words.length === 0) return true;
    const text = cachedHaystack(p);
    return words.every((w) => text.includes(w));
  };
}

const haystacks = new WeakMap<object, string>();
function cachedHaystack(p: CatalogProgram): string {
  let text = haystacks.get(p);
  if (text === undefined) {
    text = haystack(p);
    haystacks.set(p, text);
  }
  return text;
}

/** What the Programs screen's filter menus offer for a list of programs (see `catalogMenus`). */
export interface CatalogMenus {
  /** Managing bodies named, in Japanese order (programs whose document names none are not a body: `unstatedBody`). */
  bodies: string[];
  /** True when some program has no managing body stated (the filter then offers 「記載なし」). */
  unstatedBody: boolean;
  /** Fiscal years the "running in" menu offers, newest first: the programs' periods and two years either side of now, at most 60. */
  years: number[];
}

/**
 * The filter menus' contents in one indexed pass, allocating nothing per program: on each re-read of a 5,000-program
 * edition these ran as three passes in one render of the screen, 24 ms of it the first time (cold code, an array per
 * program for its two years).
 */
export function catalogMenus(programs: readonly CatalogProgram[], currentFiscalYear: number): CatalogMenus {
  const bodies = new Set<string>();
  let unstatedBody = false;
  let from = currentFiscalYear - 2;
  let to = currentFiscalYear + 3;
  for (let i = 0; i < programs.length; i++) {
    const p = programs[i]!;
    if (p.managedBy === null) unstatedBody = true;
    else bodies.add(p.managedBy);
    const { startFiscalYear: start, endFiscalYear: end } = p.period;
    if (start !== null && start < from) from = start;
    if (start !== null && start > to) to = start;
    if (end !== null && end < from) from = end;
    if (end !== null && end > to) to = end;
  }
  const years = Array.from({ length: Math.min(60, to - from + 1) }, (_, i) => to - i);
  return { bodies: [...bodies].sort((a, b) => a.localeCompare(b, 'ja')), unstatedBody, years };
}

/**
 * Theme ids used (own or inherited) by programs in the list, in the order of `themes`, unknown ids after. A caller
 * that already holds the list's resolver passes it (at 5,000 programs building it again was measurable).
 */
export function themesInUse(programs: readonly CatalogProgram[], themes: readonly CatalogTheme[], themeOf = themeResolver(programs)): string[] {
  const used = new Set(programs.map(themeOf).filter((t): t is string => t !== null));
  const known = themes.map((t) => t.id).filter((id) => used.has(id));
  return [...known, ...[...used].filter((id) => !known.includes(id)).sort()];
}

/** Comparator for a sort order; budget sorts use the request (yen), programs without one last. Stable for 'catalog'. */
export function programComparator(sort: ProgramSort, lang: 'ja' | 'en' = 'ja'): ((a: CatalogProgram, b: CatalogProgram) => number) | null {
  if (sort === 'catalog') return null;
  if (sort === 'name') {
    return (a, b) => (lang === 'ja' ? a.nameJa.localeCompare(b.nameJa, 'ja') : (a.nameEn || a.nameJa).localeCompare(b.nameEn || b.nameJa, 'en'));
  }
  const sign = sort === 'budget-desc' ? -1 : 1;
  return (a, b) => {
    const x = a.budgetYen.request;
    const y = b.budgetYen.request;
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y);
  };
}

/** Programs sorted by `sort` (a new array; the input is untouched). */
export function sortPrograms<T extends CatalogProgram>(programs: readonly T[], sort: ProgramSort, lang: 'ja' | 'en' = 'ja'): T[] {
  const cmp = programComparator(sort, lang);
  return cmp ? [...programs].sort(cmp) : [...programs];
}

export interface ProgramTreeRow<T extends CatalogProgram = CatalogProgram> {
  program: T;
  depth: number;
  hasChildren: boolean;
  /** True when the program itself matches the query (false for an ancestor shown only for context). */
  matches: boolean;
}

/**
 * Flattens the parent → sub-program hierarchy into visible rows, depth-first, siblings ordered by `sort`.
 * With a query, a program is shown when it or one of its descendants matches (ancestors give context);
 * `collapsed` ids hide their descendants unless a query is active. Programs whose parent is missing become roots.
 */
export function programTreeRows<T extends CatalogProgram>(
  programs: readonly T[],
  options: { query?: ProgramQuery; sort?: ProgramSort; lang?: 'ja' | 'en'; collapsed?: ReadonlySet<string>; themeOf?: (program: CatalogProgram) => string | null } = {},
): ProgramTreeRow<T>[] {
  const { query = {}, sort = 'catalog', lang = 'ja', collapsed = new Set<string>() } = options;
  const ids = new Set(programs.map((p) => p.id));
  const children = new Map<string | null, T[]>();
  for (const p of programs) {
    const parent = p.parentId !== null && ids.has(p.parentId) ? p.parentId : null;
    const list = children.get(parent);
    if (list) list.push(p);
    else children.set(parent, [p]);
  }
  // A caller keeping the list's resolver passes it (see themeResolver); only a theme filter needs one.
  const keep = createProgramFilter(query, query.theme != null ? (options.themeOf ?? themeResolver(programs)) : undefined);
  const filtering = queryWords(query.text).length > 0 || query.managedBy != null || query.theme != null || query.runningInFiscalYear != null;
  // Without a query every program matches: no set of 5,000 ids is built for it (a catalog re-read renders this).
  const matched = filtering ? new Set(programs.filter(keep).map((p) => p.id)) : null;
  const visible = new Set<string>();
  if (matched) {
    const byId = new Map(programs.map((p) => [p.id, p]));
    for (const id of matched) {
      let cursor: string | null = id;
      for (let guard = 0; cursor !== null && !visible.has(cursor) && guard <= programs.length; guard++) {
        visible.add(cursor);
        cursor = byId.get(cursor)?.parentId ?? null;
      }
    }
  }
  const rows: ProgramTreeRow<T>[] = [];
  const seen = new Set<string>();
  // Siblings are sorted in place: `children` holds lists of its own, and most programs have none (no copy per leaf).
  const cmp = programComparator(sort, lang);
  if (cmp) for (const list of children.values()) list.sort(cmp);
  const walk = (parent: string | null, depth: number) => {
    const list = children.get(parent);
    if (!list) return;
    for (const p of list) {
      if (seen.has(p.id) || (filtering && !visible.has(p.id))) continue;
      seen.add(p.id);
      rows.push({ program: p, depth, hasChildren: children.has(p.id), matches: matched ? matched.has(p.id) : true });
      if (filtering || !collapsed.has(p.id)) walk(p.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}
