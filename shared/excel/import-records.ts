// Parsed import → full records, for uses with no database (the CLI's convert/report/ics, tests): the office's ID
// becomes the internal id, so budget lines and milestones point at their project without a lookup table.
import type { BudgetLine, Milestone, Project } from '../domain/types';
import type { ParsedImport } from './import-types';

export interface ImportRecords {
  projects: Project[];
  budgetLines: BudgetLine[];
  milestones: Milestone[];
}

/** Records as a fresh database would hold them after the import (`now` stamps createdAt/updatedAt). */
export function recordsFromImport(parsed: ParsedImport, now: string): ImportRecords {
  const projects = parsed.projects.map((p): Project => {
    const f = p.fields;
    return {
      id: p.code, code: p.code, title: f.title ?? '', pi: f.pi ?? '', piPosition: f.piPosition ?? '', piResearcherNumber: f.piResearcherNumber ?? '',
      department: f.department ?? '', coInvestigators: f.coInvestigators ?? [], partners: [],
      programId: f.programId ?? null, trackId: f.trackId ?? null, funderName: f.funderName ?? '', amedNumber: f.amedNumber ?? '',
      eradNumber: f.eradNumber ?? '', startDate: f.startDate ?? null, endDate: f.endDate ?? null, status: f.status ?? 'active', tags: [],
      notes: f.notes ?? '', archived: false, deletedAt: null, createdAt: now, updatedAt: now,
    };
  });
  const known = new Set(projects.map((p) => p.id));
  const budgetLines = parsed.budgetLines
    .filter((b) => known.has(b.code))
    .map((b): BudgetLine => ({ id: `${b.code}/${b.fiscalYear}`, projectId: b.code, fiscalYear: b.fiscalYear, directYen: b.directYen ?? 0, indirectYen: b.indirectYen ?? 0 }));
  // Ids from what the milestone is (project, kind, date), so the same sheet always yields the same calendar UIDs.
  const used = new Map<string, number>();
  const milestones = parsed.milestones
    .filter((m) => known.has(m.code))
    .map((m): Milestone => {
      const base = `${m.code}/${m.kind}/${m.dueDate}`;
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      return { id: n === 1 ? base : `${base}/${n}`, projectId: m.code, kind: m.kind, title: m.title, dueDate: m.dueDate, status: m.status, doneDate: m.doneDate, notes: m.notes, origin: 'import' };
    });
  return { projects, budgetLines, milestones };
}
