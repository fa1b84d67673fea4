// The shell end to end: every screen reachable, Japanese by default, English survives a reload, stored data survives too.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession } from './harness';

const SCREENS: Array<[string, string, string]> = [
  ['dashboard', 'ダッシュボード', 'Dashboard'],
  ['programs', '事業カタログ', 'Programs'],
  ['projects', '課題一覧', 'Projects'],
  ['deadlines', '締切', 'Deadlines'],
  ['timeline', 'タイムライン', 'Timeline'],
  ['reports', 'レポート', 'Reports'],
  ['importExport', '取込・出力', 'Import/Export'],
  ['settings', '設定', 'Settings'],
];

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('app shell', () => {
  it('shows every screen in Japanese, switches to English, and keeps language and data across reloads', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    for (const [screen, ja] of SCREENS) {
      await page.click(`nav a[data-screen="${screen}"]`);
      await expect.poll(() => page.locator('main h1').first().textContent()).toBe(ja);
    }

    // Keyboard: Alt+3 goes to the third screen.
    await page.keyboard.press('Alt+3');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('課題一覧');

    await page.click('nav a[data-screen="settings"]');
    await page.fill('#user-name', '研究推進課 山田');
    await page.click('form.inline-form button[type="submit"]');
    await expect.poll(() => page.locator('#user-name-status').textContent()).toBe('保存しました');
    await page.selectOption('#ui-language', 'en');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Settings');

    await page.reload();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Settings');
    await expect.poll(() => page.inputValue('#user-name')).toBe('研究推進課 山田');
    for (const [screen, , en] of SCREENS) {
      await page.click(`nav a[data-screen="${screen}"]`);
      await expect.poll(() => page.locator('main h1').first().textContent()).toBe(en);
    }
    expect(errors).toEqual([]);
  });

  it('follows an English browser on first start', async () => {
    app = await startApp({ locale: 'en-US' });
    await expect.poll(() => app!.page.locator('nav a[data-screen="dashboard"]').textContent()).toBe('Dashboard');
  });
});
