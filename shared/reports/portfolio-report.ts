// The office's standard reports as plain tables: money by program × fiscal year and by department, the stage-gate
// and deadline schedule for a period, the risk list and the catalog context. The Reports screen, the reports workbook
// and the CLI all build from these same tables, so a printed page and a spreadsheet agree.
import type { CatalogProgram } from '../catalog/schema';
import type { BudgetLine, IsoDate, Milestone, MilestoneKind, MilestoneStatus, Project } from '../domain/types';
import type { Bilingual } from '../domain/message';
import { computeRiskFlags } from '../portfolio/risk-flags';

export interface ReportInput {
  projects: readonly Project[];
  budgetLines: readonly BudgetLine[];
  milestones: readonly Milestone[];
  programs: readonly CatalogProgram[];
  today: IsoDate;
  /** Schedule period, inclusive. */
  from: IsoDate;
  to: IsoDate;
}

export interface MoneyRow {
  /** Program id (null = unmapped) or department name. */
  key: string | null;
  label: Bilingual;
  /** Western fiscal year. */
  fiscalYear: number;
  /** Whole yen. */
  directYen: number;
  indirectYen: number;
  totalYen: number;
  /** Projects with a budget line in that year. */
  count: number;
}

export interface ScheduleRow {
  dueDate: IsoDate;
  code: string;
  projectTitle: string;
  kind: MilestoneKind;
  title: string;
  status: MilestoneStatus;
}

export interface RiskRow {
  code: string;
  projectTitle: string;
  kind: string;
  message: Bilingual;
}

export interface CatalogRow {
  programId: string;
  nameJa: string;
  nameEn: string;
  startFiscalYear: number | null;
  endFiscalYear: number | null;
  /** Whole yen. */
  requestYen: number | null;
  previousYen: number | null;
  projectCount: number;
}

export interface PortfolioReport {
  byProgram: MoneyRow[];
  byDepartment: MoneyRow[];
  schedule: ScheduleRow[];
  risks: RiskRow[];
  catalog: CatalogRow[];
  fiscalYears: number[];
  from: IsoDate;
  to: IsoDate;
}

function aggregate(
  lines: readonly BudgetLine[],
  projectById: ReadonlyMap<string, Project>,
  keyOf: (p: Project) => { key: string | null; ja: string; en: string },
): MoneyRow[] {
  const rows = new Map<string, MoneyRow & { projects: Set<string> }>();
  for (const l of lines) {
    const p = projectById.get(l.projectId);
    if (!p) continue;
    const k = keyOf(p);
    const id = `${k.key ?? `\u0001${k.ja}`}\u0000${l.fiscalYear}`;
    let row = rows.get(id);
    if (!row) {
      row = { key: k.key, label: { ja: k.ja, en: k.en }, fiscalYear: l.fiscalYear, directYen: 0, indirectYen: 0, totalYen: 0, count: 0, projects: new Set() };
      rows.set(id, row);
    }
    row.directYen += l.directYen;
    row.indirectYen += l.indirectYen;
    row.totalYen += l.directYen + l.indirectYen;
    row.projects.add(p.id);
  }
  return [...rows.values()]
    .map(({ projects, ...r }) => ({ ...r, count: projects.size }))
    .sort((a, b) => a.label.ja.localeCompare(b.label.ja, 'ja') || a.fiscalYear - b.fiscalYear);
}

/** Builds every report table. Projects in the trash are left out everywhere. */
export function buildPortfolioReport(input: ReportInput): PortfolioReport {
  const live = input.projects.filter((p) => !p.deletedAt);
  const projectById = new Map(live.map((p) => [p.id, p]));
  const programById = new Map(input.programs.map((p) => [p.id, p]));
  const lines = input.budgetLines.filter((l) => projectById.has(l.projectId));
  const byProgram = aggregate(lines, projectById, (p) => {
    const prog = p.programId ? programById.get(p.programId) : undefined;
    if (prog) return { key: prog.id, ja: prog.nameJa, en: prog.nameEn || prog.nameJa };
    return { key: null, ja: p.funderName ? `${p.funderName}（未対応付け）` : '（未対応付け）', en: p.funderName ? `${p.funderName} (unmapped)` : '(unmapped)' };
  });
  const byDepartment = aggregate(lines, projectById, (p) => ({ key: p.department, ja: p.department || '（所属なし）', en: p.department || '(no department)' }));
  const schedule = input.milestones
    .filter((m) => projectById.has(m.projectId) && m.dueDate >= input.from && m.dueDate <= input.to)
    .map((m): ScheduleRow => {
      const p = projectById.get(m.projectId)!;
      return { dueDate: m.dueDate, code: p.code, projectTitle: p.title, kind: m.kind, title: m.title, status: m.status };
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.code.localeCompare(b.code));
  const risks = computeRiskFlags({ projects: live, budgetLines: lines, milestones: input.milestones.filter((m) => projectById.has(m.projectId)), programs: input.programs, today: input.today }).map(
    (f): RiskRow => {
      const p = projectById.get(f.projectId)!;
      return { code: p.code, projectTitle: p.title, kind: f.kind, message: f.message };
    },
  );
  const counts = new Map<string, number>();
  for (const p of live) if (p.programId) counts.set(p.programId, (counts.get(p.programId) ?? 0) + 1);
  const catalog = input.programs
    .filter((p) => counts.has(p.id))
    .map((p): CatalogRow => ({
      programId: p.id, nameJa: p.nameJa, nameEn: p.nameEn, startFiscalYear: p.period.startFiscalYear, endFiscalYear: p.period.endFiscalYear,
      requestYen: p.budgetYen.request, previousYen: p.budgetYen.previous, projectCount: counts.get(p.id) ?? 0,
    }))
    .sort((a, b) => b.projectCount - a.projectCount || a.programId.localeCompare(b.programId));
  const fiscalYears = [...new Set(lines.map((l) => l.fiscalYear))].sort((a, b) => a - b);
  return { byProgram, byDepartment, schedule, risks, catalog, fiscalYears, from: input.from, to: input.to };
}
