// Backups end to end in Chromium: save a backup (a download), change the data, refuse a broken file without touching
// anything, restore the backup after confirming, and find the pre-restore data kept as an automatic backup.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession } from './harness';
import { appDatabaseName, countStores } from './idb';

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
    await expect.poll(() => page.inputValue('#user-name'), { timeout: 30_000 }).toBe('最初の名前');
    await expect.poll(() => page.locator('[data-testid="snapshot-list"] td').first().textContent()).toMatch(/before-restore/);

    await page.reload();
    await expect.poll(() => page.inputValue('#user-name'), { timeout: 30_000 }).toBe('最初の名前');
  });

  it('shows progress while restoring a big backup, and a cancelled restore leaves the data as it was', async () => {
    app = await startApp();
    const page = app.page;
    await page.click('nav a[data-screen="settings"]');
    await page.fill('#user-name', '今の名前');
    await page.click('form.inline-form button[type="submit"]');
    await expect.poll(() => page.locator('#user-name-status').textContent()).toBe('保存しました');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="backup-now"]')]);
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    // 20,000 projects: enough rows that the restore is still writing when cancel is pressed.
    const project = (i: number) => ({
      id: `big-${String(i).padStart(6, '0')}`, code: `BIG-${i}`, title: `大きな課題 ${i}`, pi: '山田', piPosition: '', piResearcherNumber: '', department: '医学部',
      coInvestigators: [], partners: [], programId: null, trackId: null, funderName: 'AMED', amedNumber: '', eradNumber: '', startDate: '2025-04-01',
      endDate: '2027-03-31', status: 'active', tags: [], notes: '', archived: false, deletedAt: null, createdAt: '2025-04-01T00:00:00Z', updatedAt: '2025-04-01T00:00:00Z',
    });
    backup.tables.projects = Array.from({ length: 20_000 }, (_, i) => project(i));
    backup.tables.settings = backup.tables.settings.map((s: { key: string; value: { userName?: string } }) => (s.key === 'preferences' ? { ...s, value: { ...s.value, userName: '復元した名前' } } : s));
    const big = path.join(app.downloadsDir, 'big.json');
    writeFileSync(big, JSON.stringify(backup));

    await page.setInputFiles('[data-testid="restore-input"]', big);
    await expect.poll(() => page.locator('[data-testid="restore-confirm"]').count(), { timeout: 60_000 }).toBe(1);
    await page.click('[data-testid="restore-confirm"]');
    // The shared progress bar appears with its cancel button; cancelling ends the Worker and its transaction.
    await page.click('[data-testid="backup-job-cancel"]');
    await expect.poll(() => page.locator('[data-testid="backup-job"]').getAttribute('data-phase'), { timeout: 60_000 }).toBe('cancelled');
    expect(await page.locator('[data-testid="backup-job"]').textContent()).toMatch(/何も変更していません/);
    // The new database the cancelled restore had begun is deleted; the pointer never moved.
    const restores = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('grant-portfolio@')));
    await expect.poll(restores, { timeout: 30_000 }).toEqual([]);
    expect(await appDatabaseName(page)).toBe('grant-portfolio');
    await page.reload();
    await expect.poll(() => page.inputValue('#user-name'), { timeout: 30_000 }).toBe('今の名前');
    await page.click('nav a[data-screen="projects"]');
    await expect.poll(() => page.locator('[data-testid="projects-count"]').textContent(), { timeout: 30_000 }).toBe('0 件 / 全 0 件');

    // Restored to the end, the same file replaces everything.
    await page.click('nav a[data-screen="settings"]');
    await page.setInputFiles('[data-testid="restore-input"]', big);
    await expect.poll(() => page.locator('[data-testid="restore-confirm"]').count(), { timeout: 60_000 }).toBe(1);
    await page.click('[data-testid="restore-confirm"]');
    await expect.poll(() => page.locator('[data-testid="backup-message"]').textContent(), { timeout: 120_000 }).toMatch(/復元/);
    await expect.poll(() => page.inputValue('#user-name'), { timeout: 30_000 }).toBe('復元した名前');
    // The app reloaded onto the restored database, which the pointer names; it holds the file's 20,000 projects.
    const current = await appDatabaseName(page);
    expect(current).toMatch(/^grant-portfolio@/);
    expect((await countStores(page, ['projects'])).projects).toBe(20_000);
    // The database it replaced was deleted by the restore itself, not left to be swept beside the next work.
    const left = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    expect(left.filter((n) => n === 'grant-portfolio' || n.startsWith('grant-portfolio@'))).toEqual([current]);
  }, 240_000);
});
