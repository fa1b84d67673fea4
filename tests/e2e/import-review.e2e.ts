// The import wizard's review step end to end in Chromium: the rows shown as a grid with their problems, a bad cell
// fixed in place and the row checked again at once; the rows with errors saved as Excel, fixed there and imported
// again; a text file renamed .xlsx refused with the pipeline's own message.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { dumpStores } from './idb';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import type { Project } from '../../shared/domain/types';
import { runImportPipeline } from '../../shared/excel/import-pipeline';
import { readWorkbookGrids, writeWorkbookBytes } from '../../shared/excel/sheetjs';
import type { Cell } from '../../shared/excel/sheetjs';
import { GOOD_ROW, officeSheet, textRenamedXlsx } from '../hostile/corpus';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BAD_PERIOD: Cell[] = ['H-002', '期間が読めない課題', '佐藤 花子', '薬学研究科', 'BINDS', 'いつか', 5_000, 1_500];
const GOOD_2: Cell[] = ['H-004', '二件目の正常な課題', '田中 次郎', '理学研究科', 'BINDS', 'R7.4.1〜R8.3.31', 1_000, 300];
const BAD_DATE: Cell[] = ['H-003', '日付が存在しない課題', '鈴木 一郎', '工学研究科', 'BINDS', 'R7.2.30〜R9.3.31', 2_000, 600];
/** Sheet rows 4–7 (title, unit note and header above). Rows 5 and 7 have errors in column F. */
const SHEET = () => officeSheet([GOOD_ROW, BAD_PERIOD, GOOD_2, BAD_DATE]);

