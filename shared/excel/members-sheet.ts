// The Researchers and Members sheets of the standard workbook: who works on which project (or application), in what
// role, and their effort (エフォート) per fiscal year, one row per member and year. Written by the export and read
// back here; the standard reader calls readMembersSheets. Researchers are matched by e-Rad number, else by name.
import type { Bilingual } from '../domain/message';
import { fold } from '../text/fold';
import type { EffortShare, Membership, MemberRole, Researcher } from '../domain/planning';
import { MEMBER_ROLE_LABELS } from '../domain/planning';
import { checkResearcherNumber, normalizeResearcherNumber } from '../planning/researcher-number';
import { normalizeText, parseFiscalYearCell } from './cell-values';
import type { ImportProblem, Severity } from './import-types';
import { columnLetter } from './import-types';
import type { Cell, SheetGrid, SheetSpec } from './sheetjs';
import { EXAMPLE_KEY, findSheetByName, isBlankRow, labelLookup, locateHeaders, sheetProblem, textAt } from './planning-sheet-kit';
import { neutralizeText } from './standard-workbook';
import type { WorkbookLanguage } from './standard-workbook';

export const RESEARCHER_COLUMNS = ['number', 'name', 'reading', 'researchmap', 'department', 'position'] as const;
export const MEMBER_COLUMNS = ['code', 'applicationCode', 'number', 'name', 'role', 'fiscalYear', 'effort'] as const;
type ResearcherColumn = (typeof RESEARCHER_COLUMNS)[number];
type MemberColumn = (typeof MEMBER_COLUMNS)[number];

export const MEMBERS_SHEET_NAMES = {
  researchers: { en: 'Researchers', ja: '研究者' },
  members: { en: 'Members', ja: 'メンバー' },
} as const;

export const RESEARCHER_HEADERS: Readonly<Record<ResearcherColumn, Bilingual>> = {
  number: { en: 'Researcher No.', ja: '研究者番号' },
  name: { en: 'Name', ja: '氏名' },
  reading: { en: 'Reading', ja: 'よみ' },
  researchmap: { en: 'researchmap ID', ja: 'researchmap ID' },
  department: { en: 'Department', ja: '所属' },
  position: { en: 'Position', ja: '職名' },
};

export const MEMBER_HEADERS: Readonly<Record<MemberColumn, Bilingual>> = {
  code: { en: 'Project ID', ja: '管理番号' },
  applicationCode: { en: 'Application ID', ja: '応募管理番号' },
  number: { en: 'Researcher No.', ja: '研究者番号' },
  name: { en: 'Name', ja: '氏名' },
  role: { en: 'Role', ja: '役割' },
  fiscalYear: { en: 'Fiscal Year', ja: '年度' },
  effort: { en: 'Effort (%)', ja: 'エフォート（%）' },
};

const MEMBER_SYNONYMS: Partial<Record<MemberColumn, readonly string[]>> = { effort: ['エフォート', 'Effort', 'エフォート(%)'], name: ['研究者名', '研究者氏名'] };
const ROLE_LOOKUP = labelLookup(MEMBER_ROLE_LABELS, { 代表者: 'pi', 研究代表: 'pi', 分担者: 'co-investigator', 研究分担: 'co-investigator', 研究協力者: 'other' });

export interface MembersSheetInput {
  researchers: readonly Researcher[];
  memberships: readonly Membership[];
  /** 管理番号 by project id of the projects written (from projectSheetRows); members of others are left out. */
  projectCodeById: ReadonlyMap<string, string>;
  /** Application code by application id, for members of applications (empty map: none written). */
  applicationCodeById?: ReadonlyMap<string, string>;
  lang: WorkbookLanguage;
}

const t = (s: string): Cell => (s ? neutralizeText(s) : null);

