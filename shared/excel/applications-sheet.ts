// The Applications and Requests sheets of the standard workbook: one row per application (応募) and one per
// application and fiscal year of requested money, so the forecast can be rebuilt from a workbook (cli forecast).
// Written by the export and read back here; the standard reader calls readApplicationsSheets.
import type { Bilingual } from '../domain/message';
import { fold } from '../text/fold';
import type { Application, ApplicationRole, ApplicationStatus, RequestedAmount } from '../domain/planning';
import { APPLICATION_ROLE_LABELS, APPLICATION_STATUS_LABELS } from '../domain/planning';
import type { CatalogProgram } from '../catalog/schema';
import { parseAmountCell, parseDateCell, parseFiscalYearCell } from './cell-values';
import type { ImportProblem, Severity } from './import-types';
import { columnLetter } from './import-types';
import { parsePercentCell } from './members-sheet';
import { EXAMPLE_KEY, findSheetByName, isBlankRow, labelLookup, locateHeaders, sheetProblem, textAt } from './planning-sheet-kit';
import { resolveProgramCells, type ProgramResolver } from './program-resolve';
import type { Cell, SheetGrid, SheetSpec } from './sheetjs';
import { DATE_FORMAT, neutralizeText, YEN_FORMAT } from './standard-workbook';
import type { WorkbookLanguage } from './standard-workbook';

export const APPLICATION_COLUMNS = [
  'code', 'title', 'call', 'programId', 'program', 'track', 'pi', 'department', 'eradDeadline', 'internalDeadline', 'submitted', 'role', 'status', 'result', 'probability', 'projectCode', 'notes',
] as const;
export const REQUEST_COLUMNS = ['code', 'fiscalYear', 'direct', 'indirect'] as const;
type ApplicationColumn = (typeof APPLICATION_COLUMNS)[number];
type RequestColumn = (typeof REQUEST_COLUMNS)[number];

export const APPLICATION_SHEET_NAMES = {
  applications: { en: 'Applications', ja: '応募' },
  requests: { en: 'Requests', ja: '申請額' },
} as const;

export const APPLICATION_HEADERS: Readonly<Record<ApplicationColumn, Bilingual>> = {
  code: { en: 'Application ID', ja: '応募管理番号' },
  title: { en: 'Title', ja: '課題名' },
  call: { en: 'Call', ja: '公募名' },
  programId: { en: 'Program ID', ja: '事業ID' },
  program: { en: 'Program', ja: '事業名' },
  track: { en: 'Track', ja: 'タイプ' },
  pi: { en: 'PI', ja: '研究代表者' },
  department: { en: 'Department', ja: '所属' },
  eradDeadline: { en: 'e-Rad deadline', ja: 'e-Rad締切' },
  internalDeadline: { en: 'Internal deadline', ja: '学内締切' },
  submitted: { en: 'Submitted', ja: '提出日' },
  role: { en: 'Role', ja: '代表/分担' },
  status: { en: 'Status', ja: '状態' },
  result: { en: 'Result date', ja: '結果通知日' },
  probability: { en: 'Probability (%)', ja: '採択見込み（%）' },
  projectCode: { en: 'Project ID', ja: '管理番号' },
  notes: { en: 'Notes', ja: '備考' },
};

export const REQUEST_HEADERS: Readonly<Record<RequestColumn, Bilingual>> = {
  code: { en: 'Application ID', ja: '応募管理番号' },
  fiscalYear: { en: 'Fiscal Year', ja: '年度' },
  direct: { en: 'Direct (JPY)', ja: '直接経費（円）' },
  indirect: { en: 'Indirect (JPY)', ja: '間接経費（円）' },
};

const STATUS_LOOKUP = labelLookup(APPLICATION_STATUS_LABELS, { 応募予定: 'planned', 申請予定: 'planned', 応募中: 'submitted', 審査中: 'submitted', 採択済: 'awarded', 内定: 'awarded', 不採用: 'rejected', 取下げ: 'withdrawn', 取り下げ: 'withdrawn' });
const ROLE_LOOKUP = labelLookup(APPLICATION_ROLE_LABELS, { 代表機関: 'lead', 分担機関: 'partner' });

