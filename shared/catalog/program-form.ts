// The program edit form's model: text fields as typed (amounts like "36億", "1,200万円", years like "令和7" or 2025)
// converted to a CatalogProgram with field-level problems, so the screen stays thin and the rules are tested.
// Fields the form does not show (the JSON's extra fields) are carried over from the program being edited.
import type { Bilingual } from '../domain/message';
import { parseFiscalYearLabel } from '../calendar/wareki';
import { parseYenText } from '../money/yen';
import { amountKindOf } from './program-format';
import { AMOUNT_KINDS } from './schema';
import type { AmountKind, CatalogProgram, CatalogTrack, StageGate } from './schema';

export interface GateDraft {
  /** Project year after which the gate falls; empty = no fixed year (「研究期間の途中」, dated per project). */
  afterYear: string;
  nameJa: string;
  nameEn: string;
  note: string;
  /** The gate as loaded, so fields the form does not edit (e.g. printedJa) survive. */
  base?: StageGate | null;
}

export interface TrackDraft {
  /** Empty for a new track (an id is made on save). */
  id: string;
  nameJa: string;
  nameEn: string;
  durationYears: string;
  maxAnnualYen: string;
  /** What the per-year figure is; empty = not stated. */
  amountKind: AmountKind | '';
  gates: GateDraft[];
  /** The track as loaded, so fields the form does not edit survive. */
  base: CatalogTrack | null;
}

export interface ProgramDraft {
  id: string;
  parentId: string;
  nameJa: string;
  nameEn: string;
  abbreviation: string;
  /** Empty = not stated (stored as null, shown as 「記載なし」). */
  managedBy: string;
  division: string;
  request: string;
  previous: string;
  supplementary: string;
  budgetNote: string;
  startFiscalYear: string;
  endFiscalYear: string;
  researchPeriodYears: string;
  summaryJa: string;
  summaryEn: string;
  tracks: TrackDraft[];
}

