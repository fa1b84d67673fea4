// What "awarded" (採択) writes: the application keeps its own record (requested amounts, deadlines, result) as history
// and gains a link to the project it becomes; the project is created (or a linked 申請中 project turned 実施中) with
// budget lines from the requested amounts and the application's members. Pure, so a store writes it in one transaction.
import type { Bilingual } from '../domain/message';
import type { Application, Membership } from '../domain/planning';
import type { BudgetLine, IsoDate, Project } from '../domain/types';
import { defaultProjectFields } from '../portfolio/project-validation';

export interface AwardInput {
  application: Application;
  /** The project the application is already linked to (application.projectId), if any. */
  linkedProject: Project | null;
  /** Budget lines the linked project already has: kept, and only missing years are added. */
  linkedBudgetLines: readonly BudgetLine[];
  /** The application's memberships: copied onto the project. */
  memberships: readonly Membership[];
  resultDate: IsoDate;
  /** ISO timestamp of the change. */
  now: string;
  /** Fresh internal ids (the store's generator). */
  newId: () => string;
  /** A free 管理番号 for a new project (the store knows which are taken). */
  projectCode: string;
}

export interface AwardChanges {
  application: Application;
  project: Project;
  /** True when the project is new (insert), false when the linked one is updated. */
  projectIsNew: boolean;
  /** Lines to insert. */
  budgetLines: BudgetLine[];
  /** Memberships to insert (copies pointing at the project). */
  memberships: Membership[];
}

export type AwardResult = { ok: true; changes: AwardChanges } | { ok: false; message: Bilingual };

/**
 * The records to write when an application is awarded. Refused for an application already decided other than
 * awarded→awarded re-runs (which would duplicate), or withdrawn. Budget lines are the requested amounts: the office
 * edits them to the awarded figures afterwards, and the application still shows what was requested.
 */
export function awardApplication(input: AwardInput): AwardResult {
  const { application: app, now } = input;
  if (app.status === 'awarded') return { ok: false, message: { ja: 'この応募は既に採択として記録されています。', en: 'This application is already recorded as awarded.' } };
  if (app.status === 'withdrawn' || app.status === 'rejected') {
    return { ok: false, message: { ja: '辞退・不採択の応募は採択にできません。先に状態を申請中に戻してください。', en: 'A withdrawn or rejected application cannot be awarded; set it back to submitted first.' } };
  }
  if (app.deletedAt) return { ok: false, message: { ja: 'ごみ箱にある応募は採択にできません。', en: 'An application in the trash cannot be awarded.' } };
  const years = app.requested.map((r) => r.fiscalYear);
  const startFy = years.length ? Math.min(...years) : null;
  const endFy = years.length ? Math.max(...years) : null;
  const project: Project = input.linkedProject
    ? { ...input.linkedProject, status: 'active', updatedAt: now }
    : {
        // A new project starts from the project rules' defaults (the one home of them), then takes the application's facts.
        ...defaultProjectFields(),
        id: input.newId(), code: input.projectCode, title: app.title, pi: app.pi, department: app.department,
        programId: app.programId, trackId: app.trackId, funderName: app.funderName,
        startDate: startFy === null ? null : `${startFy}-04-01`, endDate: endFy === null ? null : `${endFy + 1}-03-31`,
        status: 'active', archived: false, deletedAt: null, createdAt: now, updatedAt: now,
      };
  const haveYears = new Set(input.linkedBudgetLines.map((b) => b.fiscalYear));
  const budgetLines = app.requested
    .filter((r) => !haveYears.has(r.fiscalYear))
    .map((r): BudgetLine => ({ id: input.newId(), projectId: project.id, fiscalYear: r.fiscalYear, directYen: r.directYen, indirectYen: r.indirectYen }));
  const memberships = input.memberships.map((m): Membership => ({ ...m, id: input.newId(), projectId: project.id, applicationId: null, effort: m.effort.map((e) => ({ ...e })) }));
  return {
    ok: true,
    changes: {
      application: { ...app, status: 'awarded', resultDate: input.resultDate, projectId: project.id, updatedAt: now },
      project, projectIsNew: !input.linkedProject, budgetLines, memberships,
    },
  };
}