/** The Researchers and Members sheets (researchers in the trash and their memberships left out). */
export function membersSheets(input: MembersSheetInput): SheetSpec[] {
  const { lang } = input;
  const live = input.researchers.filter((r) => !r.deletedAt);
  const byId = new Map(live.map((r) => [r.id, r]));
  const researcherRows: Cell[][] = [RESEARCHER_COLUMNS.map((c) => RESEARCHER_HEADERS[c][lang])];
  for (const r of live) researcherRows.push([t(r.eradResearcherNumber), t(r.name), t(r.nameReading), t(r.researchmapId), t(r.department), t(r.position)]);
  const memberRows: Cell[][] = [MEMBER_COLUMNS.map((c) => MEMBER_HEADERS[c][lang])];
  for (const m of input.memberships) {
    const r = byId.get(m.researcherId);
    const code = m.projectId !== null ? input.projectCodeById.get(m.projectId) : undefined;
    const appCode = m.applicationId !== null ? input.applicationCodeById?.get(m.applicationId) : undefined;
    if (!r || (code === undefined && appCode === undefined)) continue;
    const head: Cell[] = [t(code ?? ''), t(appCode ?? ''), t(r.eradResearcherNumber), t(r.name), MEMBER_ROLE_LABELS[m.role][lang]];
    const years = [...m.effort].sort((a, b) => a.fiscalYear - b.fiscalYear);
    if (!years.length) memberRows.push([...head, null, null]);
    for (const e of years) memberRows.push([...head, e.fiscalYear, e.percent]);
  }
  return [
    { name: MEMBERS_SHEET_NAMES.researchers[lang], rows: researcherRows, colWidths: [14, 20, 20, 16, 24, 16], freezeRows: 1 },
    { name: MEMBERS_SHEET_NAMES.members[lang], rows: memberRows, colWidths: [14, 14, 14, 20, 14, 10, 12], freezeRows: 1 },
  ];
}

export interface ImportedResearcher {
  /** How members find the researcher: the e-Rad number, else `name:` + the folded name. */
  key: string;
  name: string;
  nameReading: string;
  eradResearcherNumber: string;
  researchmapId: string;
  department: string;
  position: string;
  sheet: string;
  row: number;
}

export interface ImportedMembership {
  /** Project 管理番号, or '' when the member is on an application. */
  code: string;
  applicationCode: string;
  researcherKey: string;
  role: MemberRole;
  effort: EffortShare[];
  sheet: string;
  /** First row of the member. */
  row: number;
}

export interface MembersRead {
  researchers: ImportedResearcher[];
  memberships: ImportedMembership[];
  problems: ImportProblem[];
}

/** The key a researcher is matched by: their 8-digit-or-not number as typed (folded), else their name. */
export function researcherKey(number: string, name: string): string {
  const n = normalizeResearcherNumber(number);
  return n ? n : `name:${fold(name)}`;
}

/** The warning a researcher number earns (not 8 digits, or a check digit our unconfirmed rule disagrees with), or null. */
export function researcherNumberWarning(number: string): Bilingual | null {
  const check = checkResearcherNumber(number);
  return check.kind === 'malformed' || check.kind === 'check-digit' ? check.message : null;
}

/**
 * Reads the Researchers and Members sheets when the workbook has them (no sheet: nothing, no problem). A member row
 * names a project (管理番号) or an application (応募管理番号), a researcher by number or name (one not on the
 * Researchers sheet is added from the row), a role, and optionally a fiscal year with an effort in percent.
 * Researcher numbers are only warned on (the check digit rule is unconfirmed).
 */
