// The one home of the project rules: what a project record defaults to and what it must satisfy, the same for the
// form, the Excel import (app and CLI) and a backup restore. docs/portfolio.md ("Project rules") is this file in prose.
import type { IsoDate, Project, ProjectStatus } from '../domain/types';
import { PROJECT_STATUSES } from '../domain/types';
import type { Bilingual } from '../domain/message';
import { makeIsoDate } from '../calendar/fiscal-year';

export type ProjectInput = Omit<Project, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'archived'> & { archived?: boolean };

/** An error refuses the record (the form does not save, the import leaves the row out, a restore is refused); a warning is shown and the record kept. */
export type RuleSeverity = 'error' | 'warning';

export type ProjectRuleId =
  | 'code-required'
  | 'code-length'
  | 'code-unique'
  | 'title-required'
  | 'text-length'
  | 'date-valid'
  | 'end-after-start'
  | 'status-known'
  | 'program-known'
  | 'track-needs-program'
  | 'track-of-program'
  | 'program-or-funder'
  | 'researcher-number-format';

export interface ProjectProblem {
  field: keyof Project;
  severity: RuleSeverity;
  /** The rule broken; 'stale-record' when the project being edited no longer exists (the store says so). */
  rule: ProjectRuleId | 'stale-record';
  message: Bilingual;
}

/** Longest text each field may hold (characters); lists also cap their entry count. */
export const PROJECT_LIMITS = {
  code: 60,
  title: 2000,
  /** pi, piPosition, department, funderName, each co-investigator and partner. */
  name: 500,
  /** amedNumber, eradNumber, piResearcherNumber. */
  number: 200,
  notes: 100_000,
  listEntries: 500,
  tag: 200,
  tags: 200,
} as const;

/** Status of a record that names none: the office records funded projects, so an unstated one is running. */
const DEFAULT_PROJECT_STATUS: ProjectStatus = 'active';

/** Every field of a project input at its default: what the form starts from and what an import or old backup lacks. */
export function defaultProjectFields(): ProjectInput {
  return {
    code: '', title: '', pi: '', piPosition: '', piResearcherNumber: '', department: '', coInvestigators: [], partners: [],
    programId: null, trackId: null, funderName: '', amedNumber: '', eradNumber: '', startDate: null, endDate: null,
    status: DEFAULT_PROJECT_STATUS, tags: [], notes: '',
  };
}

/**
 * Fields added after the first backup format: a record written before them (an older backup) gets their default.
 * Any other missing field is a damaged record, not an old one.
 */
export const FIELDS_ADDED_LATER = ['piPosition', 'piResearcherNumber'] as const satisfies readonly (keyof ProjectInput)[];

/** A complete input from some of its fields (an imported row): the rest take their default. */
export function completeProjectInput(fields: Partial<ProjectInput>): ProjectInput {
  const out: Record<string, unknown> = { ...defaultProjectFields() };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out as ProjectInput;
}

function isIsoDate(d: IsoDate): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m !== null && makeIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) === d;
}

const cleanList = (items: readonly string[]) => items.map((s) => s.trim()).filter(Boolean);
const nfkc = (s: string) => s.normalize('NFKC').trim();

/** Trims fields, folds full-width ID characters (NFKC) and drops empty list entries; dates '' become null. */
export function normalizeProjectInput(input: ProjectInput): ProjectInput {
  return {
    ...input,
    code: nfkc(input.code),
    title: input.title.trim(),
    pi: input.pi.trim(),
    piPosition: (input.piPosition ?? '').trim(),
    piResearcherNumber: nfkc(input.piResearcherNumber ?? ''),
    department: input.department.trim(),
    coInvestigators: cleanList(input.coInvestigators),
    partners: cleanList(input.partners),
    funderName: input.funderName.trim(),
    amedNumber: nfkc(input.amedNumber),
    eradNumber: nfkc(input.eradNumber),
    startDate: input.startDate ? input.startDate : null,
    endDate: input.endDate ? input.endDate : null,
    tags: [...new Set(cleanList(input.tags))],
    notes: input.notes,
  };
}

