// The chunked writer inside one Dexie transaction with many more chunks than it queues at once: every chunk's
// requests must stay in the caller's transaction (they once went to transactions of their own after a few chunks,
// and the change failed with PrematureCommitError), and a failure late in the loop still undoes the early chunks.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { writeInChunks } from '../../../renderer/store/chunked-write';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${String(i).padStart(5, '0')}`, value: i }));

beforeEach(async () => {
  await db.settings.clear();
});

describe('writeInChunks', () => {
  it('writes 200 chunks of plain writes in the one transaction', async () => {
    await db.transaction('rw', db.settings, () => writeInChunks(rows(2000), (chunk) => db.settings.bulkPut(chunk), { chunkSize: 10 }));
    expect(await db.settings.count()).toBe(2000);
  });

  it('writes 200 chunks that each read before they write (an async function per chunk)', async () => {
    await db.settings.bulkPut(rows(2000));
    await db.transaction('rw', db.settings, () =>
      writeInChunks(rows(2000), async (chunk) => {
        const stored = await db.settings.bulkGet(chunk.map((r) => r.key));
        await db.settings.bulkPut(stored.map((r) => ({ key: r!.key, value: (r!.value as number) + 1 })));
      }, { chunkSize: 10 }),
    );
    const all = await db.settings.toArray();
    expect(all.every((r, i) => r.value === i + 1)).toBe(true);
  });

  it('leaves nothing when the last of many chunks fails', async () => {
    const write = db.transaction('rw', db.settings, () =>
      writeInChunks(rows(2000), async (chunk) => {
        if (chunk[0]!.value === 1990) throw new Error('the disk is full');
        await db.settings.bulkPut(chunk);
      }, { chunkSize: 10 }),
    );
    await expect(write).rejects.toThrow('the disk is full');
    expect(await db.settings.count()).toBe(0);
  });
});
