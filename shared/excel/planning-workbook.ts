// The standard workbook with its planning sheets (Applications, Requests, Researchers, Members) after the project
// sheets: one call for the export and `cli convert`, leaving standard-workbook.ts's own sheets as they are.
import type { Application, Membership, Researcher } from '../domain/planning';
import { applicationsSheets } from './applications-sheet';
import { membersSheets } from './members-sheet';
import type { SheetSpec } from './sheetjs';
import { exportedProjectCodes, standardWorkbookSheets } from './standard-workbook';
import type { StandardWorkbookInput } from './standard-workbook';

export interface PlanningWorkbookInput extends StandardWorkbookInput {
  applications: readonly Application[];
  researchers: readonly Researcher[];
  memberships: readonly Membership[];
}

/** Projects, Budgets, Milestones, then Applications, Requests, Researchers, Members. */
export function standardWorkbookWithPlanningSheets(input: PlanningWorkbookInput): SheetSpec[] {
  const projectCodeById = exportedProjectCodes(input.projects);
  const apps = applicationsSheets({ applications: input.applications, programs: input.programs, projectCodeById, lang: input.lang });
  const members = membersSheets({ researchers: input.researchers, memberships: input.memberships, projectCodeById, applicationCodeById: apps.codeById, lang: input.lang });
  return [...standardWorkbookSheets(input), ...apps.sheets, ...members];
}