const t = (s: string): Cell => (s ? neutralizeText(s) : null);
const date = (iso: string | null): Cell => (iso ? { kind: 'date', iso } : null);

export interface ApplicationsSheetInput {
  applications: readonly Application[];
  programs: readonly Pick<CatalogProgram, 'id' | 'nameJa' | 'nameEn'>[];
  /** 管理番号 by project id, for the project an application became. */
  projectCodeById: ReadonlyMap<string, string>;
  lang: WorkbookLanguage;
}

/** The Applications and Requests sheets (applications in the trash left out), and each written code by id. */
export function applicationsSheets(input: ApplicationsSheetInput): { sheets: SheetSpec[]; codeById: Map<string, string> } {
  const { lang } = input;
  const programName = new Map(input.programs.map((p) => [p.id, lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa]));
  const codeById = new Map<string, string>();
  const apps: Cell[][] = [APPLICATION_COLUMNS.map((c) => APPLICATION_HEADERS[c][lang])];
  const requests: Cell[][] = [REQUEST_COLUMNS.map((c) => REQUEST_HEADERS[c][lang])];
  for (const a of input.applications) {
    if (a.deletedAt) continue;
    codeById.set(a.id, a.code);
    const program = a.funderName || (a.programId ? (programName.get(a.programId) ?? '') : '');
    apps.push([
      t(a.code), t(a.title), t(a.callName), a.programId, t(program), a.trackId, t(a.pi), t(a.department), date(a.eradDeadline), date(a.internalDeadline), date(a.submittedDate),
      APPLICATION_ROLE_LABELS[a.role][lang], APPLICATION_STATUS_LABELS[a.status][lang], date(a.resultDate),
      a.probabilityOverride === null ? null : Math.round(a.probabilityOverride * 10_000) / 100, t(a.projectId ? (input.projectCodeById.get(a.projectId) ?? '') : ''), t(a.notes),
    ]);
    for (const r of [...a.requested].sort((x, y) => x.fiscalYear - y.fiscalYear)) requests.push([t(a.code), r.fiscalYear, r.directYen, r.indirectYen]);
  }
  const y = YEN_FORMAT[lang];
  return {
    codeById,
    sheets: [
      { name: APPLICATION_SHEET_NAMES.applications[lang], rows: apps, colWidths: [14, 40, 30, 28, 32, 24, 16, 20, 12, 12, 12, 10, 10, 12, 12, 14, 30], numFmts: { 8: DATE_FORMAT, 9: DATE_FORMAT, 10: DATE_FORMAT, 13: DATE_FORMAT }, freezeRows: 1 },
      { name: APPLICATION_SHEET_NAMES.requests[lang], rows: requests, colWidths: [14, 12, 18, 18], numFmts: { 2: y, 3: y }, freezeRows: 1 },
    ],
  };
}

export interface ImportedApplication {
  code: string;
  fields: Omit<Application, 'id' | 'code' | 'callId' | 'projectId' | 'deletedAt' | 'createdAt' | 'updatedAt' | 'requested'>;
  /** 管理番号 of the project it became ('' = none). */
  projectCode: string;
  requested: RequestedAmount[];
  sheet: string;
  row: number;
}

export interface ApplicationsRead {
  applications: ImportedApplication[];
  problems: ImportProblem[];
}

/**
 * Reads the Applications and Requests sheets when present (none: nothing, no problem). Application ID and Status are
 * required; a program is matched like the Projects sheet's (id, else name); Requests rows name an application on the
 * Applications sheet. Probability is a percentage (empty = the office's own rate).
 */
