// The catalog write path on fake-indexeddb: office programs, overrides that keep mappings, guarded deletes,
// edition imports that replace by id, and an audit entry for each change.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { Project } from '../../../shared/domain/types';
import { mergePrograms } from '../../../renderer/store/catalog';
import {
  currentCatalogEdition, deleteOfficeProgram, importEdition, mappedProjects, restoreOfficeProgram, saveOfficeProgram,
} from '../../../renderer/store/catalog-edit';
import { GrantDatabase } from '../../../renderer/store/db';

let n = 0;
let database: GrantDatabase;
afterEach(async () => {
  await database?.delete();
});
const fresh = () => (database = new GrantDatabase(`catalog-edit-${n++}-${Date.now()}`));
const opts = () => ({ database, user: '鈴木' });

const kakenhi: CatalogProgram = {
  id: 'office-kakenhi', parentId: null, nameJa: '科学研究費助成事業', nameEn: 'KAKENHI', abbreviation: '科研費', managedBy: 'JSPS', division: null,
  budgetYen: { request: null, previous: null, supplementary: null, note: null }, period: { startFiscalYear: null, endFiscalYear: null },
  researchPeriodYears: null, summaryJa: '', summaryEn: '',
  tracks: [{ id: 'office-kakenhi/kiban-b', nameJa: '基盤研究(B)', nameEn: 'Scientific Research (B)', durationYears: 5, maxAnnualYen: null, stageGates: [] }],
};

function project(code: string, programId: string, patch: Partial<Project> = {}): Project {
  const now = new Date().toISOString();
  return {
    id: `p-${code}`, code, title: `課題 ${code}`, pi: '', department: '', piPosition: '', piResearcherNumber: '', coInvestigators: [], partners: [], programId, trackId: null, funderName: '',
    amedNumber: '', eradNumber: '', startDate: null, endDate: null, status: 'active', tags: [], notes: '', archived: false, deletedAt: null,
    createdAt: now, updatedAt: now, ...patch,
  };
}

describe('catalog store', () => {
  it('adds an office program, merges it after the built-in ones, and audits it', async () => {
    fresh();
    const r = await saveOfficeProgram(kakenhi, opts());
    expect(r.ok && r.created).toBe(true);
    const merged = mergePrograms(BUILTIN_CATALOG.programs, await database.programs.toArray());
    expect(merged.at(-1)).toMatchObject({ id: 'office-kakenhi', source: 'office', overridesBuiltin: false, editionId: null });
    const log = await database.auditLog.where('entity').equals('program').toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'create', entityId: 'office-kakenhi', user: '鈴木', before: null });
  });

  it('refuses an invalid program and writes nothing', async () => {
    fresh();
    const r = await saveOfficeProgram({ ...kakenhi, parentId: 'ghost' }, opts());
    expect(r.ok).toBe(false);
    const dup = await saveOfficeProgram({ ...kakenhi, tracks: [{ ...kakenhi.tracks[0]!, id: 'medical-device-development/practical' }] }, opts());
    expect(dup.ok).toBe(false);
    expect(await database.programs.count()).toBe(0);
    expect(await database.auditLog.count()).toBe(0);
  });

  it('overrides a built-in program under the same id, and deleting the override reverts to built-in', async () => {
    fresh();
    const binds = BUILTIN_CATALOG.programs.find((p) => p.id === 'binds')!;
    await database.projects.add(project('A-1', 'binds'));
    const r = await saveOfficeProgram({ ...binds, division: '研究推進課（学内メモ）' }, opts());
    expect(r.ok && !r.created).toBe(true);
    const merged = mergePrograms(BUILTIN_CATALOG.programs, await database.programs.toArray());
    expect(merged.filter((p) => p.id === 'binds')).toHaveLength(1);
    expect(merged.find((p) => p.id === 'binds')).toMatchObject({ source: 'office', overridesBuiltin: true, division: '研究推進課（学内メモ）' });
    const del = await deleteOfficeProgram('binds', opts());
    expect(del).toMatchObject({ ok: true, revertedToBuiltin: true });
    expect(await deleteOfficeProgram('binds', opts())).toEqual({ ok: false, reason: 'builtin' });
  });

  it('refuses to delete a program with live mapped projects, listing them; trashed ones do not count', async () => {
    fresh();
    await saveOfficeProgram(kakenhi, opts());
    await database.projects.bulkAdd([project('K-2', 'office-kakenhi'), project('K-1', 'office-kakenhi'), project('K-9', 'office-kakenhi', { deletedAt: '2026-01-01T00:00:00Z' })]);
    const r = await deleteOfficeProgram('office-kakenhi', opts());
    expect(r.ok).toBe(false);
    if (!r.ok && r.reason === 'mapped') expect(r.projects.map((p) => p.code)).toEqual(['K-1', 'K-2']);
    else expect.fail('expected mapped');
    await database.projects.bulkDelete(['p-K-1', 'p-K-2']);
    expect(await mappedProjects('office-kakenhi', database)).toEqual([]);
    const ok = await deleteOfficeProgram('office-kakenhi', opts());
    expect(ok.ok).toBe(true);
    if (ok.ok) await restoreOfficeProgram(ok.removed, opts());
    expect(await database.programs.get('office-kakenhi')).toBeDefined();
    const actions = (await database.auditLog.toArray()).map((e) => e.action);
    expect(actions).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses to delete a parent that has sub-programs', async () => {
    fresh();
    await saveOfficeProgram(kakenhi, opts());
    await saveOfficeProgram({ ...kakenhi, id: 'office-kakenhi-child', parentId: 'office-kakenhi', tracks: [] }, opts());
    const r = await deleteOfficeProgram('office-kakenhi', opts());
    expect(r).toMatchObject({ ok: false, reason: 'children', children: [{ id: 'office-kakenhi-child' }] });
  });

  it('imports an edition, replacing programs by id so mappings keep working', async () => {
    fresh();
    await database.projects.add(project('B-1', 'binds'));
    const next = structuredClone(BUILTIN_CATALOG);
    next.edition = { ...next.edition, id: 'mext-life-science-fy2026', fiscalYear: 2026 };
    next.programs.find((p) => p.id === 'binds')!.budgetYen.request = 3_700_000_000;
    next.programs.push({ ...kakenhi, id: 'new-2026-program', tracks: [] });
    const r = await importEdition(next, opts());
    expect(r).toEqual({ added: 1, replaced: BUILTIN_CATALOG.programs.length });
    expect((await database.editions.get('mext-life-science-fy2026'))?.edition.fiscalYear).toBe(2026);
    const binds = await database.programs.get('binds');
    expect(binds).toMatchObject({ editionId: 'mext-life-science-fy2026', budgetYen: { request: 3_700_000_000 } });
    expect(await mappedProjects('binds', database)).toHaveLength(1);
    const log = await database.auditLog.where('entity').equals('program').toArray();
    expect(log.map((e) => e.action)).toEqual(['import']);
    const exported = await currentCatalogEdition(database);
    expect(exported.edition.id).toBe('mext-life-science-fy2026');
    expect(exported.programs).toHaveLength(BUILTIN_CATALOG.programs.length + 1);
    expect(exported.programs[0]).not.toHaveProperty('editionId');
  });
});
