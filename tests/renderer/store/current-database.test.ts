// The pointer to the database holding the data (a restore writes a new one and moves the pointer): names are ordered,
// only databases a restore replaced are swept, and the pointer is read back as written.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_NAME, baseName, currentDatabaseName, deleteDatabase, newDatabaseName, pointToDatabase, replacedDatabases, sweepReplacedDatabases } from '../../../renderer/store/current-database';

function create(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

const names = async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort();

describe('the current database', () => {
  it('names a restore\'s database after its base, later than the current one even within one millisecond', () => {
    const first = newDatabaseName(DB_NAME, 1_000);
    expect(first).toBe(`${DB_NAME}@${(1_000).toString(36)}`);
    expect(baseName(first)).toBe(DB_NAME);
    const second = newDatabaseName(first, 1_000);
    expect(second).not.toBe(first);
    expect(replacedDatabases([first, second], second)).toEqual([first]);
  });

  it('sweeps the base and earlier restores only: not a later one, the snapshot vault, the pointer or another base', () => {
    const a = newDatabaseName(DB_NAME, 1_000);
    const b = newDatabaseName(DB_NAME, 2_000);
    const c = newDatabaseName(DB_NAME, 3_000);
    const all = [DB_NAME, a, b, c, `${DB_NAME}-snapshots`, `${DB_NAME}-current`, 'other@1', `${DB_NAME}@x-y`];
    expect(replacedDatabases(all, b)).toEqual([DB_NAME, a]);
    expect(replacedDatabases(all, DB_NAME)).toEqual([]);
  });

  it('reads the base until a restore points elsewhere, and the pointed database after', async () => {
    const base = 'pointer-test';
    expect(await currentDatabaseName(base)).toBe(base);
    const restored = newDatabaseName(base);
    await pointToDatabase(restored);
    expect(await currentDatabaseName(base)).toBe(restored);
    // Another base's pointer is its own.
    expect(await currentDatabaseName('pointer-test-2')).toBe('pointer-test-2');
  });

  it('without IndexedDB (modules that only need the store\'s types) is the base', async () => {
    expect(await currentDatabaseName(DB_NAME, undefined)).toBe(DB_NAME);
  });

  it('deletes what a restore replaced and keeps the current and later databases', async () => {
    const base = 'sweep-test';
    const older = newDatabaseName(base, 1_000);
    const current = newDatabaseName(base, 2_000);
    const later = newDatabaseName(base, 3_000);
    for (const n of [base, older, current, later]) await create(n);
    expect((await sweepReplacedDatabases(current)).sort()).toEqual([base, older].sort());
    const left = (await names()).filter((n) => baseName(n) === base);
    expect(left).toEqual([current, later].sort());
  });

  it('waits for a connection that does not close only as long as asked, and the delete goes on once it closes', async () => {
    const name = newDatabaseName('blocked-test', 1_000);
    const held = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    // A connection that ignores versionchange (a Worker ended before it could close its own).
    held.onversionchange = null;
    const t0 = Date.now();
    await deleteDatabase(name, indexedDB, { blockedGraceMs: 30 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    expect(await names()).toContain(name);
    held.close();
    await expect.poll(async () => (await names()).includes(name)).toBe(false);
  });
});

