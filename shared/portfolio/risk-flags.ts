// Warnings the office wants to see before a funder does: a project running past its program's period, an overdue
// stage gate, no budget entered for this fiscal year, indirect costs above 30%, no milestones at all.
// Used by the dashboard, the project list and the Reports screen (which relies on this exact API).
import type { CatalogProgram } from '../catalog/schema';
import type { BudgetLine, IsoDate, Milestone, Project } from '../domain/types';
import type { Bilingual } from '../domain/message';
import { fiscalYearOf, overlapsFiscalYear } from '../calendar/fiscal-year';
import { fiscalYearLabelJa } from '../calendar/wareki';
import { defaultIndirect } from '../money/yen';
import { groupBy } from '../collections/group-by';

export type RiskKind = 'past-program-period' | 'overdue-stage-gate' | 'no-budget-current-fy' | 'indirect-over-30' | 'no-milestones';
export interface RiskFlag { projectId: string; kind: RiskKind; message: Bilingual }

export const RISK_KINDS: readonly RiskKind[] = ['past-program-period', 'overdue-stage-gate', 'no-budget-current-fy', 'indirect-over-30', 'no-milestones'];

/** Milestone statuses that close a stage gate (anything else past its date is overdue). */
const GATE_CLOSED = new Set<Milestone['status']>(['submitted', 'passed', 'conditionally-passed', 'failed', 'done']);

/**
 * What the flags need from the milestones, where reading every milestone row would cost too much (50,000 projects):
 * the stage gates, and which projects have any milestone at all. `milestoneFacts` derives it from a full list.
 */
export interface MilestoneFacts {
  stageGates: readonly Milestone[];
  projectsWithMilestones: ReadonlySet<string>;
}

export function milestoneFacts(milestones: readonly Milestone[]): MilestoneFacts {
  return { stageGates: milestones.filter((m) => m.kind === 'stage-gate'), projectsWithMilestones: new Set(milestones.map((m) => m.projectId)) };
}

interface RiskBase { projects: readonly Project[]; budgetLines: readonly BudgetLine[]; programs: readonly CatalogProgram[]; today: IsoDate }
/** Every milestone (the Reports screen), or only the facts the flags use (the store's lean read). */
export type RiskInput = RiskBase & ({ milestones: readonly Milestone[] } | { milestoneFacts: MilestoneFacts });

/**
 * Flags per project, in project order then RISK_KINDS order. Skips projects in the trash or archived.
 * - past-program-period: the project ends (fiscal year of endDate) after the mapped program's endFiscalYear.
 * - overdue-stage-gate: a stage gate due before `today` (exclusive) still 'planned'; active projects only.
 * - no-budget-current-fy: an active project running in today's fiscal year without a budget line (direct+indirect > 0) for it.
 * - indirect-over-30: some fiscal year's indirect exceeds floor(30% of direct).
 * - no-milestones: an active project with no milestone.
 */
export function computeRiskFlags(input: RiskInput): RiskFlag[] {
  const { projects, budgetLines, programs, today } = input;
  const facts = 'milestoneFacts' in input ? input.milestoneFacts : milestoneFacts(input.milestones);
  const programById = new Map(programs.map((p) => [p.id, p]));
  const linesByProject = groupBy(budgetLines, (l) => l.projectId);
  const gatesByProject = groupBy(facts.stageGates, (m) => m.projectId);
  const currentFy = fiscalYearOf(today);
  const flags: RiskFlag[] = [];

  for (const project of projects) {
    if (project.deletedAt || project.archived) continue;
    const active = project.status === 'active';
    const lines = linesByProject.get(project.id) ?? [];
    const gates = gatesByProject.get(project.id) ?? [];
    const add = (kind: RiskKind, ja: string, en: string) => flags.push({ projectId: project.id, kind, message: { ja, en } });

    const program = project.programId ? programById.get(project.programId) : undefined;
    const programEnd = program?.period.endFiscalYear ?? null;
    if (program && programEnd !== null && project.endDate && fiscalYearOf(project.endDate) > programEnd) {
      const projectEnd = fiscalYearOf(project.endDate);
      add(
        'past-program-period',
        `事業期間（${fiscalYearLabelJa(programEnd)}まで）を超えて${fiscalYearLabelJa(projectEnd)}まで続きます`,
        `Runs to FY${projectEnd}, past the program's period (ends FY${programEnd})`,
      );
    }

    if (active) {
      const overdue = gates.filter((m) => m.kind === 'stage-gate' && m.dueDate < today && !GATE_CLOSED.has(m.status));
      if (overdue.length > 0) {
        const first = overdue.reduce((a, b) => (a.dueDate <= b.dueDate ? a : b));
        add('overdue-stage-gate', `ステージゲート評価が期限切れです（${first.dueDate}）`, `Stage gate overdue (${first.dueDate})`);
      }

      if (overlapsFiscalYear(project.startDate, project.endDate, currentFy)) {
        const has = lines.some((l) => l.fiscalYear === currentFy && l.directYen + l.indirectYen > 0);
        if (!has) add('no-budget-current-fy', `${fiscalYearLabelJa(currentFy)}の予算が未入力です`, `No budget entered for FY${currentFy}`);
      }
    }

    const over = lines.filter((l) => l.indirectYen > defaultIndirect(l.directYen)).map((l) => l.fiscalYear).sort((a, b) => a - b);
    if (over.length > 0) {
      add('indirect-over-30', `間接経費が直接経費の30%を超えています（${over.map(fiscalYearLabelJa).join('、')}）`, `Indirect costs exceed 30% of direct (FY${over.join(', FY')})`);
    }

    if (active && !facts.projectsWithMilestones.has(project.id)) add('no-milestones', 'マイルストーンが登録されていません', 'No milestones recorded');
  }
  return flags;
}

/** Flags grouped by project id, for a list column. */
export function flagsByProject(flags: readonly RiskFlag[]): Map<string, RiskFlag[]> {
  return groupBy(flags, (f) => f.projectId);
}
