// Schema policy: the database's declared schema is pinned here, so any change to a table's indexes must come as a new
// Dexie version (never an edit of a shipped one) together with an upgrade test that seeds the previous version.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie, GrantDatabase } from '../../../renderer/store/db';

const SHIPPED_VERSIONS: Record<number, Record<string, string>> = {
  1: {
    projects: 'id, &code, programId, status, department, pi, startDate, endDate, updatedAt, deletedAt',
    budgetLines: 'id, projectId, fiscalYear, [projectId+fiscalYear]',
    milestones: 'id, projectId, dueDate, status, kind, [status+dueDate]',
    programs: 'id, parentId, editionId, managedBy',
    editions: 'id',
    settings: 'key',
    auditLog: '++seq, projectId, at, entity',
    importMappings: 'signature',
    milestoneTemplates: 'id, programId',
    notificationLog: 'key',
  },
  2: {
    projects: 'id, &code, programId, status, department, pi, startDate, endDate, updatedAt, deletedAt',
    budgetLines: 'id, projectId, fiscalYear, [projectId+fiscalYear]',
    milestones: 'id, projectId, dueDate, status, kind, [status+dueDate]',
    programs: 'id, parentId, editionId, managedBy',
    editions: 'id',
    settings: 'key',
    auditLog: '++seq, projectId, at, entity',
    importMappings: 'signature',
    milestoneTemplates: 'id, programId',
    notificationLog: 'key',
    applications: 'id, code, status, programId, projectId, callId, eradDeadline, deletedAt',
    trackedCalls: 'id, programId, deadline, deletedAt',
    researchers: 'id, eradResearcherNumber, name, department, deletedAt',
    memberships: 'id, projectId, applicationId, researcherId',
  },
};
// Version 3 (issue 18): the sync outbox and "to review" list, and audit entries indexed by their sync document id.
SHIPPED_VERSIONS[3] = { ...SHIPPED_VERSIONS[2]!, auditLog: '++seq, projectId, at, entity, syncId', syncOutbox: '++seq', syncReview: 'docId' };

function normalise(spec: string): string[] {
  return spec.split(',').map((s) => s.trim()).filter(Boolean);
}

let db: GrantDatabase | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('database schema', () => {
  it('opens empty at the newest version with every table', async () => {
    db = new GrantDatabase('schema-test');
    await db.open();
    const newest = Math.max(...Object.keys(SHIPPED_VERSIONS).map(Number));
    expect(db.verno).toBe(newest);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SHIPPED_VERSIONS[newest]!).sort());
  });

  it('matches the pinned schema of the newest version (change it only with a new version and an upgrade test)', async () => {
    db = new GrantDatabase('schema-test-2');
    await db.open();
    const pinned = SHIPPED_VERSIONS[db.verno]!;
    for (const table of db.tables) {
      const primary = table.schema.primKey.src;
      const indexes = table.schema.indexes.map((i) => i.src);
      expect([primary, ...indexes].sort(), table.name).toEqual(normalise(pinned[table.name]!).sort());
    }
  });

  it('upgrades a version-1 database to version 2 keeping its data, with empty planning tables', async () => {
    const name = 'schema-upgrade-1-2';
    const v1 = new Dexie(name);
    v1.version(1).stores(SHIPPED_VERSIONS[1]!);
    await v1.open();
    const project = { id: 'p1', code: 'A-1', title: 'Old project', status: 'active', deletedAt: null };
    await v1.table('projects').add(project);
    await v1.table('budgetLines').add({ id: 'b1', projectId: 'p1', fiscalYear: 2026, directYen: 1_000_000, indirectYen: 300_000 });
    await v1.table('settings').add({ key: 'preferences', value: { userName: 'uraoffice' } });
    v1.close();

    db = new GrantDatabase(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.projects.get('p1')).toMatchObject(project);
    expect(await db.budgetLines.where('projectId').equals('p1').count()).toBe(1);
    expect((await db.settings.get('preferences'))?.value).toEqual({ userName: 'uraoffice' });
    expect(await db.applications.count()).toBe(0);
    expect(await db.researchers.count()).toBe(0);
    await db.applications.add({ id: 'a1', code: 'APP-1' } as never);
    expect(await db.applications.where('code').equals('APP-1').count()).toBe(1);
  });

  it('upgrades a version-2 database to version 3 keeping its data, sync off and nothing queued', async () => {
    const name = 'schema-upgrade-2-3';
    const v2 = new Dexie(name);
    v2.version(2).stores(SHIPPED_VERSIONS[2]!);
    await v2.open();
    await v2.table('projects').add({ id: 'p1', code: 'A-1', title: 'Old project', status: 'active', deletedAt: null });
    await v2.table('researchers').add({ id: 'r1', name: '山田', department: 'Eng', eradResearcherNumber: '', deletedAt: null });
    await v2.table('auditLog').add({ at: '2026-04-01T00:00:00Z', user: 'uraoffice', entity: 'project', entityId: 'p1', projectId: 'p1', action: 'create', summary: 'x', before: null, after: null });
    v2.close();

    db = new GrantDatabase(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.projects.get('p1')).toMatchObject({ title: 'Old project' });
    expect(await db.researchers.get('r1')).toMatchObject({ name: '山田' });
    expect(await db.auditLog.count()).toBe(1);
    expect(db.syncRecording).toBe(false);
    expect(await db.syncOutbox.count()).toBe(0);
    expect(await db.syncReview.count()).toBe(0);
    // The new index answers for a colleague's entry and skips the desktop's own (which have no sync id).
    await db.auditLog.add({ at: '2026-04-02T00:00:00Z', user: 'bob', entity: 'project', entityId: 'p1', projectId: 'p1', action: 'update', summary: 'y', before: null, after: null, syncId: 'audit:rb:0000000001' } as never);
    expect(await db.auditLog.where('syncId').equals('audit:rb:0000000001').count()).toBe(1);
    expect(await db.auditLog.where('syncId').above('').count()).toBe(1);
  });
});
