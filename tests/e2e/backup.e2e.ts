// Backups end to end in Chromium: save a backup (a download), change the data, refuse a broken file without touching
// anything, restore the backup after confirming, and find the pre-restore data kept as an automatic backup.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession } from './harness';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('backup and restore', () => {
  it('saves, refuses a bad file, and restores after confirmation', async () => {
    app = await startApp();
    const page = app.page;
    await page.click('nav a[data-screen="settings"]');
    await page.fill('#user-name', '最初の名前');
    await page.click('form.inline-form button[type="submit"]');
    await expect.poll(() => page.locator('#user-name-status').textContent()).toBe('保存しました');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="backup-now"]')]);
    const backupPath = path.join(app.downloadsDir, 'backup.json');
    await download.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup.format).toBe('grant-portfolio-backup');
    expect(backup.tables.settings.find((s: { key: string }) => s.key === 'preferences').value.userName).toBe('最初の名前');

    await page.fill('#user-name', '変更後の名前');
    await page.click('form.inline-form button[type="submit"]');
    await expect.poll(() => page.inputValue('#user-name')).toBe('変更後の名前');

    // A file from a future schema is refused with a plain message and changes nothing.
    const future = path.join(app.downloadsDir, 'future.json');
    writeFileSync(future, JSON.stringify({ ...backup, schemaVersion: 999 }));
    await page.setInputFiles('[data-testid="restore-input"]', future);
    await expect.poll(() => page.locator('[data-testid="backup-message"]').textContent()).toMatch(/新しいバージョン/);
    const junk = path.join(app.downloadsDir, 'junk.json');
    writeFileSync(junk, 'PK\u0003\u0004 this is not a backup');
    await page.setInputFiles('[data-testid="restore-input"]', junk);
    await expect.poll(() => page.locator('[data-testid="backup-message"]').textContent()).toMatch(/JSONではありません/);
    expect(await page.inputValue('#user-name')).toBe('変更後の名前');

    await page.setInputFiles('[data-testid="restore-input"]', backupPath);
    await page.click('[data-testid="restore-confirm"]');
    await expect.poll(() => page.inputValue('#user-name')).toBe('最初の名前');
    await expect.poll(() => page.locator('[data-testid="snapshot-list"] td').first().textContent()).toMatch(/before-restore/);

    await page.reload();
    await expect.poll(() => page.inputValue('#user-name')).toBe('最初の名前');
  });
});
