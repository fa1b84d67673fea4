// Geometry of the timeline: dates to x offsets on a fiscal-year axis (April first), and the grouped row list.
import type { IsoDate, Project } from '../../../shared/domain/types';
import { daysInMonth, fiscalYearOf, splitIsoDate } from '../../../shared/calendar/fiscal-year';
import type { ProgramEntry } from '../../store/catalog';

// One collator for every comparison: creating one per localeCompare call costs seconds when sorting 50,000 rows.
const collator = new Intl.Collator('ja', { numeric: true });

/** Months (fractional) from April 1 of `firstFy` to the date. */
export function monthsFrom(firstFy: number, date: IsoDate): number {
  const { year, month, day } = splitIsoDate(date);
  return (year - firstFy) * 12 + (month - 4) + (day - 1) / daysInMonth(year, month);
}

export type TimelineRow =
  | { type: 'group'; key: string; programId: string | null; label: string; count: number; period: { start: number | null; end: number | null } }
  | { type: 'project'; key: string; project: Project; period: { start: number | null; end: number | null } };

/** Rows grouped by program (catalog order by name, unmapped last), each project carrying its program's period (fiscal
 * years). Milestone markers are read for the rows near the visible ones only (the project-list Worker's `markers`). */
export function buildRows(
  projects: readonly Project[],
  programs: ReadonlyMap<string, ProgramEntry>,
  lang: 'ja' | 'en',
  unmappedLabel: string,
  order: (list: Project[]) => Project[] = byStartThenCode,
): TimelineRow[] {
  const groups = new Map<string, Project[]>();
  for (const p of projects) {
    const k = p.programId && programs.has(p.programId) ? p.programId : '';
    const l = groups.get(k);
    if (l) l.push(p);
    else groups.set(k, [p]);
  }
  const name = (id: string) => {
    const p = programs.get(id);
    return p ? (lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa) : unmappedLabel;
  };
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(name(a), name(b))));
  const rows: TimelineRow[] = [];
  for (const k of keys) {
    const list = order(groups.get(k)!);
    const prog = k ? programs.get(k) : undefined;
    const period = { start: prog?.period.startFiscalYear ?? null, end: prog?.period.endFiscalYear ?? null };
    rows.push({ type: 'group', key: `g:${k}`, programId: k || null, label: name(k), count: list.length, period });
    for (const p of list) rows.push({ type: 'project', key: p.id, project: p, period });
  }
  return rows;
}

/** A group's order: start date, then 管理番号 (the screen passes the same order from the list Worker's ranks, which
 * spares the collator on the main thread: nearly every pair of a big group shares its start date). */
export function byStartThenCode(list: Project[]): Project[] {
  return list.sort((a, b) => {
    const sa = a.startDate ?? '';
    const sb = b.startDate ?? '';
    return sa < sb ? -1 : sa > sb ? 1 : collator.compare(a.code, b.code);
  });
}

/** Rows whose milestone markers are read at a time. */
export const MARKER_BLOCK = 100;

/**
 * The positions (in the snapshot) of the projects whose markers are shown with `firstShown` the first row in view: the
 * block it falls in and one block either side, so the read-ahead asks for exactly what the screen's first open asks.
 */
export function markerPositions(items: Int32Array, firstShown: number): number[] {
  const block = Math.floor(firstShown / MARKER_BLOCK) * MARKER_BLOCK;
  const out: number[] = [];
  for (let i = Math.max(0, block - MARKER_BLOCK); i < Math.min(items.length, block + 2 * MARKER_BLOCK); i++) if (items[i]! >= 0) out.push(items[i]!);
  return out;
}

/** Fiscal-year span covering the projects and their programs' periods, kept within ±15 years of `aroundFy`. */
export function fiscalSpan(projects: readonly Project[], programs: ReadonlyMap<string, ProgramEntry>, aroundFy: number): { first: number; last: number } {
  let first = aroundFy;
  let last = aroundFy;
  for (const p of projects) {
    if (p.startDate) first = Math.min(first, fiscalYearOf(p.startDate));
    if (p.endDate) last = Math.max(last, fiscalYearOf(p.endDate));
    const prog = p.programId ? programs.get(p.programId) : undefined;
    if (prog?.period.startFiscalYear) first = Math.min(first, prog.period.startFiscalYear);
    if (prog?.period.endFiscalYear) last = Math.max(last, prog.period.endFiscalYear);
  }
  return { first: Math.max(first, aroundFy - 15), last: Math.min(last, aroundFy + 15) };
}