export interface ValidationContext {
  /** Whether another live project (not this one), or an earlier row of the same batch, already uses the 管理番号. */
  codeTaken: (code: string) => boolean;
  /** Catalog checks, given where the catalog is known (the form, the import); a restore leaves them out. */
  knownProgram?: (id: string) => boolean;
  trackBelongs?: (programId: string, trackId: string) => boolean;
}

/** The catalog checks of ValidationContext for a list of programs with their tracks. */
export function catalogChecks(programs: readonly { id: string; tracks: readonly { id: string }[] }[]): Omit<ValidationContext, 'codeTaken'> {
  const byId = new Map(programs.map((p) => [p.id, p]));
  return {
    knownProgram: (id) => byId.has(id),
    trackBelongs: (programId, trackId) => byId.get(programId)?.tracks.some((t) => t.id === trackId) ?? false,
  };
}

const TEXT_FIELDS: readonly { field: 'title' | 'pi' | 'piPosition' | 'department' | 'funderName' | 'amedNumber' | 'eradNumber' | 'piResearcherNumber' | 'notes'; max: number; ja: string; en: string }[] = [
  { field: 'title', max: PROJECT_LIMITS.title, ja: '課題名', en: 'The title' },
  { field: 'pi', max: PROJECT_LIMITS.name, ja: '研究代表者', en: 'The PI' },
  { field: 'piPosition', max: PROJECT_LIMITS.name, ja: '職名', en: 'The PI’s position' },
  { field: 'department', max: PROJECT_LIMITS.name, ja: '所属', en: 'The department' },
  { field: 'funderName', max: PROJECT_LIMITS.name, ja: '配分機関・制度名', en: 'The funder’s name' },
  { field: 'amedNumber', max: PROJECT_LIMITS.number, ja: 'AMED課題番号', en: 'The AMED number' },
  { field: 'eradNumber', max: PROJECT_LIMITS.number, ja: 'e-Rad課題ID', en: 'The e-Rad ID' },
  { field: 'piResearcherNumber', max: PROJECT_LIMITS.number, ja: '研究者番号', en: 'The researcher number' },
  { field: 'notes', max: PROJECT_LIMITS.notes, ja: '備考', en: 'The notes' },
];

/**
 * Every problem of a normalised input, errors and warnings (see PROJECT_RULES); it may be saved when none is an
 * error. Callers decide only how to show them, never which apply.
 */
