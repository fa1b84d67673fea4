// Crash safety in Chromium: the browser is killed (SIGKILL, no clean shutdown) in the middle of a large import's
// commit; after a relaunch on the same profile the database holds exactly the data from before the import or the
// whole import, never a part, and the automatic backup taken before the import is there.
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

type Counts = { projects: number; budgetLines: number; milestones: number; auditLog: number };
const tableCounts = async (page: Page) => (await countStores(page, ['projects', 'budgetLines', 'milestones', 'auditLog'])) as Counts;

async function importFile(page: Page, name: string, bytes: Uint8Array, timeout = 120_000): Promise<void> {
  await page.setInputFiles('#import-file', { name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  await page.waitForSelector('[data-testid="import-counts"]', { timeout });
  await page.click('[data-testid="import-start"]');
  await page.click('[data-testid="import-confirm"]');
}

describe('crash during an import', () => {
  it('keeps the data from before or the whole import after the browser is killed mid-commit', async () => {
    app = await startApp();
    let page = app.page;
    await page.click('nav a[data-screen="importExport"]');
    // The data from before: three projects with budget lines.
    const seed = officeSheet([GOOD_ROW, ['H-002', '二件目', '佐藤 花子', '薬学研究科', 'BINDS', 'R7.4.1〜R9.3.31', 5_000, 1_500], ['H-003', '三件目', '鈴木 一郎', '工学研究科', 'BINDS', 'R6.4.1〜R8.3.31', 2_000, 600]]);
    await importFile(page, 'seed.xlsx', seed);
    await page.waitForSelector('[data-testid="import-done"]');
    const before = await tableCounts(page);
    expect(before.projects).toBe(3);

    const N = 12_000;
    const book = generateStandardWorkbook(N, 7);
    await page.click('[data-testid="import-done"] button');
    await importFile(page, 'large.xlsx', book.bytes);
    // Wait until the commit (in the import Worker) has written a third of the projects (but not all), then kill every
    // Chromium process at once. The job's bar counts in percent.
    const progress = page.locator('[data-testid="import-job"] progress');
    await expect.poll(async () => Number((await progress.getAttribute('value', { timeout: 1000 }).catch(() => null)) ?? 0), { timeout: 120_000, interval: 10 }).toBeGreaterThan(100 / 3);
    const [value, max] = [Number(await progress.getAttribute('value')), Number(await progress.getAttribute('max'))];
    expect(value).toBeLessThan(max);
    await app.crash();

    page = await app.restart();
    await page.waitForSelector('nav a[data-screen="settings"]');
    const after = await tableCounts(page);
    const whole = { projects: 3 + book.projects, budgetLines: before.budgetLines + book.budgetLines, milestones: before.milestones + book.milestones, auditLog: before.auditLog + 1 };
    // All or nothing: either exactly the counts from before, or exactly those plus the whole workbook.
    const outcome = after.projects === before.projects ? 'before' : 'whole';
    console.log(`killed at ${value}/${max}; after restart the database holds ${outcome === 'before' ? 'the data from before' : 'the whole import'}`);
    expect(after).toEqual(outcome === 'before' ? before : whole);

    // The automatic backup from before the import survived the crash (it was written before any import row).
    await page.click('nav a[data-screen="settings"]');
    await expect.poll(() => page.locator('[data-testid="snapshot-list"]').textContent()).toMatch(/before-import/);

    // The app still works on the same data: the import can be run again to the end.
    await page.click('nav a[data-screen="importExport"]');
    await importFile(page, 'large.xlsx', book.bytes);
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 180_000 });
    expect(await tableCounts(page)).toEqual({ ...whole, auditLog: whole.auditLog + (outcome === 'before' ? 0 : 1) });
  }, 420_000);
});
