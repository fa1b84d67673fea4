// Schema policy: the database's declared schema is pinned here, so any change to a table's indexes must come as a new
// Dexie version (never an edit of a shipped one) together with an upgrade test that seeds the previous version.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GrantDatabase } from '../../../renderer/store/db';

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
});
