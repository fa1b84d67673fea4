// The guards against costly slips on fake-indexeddb: a bulk move to the trash is one undoable step, and undo stops at
// an Excel import or a restore (whose undo is the automatic backup) instead of reverting the change made before it.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, deleteProjects, saveProject } from '../../../renderer/store/projects';
import type { ProjectInput } from '../../../renderer/store/projects';
import { peekUndo, undoLast } from '../../../renderer/store/audit';
import { commitImport } from '../../../renderer/store/import-commit';
import { exportBackup, restoreBackup } from '../../../renderer/store/backup';
import type { DesktopApi } from '../../../shared/api/desktop-api';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { runImportPipeline } from '../../../shared/excel/import-pipeline';
import { messyOfficeWorkbook } from '../../shared/excel/fixtures';

function input(code: string, patch: Partial<ProjectInput> = {}): ProjectInput {
  return { ...blankProjectInput(), code, title: `課題 ${code}`, funderName: 'AMED', startDate: '2025-04-01', endDate: '2027-03-31', status: 'active', ...patch };
}

async function create(code: string) {
  const r = await saveProject(input(code), { generateMilestones: false });
  if (!r.ok) throw new Error('save failed');
  return r.project;
}

const liveCodes = async () => (await db.projects.toArray()).filter((p) => !p.deletedAt).map((p) => p.code).sort();

const nullApi = { saveSnapshot: async () => ({ saved: true, location: 'x' }) } as unknown as DesktopApi;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('bulk delete', () => {
  it('moves the selected projects to the trash in one step and one undo brings them all back', async () => {
    const [a, b, c] = [await create('A-1'), await create('B-1'), await create('C-1')];
    await db.projects.update(c.id, { deletedAt: '2026-01-01T00:00:00Z' });
    await create('D-1');
    expect(await deleteProjects([a.id, b.id, c.id, 'gone'])).toBe(2);
    expect(await liveCodes()).toEqual(['D-1']);
    const entries = (await db.auditLog.toArray()).filter((e) => e.action === 'delete');
    expect(entries).toHaveLength(2);
    expect(new Set(entries.map((e) => e.batch)).size).toBe(1);
    const u = await undoLast();
    expect(u.ok && u.count).toBe(2);
    expect(await liveCodes()).toEqual(['A-1', 'B-1', 'D-1']);
    // The project that was already in the trash stays there.
    expect((await db.projects.get(c.id))?.deletedAt).toBe('2026-01-01T00:00:00Z');
  });
});

describe('undo and imports', () => {
  function parsed() {
    const r = runImportPipeline(messyOfficeWorkbook(), { programs: BUILTIN_CATALOG.programs });
    if (!r.ok) throw new Error(r.message.en);
    return r.result;
  }

  it('stops at an import instead of reverting the change made before it', async () => {
    const before = await create('X-1');
    await saveProject(input('X-1', { title: '改題' }), { id: before.id, generateMilestones: false });
    await commitImport(parsed(), { user: '山田', fileName: 'ledger.xlsx' });
    const count = await db.projects.count();
    expect((await peekUndo())?.entity).toBe('import');
    const r = await undoLast();
    expect(r).toMatchObject({ ok: false, reason: 'import', summary: expect.stringContaining('ledger.xlsx') });
    // Nothing changed: the edit made before the import is still there, and the import's rows too.
    expect((await db.projects.get(before.id))?.title).toBe('改題');
    expect(await db.projects.count()).toBe(count);
    // A change after the import is undone as usual; then undo stops at the import again.
    await saveProject(input('X-1', { title: '再改題' }), { id: before.id, generateMilestones: false });
    expect((await undoLast()).ok).toBe(true);
    expect((await db.projects.get(before.id))?.title).toBe('改題');
    expect(await undoLast()).toMatchObject({ ok: false, reason: 'import' });
  });

  it('stops at a restore from a backup, but not at restoring a project from the trash', async () => {
    const p = await create('R-1');
    const backup = await exportBackup(db);
    await restoreBackup(backup, { api: nullApi, keep: 3, user: 't' });
    // The app reloads onto the restored database: the store's modules load again, and open it.
    vi.resetModules();
    const audit = await import('../../../renderer/store/audit');
    const projects = await import('../../../renderer/store/projects');
    const reloaded = (await import('../../../renderer/store/db')).db;
    expect(reloaded.name).not.toBe(db.name);
    expect(await audit.undoLast()).toMatchObject({ ok: false, reason: 'restore' });
    expect(await projects.deleteProjects([p.id])).toBe(1);
    expect((await audit.undoLast()).ok).toBe(true);
    expect((await reloaded.projects.toArray()).filter((x) => !x.deletedAt).map((x) => x.code)).toEqual(['R-1']);
  });
});