export function readMembersSheets(sheets: readonly SheetGrid[]): MembersRead {
  const problems: ImportProblem[] = [];
  const researchers = new Map<string, ImportedResearcher>();
  const add = (sheet: string, row: number, column: string | null, severity: Severity, reason: Bilingual) => problems.push(sheetProblem(sheet, row, column, severity, reason));
  const warnNumber = (sheet: string, row: number, column: string | null, number: string) => {
    const warning = researcherNumberWarning(number);
    if (warning) add(sheet, row, column, 'warning', warning);
  };

  const rs = findSheetByName(sheets, MEMBERS_SHEET_NAMES.researchers);
  const rcols = rs ? locateHeaders(rs.rows[0], RESEARCHER_HEADERS, ['name']) : null;
  if (rs && !rcols) add(rs.name, 1, null, 'error', { en: 'The Researchers sheet has no Name header; it is not imported', ja: '研究者シートに氏名の見出しがないため、取り込みません' });
  if (rs && rcols) {
    for (let r = 1; r < rs.rows.length; r++) {
      const row = rs.rows[r];
      if (isBlankRow(row)) continue;
      const get = (k: ResearcherColumn) => textAt(row!, rcols.get(k));
      const letter = (k: ResearcherColumn) => (rcols.has(k) ? columnLetter(rcols.get(k)!) : null);
      const name = get('name');
      if (EXAMPLE_KEY.test(name) || EXAMPLE_KEY.test(get('number'))) continue;
      if (!name) {
        add(rs.name, r + 1, letter('name'), 'error', { en: 'Name is empty', ja: '氏名が空です' });
        continue;
      }
      const number = normalizeResearcherNumber(get('number'));
      warnNumber(rs.name, r + 1, letter('number'), number);
      const key = researcherKey(number, name);
      if (researchers.has(key)) {
        add(rs.name, r + 1, letter(number ? 'number' : 'name'), 'error', { en: `Researcher ${number || name} appears on more than one row`, ja: `研究者 ${number || name} が複数の行にあります` });
        continue;
      }
      researchers.set(key, { key, name, nameReading: get('reading'), eradResearcherNumber: number, researchmapId: get('researchmap'), department: get('department'), position: get('position'), sheet: rs.name, row: r + 1 });
    }
  }

  const memberships = new Map<string, ImportedMembership>();
  const ms = findSheetByName(sheets, MEMBERS_SHEET_NAMES.members);
  const mcols = ms ? locateHeaders(ms.rows[0], MEMBER_HEADERS, [], MEMBER_SYNONYMS) : null;
  const usable = mcols && (mcols.has('code') || mcols.has('applicationCode')) && (mcols.has('name') || mcols.has('number'));
  if (ms && !usable) {
    add(ms.name, 1, null, 'error', { en: 'The Members sheet needs a Project ID (or Application ID) and a Name (or Researcher No.) header; it is not imported', ja: 'メンバーシートには管理番号（または応募管理番号）と氏名（または研究者番号）の見出しが必要なため、取り込みません' });
  }
  if (ms && mcols && usable) {
    for (let r = 1; r < ms.rows.length; r++) {
      const row = ms.rows[r];
      const sheetRow = r + 1;
      if (isBlankRow(row)) continue;
      const get = (k: MemberColumn) => textAt(row!, mcols.get(k));
      const letter = (k: MemberColumn) => (mcols.has(k) ? columnLetter(mcols.get(k)!) : null);
      const code = get('code');
      const applicationCode = get('applicationCode');
      if (EXAMPLE_KEY.test(code) || EXAMPLE_KEY.test(applicationCode)) continue;
      if (!code === !applicationCode) {
        add(ms.name, sheetRow, letter('code'), 'error', code ? { en: 'Give a Project ID or an Application ID, not both', ja: '管理番号と応募管理番号はどちらか一方だけにしてください' } : { en: 'Project ID is empty', ja: '管理番号が空です' });
        continue;
      }
      const number = normalizeResearcherNumber(get('number'));
      const name = get('name');
      if (!number && !name) {
        add(ms.name, sheetRow, letter('name'), 'error', { en: 'Name and Researcher No. are both empty', ja: '氏名と研究者番号がどちらも空です' });
        continue;
      }
      // A number finds the researcher even when the name is written differently; a name alone finds by name.
      let key = researcherKey(number, name);
      if (!number && !researchers.has(key)) {
        const byName = [...researchers.values()].find((x) => fold(x.name) === fold(name));
        if (byName) key = byName.key;
      }
      if (!researchers.has(key)) {
        if (!name) {
          add(ms.name, sheetRow, letter('number'), 'error', { en: `Researcher No. ${number} is not on the Researchers sheet and the row has no name`, ja: `研究者番号 ${number} は研究者シートになく、氏名もありません` });
          continue;
        }
        warnNumber(ms.name, sheetRow, letter('number'), number);
        researchers.set(key, { key, name, nameReading: '', eradResearcherNumber: number, researchmapId: '', department: '', position: '', sheet: ms.name, row: sheetRow });
      }
      const roleText = get('role');
      let role: MemberRole = 'co-investigator';
      if (roleText) {
        const found = ROLE_LOOKUP.get(fold(roleText));
        if (found) role = found;
        else add(ms.name, sheetRow, letter('role'), 'warning', { en: `Unknown role "${roleText}"; imported as co-investigator`, ja: `役割「${roleText}」は不明のため「研究分担者」として取り込みます` });
      }
      const memberKey = `${code}\u0000${applicationCode}\u0000${key}`;
      let m = memberships.get(memberKey);
      if (!m) memberships.set(memberKey, (m = { code, applicationCode, researcherKey: key, role, effort: [], sheet: ms.name, row: sheetRow }));
      const fyCell = mcols.has('fiscalYear') ? (row![mcols.get('fiscalYear')!] ?? null) : null;
      const effortCell = mcols.has('effort') ? (row![mcols.get('effort')!] ?? null) : null;
      const fy = parseFiscalYearCell(fyCell);
      const percent = parsePercentCell(effortCell);
      if (fy.kind === 'error') add(ms.name, sheetRow, letter('fiscalYear'), 'error', fy.reason);
      if (percent.kind === 'error') add(ms.name, sheetRow, letter('effort'), 'error', percent.reason);
      if (fy.kind === 'error' || percent.kind === 'error') continue;
      if (fy.kind === 'value' && percent.kind === 'value') {
        if (m.effort.some((e) => e.fiscalYear === fy.value)) {
          add(ms.name, sheetRow, letter('fiscalYear'), 'error', { en: `FY${fy.value} is given twice for this member`, ja: `このメンバーの${fy.value}年度が二重にあります` });
          continue;
        }
        m.effort.push({ fiscalYear: fy.value, percent: percent.value });
      } else if (fy.kind === 'value' || percent.kind === 'value') {
        add(ms.name, sheetRow, letter(fy.kind === 'value' ? 'effort' : 'fiscalYear'), 'warning', { en: 'An effort needs both a fiscal year and a percentage; this one is left out', ja: 'エフォートには年度と割合の両方が必要なため、この値は取り込みません' });
      }
    }
  }
  return { researchers: [...researchers.values()], memberships: [...memberships.values()], problems };
}

