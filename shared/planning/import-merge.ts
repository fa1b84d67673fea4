// What an import's planning records (applications, researchers, members) do to the stored ones: pure, so the commit
// (renderer/store/import-commit.ts) and its tests share it. Researchers are found by e-Rad number first, else by the
// folded name, so importing the same sheet again adds no one twice; members by project (or application) and researcher.
import type { Application, EffortShare, Membership, Researcher } from '../domain/planning';
import type { ImportedPlanning } from '../excel/import-types';
import { fold } from '../text/fold';
import { normalizeResearcherNumber } from './researcher-number';

export interface StoredPlanning {
  researchers: readonly Researcher[];
  applications: readonly Application[];
  /** Memberships of the projects and applications the import touches (others may be left out). */
  memberships: readonly Membership[];
}

export interface PlanningMerge {
  /** Records to put (new or changed); unchanged ones are left out. */
  researchers: Researcher[];
  applications: Application[];
  memberships: Membership[];
  /** Members naming a project or application that is neither imported nor stored. */
  skippedMembers: number;
}

export interface MergeOptions {
  now: string;
  newId: () => string;
  /** Stored id of every project by 管理番号 (imported and stored ones alike). */
  projectIdByCode: ReadonlyMap<string, string>;
}

const RESEARCHER_FIELDS = ['name', 'nameReading', 'eradResearcherNumber', 'researchmapId', 'department', 'position'] as const;

/** Effort of `base` with `incoming`'s years laid over it (a year the import states wins), sorted by year. */
function mergeEffort(base: readonly EffortShare[], incoming: readonly EffortShare[]): EffortShare[] {
  const byYear = new Map(base.map((e) => [e.fiscalYear, e.percent]));
  for (const e of incoming) byYear.set(e.fiscalYear, e.percent);
  return [...byYear].sort((a, b) => a[0] - b[0]).map(([fiscalYear, percent]) => ({ fiscalYear, percent }));
}

const sameEffort = (a: readonly EffortShare[], b: readonly EffortShare[]) =>
  a.length === b.length && a.every((e, i) => e.fiscalYear === b[i]!.fiscalYear && e.percent === b[i]!.percent);

/**
 * Plans the planning records of one import against the stored ones. A researcher matched by number takes the
 * import's non-empty fields (a name spelt with other spaces is kept as stored); one matched by name too, unless both have different numbers (then they are two people).
 * Applications are matched by code among live ones. A member's effort years from the import replace the same years
 * of the stored member and keep the others; nothing is deleted.
 */
export function mergeImportedPlanning(planning: ImportedPlanning, stored: StoredPlanning, opts: MergeOptions): PlanningMerge {
  const out: PlanningMerge = { researchers: [], applications: [], memberships: [], skippedMembers: 0 };
  const live = stored.researchers.filter((r) => !r.deletedAt).map((r) => ({ ...r }));
  const byNumber = new Map<string, Researcher>();
  const byName = new Map<string, Researcher[]>();
  const index = (r: Researcher) => {
    const n = normalizeResearcherNumber(r.eradResearcherNumber);
    if (n && !byNumber.has(n)) byNumber.set(n, r);
    const list = byName.get(fold(r.name)) ?? [];
    if (!list.includes(r)) list.push(r);
    byName.set(fold(r.name), list);
  };
  live.forEach(index);
  const changed = new Set<Researcher>();
  const idByKey = new Map<string, string>();

  for (const imported of planning.researchers) {
    const number = normalizeResearcherNumber(imported.eradResearcherNumber);
    let found = number ? byNumber.get(number) : undefined;
    found ??= byName.get(fold(imported.name))?.find((r) => !number || !normalizeResearcherNumber(r.eradResearcherNumber));
    if (!found) {
      found = {
        id: opts.newId(), name: imported.name, nameReading: imported.nameReading, eradResearcherNumber: number, researchmapId: imported.researchmapId,
        department: imported.department, position: imported.position, notes: '', deletedAt: null, createdAt: opts.now, updatedAt: opts.now,
      };
      index(found);
      changed.add(found);
    } else {
      const incoming = { ...imported, eradResearcherNumber: number };
      for (const k of RESEARCHER_FIELDS) {
        // A name that folds the same (山田 太郎 with a full-width space / 山田太郎) is the same name: the stored spelling stays.
        if (k === 'name' && fold(incoming.name) === fold(found.name)) continue;
        if (incoming[k] && incoming[k] !== found[k]) {
          found[k] = incoming[k];
          changed.add(found);
        }
      }
      if (changed.has(found)) {
        found.updatedAt = opts.now;
        index(found);
      }
    }
    idByKey.set(imported.key, found.id);
  }
  out.researchers = [...changed];

  const appByCode = new Map(stored.applications.filter((a) => !a.deletedAt).map((a) => [a.code, a]));
  const appIdByCode = new Map([...appByCode].map(([code, a]) => [code, a.id]));
  for (const a of planning.applications) {
    const cur = appByCode.get(a.code);
    const projectId = a.projectCode ? (opts.projectIdByCode.get(a.projectCode) ?? null) : (cur?.projectId ?? null);
    const requested = mergeRequested(cur?.requested ?? [], a.requested);
    const next: Application = cur
      ? { ...cur, ...a.fields, projectId, requested, updatedAt: opts.now }
      : { ...a.fields, id: opts.newId(), code: a.code, callId: null, projectId, requested, deletedAt: null, createdAt: opts.now, updatedAt: opts.now };
    if (cur && JSON.stringify({ ...cur, updatedAt: '' }) === JSON.stringify({ ...next, updatedAt: '' })) {
      appIdByCode.set(a.code, cur.id);
      continue;
    }
    appIdByCode.set(a.code, next.id);
    out.applications.push(next);
  }

  const memberKey = (m: Pick<Membership, 'projectId' | 'applicationId' | 'researcherId'>) => `${m.projectId ?? ''}\u0000${m.applicationId ?? ''}\u0000${m.researcherId}`;
  const members = new Map(stored.memberships.map((m) => [memberKey(m), m]));
  const written = new Map<string, Membership>();
  for (const m of planning.memberships) {
    const researcherId = idByKey.get(m.researcherKey);
    const projectId = m.code ? (opts.projectIdByCode.get(m.code) ?? null) : null;
    const applicationId = m.applicationCode ? (appIdByCode.get(m.applicationCode) ?? null) : null;
    if (!researcherId || (!projectId && !applicationId)) {
      out.skippedMembers++;
      continue;
    }
    const key = memberKey({ projectId, applicationId, researcherId });
    const cur = members.get(key);
    const effort = mergeEffort(cur?.effort ?? [], m.effort);
    if (cur && cur.role === m.role && sameEffort(cur.effort, effort)) continue;
    const next: Membership = { id: cur?.id ?? opts.newId(), projectId, applicationId, researcherId, role: m.role, effort };
    members.set(key, next);
    written.set(key, next);
  }
  out.memberships = [...written.values()];
  return out;
}

function mergeRequested(base: Application['requested'], incoming: Application['requested']): Application['requested'] {
  const byYear = new Map(base.map((r) => [r.fiscalYear, r]));
  for (const r of incoming) byYear.set(r.fiscalYear, r);
  return [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}
