// The browser build's automatic backups, in a database of their own (SnapshotVault): the body as a Blob made in a
// Worker, and each backup's list entry in a separate table, so neither saving nor listing copies a whole backup
// through the page's main thread (at 50,000 projects a backup is tens of MB; listing read every body: seconds).
import type { FileBytes, SaveResult, SnapshotInfo } from '../../shared/api/desktop-api';
import { isSnapshotFileName } from '../../shared/api/ipc-contract';
import { snapshotsToPrune } from '../../shared/backup/backup-names';
import type { SnapshotVault } from '../store/db';
import { blobOffThread } from './blob-off-thread';

/** Stores a backup and its list entry in one transaction, then drops all but the newest `keep`. */
export async function saveToVault(vault: SnapshotVault, request: { fileName: string; bytes: FileBytes; keep: number }, now = new Date()): Promise<SaveResult> {
  if (!isSnapshotFileName(request.fileName)) throw new Error('bad snapshot name');
  const body = await blobOffThread(request.bytes, 'application/json');
  const info = { fileName: request.fileName, sizeBytes: body.size, createdAt: now.toISOString() };
  await vault.transaction('rw', vault.snapshots, vault.snapshotInfo, async () => {
    await vault.snapshots.put({ ...info, bytes: body });
    await vault.snapshotInfo.put(info);
    const names = (await vault.snapshots.toCollection().primaryKeys()) as string[];
    const pruned = snapshotsToPrune(names, request.keep);
    await vault.snapshots.bulkDelete(pruned);
    await vault.snapshotInfo.bulkDelete(pruned);
  });
  return { saved: true, location: `IndexedDB: ${request.fileName}` };
}

/** The list entries only, newest first. */
export async function listVault(vault: SnapshotVault): Promise<SnapshotInfo[]> {
  const rows = await vault.snapshotInfo.toArray();
  return rows.map(({ fileName, sizeBytes, createdAt }) => ({ fileName, sizeBytes, createdAt })).sort((a, b) => b.fileName.localeCompare(a.fileName));
}

/** One backup's bytes (a version-1 row holds them as they are), or null when there is none of that name. */
export async function readFromVault(vault: SnapshotVault, fileName: string): Promise<Uint8Array | null> {
  if (!isSnapshotFileName(fileName)) return null;
  const row = await vault.snapshots.get(fileName);
  if (!row) return null;
  return row.bytes instanceof Uint8Array ? row.bytes : new Uint8Array(await row.bytes.arrayBuffer());
}
