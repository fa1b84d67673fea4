// The Programs screen end to end: search by abbreviation, the detail's budget and period wording, 「記載なし」 for what
// the document does not state, amount kinds and undated gates, the theme and body filters, keyboard in the tree, an
// office program that survives a restart, the budget chart, and an invalid catalog import that changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startApp } from './harness';
import type { AppSession } from './harness';
import { countStores } from './idb';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('programs screen', () => {
  it('finds BINDS and shows its budget and period', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click('nav a[data-screen="programs"]');
    await page.fill('#program-search', 'BINDS');
    await expect.poll(() => page.locator('#program-count').textContent()).toBe('1件の事業');
    const row = page.locator('[role="treeitem"][data-program="binds"]');
    await expect.poll(() => row.textContent()).toContain('生命科学・創薬研究支援基盤事業');
    await row.click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/programs/binds');
    const detail = page.locator('.program-detail');
    await expect.poll(() => detail.locator('h2').textContent()).toContain('生命科学・創薬研究支援基盤事業');
    expect(await detail.locator('[data-field="request"]').textContent()).toBe('36億円（3,600,000,000円）');
    expect(await detail.locator('[data-field="previous"]').textContent()).toContain('36億円');
    expect(await detail.locator('[data-field="supplementary"]').textContent()).toContain('12億円');
    expect(await detail.textContent()).toContain('令和6年度補正予算額');
    expect(await detail.locator('[data-field="period"]').textContent()).toContain('令和4年度〜令和8年度 (FY2022–FY2026)');
    // Built-in entries are read-only: delete is disabled with an explanation.
    expect(await detail.locator('[data-action="delete"]').isDisabled()).toBe(true);
    // The document names no managing body and no research period for BINDS: shown as not stated, not as MEXT.
    expect(await detail.locator('[data-field="managed-by"]').textContent()).toMatch(/^記載なし/);
    expect(await detail.locator('[data-field="research-period"]').textContent()).toBe('記載なし');
    expect(await detail.locator('[data-field="theme"]').textContent()).toBe('創薬力向上への貢献');
    expect(await detail.locator('.program-badges').textContent()).not.toContain('MEXT');

    // Full-width search finds the same program; the route selects directly.
    await page.fill('#program-search', 'ｂｉｎｄｓ');
    await expect.poll(() => page.locator('#program-count').textContent()).toBe('1件の事業');
    await page.fill('#program-search', '');
    await page.evaluate(() => { window.location.hash = '#/programs/b-cure'; });
    await expect.poll(() => detail.locator('[data-field="period"]').textContent()).toContain('令和3年度〜令和7年度');

    // Amount kinds and name sources on tracks; a gate with no fixed year.
    await page.evaluate(() => { window.location.hash = '#/programs/sicorp'; });
    await expect.poll(() => detail.locator('[data-track="sicorp/consortium"] [data-field="track-amount"]').textContent()).toContain('（定額）');
    expect(await detail.locator('[data-track="sicorp/core-team"] [data-field="track-amount"]').textContent()).toMatch(/^最大/);
    expect(await detail.locator('[data-field="research-period"]').textContent()).toBe('最長5年');
    expect(await detail.locator('[data-field="name-en-source"]').textContent()).toContain('当方の訳');
    await page.evaluate(() => { window.location.hash = '#/programs/africa-ntds'; });
    await expect.poll(() => detail.locator('[data-track="africa-ntds/standard"] [data-field="track-amount"]').textContent()).toMatch(/程度$/);
    expect(await detail.locator('[data-track="africa-ntds/standard"]').textContent()).toContain('当方で付けた見出し');
    await page.evaluate(() => { window.location.hash = '#/programs/smart-bio-drug-discovery'; });
    await expect.poll(() => detail.locator('[data-track="smart-bio-drug-discovery/composite"] [data-gate-year="none"]').textContent()).toContain('研究期間の途中');
    await page.evaluate(() => { window.location.hash = '#/programs/nldp'; });
    await expect.poll(() => detail.locator('[data-field="managed-by"]').textContent()).toContain('大学共同利用機関法人情報・システム研究機構');

    // Theme filter: 感染症 keeps the one program under that heading with its sub-programs; with 記載なし as body, BINDS stays.
    await page.selectOption('#program-filter-theme', 'infectious-disease');
    await expect.poll(() => page.locator('#program-count').textContent()).toBe('5件の事業');
    expect(await page.locator('[role="treeitem"][data-program="emerging-infectious-disease-research-base"]').count()).toBe(1);
    expect(await page.locator('[role="treeitem"][data-program="nagasaki-bsl4-research"]').count()).toBe(1);
    expect(await page.locator('[role="treeitem"][data-program="binds"]').count()).toBe(0);
    await page.selectOption('#program-filter-theme', 'drug-discovery');
    await page.selectOption('#program-filter-body', { label: '記載なし' });
    await expect.poll(() => page.locator('[role="treeitem"][data-program="binds"]').count()).toBe(1);
    expect(await page.locator('[role="treeitem"][data-program="drug-medical-technology-platform"]').count()).toBe(0); // RIKEN
    expect(await page.locator('#program-filter-body option').allTextContents()).not.toContain('MEXT');
    await page.selectOption('#program-filter-body', '');
    await page.selectOption('#program-filter-theme', '');
    await expect.poll(() => page.locator('#program-count').textContent()).toBe('48件の事業');

    // Keyboard: the tree moves with arrow keys and selects with Enter.
    await page.locator('.program-tree').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // ArrowDown to the next parent straight after Enter, before the route has arrived: the route must not pull the
    // active row back. ArrowLeft collapses it and the active row stays on it; ArrowRight re-expands.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/programs/advanced-medical-rd');
    await expect.poll(() => page.locator('.program-detail h2').textContent()).toBeTruthy();
    const brain = page.locator('[role="treeitem"][data-program="brain-neuroscience-integrated"]');
    await expect.poll(() => brain.getAttribute('class')).toContain('active');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => brain.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[role="treeitem"][data-program="brain-neuroscience-core-hub"]').count()).toBe(0);
    expect(await brain.getAttribute('class')).toContain('active');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => brain.getAttribute('aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('adds an office program with a track that survives a restart, and draws the budget chart', async () => {
    app = await startApp({ locale: 'ja-JP' });
    let page = app.page;
    await page.evaluate(() => { window.location.hash = '#/programs'; });
    // The screen says what it shows (the bench waits on this): read, with no office program written yet.
    await page.waitForSelector('.programs-screen[data-catalog="read"]');
    const countBefore = Number(await page.getAttribute('.programs-screen', 'data-program-count'));
    expect(await page.getAttribute('.programs-screen', 'data-catalog-revision')).toBe('');
    await page.click('[data-action="add-program"]');
    const form = page.locator('form.program-form');
    await form.locator('input[name="nameJa"]').fill('科学研究費助成事業');
    await form.locator('input[name="nameEn"]').fill('JSPS KAKENHI');
    await form.locator('input[name="abbreviation"]').fill('科研費');
    await form.locator('input[name="managedBy"]').fill('JSPS');
    await form.locator('input[name="request"]').fill('2,400億');
    await form.locator('input[name="startFiscalYear"]').fill('令和7');
    await form.locator('[data-action="add-track"]').click();
    await form.locator('[data-track-index="0"] input').first().fill('基盤研究(B)');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/programs/office-jsps-kakenhi');
    await expect.poll(() => page.locator('.program-detail [data-field="request"]').textContent()).toBe('2,400億円（240,000,000,000円）');
    await expect.poll(() => page.locator('[role="treeitem"][data-program="office-jsps-kakenhi"]').count()).toBe(1);
    expect(await page.locator('[role="treeitem"][data-track="office-jsps-kakenhi/track-1"]').count()).toBe(1);
    expect(await page.getAttribute('.programs-screen', 'data-catalog-revision')).not.toBe('');
    expect(Number(await page.getAttribute('.programs-screen', 'data-program-count'))).toBe(countBefore + 1);

    page = await app.restart();
    await page.evaluate(() => { window.location.hash = '#/programs'; });
    await page.fill('#program-search', '科研費');
    await expect.poll(() => page.locator('[role="treeitem"][data-program="office-jsps-kakenhi"]').count()).toBe(1);
    await page.locator('[role="treeitem"][data-program="office-jsps-kakenhi"]').click();
    await expect.poll(() => page.locator('.program-detail .track-card').textContent()).toContain('基盤研究(B)');

    // Delete (with confirmation), then undo.
    await page.click('.program-detail [data-action="delete"]');
    await page.click('[data-action="confirm-delete"]');
    await expect.poll(() => page.locator('[role="treeitem"][data-program="office-jsps-kakenhi"]').count()).toBe(0);
    await page.click('[data-action="undo-delete"]');
    await expect.poll(() => page.locator('[role="treeitem"][data-program="office-jsps-kakenhi"]').count()).toBe(1);

    await page.fill('#program-search', '');
    await page.click('[data-tab="chart"]');
    const chart = page.locator('svg.gp-bar-chart-svg');
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.locator('[data-group="binds"] rect[data-series="request"]').count()).toBe(1);
    expect(await chart.locator('[data-group="binds"] rect[data-series="supplementary"]').count()).toBe(1);
    // The chart follows the catalog a frame after the tree (useValueAfterPaint): polled, not read once.
    await expect.poll(() => chart.locator('[data-group="office-jsps-kakenhi"]').count()).toBe(1);
    expect(await chart.textContent()).toContain('革新的先端研究開発支援事業');
    await chart.locator('[data-group="binds"]').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/programs/binds');
  });

  it('refuses an invalid catalog file with plain-language problems and writes nothing', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    await page.evaluate(() => { window.location.hash = '#/programs'; });
    const bad = path.join(app.downloadsDir, 'bad-catalog.json');
    writeFileSync(bad, JSON.stringify({ edition: { id: 'x', fiscalYear: 2026, titleJa: '', titleEn: '', source: '', totals: {} }, programs: [{ id: 'Bad Id' }] }));
    const chooser = page.waitForEvent('filechooser');
    await page.click('[data-action="import-edition"]');
    await (await chooser).setFiles(bad);
    const panel = page.locator('.catalog-transfer [data-status="error"]');
    await expect.poll(() => panel.textContent()).toContain('取り込めません');
    expect(await panel.textContent()).toContain('半角の英小文字');
    expect((await countStores(page, ['programs'])).programs).toBe(0);

    // A good round trip: export the catalog as Excel, import it back (confirmed), and every program is stored by id.
    const download = page.waitForEvent('download');
    await page.click('[data-action="export-excel"]');
    const file = path.join(app.downloadsDir, 'catalog.xlsx');
    await (await download).saveAs(file);
    const chooser2 = page.waitForEvent('filechooser');
    await page.click('[data-action="import-edition"]');
    await (await chooser2).setFiles(file);
    await expect.poll(() => page.locator('.catalog-transfer [role="alertdialog"]').textContent()).toContain('48事業');
    await page.click('[data-action="confirm-import"]');
    await expect.poll(() => page.locator('.catalog-transfer [data-status="ok"]').textContent()).toContain('置換 48件');
    await page.evaluate(() => { window.location.hash = '#/programs/binds'; });
    await expect.poll(() => page.locator('.program-detail [data-field="request"]').textContent()).toBe('36億円（3,600,000,000円）');
    // The re-read catalog renders as a transition: the detail shows the stored edition once it has arrived.
    await expect.poll(() => page.locator('.program-detail').textContent()).toContain('版: mext-life-science-fy2025');
  });
});
