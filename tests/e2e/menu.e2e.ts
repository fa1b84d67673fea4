// The menu's commands do their job end to end in Chromium. The browser build has no native menu, so the test sends
// each command as Electron's menu does, through the browser DesktopApi's hook (a `gp-menu-command` event): Export…
// saves the standard workbook, Backup… saves a backup, Restore… opens the chooser and asks to confirm, About shows the
// version. Also the year-end closure edited in Settings is kept across a reload.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession } from './harness';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version: string };

describe('menu commands', () => {
  it('export, backup, restore and about each do their job; the closure is editable', async () => {
    app = await startApp();
    const page = app.page;
    const send = (command: string) => page.evaluate((c) => window.dispatchEvent(new CustomEvent('gp-menu-command', { detail: c })), command);
    await page.waitForSelector('nav a[data-screen="settings"]');

    // Export… from another screen: the Import/Export screen opens and the standard export is saved.
    const [exported] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), send('export')]);
    expect(exported.suggestedFilename()).toMatch(/^grant-portfolio-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expect.poll(() => page.locator('[data-testid="export-status"]').textContent()).toMatch(/\S/);
    // Again while the screen is open: the command reaches the mounted screen.
    const [again] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), send('export')]);
    expect(again.suggestedFilename()).toMatch(/\.xlsx$/);

    // Backup…: Settings opens and a backup file is saved.
    const [backup] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), send('backup')]);
    const backupPath = path.join(app.downloadsDir, 'menu-backup.json');
    await backup.saveAs(backupPath);
    expect(JSON.parse(readFileSync(backupPath, 'utf8')).format).toBe('grant-portfolio-backup');

    // Restore…: the chooser opens; the chosen backup waits for confirmation.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), send('restore')]);
    await chooser.setFiles(backupPath);
    await expect.poll(() => page.locator('[data-testid="restore-confirm"]').count()).toBe(1);

    // About: a dialog with the version from the app info; Escape closes it.
    await send('about');
    await expect.poll(() => page.getByTestId('about-version').textContent()).toContain(pkg.version);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('about-dialog').count()).toBe(0);

    // The year-end closure: refused when not a day, saved when it is, kept after a reload.
    await page.click('nav a[data-screen="settings"]');
    await page.fill('#closure-start', '13/40');
    await page.click('[data-testid="closure-form"] button[type="submit"]');
    await expect.poll(() => page.locator('[data-testid="closure-form"] [role="alert"]').textContent()).toMatch(/12\/29/);
    await page.fill('#closure-start', '12/27');
    await page.fill('#closure-end', '１/５');
    await page.click('[data-testid="closure-form"] button[type="submit"]');
    await expect.poll(() => page.inputValue('#closure-end')).toBe('1/5');
    await page.reload();
    await expect.poll(() => page.inputValue('#closure-start')).toBe('12/27');
    expect(await page.inputValue('#closure-end')).toBe('1/5');
  }, 180_000);
});
