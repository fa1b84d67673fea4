// The project form applies the shared project rules (docs/portfolio.md, "Project rules"): an error (a 管理番号 over
// 60 characters) refuses the save at its field; a warning (neither program nor funder) is shown and the second
// click saves; the new PI fields are saved with the project.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession } from './harness';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('project rules in the form', () => {
  it('refuses an error, confirms a warning, then saves', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click('nav a[data-screen="projects"]');
    await page.click('[data-action="new-project"]');
    expect(await page.inputValue('#pf-status')).toBe('active');
    await page.fill('#pf-code', `R-${'9'.repeat(59)}`);
    await page.fill('#pf-title', '規則の確認');
    await page.fill('#pf-piPosition', '教授');
    await page.fill('#pf-piResearcherNumber', '01234567');
    await page.click('#pf-submit');
    await expect.poll(() => page.locator('.project-form .error-panel').textContent()).toContain('60文字以内');
    expect(await page.locator('#pf-code').getAttribute('aria-invalid')).toBe('true');

    await page.fill('#pf-code', 'R-2025-001');
    await page.click('#pf-submit');
    await expect.poll(() => page.locator('.project-form .warning-panel').textContent()).toContain('事業も配分機関・制度名もありません');
    expect(await page.locator('#pf-submit').textContent()).toBe('このまま保存');
    expect(await page.locator('#detail-title').count()).toBe(0);

    await page.click('#pf-submit');
    await expect.poll(() => page.locator('#detail-title').textContent()).toBe('規則の確認');
    expect(await page.inputValue('#pf-piPosition')).toBe('教授');
    expect(await page.inputValue('#pf-piResearcherNumber')).toBe('01234567');
    expect(errors).toEqual([]);
  });
});
