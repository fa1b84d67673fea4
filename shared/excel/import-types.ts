// What the Excel pipeline hands to its users (the import Worker, the CLI, tests): records keyed by the office's own
// project ID (管理番号), plus every row's problems. Plain data only, so it crosses postMessage unchanged.
import type { Bilingual } from '../domain/message';
import type { BudgetLine, IsoDate, Milestone, Project } from '../domain/types';
import type { ImportedApplication } from './applications-sheet';
import type { ImportedMembership, ImportedResearcher } from './members-sheet';

export type Severity = 'error' | 'warning';

export interface ImportProblem {
  sheet: string;
  /** The sheet's own 1-based row number (as Excel shows it). */
  row: number;
  /** Column letter (A, B, … AA), or null for a problem about the whole row. */
  column: string | null;
  severity: Severity;
  /** Plain Japanese and English (the CLI prints the language it is asked for). */
  message: Bilingual;
}

/** Project fields an import may set; a field absent here is left as it is on an existing project. */
export type ImportedProjectFields = Partial<
  Pick<Project, 'title' | 'pi' | 'piPosition' | 'piResearcherNumber' | 'coInvestigators' | 'department' | 'programId' | 'trackId' | 'funderName' | 'amedNumber' | 'eradNumber' | 'startDate' | 'endDate' | 'status' | 'notes'>
>;

export interface ImportedProject {
  sheet: string;
  row: number;
  /** 管理番号: how a re-import finds the project it updates. */
  code: string;
  fields: ImportedProjectFields;
  /**
   * True when the funder name is only the catalog's own name for programId (a standard workbook always writes one):
   * an existing project's stored funder name is then kept, so a round trip changes nothing.
   */
  funderNameIsCatalogName?: boolean;
}

export interface ImportedBudgetLine extends Pick<BudgetLine, 'fiscalYear'> {
  /** Whole yen; null when the sheet has no such column (a stored figure is kept; a new line records 0). */
  directYen: number | null;
  indirectYen: number | null;
  code: string;
  sheet: string;
  row: number;
}

export interface ImportedMilestone extends Pick<Milestone, 'kind' | 'title' | 'dueDate' | 'status' | 'doneDate' | 'notes'> {
  code: string;
  sheet: string;
  row: number;
}

export interface SkippedRow {
  sheet: string;
  row: number;
  reason: Bilingual;
}

export interface ParsedImport {
  format: 'office' | 'standard';
  /** The sheet the projects came from (the first, when several sheets of one layout were read). */
  sheet: string;
  /** Every sheet read, in workbook order, when there were several (a sheet per fiscal year); absent for one. */
  sheets?: string[];
  projects: ImportedProject[];
  budgetLines: ImportedBudgetLine[];
  milestones: ImportedMilestone[];
  problems: ImportProblem[];
  /** Rows passed over on purpose (blank, 合計/小計, example rows), with why. Rows with errors are in `problems`. */
  skipped: SkippedRow[];
  /** Rows that had an error and were not imported (1-based, per sheet). */
  errorRows: { sheet: string; row: number }[];
  /**
   * Planning records: a standard workbook's Applications/Requests/Researchers/Members sheets, or an office sheet's
   * people (the PI, 研究分担者, 研究者番号, エフォート) as researchers and members. Absent when there are none.
   */
  planning?: ImportedPlanning;
}

/** Planning records an import carries; members point at projects by 管理番号 and at researchers by `researcherKey`. */
export interface ImportedPlanning {
  applications: ImportedApplication[];
  researchers: ImportedResearcher[];
  memberships: ImportedMembership[];
}

export type { IsoDate };

/** Column letter for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
