// Steps several e2e files take the same way: a generated standard workbook imported through the wizard, and a store's
// next put made to fail (as a full disk would) to test what a screen does when its write is refused.
import type { Page } from './harness';
import { generateStandardWorkbook } from '../../bench/generate';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Imports a generated standard workbook of `projects` projects (`milestones` each) through the Import/Export screen. */
export async function importGeneratedBook(page: Page, projects: number, milestones = 5): Promise<void> {
  await page.click('nav a[data-screen="importExport"]');
  await page.setInputFiles('#import-file', { name: 'book.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(generateStandardWorkbook(projects, milestones).bytes) });
  await page.waitForSelector('[data-testid="import-counts"]', { timeout: 60_000 });
  await page.click('[data-testid="import-start"]');
  await page.click('[data-testid="import-confirm"]');
  await page.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 });
}

/** Makes the page's next `put` into object store `store` throw a QuotaExceededError (once; later puts work again). */
export async function failNextPut(page: Page, store: string): Promise<void> {
  await page.evaluate((name) => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name !== name) return put.apply(this, args);
      IDBObjectStore.prototype.put = put;
      throw new DOMException('disk full (test)', 'QuotaExceededError');
    };
  }, store);
}
