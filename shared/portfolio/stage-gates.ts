// Stage gates (ステージゲート評価) follow from a project's catalog track: a go/no-go review at the end of set project
// years, or "during the research period" with no year, which the office dates per project. Pure, so the project form,
// the importer and the tests all produce the same dates.
import type { CatalogTrack } from '../catalog/schema';
import type { IsoDate, Milestone, Project } from '../domain/types';
import { addDays, addMonths } from '../calendar/fiscal-year';
import { MILESTONE_KIND_LABELS } from '../domain/labels';

/** A milestone not yet stored (no id). */
export type MilestoneDraft = Omit<Milestone, 'id'>;

/**
 * The rule: the gate "after year N" is due on the last day of project year N, i.e. project start + N years − 1 day.
 * A project starting 2025-04-01 has its year-1 gate on 2026-03-31 and its year-2 gate on 2027-03-31.
 * (A start on Feb 29 counts years to Feb 28, so the gate falls on Feb 27.) Returns null without a start date.
 */
export function stageGateDueDate(startDate: IsoDate | null, afterYear: number): IsoDate | null {
  if (!startDate || !Number.isInteger(afterYear) || afterYear < 1) return null;
  return addDays(addMonths(startDate, afterYear * 12), -1);
}

/** Dates the office set, for this project, for the track's gates that have no fixed year: gate index → date. */
export type UndatedGateDates = Readonly<Record<number, IsoDate>>;

/** The track's gates with no fixed year (「研究期間の途中」), with their index in the track, for the office to date. */
export function undatedGates(track: Pick<CatalogTrack, 'stageGates'> | null | undefined): { index: number; gate: CatalogTrack['stageGates'][number] }[] {
  return (track?.stageGates ?? []).flatMap((gate, index) => (gate.afterYear === null ? [{ index, gate }] : []));
}

/**
 * Drafts one `stage-gate` milestone per gate of the track, titled with the gate's name (Japanese as in the catalog;
 * English kept in the notes) and carrying the catalog's note (e.g. 「SG：1年目の8割程度」) as text, not as a rule.
 * Gates falling after the project's end date are still drafted: a shortened project is a fact the office should see.
 * A gate with no fixed year is drafted only on the date the office set for it in `undatedDates` (never a guessed one).
 */
export function generateStageGates(
  project: Pick<Project, 'id' | 'startDate'>,
  track: Pick<CatalogTrack, 'stageGates'> | null | undefined,
  undatedDates: UndatedGateDates = {},
): MilestoneDraft[] {
  if (!track) return [];
  const drafts: MilestoneDraft[] = [];
  for (const [index, gate] of track.stageGates.entries()) {
    const due = gate.afterYear === null ? (undatedDates[index] ?? null) : stageGateDueDate(project.startDate, gate.afterYear);
    if (!due) continue;
    const title = gate.nameJa || `${MILESTONE_KIND_LABELS['stage-gate'].ja}（${gate.afterYear === null ? '研究期間の途中' : `${gate.afterYear}年目`}）`;
    const notes = [gate.note, gate.nameEn].filter((s): s is string => Boolean(s)).join(' / ');
    drafts.push({ projectId: project.id, kind: 'stage-gate', title, dueDate: due, status: 'planned', doneDate: null, notes, origin: 'catalog' });
  }
  return drafts;
}

/** Drafts that have no stored twin (same kind, title and due date), so "generate again" never duplicates. */
export function missingDrafts(existing: readonly Pick<Milestone, 'kind' | 'title' | 'dueDate'>[], drafts: readonly MilestoneDraft[]): MilestoneDraft[] {
  const seen = new Set(existing.map((m) => `${m.kind}|${m.title}|${m.dueDate}`));
  return drafts.filter((d) => !seen.has(`${d.kind}|${d.title}|${d.dueDate}`));
}
