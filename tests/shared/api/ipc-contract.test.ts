import { describe, expect, it } from 'vitest';
import { checkNotificationRequest, checkOpenFileRequest, checkSaveFileRequest, checkUiLanguage, isMenuCommand, isSafeFileName } from '../../../shared/api/ipc-contract';

describe('IPC argument checks', () => {
  it('accepts well-formed requests', () => {
    expect(checkOpenFileRequest({ filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }] }).ok).toBe(true);
    const save = checkSaveFileRequest({ suggestedName: '課題一覧.xlsx', filters: [], bytes: new Uint8Array(3) });
    expect(save.ok).toBe(true);
  });
  it('refuses wrong shapes and unsafe names', () => {
    expect(checkOpenFileRequest(null).ok).toBe(false);
    expect(checkOpenFileRequest({ filters: [{ name: 'x', extensions: ['../evil'] }] }).ok).toBe(false);
    expect(checkSaveFileRequest({ suggestedName: '../../etc/passwd', filters: [], bytes: new Uint8Array(1) }).ok).toBe(false);
    expect(checkSaveFileRequest({ suggestedName: 'a.xlsx', filters: [], bytes: 'not bytes' }).ok).toBe(false);
    expect(isSafeFileName('a\u0000b')).toBe(false);
    expect(isSafeFileName('..')).toBe(false);
    expect(checkNotificationRequest({ title: 'x'.repeat(500), body: '' }).ok).toBe(false);
    expect(checkUiLanguage('fr').ok).toBe(false);
    expect(isMenuCommand('import-excel')).toBe(true);
    expect(isMenuCommand('rm -rf')).toBe(false);
  });
});