export function readApplicationsSheets(sheets: readonly SheetGrid[], resolver: ProgramResolver): ApplicationsRead {
  const problems: ImportProblem[] = [];
  const byCode = new Map<string, ImportedApplication>();
  const bad = new Set<string>();
  const as = findSheetByName(sheets, APPLICATION_SHEET_NAMES.applications);
  const acols = as ? locateHeaders(as.rows[0], APPLICATION_HEADERS, ['code', 'status']) : null;
  if (as && !acols) problems.push(sheetProblem(as.name, 1, null, 'error', { en: 'The Applications sheet has no Application ID / Status header; it is not imported', ja: '応募シートに応募管理番号・状態の見出しがないため、取り込みません' }));
  if (as && acols) {
    for (let r = 1; r < as.rows.length; r++) {
      const row = as.rows[r];
      const sheetRow = r + 1;
      if (isBlankRow(row)) continue;
      let hasError = false;
      const letter = (k: ApplicationColumn | null) => (k !== null && acols.has(k) ? columnLetter(acols.get(k)!) : null);
      const add = (k: ApplicationColumn | null, severity: Severity, reason: Bilingual) => {
        if (severity === 'error') hasError = true;
        problems.push(sheetProblem(as.name, sheetRow, letter(k), severity, reason));
      };
      const get = (k: ApplicationColumn) => textAt(row!, acols.get(k));
      const code = get('code');
      if (EXAMPLE_KEY.test(code)) continue;
      if (!code) add('code', 'error', { en: 'Application ID is empty', ja: '応募管理番号が空です' });
      else if (byCode.has(code) || bad.has(code)) add('code', 'error', { en: `Application ID ${code} appears on more than one row`, ja: `応募管理番号 ${code} が複数の行にあります` });
      const statusText = get('status');
      const status: ApplicationStatus | undefined = STATUS_LOOKUP.get(fold(statusText));
      if (!status) add('status', 'error', statusText ? { en: `Unknown status "${statusText}"`, ja: `状態「${statusText}」は不明です` } : { en: 'Status is empty', ja: '状態が空です' });
      const roleText = get('role');
      let role: ApplicationRole = 'lead';
      if (roleText) {
        const found = ROLE_LOOKUP.get(fold(roleText));
        if (found) role = found;
        else add('role', 'warning', { en: `Unknown role "${roleText}"; imported as lead`, ja: `代表/分担「${roleText}」は不明のため「代表」として取り込みます` });
      }
      const dates: Partial<Record<'eradDeadline' | 'internalDeadline' | 'submitted' | 'result', string | null>> = {};
      for (const k of ['eradDeadline', 'internalDeadline', 'submitted', 'result'] as const) {
        const c = acols.get(k);
        const d = c === undefined ? ({ kind: 'empty', text: '' } as const) : parseDateCell(row![c] ?? null, 'day');
        if (d.kind === 'error') add(k, 'error', d.reason);
        dates[k] = d.kind === 'value' ? d.value : null;
      }
      let probabilityOverride: number | null = null;
      if (acols.has('probability')) {
        const p = parsePercentCell(row![acols.get('probability')!] ?? null);
        if (p.kind === 'error') add('probability', 'error', p.reason);
        else if (p.kind === 'value') probabilityOverride = p.value / 100;
      }
      const name = get('program');
      const { programId, trackId, problems: programProblems } = resolveProgramCells(resolver, { idText: get('programId'), name, trackText: get('track') }, { reportUnknownName: false });
      for (const p of programProblems) add(p.column, 'warning', p.message);
      // The export writes the catalog's own name for a mapped program; that is not an outside funder's name.
      const funderName = programId && resolver.isCatalogName(programId, name) ? '' : name;
      if (!programId && !funderName) add('program', 'warning', { en: 'No program or funder is named', ja: '事業・配分機関の記載がありません' });
      if (hasError || !status) {
        if (code) bad.add(code);
        continue;
      }
      byCode.set(code, {
        code, projectCode: get('projectCode'), requested: [], sheet: as.name, row: sheetRow,
        fields: {
          title: get('title'), callName: get('call'), programId, trackId, funderName, pi: get('pi'), department: get('department'),
          eradDeadline: dates.eradDeadline ?? null, internalDeadline: dates.internalDeadline ?? null, submittedDate: dates.submitted ?? null,
          role, status, resultDate: dates.result ?? null, probabilityOverride, notes: get('notes'),
        },
      });
    }
  }

  const rs = findSheetByName(sheets, APPLICATION_SHEET_NAMES.requests);
  const rcols = rs ? locateHeaders(rs.rows[0], REQUEST_HEADERS, ['code', 'fiscalYear']) : null;
  if (rs && !rcols) problems.push(sheetProblem(rs.name, 1, null, 'error', { en: 'The Requests sheet has no Application ID / Fiscal Year header; it is not imported', ja: '申請額シートに応募管理番号・年度の見出しがないため、取り込みません' }));
  if (rs && rcols) {
    for (let r = 1; r < rs.rows.length; r++) {
      const row = rs.rows[r];
      const sheetRow = r + 1;
      if (isBlankRow(row)) continue;
      const letter = (k: RequestColumn | null) => (k !== null && rcols.has(k) ? columnLetter(rcols.get(k)!) : null);
      const err = (k: RequestColumn | null, reason: Bilingual, severity: Severity = 'error') => problems.push(sheetProblem(rs.name, sheetRow, letter(k), severity, reason));
      const code = textAt(row!, rcols.get('code'));
      if (EXAMPLE_KEY.test(code)) continue;
      const app = byCode.get(code);
      if (!app) {
        err('code', bad.has(code) ? { en: `Application ${code} has an error on the Applications sheet; this row is not imported`, ja: `応募 ${code} の行にエラーがあるため、この行は取り込みません` } : { en: `Application ${code || '(empty)'} is not on the Applications sheet`, ja: `応募 ${code || '（空）'} は応募シートにありません` });
        continue;
      }
      const fy = parseFiscalYearCell(row![rcols.get('fiscalYear')!] ?? null);
      if (fy.kind !== 'value') {
        err('fiscalYear', fy.kind === 'error' ? fy.reason : { en: 'Fiscal year is empty', ja: '年度が空です' });
        continue;
      }
      const amounts: Record<'direct' | 'indirect', number | null> = { direct: null, indirect: null };
      let ok = true;
      for (const k of ['direct', 'indirect'] as const) {
        const c = rcols.get(k);
        const a = c === undefined ? ({ kind: 'empty', text: '' } as const) : parseAmountCell(row![c] ?? null, 1);
        if (a.kind === 'error') {
          err(k, a.reason);
          ok = false;
        } else if (a.kind === 'value') amounts[k] = a.value;
      }
      if (!ok) continue;
      if (amounts.direct === null || amounts.indirect === null) {
        err(amounts.direct === null ? 'direct' : 'indirect', { en: 'A requested amount has no figure; this row is not imported (a missing figure is never stored as 0)', ja: '申請額に金額がないため、この行は取り込みません（空欄を0円にはしません）' }, 'warning');
        continue;
      }
      if (app.requested.some((x) => x.fiscalYear === fy.value)) {
        err('fiscalYear', { en: `Application ${code} already has FY${fy.value}`, ja: `応募 ${code} の${fy.value}年度は既にあります` });
        continue;
      }
      app.requested.push({ fiscalYear: fy.value, directYen: amounts.direct, indirectYen: amounts.indirect });
    }
  }
  return { applications: [...byCode.values()], problems };
}

/**
 * Records from the read sheets, for uses with no database (the CLI, tests): an application's id is its code, the
 * project it became is found by 管理番号 (recordsFromImport's project ids are their codes).
 */
export function applicationRecordsFromImport(read: ApplicationsRead, knownProjectIds: ReadonlySet<string>, now: string): Application[] {
  return read.applications.map((a): Application => ({
    ...a.fields, id: a.code, code: a.code, callId: null, projectId: a.projectCode && knownProjectIds.has(a.projectCode) ? a.projectCode : null,
    requested: [...a.requested].sort((x, y) => x.fiscalYear - y.fiscalYear), deletedAt: null, createdAt: now, updatedAt: now,
  }));
}
