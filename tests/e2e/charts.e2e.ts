// The shared bar chart in the browser: an accessible name and a hidden data table, a tooltip on keyboard focus, the
// legend, and "save as image" writing a real PNG and a standalone SVG (drawn from the built-in catalog's budgets).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startApp } from './harness';
import type { AppSession } from './harness';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('bar chart', () => {
  it('reads out its data, shows a tooltip on focus and saves itself as PNG and SVG', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.evaluate(() => { window.location.hash = '#/programs'; });
    await page.click('[data-tab="chart"]');
    const figure = page.locator('figure.gp-bar-chart');
    await expect.poll(() => figure.count()).toBe(1);

    const svg = figure.locator('svg.gp-bar-chart-svg');
    expect(await svg.getAttribute('aria-label')).toBeTruthy();
    const groups = await svg.locator('[data-group]').count();
    expect(groups).toBeGreaterThan(3);
    // The hidden table has one row per group and a column per legend entry.
    const table = figure.locator('table.visually-hidden');
    expect(await table.locator('tbody tr').count()).toBe(groups);
    expect(await table.locator('thead th').count()).toBe(1 + (await svg.locator('[data-legend]').count()));
    expect(await table.textContent()).toContain('革新的先端研究開発支援事業');

    await svg.locator('[data-group="binds"]').focus();
    const tooltip = figure.locator('[role="tooltip"]');
    await expect.poll(() => tooltip.textContent()).toContain('億円');

    const [png] = await Promise.all([page.waitForEvent('download'), figure.locator('[data-action="chart-save-png"]').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngBytes = readFileSync((await png.path())!);
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const widthPx = pngBytes.readUInt32BE(16);
    expect(widthPx).toBeGreaterThanOrEqual(2 * 360);

    const [svgFile] = await Promise.all([page.waitForEvent('download'), figure.locator('[data-action="chart-save-svg"]').click()]);
    const text = readFileSync((await svgFile.path())!, 'utf8');
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('data-series="request"');
    expect(text).toContain('data-legend="supplementary"');
    expect(errors).toEqual([]);
  });
});
