// The browser build's automatic backups on fake-indexeddb: saved from parts and read back byte for byte, listed from
// the list table alone, pruned to `keep` in both tables, and a version-1 vault (bodies as Uint8Array, no list table)
// upgraded to version 2 with its backups listed and readable.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie, SnapshotVault } from '../../../renderer/store/db';
import { listVault, readFromVault, saveToVault } from '../../../renderer/platform/snapshot-vault';

const names = ['grant-portfolio-2026-01-01T000000-daily.json', 'grant-portfolio-2026-01-02T000000-manual.json', 'grant-portfolio-2026-01-03T000000-before-restore.json'];
const text = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);
const enc = (s: string) => new TextEncoder().encode(s);

let n = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});
function vault(name = `vault-test-${n++}`): SnapshotVault {
  const v = new SnapshotVault(name);
  opened.push(v);
  return v;
}

describe('snapshot vault', () => {
  it('saves a backup given as parts and reads back the same bytes; lists sizes newest first', async () => {
    const v = vault();
    await saveToVault(v, { fileName: names[0]!, bytes: [enc('{"a":'), enc('1}')], keep: 5 }, new Date('2026-01-01T00:00:00Z'));
    await saveToVault(v, { fileName: names[1]!, bytes: enc('{"b":22}'), keep: 5 });
    expect(text(await readFromVault(v, names[0]!))).toBe('{"a":1}');
    expect(text(await readFromVault(v, names[1]!))).toBe('{"b":22}');
    expect(await listVault(v)).toEqual([
      { fileName: names[1], sizeBytes: 8, createdAt: expect.any(String) },
      { fileName: names[0], sizeBytes: 7, createdAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(await readFromVault(v, names[2]!)).toBeNull();
    expect(await readFromVault(v, '../x.json')).toBeNull();
    await expect(saveToVault(v, { fileName: 'x.json', bytes: enc('{}'), keep: 5 })).rejects.toThrow(/bad snapshot name/);
  });

  it('lists from the list table alone (the bodies are not read) and prunes both tables to keep', async () => {
    const v = vault();
    for (const name of names) await saveToVault(v, { fileName: name, bytes: enc(`{"n":"${name}"}`), keep: 2 });
    expect((await listVault(v)).map((s) => s.fileName)).toEqual([names[2], names[1]]);
    expect(((await v.snapshots.toCollection().primaryKeys()) as string[]).sort()).toEqual([names[1], names[2]]);
    // A list entry without its body still lists (nothing reads the body): the list is the list table.
    await v.snapshots.delete(names[2]!);
    expect((await listVault(v)).map((s) => s.fileName)).toEqual([names[2], names[1]]);
  });

  it('upgrades a version-1 vault: its backups are listed with their sizes and read back as they were', async () => {
    const name = `vault-upgrade-${n++}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ snapshots: 'fileName, createdAt' });
    await v1.open();
    await v1.table('snapshots').bulkAdd([
      { fileName: names[0], bytes: enc('{"old":1}'), sizeBytes: 9, createdAt: '2026-01-01T00:00:00.000Z' },
      { fileName: names[1], bytes: enc('{"old":22}'), sizeBytes: 10, createdAt: '2026-01-02T00:00:00.000Z' },
    ]);
    v1.close();
    const v = vault(name);
    await v.open();
    expect(v.verno).toBe(2);
    expect(await listVault(v)).toEqual([
      { fileName: names[1], sizeBytes: 10, createdAt: '2026-01-02T00:00:00.000Z' },
      { fileName: names[0], sizeBytes: 9, createdAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(text(await readFromVault(v, names[0]!))).toBe('{"old":1}');
    // New backups go beside the old ones and pruning counts both.
    await saveToVault(v, { fileName: names[2]!, bytes: enc('{}'), keep: 2 });
    expect((await listVault(v)).map((s) => s.fileName)).toEqual([names[2], names[1]]);
  });
});
