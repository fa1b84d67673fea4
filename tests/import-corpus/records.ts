// Turns what an import produced, wherever it is read from, into the scorer's `ActualRecords`: the pipeline's
// `ParsedImport` arrays (Vitest, and the CLI's `check --records` JSON) or the rows stored in IndexedDB (the wizard).
import type { ActualRecords } from './score';

type Loose = Readonly<Record<string, unknown>>;

const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const amount = (v: unknown) => (typeof v === 'number' ? v : null);

type Member = NonNullable<ActualRecords['members']>[number];
type Effort = Member['effort'];

/**
 * From `ParsedImport.projects` / `.budgetLines` (or their JSON): `{ code, fields }` and `{ code, fiscalYear, … }`, and
 * the members from `ParsedImport.planning` (the CLI's JSON prints them as `researchers` and `memberships`).
 */
export function actualFromParsed(records: { projects: readonly unknown[]; budgetLines: readonly unknown[]; researchers?: readonly unknown[]; memberships?: readonly unknown[]; planning?: unknown }): ActualRecords {
  const planning = records.planning as { researchers?: readonly unknown[]; memberships?: readonly unknown[] } | undefined;
  const memberships = records.memberships ?? planning?.memberships;
  const people = new Map((records.researchers ?? planning?.researchers ?? []).map((r) => [text((r as Loose).key), r as Loose]));
  const members = memberships?.map((m): Member => {
    const row = m as Loose;
    const who = people.get(text(row.researcherKey));
    return { code: text(row.code), name: text(who?.name), researcherNumber: text(who?.eradResearcherNumber), role: text(row.role), effort: (row.effort ?? []) as Effort };
  });
  return {
    ...(members ? { members } : {}),
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

/** From the app's stored rows: `Project` (fields at top level), `BudgetLine` (keyed by projectId), and members. */
export function actualFromStores(projects: readonly unknown[], budgetLines: readonly unknown[], researchers?: readonly unknown[], memberships?: readonly unknown[]): ActualRecords {
  const live = projects.map((p) => p as Loose).filter((p) => !p.deletedAt);
  const codeById = new Map(live.map((p) => [text(p.id), text(p.code)]));
  const people = new Map((researchers ?? []).map((r) => [text((r as Loose).id), r as Loose]));
  const members = memberships?.flatMap((m): Member[] => {
    const row = m as Loose;
    const code = codeById.get(text(row.projectId));
    const who = people.get(text(row.researcherId));
    return code === undefined ? [] : [{ code, name: text(who?.name), researcherNumber: text(who?.eradResearcherNumber), role: text(row.role), effort: (row.effort ?? []) as Effort }];
  });
  return {
    ...(members ? { members } : {}),
    projects: live.map((p) => ({ code: text(p.code), fields: p })),
    budgetLines: budgetLines.flatMap((b) => {
      const row = b as Loose;
      const code = codeById.get(text(row.projectId));
      return code === undefined ? [] : [{ code, fiscalYear: Number(row.fiscalYear), directYen: amount(row.directYen), indirectYen: amount(row.indirectYen) }];
    }),
  };
}
