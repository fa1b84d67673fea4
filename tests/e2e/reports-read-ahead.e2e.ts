// The Reports screen read ahead after start (main.tsx → readReportsAhead): the screen shows the same reports whether
// it is opened before the read-ahead ran or after it, and a write made after the read-ahead but before the first open
// is shown, never the reports built ahead.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { importGeneratedBook } from './steps';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The Reports screen opened from the side navigation: the money by program and by department, as shown. */
async function openReports(page: Page): Promise<{ byProgram: string; byDepartment: string }> {
  await page.click('nav a[data-screen="reports"]');
  await page.waitForSelector('section.reports[data-ready="true"]', { timeout: 60_000 });
  const text = async (id: string) => {
    const table = page.locator(`[data-testid="${id}"]`);
    await table.waitFor({ timeout: 20_000 });
    return (await table.textContent()) ?? '';
  };
  return { byProgram: await text('report-by-program'), byDepartment: await text('report-by-department') };
}

/** The report Worker is started by the read-ahead (or by the screen): wait until it runs, then for its build. */
async function readAheadDone(page: Page): Promise<void> {
  await expect.poll(() => page.workers().some((w) => w.url().includes('report')), { timeout: 30_000 }).toBe(true);
  // 300 projects are read and aggregated in milliseconds; the margin is for a loaded machine.
  await page.waitForTimeout(3_000);
}

describe('reports read ahead', () => {
  it('shows the same reports opened before and after the read-ahead, and a write made before the first open', async () => {
    app = await startApp();
    await importGeneratedBook(app.page, 300);

    // Opened at once after a start: before the read-ahead (it waits for the app to be idle and the user to pause).
    let page = await app.restart();
    await page.waitForSelector('section.dashboard[data-ready="true"]');
    expect(page.workers().some((w) => w.url().includes('report'))).toBe(false);
    const early = await openReports(page);
    expect(early.byProgram).not.toBe('');

    // Opened after the read-ahead finished: the same reports.
    page = await app.restart();
    await page.waitForSelector('section.dashboard[data-ready="true"]');
    await readAheadDone(page);
    expect(await openReports(page)).toEqual(early);

    // Read ahead, then 20 projects added by an import before the first open: the reports include them, as a page
    // started after the import shows them.
    page = await app.restart();
    await page.waitForSelector('section.dashboard[data-ready="true"]');
    await readAheadDone(page);
    await importGeneratedBook(page, 320);
    const after = await openReports(page);
    expect(after).not.toEqual(early);
    page = await app.restart();
    await page.waitForSelector('section.dashboard[data-ready="true"]');
    expect(await openReports(page)).toEqual(after);
  });
});