export function validateProject(input: ProjectInput, ctx: ValidationContext): ProjectProblem[] {
  const problems: ProjectProblem[] = [];
  const add = (rule: ProjectRuleId, field: keyof Project, ja: string, en: string) =>
    problems.push({ field, severity: ruleSeverity(rule), rule, message: { ja, en } });
  if (!input.code) add('code-required', 'code', '管理番号がありません。', 'The office ID (管理番号) is missing.');
  else if (input.code.length > PROJECT_LIMITS.code) {
    add('code-length', 'code', `管理番号は${PROJECT_LIMITS.code}文字以内にしてください（${input.code.length}文字）。`, `The office ID must be at most ${PROJECT_LIMITS.code} characters (it has ${input.code.length}).`);
  } else if (ctx.codeTaken(input.code)) add('code-unique', 'code', `管理番号「${input.code}」は既に使われています。`, `The office ID "${input.code}" is already in use.`);
  if (!input.title) add('title-required', 'title', '課題名がありません。', 'The project title is missing.');
  for (const t of TEXT_FIELDS) {
    const v = input[t.field] ?? '';
    if (v.length > t.max) add('text-length', t.field, `${t.ja}は${t.max}文字以内にしてください。`, `${t.en} must be at most ${t.max} characters.`);
  }
  const lists = [
    { field: 'coInvestigators', items: input.coInvestigators, max: PROJECT_LIMITS.name, ja: '研究分担者', en: 'co-investigators' },
    { field: 'partners', items: input.partners, max: PROJECT_LIMITS.name, ja: '分担機関', en: 'partners' },
    { field: 'tags', items: input.tags, max: PROJECT_LIMITS.tag, ja: 'タグ', en: 'tags' },
  ] as const;
  for (const l of lists) {
    const count = l.field === 'tags' ? PROJECT_LIMITS.tags : PROJECT_LIMITS.listEntries;
    if (l.items.length > count || l.items.some((s) => s.length > l.max)) {
      add('text-length', l.field, `${l.ja}は${count}件まで、各${l.max}文字以内にしてください。`, `At most ${count} ${l.en}, each at most ${l.max} characters.`);
    }
  }
  if (input.startDate && !isIsoDate(input.startDate)) add('date-valid', 'startDate', '開始日が日付として正しくありません。', 'The start date is not a valid date.');
  if (input.endDate && !isIsoDate(input.endDate)) add('date-valid', 'endDate', '終了日が日付として正しくありません。', 'The end date is not a valid date.');
  if (input.startDate && input.endDate && isIsoDate(input.startDate) && isIsoDate(input.endDate) && input.endDate < input.startDate) {
    add('end-after-start', 'endDate', `終了日（${input.endDate}）が開始日（${input.startDate}）より前です。`, `The end date (${input.endDate}) is before the start date (${input.startDate}).`);
  }
  if (!(PROJECT_STATUSES as readonly string[]).includes(input.status)) add('status-known', 'status', '状態が正しくありません。', 'Unknown status.');
  if (input.programId && ctx.knownProgram && !ctx.knownProgram(input.programId)) {
    add('program-known', 'programId', `事業「${input.programId}」がカタログにありません。`, `Program "${input.programId}" is not in the catalog.`);
  }
  if (input.trackId && !input.programId) add('track-needs-program', 'trackId', 'タイプを選ぶ前に事業を選んでください。', 'Choose a program before a track.');
  if (input.trackId && input.programId && ctx.trackBelongs && !ctx.trackBelongs(input.programId, input.trackId)) {
    add('track-of-program', 'trackId', 'このタイプは選んだ事業のものではありません。', 'This track does not belong to the chosen program.');
  }
  if (!input.programId && !input.funderName) {
    add('program-or-funder', 'funderName', '事業も配分機関・制度名もありません。集計では「未対応付け」になります。', 'Neither a program nor a funder’s name: the project is counted as unmapped.');
  }
  const rn = input.piResearcherNumber ?? '';
  if (rn && rn.length <= PROJECT_LIMITS.number && !/^\d{8}$/.test(rn)) {
    add('researcher-number-format', 'piResearcherNumber', `研究者番号「${rn}」は8桁の数字ではありません。`, `The researcher number "${rn}" is not 8 digits.`);
  }
  return problems;
}

/** The rules in one table: what docs/portfolio.md lists and every path's tests walk through. */
export const PROJECT_RULES: readonly { rule: ProjectRuleId; severity: RuleSeverity; en: string }[] = [
  { rule: 'code-required', severity: 'error', en: 'a 管理番号 is required' },
  { rule: 'code-length', severity: 'error', en: `the 管理番号 has at most ${PROJECT_LIMITS.code} characters (after NFKC and trimming)` },
  { rule: 'code-unique', severity: 'error', en: 'the 管理番号 is unique among projects (the trash included) and within one batch' },
  { rule: 'title-required', severity: 'error', en: 'a title is required' },
  { rule: 'text-length', severity: 'error', en: 'text fields and lists stay within PROJECT_LIMITS' },
  { rule: 'date-valid', severity: 'error', en: 'start and end dates are real calendar dates (YYYY-MM-DD) or empty' },
  { rule: 'end-after-start', severity: 'error', en: 'the end date is not before the start date' },
  { rule: 'status-known', severity: 'error', en: 'the status is applying, active, completed or terminated' },
  { rule: 'program-known', severity: 'error', en: 'a program id is in the catalog (where the catalog is known)' },
  { rule: 'track-needs-program', severity: 'error', en: 'a track needs a program' },
  { rule: 'track-of-program', severity: 'error', en: 'the track belongs to the program (where the catalog is known)' },
  { rule: 'program-or-funder', severity: 'warning', en: 'a program or a funder’s name is given (else the project is unmapped)' },
  { rule: 'researcher-number-format', severity: 'warning', en: 'a researcher number is 8 digits' },
];

function ruleSeverity(rule: ProjectRuleId): RuleSeverity {
  return PROJECT_RULES.find((r) => r.rule === rule)?.severity ?? 'error';
}

export const isError = (p: Pick<ProjectProblem, 'severity'>): boolean => p.severity === 'error';
