// Recurring yearly deadlines the office defines once (成果報告書 by 5/31 after each fiscal year, 実績報告書 …) and
// that expand into one milestone per fiscal year of each project.
import type { IsoDate, MilestoneKind, Project } from '../domain/types';
import type { Bilingual } from '../domain/message';
import { daysInMonth, fiscalYearsBetween, makeIsoDate } from '../calendar/fiscal-year';
import { fiscalYearLabelJa } from '../calendar/wareki';
import type { MilestoneDraft } from './stage-gates';

export interface MilestoneTemplate {
  id: string;
  kind: MilestoneKind;
  title: string;
  /** Month (1–12) and day of the due date after each fiscal year ends. */
  month: number;
  day: number;
  /** Program the template applies to, or null for every project. */
  programId: string | null;
}

/**
 * Due date of a yearly item for a fiscal year: the first `month`/`day` after the fiscal year ends (March 31 of
 * fiscalYear + 1). May 31 for FY2025 → 2026-05-31; a January date → January of fiscalYear + 2. Days past the month's
 * end clamp to its last day (2/29 → 2/28 in common years).
 */
export function templateDueDate(fiscalYear: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`Month out of range: ${month}`);
  const year = month >= 4 ? fiscalYear + 1 : fiscalYear + 2;
  return makeIsoDate(year, month, Math.max(1, Math.min(day, daysInMonth(year, month)))) as IsoDate;
}

/** True when the template applies to the project (every project, or the project's program). */
export function templateApplies(template: Pick<MilestoneTemplate, 'programId'>, project: Pick<Project, 'programId'>): boolean {
  return template.programId === null || template.programId === project.programId;
}

/**
 * One draft per fiscal year the project runs in (inclusive of the years holding its start and end dates), titled
 * "成果報告書（令和7年度）". Projects without both dates get none.
 */
export function expandTemplate(template: MilestoneTemplate, project: Pick<Project, 'id' | 'startDate' | 'endDate' | 'programId'>): MilestoneDraft[] {
  if (!project.startDate || !project.endDate || project.endDate < project.startDate) return [];
  if (!templateApplies(template, project)) return [];
  return fiscalYearsBetween(project.startDate, project.endDate).map((fy) => ({
    projectId: project.id,
    kind: template.kind,
    title: `${template.title}（${fiscalYearLabelJa(fy)}）`,
    dueDate: templateDueDate(fy, template.month, template.day),
    status: 'planned',
    doneDate: null,
    notes: '',
    origin: 'template',
  }));
}

/** Drafts from every applicable template. */
export function expandTemplates(templates: readonly MilestoneTemplate[], project: Pick<Project, 'id' | 'startDate' | 'endDate' | 'programId'>): MilestoneDraft[] {
  return templates.flatMap((t) => expandTemplate(t, project));
}

/** Validates a template the user typed; returns problems in both languages (empty when fine). */
export function validateTemplate(t: Pick<MilestoneTemplate, 'title' | 'month' | 'day'>): Bilingual[] {
  const problems: Bilingual[] = [];
  if (!t.title.trim()) problems.push({ ja: '名称を入力してください。', en: 'Enter a title.' });
  if (!Number.isInteger(t.month) || t.month < 1 || t.month > 12) problems.push({ ja: '月は1〜12で入力してください。', en: 'Month must be 1–12.' });
  if (!Number.isInteger(t.day) || t.day < 1 || t.day > 31) problems.push({ ja: '日は1〜31で入力してください。', en: 'Day must be 1–31.' });
  return problems;
}
