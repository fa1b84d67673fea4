// The import's commit runs in the import Worker (issue 14): in Chromium, the other windows' screens (Dashboard
// counters, the project list) refresh from the Worker's write through Dexie's cross-context `storagemutated`; and the
// job's cancel button, pressed mid-commit, ends the Worker and its transaction, so nothing of the import is stored
// (checked straight in IndexedDB) and the next import runs to its end.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { generateStandardWorkbook } from '../../bench/generate';
import { GOOD_ROW, officeSheet } from '../hostile/corpus';
import { countStores } from './idb';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function chooseAndConfirm(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('#import-file', { name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  await page.waitForSelector('[data-testid="import-counts"]', { timeout: 60_000 });
  await page.click('[data-testid="import-start"]');
  await page.click('[data-testid="import-confirm"]');
}

type Counts = { projects: number; budgetLines: number; milestones: number; auditLog: number };
const counts = async (page: Page) => (await countStores(page, ['projects', 'budgetLines', 'milestones', 'auditLog'])) as Counts;

describe('import commit in the Worker', () => {
  it("refreshes the other windows' Dashboard counters and project list from the Worker's write", async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const dashboard = await page.context().newPage();
    await dashboard.goto(`${app.url}#/dashboard`);
    await dashboard.waitForSelector('section.dashboard[data-ready="true"]');
    const projects = await page.context().newPage();
    await projects.goto(`${app.url}#/projects`);
    await projects.waitForSelector('[data-testid="projects-count"]');
    const countSum = () => dashboard.locator('.status-counts .count-num').allTextContents().then((xs) => xs.reduce((n, x) => n + (Number(x) || 0), 0));
    expect(await countSum()).toBe(0);

    await page.click('nav a[data-screen="importExport"]');
    const book = generateStandardWorkbook(300, 3);
    await chooseAndConfirm(page, 'book.xlsx', book.bytes);
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 120_000 });
    expect((await counts(page)).projects).toBe(book.projects);

    // Neither window wrote anything: only the cross-context notice of the Worker's transaction tells them.
    await expect.poll(countSum, { timeout: 20_000 }).toBe(book.projects);
    await expect.poll(() => projects.locator('[data-testid="projects-count"]').textContent(), { timeout: 20_000 }).toContain(String(book.projects));
    expect(errors).toEqual([]);
  }, 180_000);

  it('cancelled mid-commit stores nothing of the import, and the next import runs to its end', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    await page.click('nav a[data-screen="importExport"]');
    await chooseAndConfirm(page, 'seed.xlsx', officeSheet([GOOD_ROW]));
    await page.waitForSelector('[data-testid="import-done"]');
    const before = await counts(page);
    expect(before.projects).toBe(1);

    const book = generateStandardWorkbook(6_000, 5);
    await page.click('[data-testid="import-done"] button');
    await chooseAndConfirm(page, 'large.xlsx', book.bytes);
    // Some chunks written inside the transaction (the bar has moved), then the job's cancel button.
    const bar = page.locator('[data-testid="import-job"] progress');
    await expect.poll(async () => Number((await bar.getAttribute('value', { timeout: 1000 }).catch(() => null)) ?? 0), { timeout: 120_000, interval: 10 }).toBeGreaterThan(0);
    expect(Number(await bar.getAttribute('value'))).toBeLessThan(100);
    await page.click('[data-testid="import-job-cancel"]');
    await page.waitForSelector('[data-testid="import-job"][data-phase="cancelled"]', { timeout: 30_000 });
    expect(await counts(page)).toEqual(before);

    // The file is chosen again (the Worker ended with it) and imported to the end.
    await chooseAndConfirm(page, 'large.xlsx', book.bytes);
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 180_000 });
    expect(await counts(page)).toEqual({ projects: 1 + book.projects, budgetLines: before.budgetLines + book.budgetLines, milestones: before.milestones + book.milestones, auditLog: before.auditLog + 1 });
  }, 420_000);
});
