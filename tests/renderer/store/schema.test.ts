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
    expect(db.verno).toBe(2);
    expect(await db.projects.get('p1')).toMatchObject(project);
    expect(await db.budgetLines.where('projectId').equals('p1').count()).toBe(1);
    expect((await db.settings.get('preferences'))?.value).toEqual({ userName: 'uraoffice' });
    expect(await db.applications.count()).toBe(0);
    expect(await db.researchers.count()).toBe(0);
    await db.applications.add({ id: 'a1', code: 'APP-1' } as never);
    expect(await db.applications.where('code').equals('APP-1').count()).toBe(1);
  });
});
