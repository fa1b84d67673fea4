// The customs gate for a backup file the office chooses to restore: size, UTF-8 JSON, then parseBackup. Apart from
// backup.ts because its row schemas are built when the module loads: only the backup Worker needs them, not the start.
import { parseBackup } from '../../shared/backup/backup-format';
import type { BackupParse } from '../../shared/backup/backup-format';
import { db } from './db';

/** Largest backup file a restore will read (bytes). */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

/** The customs gate for backup files: size, JSON, then parseBackup. Never throws. */
export function readBackupBytes(bytes: Uint8Array, currentSchemaVersion: number = db.verno): BackupParse {
  if (bytes.byteLength === 0) return { ok: false, problems: [{ path: '(file)', message: 'The file is empty / ファイルが空です' }] };
  if (bytes.byteLength > MAX_BACKUP_BYTES) return { ok: false, problems: [{ path: '(file)', message: 'The file is too large to be a backup / バックアップとしては大きすぎるファイルです' }] };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problems: [{ path: '(file)', message: 'The file is not a readable backup (not JSON) / バックアップとして読めないファイルです（JSONではありません）' }] };
  }
  return parseBackup(json, currentSchemaVersion);
}
