// The backup Worker: writes the backup file as parts, checks a backup file and restores it, each off the main thread
// (see backup-jobs.ts). It opens the app's database itself, like the export Workers.
import type { BackupFile } from '../../shared/backup/backup-format';
import { replaceWithBackup, writeBackupParts } from '../store/backup';
import { readBackupBytes } from '../store/backup-read';
import { serveWorkerApi, transferred } from '../platform/worker-client';
import type { BackupWorkerApi } from './backup-jobs';

let checked: BackupFile | null = null;

const api: BackupWorkerApi = {
  async write(onProgress) {
    const parts = await writeBackupParts(undefined, { onProgress: (d, t) => void onProgress(d, t) });
    return transferred(parts, parts.map((p) => p.buffer as ArrayBuffer));
  },
  async check(file) {
    const parsed = readBackupBytes(file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer()));
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    checked = parsed.backup;
    return { ok: true, summary: { createdAt: parsed.backup.createdAt, projects: parsed.backup.tables.projects.length, milestones: parsed.backup.tables.milestones.length } };
  },
  async restore(user, targetName, onProgress) {
    if (!checked) throw new Error('no checked backup / 検査済みのバックアップがありません');
    const backup = checked;
    checked = null;
    await replaceWithBackup(backup, { user, targetName, onProgress: (d, t) => void onProgress(d, t) });
  },
};

serveWorkerApi(api);
