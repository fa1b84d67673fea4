// The standard workbook with its planning sheets (Applications, Requests, Researchers, Members) after the project
// sheets: one call for the export and `cli convert`, leaving standard-workbook.ts's own sheets as they are.
import type { Application, Membership, Researcher } from '../domain/planning';
import { applicationsSheets } from './applications-sheet';
import type { ApplicationsSheetInput } from './applications-sheet';
import { membersSheets } from './members-sheet';
import type { SheetLayout, SheetSpec } from './sheetjs';
import { exportedProjectCodes, standardWorkbookSheets } from './standard-workbook';
import type { StandardWorkbookInput, WorkbookLanguage } from './standard-workbook';

export interface PlanningWorkbookInput extends StandardWorkbookInput {
  applications: readonly Application[];
  researchers: readonly Researcher[];
  memberships: readonly Membership[];
}

/** Projects, Budgets, Milestones, then Applications, Requests, Researchers, Members. */
export function standardWorkbookWithPlanningSheets(input: PlanningWorkbookInput): SheetSpec[] {
  return [...standardWorkbookSheets(input), ...planningSheets({ ...input, projectCodeById: exportedProjectCodes(input.projects) })];
}

export interface PlanningSheetsInput extends Omit<PlanningWorkbookInput, 'projects' | 'budgetLines' | 'milestones' | 'programs'> {
  programs: ApplicationsSheetInput['programs'];
  /** 管理番号 by project id of the projects written (the trash left out). */
  projectCodeById: ReadonlyMap<string, string>;
}

/** The four planning sheets alone, in order (the export's part Worker writes them beside the Milestones sheet). */
export function planningSheets(input: PlanningSheetsInput): SheetSpec[] {
  const { projectCodeById, lang } = input;
  const apps = applicationsSheets({ applications: input.applications, programs: input.programs, projectCodeById, lang });
  const members = membersSheets({ researchers: input.researchers, memberships: input.memberships, projectCodeById, applicationCodeById: apps.codeById, lang });
  return [...apps.sheets, ...members];
}

/** Names, widths and formats of the four planning sheets, without rows (for the export's shell and format seed). */
export function planningSheetLayouts(lang: WorkbookLanguage): SheetLayout[] {
  return planningSheets({ applications: [], researchers: [], memberships: [], programs: [], projectCodeById: new Map(), lang }).map(({ rows: _rows, ...layout }) => layout);
}
