// Turns what an import produced, wherever it is read from, into the scorer's `ActualRecords`: the pipeline's
// `ParsedImport` arrays (Vitest, and the CLI's `check --records` JSON) or the rows stored in IndexedDB (the wizard).
import type { ActualRecords } from './score';

type Loose = Readonly<Record<string, unknown>>;

const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const amount = (v: unknown) => (typeof v === 'number' ? v : null);

/** From `ParsedImport.projects` / `.budgetLines` (or their JSON): `{ code, fields }` and `{ code, fiscalYear, … }`. */
export function actualFromParsed(records: { projects: readonly unknown[]; budgetLines: readonly unknown[] }): ActualRecords {
  return {
    projects: records.projects.map((p) => {
      const row = p as Loose;
      return { code: text(row.code), fields: (row.fields ?? {}) as Loose };
    }),
    budgetLines: records.budgetLines.map((b) => {
      const row = b as Loose;
      return { code: text(row.code), fiscalYear: Number(row.fiscalYear), directYen: amount(row.directYen), indirectYen: amount(row.indirectYen) };
    }),
  };
}

/** From the app's stored rows: `Project` (fields at top level) and `BudgetLine` (keyed by projectId). */
export function actualFromStores(projects: readonly unknown[], budgetLines: readonly unknown[]): ActualRecords {
  const live = projects.map((p) => p as Loose).filter((p) => !p.deletedAt);
  const codeById = new Map(live.map((p) => [text(p.id), text(p.code)]));
  return {
    projects: live.map((p) => ({ code: text(p.code), fields: p })),
    budgetLines: budgetLines.flatMap((b) => {
      const row = b as Loose;
      const code = codeById.get(text(row.projectId));
      return code === undefined ? [] : [{ code, fiscalYear: Number(row.fiscalYear), directYen: amount(row.directYen), indirectYen: amount(row.indirectYen) }];
    }),
  };
}
