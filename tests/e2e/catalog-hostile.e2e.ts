// The hostile corpus through the Programs screen's 版を取り込む (catalog edition import), end to end in Chromium. An
// Excel edition is read like a project import (guarded, in a Worker), so the zip bomb is refused before it is
// inflated and never reaches the window's thread; every other hostile file gets a plain message; the window stays
// responsive, the page never crashes, and the catalog stores are exactly what they were.
import { afterEach, describe, expect, it } from 'vitest';
import { residentMb, startApp } from './harness';
import type { AppSession, Page } from './harness';
import { dumpStores } from './idb';
import { badValues, emptyFile, formulaSheet, hugeUsedRange, longCells, prototypeHeaders, textRenamedXlsx, truncatedXlsx, zipBomb } from '../hostile/corpus';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STORES = ['programs', 'editions', 'settings', 'auditLog'];

async function chooseEdition(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.locator('.catalog-transfer [data-status] button').click({ timeout: 1000 }).catch(() => undefined);
  const chooser = page.waitForEvent('filechooser');
  await page.click('[data-action="import-edition"]');
  await (await chooser).setFiles({ name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
}

async function errorText(page: Page, timeout = 60_000): Promise<string> {
  const panel = page.locator('.catalog-transfer [data-status="error"]');
  await panel.waitFor({ timeout });
  return (await panel.textContent()) ?? '';
}

async function importEdition(page: Page, name: string, bytes: Uint8Array): Promise<string> {
  await chooseEdition(page, name, bytes);
  return errorText(page);
}

/** The page answers a trivial evaluation within 2 s. */
async function answers(page: Page): Promise<boolean> {
  return Promise.race([page.evaluate(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000))]);
}

describe('catalog edition import of hostile files', () => {
  it('refuses the zip bomb in a Worker and explains every other hostile file, changing nothing', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    let crashed = false;
    page.on('crash', () => (crashed = true));
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.click('nav a[data-screen="programs"]');
    await page.waitForSelector('[data-action="import-edition"]');
    const before = await dumpStores(page, STORES);

    // The zip bomb: refused with the guard's reason before inflation; the window answers meanwhile and memory stays flat.
    const bomb = await zipBomb(1);
    const rssBefore = residentMb(app.processIds());
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      if (app) rssPeak = Math.max(rssPeak, residentMb(app.processIds()));
    }, 25);
    try {
      await chooseEdition(page, 'edition.xlsx', bomb);
      // Until the refusal shows, the window keeps answering (a read on its thread would hold it for a minute or die).
      const panel = page.locator('.catalog-transfer [data-status="error"]');
      const t0 = Date.now();
      while (!(await panel.count())) {
        expect(await answers(page)).toBe(true);
        expect(Date.now() - t0).toBeLessThan(30_000);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(await errorText(page)).toMatch(/展開すると1024 MBになるため、開きませんでした/);
    } finally {
      clearInterval(sampler);
    }
    expect(crashed).toBe(false);
    expect(rssPeak - rssBefore).toBeLessThan(200);
    expect(await answers(page)).toBe(true);

    // Broken files: the read is refused with the pipeline's reason.
    expect(await importEdition(page, 'empty.xlsx', emptyFile())).toMatch(/読めませんでした[\s\S]*ファイルが空です/);
    expect(await importEdition(page, 'truncated.xlsx', truncatedXlsx())).toMatch(/読めませんでした/);

    // Files that read but are no catalog: each is explained, none is taken.
    for (const [name, bytes] of [
      ['renamed.xlsx', textRenamedXlsx()],
      ['huge-range.xlsx', hugeUsedRange()],
      ['formulas.xlsx', formulaSheet()],
      ['proto.xlsx', prototypeHeaders()],
      ['long.xlsx', longCells()],
      ['bad-values.xlsx', badValues()],
    ] as const) {
      expect(await importEdition(page, name, bytes), name).toMatch(/何も変更していません/);
      expect(await page.locator('.catalog-transfer [role="alertdialog"]').count(), name).toBe(0);
    }
    expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, 'x') || ({} as Record<string, unknown>).y !== undefined)).toBe(false);

    expect(crashed).toBe(false);
    expect(await answers(page)).toBe(true);
    expect(await dumpStores(page, STORES)).toEqual(before);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
