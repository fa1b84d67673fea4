// Stage 6 of the import, validation: each parsed row's project goes through the app's one set of project rules
// (normalizeProjectInput / validateProject in shared/portfolio/project-validation.ts), so the form and the import
// refuse the same things. A project rule the import cannot satisfy by itself (no program or funder named) is a
// warning: the row is imported and the project shows what is still missing. The row's researcher numbers are checked
// here too (warned on, never refused).
import type { Project } from '../domain/types';
import type { ImportField } from './column-map';
import type { ImportProblem } from './import-types';
import { normalizeProjectInput, validateProject } from '../portfolio/project-validation';
import type { ProjectInput } from '../portfolio/project-validation';
import { researcherNumberWarning } from './members-sheet';
import type { ParsedRow } from './row-parse';

/** Project fields → the mapped field whose column a problem points at. */
const COLUMN_OF_FIELD: Partial<Record<keyof Project, ImportField>> = {
  code: 'code', title: 'title', startDate: 'start', endDate: 'end', status: 'status', programId: 'program', trackId: 'track', funderName: 'funder',
};

/** The project a row would create, as the form would submit it. */
function inputOf(row: ParsedRow): ProjectInput {
  const f = row.fields;
  return {
    code: row.code, title: f.title ?? '', pi: f.pi ?? '', piPosition: f.piPosition ?? '', piResearcherNumber: f.piResearcherNumber ?? '',
    department: f.department ?? '', coInvestigators: f.coInvestigators ?? [], partners: [], programId: f.programId ?? null, trackId: f.trackId ?? null,
    funderName: f.funderName ?? '', amedNumber: f.amedNumber ?? '', eradNumber: f.eradNumber ?? '', startDate: f.startDate ?? null,
    endDate: f.endDate ?? null, status: f.status ?? 'active', tags: [], notes: f.notes ?? '',
  };
}

/**
 * Adds each row's project-rule problems (once per field: a problem the parser already reported on that column is
 * not repeated). `columnOf` gives a mapped field's column letter. Duplicate IDs are the plan's concern, not this one's.
 */
export function validateRows(rows: ParsedRow[], columnOf: (field: ImportField) => string | null): void {
  for (const row of rows) {
    if (row.hasError) continue;
    const input = normalizeProjectInput(inputOf(row));
    for (const p of validateProject(input, { codeTaken: () => false })) {
      const mapped = COLUMN_OF_FIELD[p.field];
      const column = mapped ? (columnOf(mapped) ?? (p.field === 'funderName' ? columnOf('program') : null)) : null;
      if (row.problems.some((q) => q.column !== null && q.column === column && q.severity === 'error')) continue;
      const severity = p.severity;
      if (severity === 'error') row.hasError = true;
      const problem: ImportProblem = { sheet: row.sheet, row: row.row, column, severity, message: p.message };
      row.problems.push(problem);
    }
    // Researcher numbers are kept as written; one our (unconfirmed) check-digit rule doubts is only warned on.
    for (const person of row.people) {
      const warning = person.researcherNumber ? researcherNumberWarning(person.researcherNumber) : null;
      if (!warning) continue;
      const column = person.role === 'pi' ? (columnOf('piResearcherNumber') ?? columnOf('pi')) : columnOf('coInvestigators');
      row.problems.push({ sheet: row.sheet, row: row.row, column, severity: 'warning', message: warning });
    }
  }
}