export interface FormProblem {
  /** Field key, e.g. "request" or "tracks.0.durationYears". */
  field: string;
  message: Bilingual;
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function emptyTrackDraft(): TrackDraft {
  return { id: '', nameJa: '', nameEn: '', durationYears: '', maxAnnualYen: '', amountKind: '', gates: [], base: null };
}

export function emptyGateDraft(): GateDraft {
  return { afterYear: '', nameJa: '', nameEn: '', note: '' };
}

/** A blank draft for a new office program (optionally under a parent). */
export function newProgramDraft(parentId: string | null = null, managedBy = ''): ProgramDraft {
  return {
    id: '', parentId: parentId ?? '', nameJa: '', nameEn: '', abbreviation: '', managedBy, division: '', request: '', previous: '', supplementary: '',
    budgetNote: '', startFiscalYear: '', endFiscalYear: '', researchPeriodYears: '', summaryJa: '', summaryEn: '', tracks: [],
  };
}

export function programToDraft(p: CatalogProgram): ProgramDraft {
  return {
    id: p.id, parentId: p.parentId ?? '', nameJa: p.nameJa, nameEn: p.nameEn, abbreviation: p.abbreviation ?? '', managedBy: p.managedBy ?? '',
    division: p.division ?? '', request: str(p.budgetYen.request), previous: str(p.budgetYen.previous), supplementary: str(p.budgetYen.supplementary),
    budgetNote: p.budgetYen.note ?? '', startFiscalYear: str(p.period.startFiscalYear), endFiscalYear: str(p.period.endFiscalYear),
    researchPeriodYears: str(p.researchPeriodYears), summaryJa: p.summaryJa, summaryEn: p.summaryEn,
    tracks: p.tracks.map((t) => ({
      id: t.id, nameJa: t.nameJa, nameEn: t.nameEn, durationYears: str(t.durationYears), maxAnnualYen: str(t.maxAnnualYen),
      amountKind: amountKindOf(t) ?? '', base: t,
      gates: t.stageGates.map((g) => ({ afterYear: str(g.afterYear), nameJa: g.nameJa, nameEn: g.nameEn, note: g.note ?? '', base: g })),
    })),
  };
}

/**
 * Whole yen from an amount as typed ("3600000000", "3,600,000,000円", "36億", "1.2億", "1億2000万", "500万"), read by the
 * one amount parser (`parseYenText`, figures in yen unless the text names its unit). Empty or 未定 → null; a negative
 * or anything else → 'invalid'.
 */
export function parseYenInput(text: string): number | null | 'invalid' {
  const r = parseYenText(text, 1);
  if (r.kind === 'none') return null;
  return r.kind === 'yen' ? r.yen : 'invalid';
}

/** Western fiscal year from "2025", "FY2025", "令和7", "R7年度"; empty → null; otherwise 'invalid'. */
export function parseYearInput(text: string): number | null | 'invalid' {
  const s = text.trim();
  if (!s) return null;
  const fy = parseFiscalYearLabel(s);
  return fy !== null && fy >= 1900 && fy <= 2200 ? fy : 'invalid';
}

function parseCount(text: string, max: number): number | null | 'invalid' {
  const s = text.normalize('NFKC').trim().replace(/年$/, '');
  if (!s) return null;
  if (!/^\d+$/.test(s)) return 'invalid';
  const n = Number(s);
  return n >= 1 && n <= max ? n : 'invalid';
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * Builds the program from the draft on top of `base` (the program being edited, whose extra fields are kept).
 * `id` must already be set; new tracks get `${id}/track-N` ids not in `takenTrackIds`. Returns field problems
 * (required names, unreadable amounts/years, start after end) or the program, which still goes through the catalog gate.
 */
export function draftToProgram(
  draft: ProgramDraft,
  base: CatalogProgram | null,
  takenTrackIds: ReadonlySet<string> = new Set(),
): { ok: true; program: CatalogProgram } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const need = (field: string, value: string, ja: string, en: string) => {
    if (!value.trim()) problems.push({ field, message: { ja: `${ja}を入力してください。`, en: `Enter the ${en}.` } });
  };
  need('nameJa', draft.nameJa, '名称', 'name');
  const yen = (field: string, value: string) => {
    const v = parseYenInput(value);
    if (v === 'invalid') {
      problems.push({ field, message: { ja: '金額は「3600000000」「36億」「1,200万円」のように入力してください。', en: 'Enter an amount like 3600000000, 36億 or 1,200万円.' } });
      return null;
    }
    return v;
  };
  const year = (field: string, value: string) => {
    const v = parseYearInput(value);
    if (v === 'invalid') {
      problems.push({ field, message: { ja: '年度は「2025」「令和7」のように入力してください。', en: 'Enter a fiscal year like 2025 or 令和7 (R7).' } });
      return null;
    }
    return v;
  };
  const count = (field: string, value: string, max: number) => {
    const v = parseCount(value, max);
    if (v === 'invalid') {
      problems.push({ field, message: { ja: `1〜${max}の整数で入力してください。`, en: `Enter a whole number from 1 to ${max}.` } });
      return null;
    }
    return v;
  };

  const request = yen('request', draft.request);
  const previous = yen('previous', draft.previous);
  const supplementary = yen('supplementary', draft.supplementary);
  const start = year('startFiscalYear', draft.startFiscalYear);
  const end = year('endFiscalYear', draft.endFiscalYear);
  if (start !== null && end !== null && start > end) {
    problems.push({ field: 'endFiscalYear', message: { ja: '終了年度が開始年度より前になっています。', en: 'The end year is before the start year.' } });
  }
  const researchPeriodYears = count('researchPeriodYears', draft.researchPeriodYears, 30);

  const used = new Set([...takenTrackIds, ...draft.tracks.map((t) => t.id).filter(Boolean)]);
  let next = 1;
  const tracks: CatalogTrack[] = draft.tracks.map((t, i) => {
    need(`tracks.${i}.nameJa`, t.nameJa, '類型の名称', 'track name');
    let id = t.id;
    if (!id) {
      while (used.has(`${draft.id}/track-${next}`)) next++;
      id = `${draft.id}/track-${next}`;
      used.add(id);
    }
    const stageGates: StageGate[] = t.gates.map((g, j) => {
      // An empty year is a gate the document places "during the research period" without a year, not a mistake.
      const afterYear = count(`tracks.${i}.gates.${j}.afterYear`, g.afterYear, 20);
      return { ...(g.base ?? {}), afterYear, nameJa: g.nameJa.trim() || 'ステージゲート評価', nameEn: g.nameEn.trim() || 'Stage-gate review', note: orNull(g.note) };
    });
    const amountKind: AmountKind | null = (AMOUNT_KINDS as readonly string[]).includes(t.amountKind) ? (t.amountKind as AmountKind) : null;
    const track: CatalogTrack = {
      ...(t.base ?? {}),
      id,
      nameJa: t.nameJa.trim(),
      nameEn: t.nameEn.trim(),
      durationYears: count(`tracks.${i}.durationYears`, t.durationYears, 30),
      maxAnnualYen: yen(`tracks.${i}.maxAnnualYen`, t.maxAnnualYen),
      amountKind,
      // Dated gates in year order, then those without a year.
      stageGates: stageGates.sort((a, b) => (a.afterYear ?? Infinity) - (b.afterYear ?? Infinity)),
    };
    dropStaleSources(track, t.base);
    return track;
  });
  if (problems.length) return { ok: false, problems };

  const program: CatalogProgram = {
    ...(base ?? {}),
    id: draft.id,
    parentId: orNull(draft.parentId),
    nameJa: draft.nameJa.trim(),
    nameEn: draft.nameEn.trim(),
    abbreviation: orNull(draft.abbreviation),
    managedBy: orNull(draft.managedBy),
    division: orNull(draft.division),
    budgetYen: { ...(base?.budgetYen ?? {}), request, previous, supplementary, note: orNull(draft.budgetNote) },
    period: { ...(base?.period ?? {}), startFiscalYear: start, endFiscalYear: end },
    researchPeriodYears,
    tracks,
    summaryJa: draft.summaryJa.trim(),
    summaryEn: draft.summaryEn.trim(),
  };
  dropStaleSources(program, base);
  return { ok: true, program };
}

/** A name the office retyped is the office's own: where it came from no longer applies, so the marks go. */
function dropStaleSources(next: CatalogProgram | CatalogTrack, base: CatalogProgram | CatalogTrack | null): void {
  if (!base) return;
  if (next.nameEn !== base.nameEn) delete next.nameEnSource;
  if (next.nameJa !== base.nameJa && 'nameJaSource' in next) delete (next as CatalogTrack).nameJaSource;
}
