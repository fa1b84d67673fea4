// The import wizard's Worker client end to end in Chromium (issue 15, defect 2). A cancelled load's timer must end
// only its own Worker, never the newer one holding the current preview; a Worker started again after a crash must
// answer a re-parse (it holds no workbook) instead of leaving the screen waiting for the 180 s timeout. The first
// test shortens a call's timeout to a few seconds with the import's one test knob, `?importTimeoutMs=`.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import type { Cell } from '../../shared/excel/sheetjs';
import { GOOD_ROW, officeSheet } from '../hostile/corpus';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TIMEOUT_MS = 4_000;
const BAD_PERIOD: Cell[] = ['H-002', '期間が読めない課題', '佐藤 花子', '薬学研究科', 'BINDS', 'いつか', 5_000, 1_500];
/** Sheet rows 4 and 5; row 5's period (column F, index 5) cannot be read. */
const SMALL = () => officeSheet([GOOD_ROW, BAD_PERIOD]);
/** Big enough that its load is still running when the test cancels it. */
function bigSheet(): Uint8Array {
  const rows: Cell[][] = [];
  for (let i = 0; i < 20_000; i++) rows.push([`B-${i}`, `大きな課題 ${i}`, '山田 太郎', '医学研究科', 'BINDS', 'R7.4.1〜R9.3.31', 1_000 + i, 300]);
  return officeSheet(rows);
}

async function upload(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('#import-file', { name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
}

const severity = (page: Page, row: number) => page.locator(`.review-row[data-row="${row}"]`).getAttribute('data-severity');
/** The next import Worker the page starts (the Dashboard and the export start Workers of their own). */
const nextImportWorker = (page: Page) => page.waitForEvent('worker', { predicate: (w) => /import\.worker/.test(w.url()) });
const panels = (page: Page) => page.locator('[data-testid="import-refused"], [data-testid="import-failed"]').count();

/** Opens the Import screen on a fresh load of the app, with `query` in its address. */
async function openImport(session: AppSession, query = ''): Promise<{ page: Page; pageErrors: string[] }> {
  const page = session.page;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${session.url}${query}`);
  await page.click('nav a[data-screen="importExport"]');
  return { page, pageErrors };
}

/** The preview answers a mapping change: column F ignored, row 5 is no longer an error (and back). */
async function expectMappingAnswered(page: Page): Promise<void> {
  expect(await severity(page, 5)).toBe('error');
  await page.selectOption('select[data-column="5"]', 'ignore');
  await expect.poll(() => severity(page, 5), { timeout: 3_000 }).not.toBe('error');
  expect(await panels(page)).toBe(0);
}

describe('import Worker client in the wizard', () => {
  it("keeps the preview's Worker alive past a cancelled load's timeout", async () => {
    app = await startApp({ locale: 'ja-JP' });
    const { page, pageErrors } = await openImport(app, `?importTimeoutMs=${TIMEOUT_MS}`);
    const big = bigSheet();

    // A load starts (its Worker and its timer with it) and is cancelled while it reads.
    const firstWorker = nextImportWorker(page);
    await upload(page, 'big.xlsx', big);
    await firstWorker;
    const firstCall = Date.now();
    await page.click('[data-testid="import-cancel-reading"]');
    await page.waitForSelector('#import-file');

    // Another file, read by a new Worker well before the cancelled call's timer fires.
    await upload(page, 'small.xlsx', SMALL());
    await expect.poll(() => severity(page, 5), { timeout: TIMEOUT_MS - 500 }).toBe('error');
    expect(Date.now() - firstCall).toBeLessThan(TIMEOUT_MS);

    // Past the cancelled call's timeout: the preview's Worker still holds the workbook and answers.
    await page.waitForTimeout(Math.max(0, firstCall + TIMEOUT_MS + 1_000 - Date.now()));
    await expectMappingAnswered(page);
    await page.selectOption('select[data-column="5"]', 'period');
    await expect.poll(() => severity(page, 5), { timeout: 3_000 }).toBe('error');
    expect(await panels(page)).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('answers a re-parse after the Worker was started again, instead of waiting for the timeout', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const { page, pageErrors } = await openImport(app);
    const worker = nextImportWorker(page);
    await upload(page, 'small.xlsx', SMALL());
    await expect.poll(() => severity(page, 5), { timeout: 10_000 }).toBe('error');

    // The Worker holding the workbook crashes; the next call starts a fresh Worker that holds nothing.
    const crashed = (await worker).evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated crash');
      });
    });
    await crashed;
    await page.waitForTimeout(500);
    await page.selectOption('select[data-column="5"]', 'ignore');

    // An answer within seconds (not the 180 s timeout): choose the file again; doing so gives the preview back.
    await expect.poll(() => page.locator('[data-testid="import-refused"]').textContent(), { timeout: 10_000 }).toMatch(/もう一度ファイルを選んでください/);
    await upload(page, 'small.xlsx', SMALL());
    await expect.poll(() => severity(page, 5), { timeout: 10_000 }).toBe('error');
    await expectMappingAnswered(page);
    expect(pageErrors).toEqual([]);
  });
});