async function upload(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('#import-file', { name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
}

const counts = (page: Page) => page.locator('[data-testid="import-counts"]').textContent();
const severity = (page: Page, row: number) => page.locator(`.review-row[data-row="${row}"]`).getAttribute('data-severity');

async function commit(page: Page): Promise<number> {
  await page.click('[data-testid="import-start"]');
  await page.click('[data-testid="import-confirm"]');
  await page.waitForSelector('[data-testid="import-done"]');
  return Number(await page.locator('[data-testid="import-done"] tr[data-key="added"] td.num').textContent());
}

async function storedProjects(page: Page): Promise<Project[]> {
  return (await dumpStores(page, ['projects'])).projects as Project[];
}

describe('import review step', () => {
  it('shows the rows as a grid and re-checks a row as soon as a bad cell is fixed in place', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.click('nav a[data-screen="importExport"]');
    await upload(page, 'review.xlsx', SHEET());

    await expect.poll(() => counts(page)).toMatch(/^課題 2件/);
    await expect.poll(() => page.locator('[data-testid="review-grid"] .review-row[data-row]').count()).toBe(4);
    expect(await severity(page, 5)).toBe('error');
    expect(await severity(page, 7)).toBe('error');
    const bad = page.locator('.review-row[data-row="5"] [data-col="F"]');
    expect(await bad.getAttribute('class')).toMatch(/bad error/);
    expect(await bad.textContent()).toBe('いつか');
    expect(await page.locator('.review-row[data-row="5"] .review-problems').textContent()).toMatch(/F列: .*期間（開始〜終了）として読めません/);

    // Only the rows with problems, then all again.
    await page.check('[data-testid="review-only-problems"]');
    await expect.poll(() => page.locator('.review-row[data-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual(['5', '7']);
    await page.uncheck('[data-testid="review-only-problems"]');

    // The bad period fixed in place: the row is valid at once and one more project would be imported.
    await bad.locator('button').click();
    const input = page.locator('.review-row[data-row="5"] [data-col="F"] input');
    expect(await input.inputValue()).toBe('いつか');
    await input.fill('R7.4.1〜R9.3.31');
    await input.press('Enter');
    await expect.poll(() => severity(page, 5)).not.toBe('error');
    await expect.poll(() => counts(page)).toMatch(/^課題 3件/);
    // The cell may show '…' for a moment while the grid refreshes the re-checked row: it ends with the fixed text.
    await expect.poll(() => page.locator('.review-row[data-row="5"] [data-col="F"]').textContent()).toBe('R7.4.1〜R9.3.31');
    expect(await severity(page, 7)).toBe('error');

    expect(await commit(page)).toBe(3);
    const fixed = (await storedProjects(page)).find((p) => p.code === 'H-002');
    expect(fixed).toMatchObject({ title: '期間が読めない課題', startDate: '2025-04-01', endDate: '2027-03-31' });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('saves the rows with errors as Excel, which fixed there import again', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    await page.click('nav a[data-screen="importExport"]');
    await upload(page, 'review.xlsx', SHEET());
    await expect.poll(() => counts(page)).toMatch(/^課題 2件/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="save-problem-rows"]')]);
    expect(download.suggestedFilename()).toBe('review-problems.xlsx');
    const saved = new Uint8Array(readFileSync(await download.path()));
    await expect.poll(() => page.locator('[data-testid="review-note"]').textContent()).toMatch(/エラーのある行を保存しました/);
    const grid = readWorkbookGrids(saved).sheets[0]!;
    // Title, unit note and header as in the source, a message column, then only the two rows with errors.
    expect(grid.rows.slice(0, 2)).toEqual([['令和7年度 AMED課題一覧'], ['（単位：千円）']]);
    expect(grid.rows[2]!.at(-1)).toBe('取り込みの問題');
    expect(grid.rows.slice(3).map((r) => r.slice(0, 8))).toEqual([BAD_PERIOD, BAD_DATE]);
    expect(grid.rows[4]![8]).toMatch(/^F列: /);

    // The rest goes in now.
    expect(await commit(page)).toBe(2);

    // Fixed in Excel and imported again: both rows go in, with their amounts read in 千円 as in the source.
    grid.rows[3]![5] = 'R7.4.1〜R9.3.31';
    grid.rows[4]![5] = 'R7.3.1〜R9.3.31';
    await page.click('[data-testid="import-done"] button');
    await upload(page, 'review-problems.xlsx', writeWorkbookBytes([{ name: grid.name, rows: grid.rows }]));
    await expect.poll(() => counts(page)).toMatch(/^課題 2件/);
    expect(await page.locator('[data-testid="import-problem-summary"]').textContent()).toMatch(/^エラー 0件/);
    expect(await commit(page)).toBe(2);
    const stored = await storedProjects(page);
    expect(stored.map((p) => p.code).sort()).toEqual(['H-001', 'H-002', 'H-003', 'H-004']);
    expect(stored.find((p) => p.code === 'H-003')).toMatchObject({ startDate: '2025-03-01', endDate: '2027-03-31' });
    const budgets = (await dumpStores(page, ['budgetLines'])).budgetLines as { projectId: string; directYen: number }[];
    const h3 = stored.find((p) => p.code === 'H-003')!;
    expect(budgets.find((b) => b.projectId === h3.id)?.directYen).toBe(2_000_000);
  }, 120_000);

  // The pipeline refuses a text file renamed .xlsx (issue 13 item 8); the wizard must show that refusal as it is.
  const renamed = textRenamedXlsx();
  const options = { programs: BUILTIN_CATALOG.programs, fileName: 'renamed.xlsx' };
  const verdict = runImportPipeline(renamed, options);
  it('refuses a text file renamed .xlsx with the pipeline’s message, not a missing header row', async () => {
    if (verdict.ok) throw new Error('the pipeline read a text file named .xlsx instead of refusing it');
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    await page.click('nav a[data-screen="importExport"]');
    await upload(page, 'renamed.xlsx', renamed);
    await page.waitForSelector('[data-testid="import-refused"]', { timeout: 60_000 });
    const text = (await page.locator('[data-testid="import-refused"]').textContent()) ?? '';
    expect(text).toContain(verdict.message.ja);
    expect(text).not.toMatch(/見出し行/);
    expect(await page.locator('.import-wizard').count()).toBe(0);
  }, 60_000);
});