type PercentParse = { kind: 'value'; value: number } | { kind: 'empty' } | { kind: 'error'; reason: Bilingual };

/** Effort as written: 40, 40%, ４０％, or a fraction cell 0.4 formatted as a percentage (values ≤ 1 with a decimal). */
export function parsePercentCell(cell: Cell): PercentParse {
  if (cell === null || cell === undefined) return { kind: 'empty' };
  let value: number;
  if (typeof cell === 'number') value = cell > 0 && cell < 1 ? cell * 100 : cell;
  else if (typeof cell === 'string') {
    const s = normalizeText(cell).replace(/%$/, '').trim();
    if (!s) return { kind: 'empty' };
    if (!/^\d+(\.\d+)?$/.test(s)) return { kind: 'error', reason: { en: `"${cell.trim()}" is not a percentage`, ja: `「${cell.trim()}」は割合として読めません` } };
    value = Number(s);
  } else return { kind: 'error', reason: { en: 'Not a percentage', ja: '割合として読めません' } };
  value = Math.round(value * 100) / 100;
  if (value < 0 || value > 100) return { kind: 'error', reason: { en: `Effort ${value} % is outside 0–100 %`, ja: `エフォート ${value}% が0〜100%の範囲外です` } };
  return { kind: 'value', value };
}

/**
 * Records from the read sheets, for uses with no database (the CLI, tests): a researcher's id is its key, a member's
 * project id the 管理番号 (as recordsFromImport makes it), an application member's the application code.
 */
export function membersRecordsFromImport(read: MembersRead, now: string): { researchers: Researcher[]; memberships: Membership[] } {
  const researchers = read.researchers.map((r): Researcher => ({
    id: r.key, name: r.name, nameReading: r.nameReading, eradResearcherNumber: r.eradResearcherNumber, researchmapId: r.researchmapId,
    department: r.department, position: r.position, notes: '', deletedAt: null, createdAt: now, updatedAt: now,
  }));
  const memberships = read.memberships.map((m): Membership => ({
    id: `${m.code || m.applicationCode}/${m.researcherKey}`, projectId: m.code || null, applicationId: m.applicationCode || null,
    researcherId: m.researcherKey, role: m.role, effort: [...m.effort].sort((a, b) => a.fiscalYear - b.fiscalYear),
  }));
  return { researchers, memberships };
}
