// Parsed import → full records, for uses with no database (the CLI's check/convert/report/ics, tests): the project
// rules (shared/portfolio/project-validation.ts) are applied here, and the office's ID becomes the internal id, so
// budget lines and milestones point at their project without a lookup table.
import type { BudgetLine, Milestone, Project } from '../domain/types';
import { completeProjectInput, normalizeProjectInput, validateProject } from '../portfolio/project-validation';
import type { ProjectInput, ProjectProblem, ValidationContext } from '../portfolio/project-validation';
import type { ImportedProject, ImportProblem, ParsedImport } from './import-types';

export interface ImportRecords {
  projects: Project[];
  budgetLines: BudgetLine[];
  milestones: Milestone[];
}

/** A new project's input from an imported row: the row's fields over the rules' defaults, normalised. */
export function projectInputFromImport(p: Pick<ImportedProject, 'code' | 'fields'>): ProjectInput {
  return normalizeProjectInput(completeProjectInput({ ...p.fields, code: p.code }));
}

function asImportProblem(p: Pick<ImportedProject, 'sheet' | 'row'>, x: ProjectProblem): ImportProblem {
  return { sheet: p.sheet, row: p.row, column: null, severity: x.severity, message: x.message };
}

/**
 * Applies the project rules to every imported project, as a new record would be (the row's fields over the
 * defaults): errors leave the row out with its budget lines and milestones (listed in `errorRows`), warnings are
 * added to `problems`. A problem already listed for the row is not added twice, so applying it again changes nothing.
 * `catalog` checks program and track ids where the catalog is known.
 */
export function applyProjectRules(parsed: ParsedImport, catalog: Omit<ValidationContext, 'codeTaken'> = {}): ParsedImport {
  const seen = new Set<string>();
  const listed = new Set(parsed.problems.map((p) => `${p.sheet}\u0000${p.row}\u0000${p.message.en}`));
  const problems = [...parsed.problems];
  const errorRows = [...parsed.errorRows];
  const refused = new Set<string>();
  const projects: ImportedProject[] = [];
  for (const p of parsed.projects) {
    const input = projectInputFromImport(p);
    const found = validateProject(input, { ...catalog, codeTaken: (c) => seen.has(c) });
    seen.add(input.code);
    for (const x of found) {
      const ip = asImportProblem(p, x);
      const key = `${ip.sheet}\u0000${ip.row}\u0000${ip.message.en}`;
      if (!listed.has(key)) problems.push(ip);
      listed.add(key);
    }
    if (found.some((x) => x.severity === 'error')) {
      refused.add(p.code);
      errorRows.push({ sheet: p.sheet, row: p.row });
    } else projects.push(p);
  }
  if (!refused.size) return { ...parsed, problems };
  return {
    ...parsed,
    projects,
    budgetLines: parsed.budgetLines.filter((b) => !refused.has(b.code)),
    milestones: parsed.milestones.filter((m) => !refused.has(m.code)),
    problems,
    errorRows,
  };
}

/** Records as a fresh database would hold them after the import (`now` stamps createdAt/updatedAt). */
export function recordsFromImport(parsed: ParsedImport, now: string): ImportRecords {
  const projects = parsed.projects.map((p): Project => ({
    ...projectInputFromImport(p), id: p.code, code: p.code, archived: false, deletedAt: null, createdAt: now, updatedAt: now,
  }));
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
