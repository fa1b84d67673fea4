// The restore's gate refuses what is not a backup with a message in both languages, and reads a good one.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readBackupBytes } from '../../../renderer/store/backup-read';
import { BACKUP_FORMAT } from '../../../shared/backup/backup-names';

const encode = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('readBackupBytes', () => {
  it('refuses junk files with a message', () => {
    expect(readBackupBytes(new Uint8Array())).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/empty.*空/) }] });
    expect(readBackupBytes(encode('PK\u0003\u0004 not json'))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/not JSON/) }] });
    // Not UTF-8 (Shift_JIS bytes of 「バックアップ」): refused as unreadable, not decoded into mojibake.
    expect(readBackupBytes(new Uint8Array([0x83, 0x6f, 0x83, 0x62, 0x83, 0x4e]))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/not JSON/) }] });
    expect(readBackupBytes(encode({ format: 'something-else' })).ok).toBe(false);
  });

  it('reads an empty backup of the current schema', () => {
    const tables = Object.fromEntries(['projects', 'budgetLines', 'milestones', 'programs', 'editions', 'settings', 'auditLog', 'importMappings', 'milestoneTemplates'].map((t) => [t, []]));
    const read = readBackupBytes(encode({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: 1, appVersion: '0.1.0', createdAt: '2026-01-01T00:00:00Z', tables }), 1);
    expect(read.ok).toBe(true);
  });
});
