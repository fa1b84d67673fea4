// Guards against costly slips in Chromium: several projects to the trash at once needs a confirmation and one Undo
// brings them all back (600 of them through the bulk-change Worker, both ways); when the automatic backup before an import cannot be written, nothing is imported unless the
// user explicitly chooses to go on without it.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { countStores } from './idb';
import { GOOD_ROW, officeSheet } from '../hostile/corpus';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const row = (code: string, title: string) => [code, title, '山田 太郎', '医学研究科', 'BINDS', 'R7.4.1〜R9.3.31', 1_000, 300];

async function startImport(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('#import-file', { name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  await page.waitForSelector('[data-testid="import-counts"]');
  await page.click('[data-testid="import-start"]');
  await page.click('[data-testid="import-confirm"]');
}

const liveCount = async (page: Page) => Number(/全 (\d+) 件/.exec((await page.getByTestId('projects-count').textContent()) ?? '')?.[1]);

describe('guards', () => {
  it('bulk-deletes with confirmation and undoes it in one step', async () => {
    app = await startApp();
    const page = app.page;
    await page.click('nav a[data-screen="importExport"]');
    await startImport(page, 'four.xlsx', officeSheet([GOOD_ROW, row('H-002', '二'), row('H-003', '三'), row('H-004', '四')]));
    await page.waitForSelector('[data-testid="import-done"]');

    await page.click('nav a[data-screen="projects"]');
    await expect.poll(() => liveCount(page)).toBe(4);
    await page.click('.vtable-row[data-code="H-001"]');
    await page.click('.vtable-row[data-code="H-003"]', { modifiers: ['Shift'] });
    await page.click('.vtable-row[data-code="H-004"]', { modifiers: ['Control'] });
    await page.click('.vtable-row[data-code="H-002"]', { modifiers: ['Control'] });
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toMatch(/^3件を選択中/);
    expect(await page.locator('.vtable-row.marked').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(['H-001', 'H-003', 'H-004']);

    // Nothing happens before the confirmation; cancelling keeps everything.
    await page.click('[data-testid="bulk-delete"]');
    await expect.poll(() => page.locator('[role="alertdialog"]').textContent()).toMatch(/3件の課題をゴミ箱へ移動します/);
    await page.click('[role="alertdialog"] button:first-child');
    expect(await liveCount(page)).toBe(4);
    await page.click('[data-testid="bulk-delete"]');
    await page.click('[data-testid="bulk-confirm"]');
    await expect.poll(() => page.getByTestId('projects-status').textContent()).toMatch(/3件をゴミ箱へ移動しました/);
    await expect.poll(() => liveCount(page)).toBe(1);
    expect(await page.getByTestId('bulk-bar').count()).toBe(0);

    await page.click('.undo-button');
    await expect.poll(() => liveCount(page)).toBe(4);
    expect(await countStores(page, ['projects'])).toEqual({ projects: 4 });
  });

  it('moves 600 projects to the trash and back in the bulk-change Worker, the counts and the undo button following', async () => {
    app = await startApp();
    const page = app.page;
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.click('nav a[data-screen="importExport"]');
    const codes = Array.from({ length: 600 }, (_, i) => `W-${String(i).padStart(3, '0')}`);
    await startImport(page, 'many.xlsx', officeSheet(codes.map((c) => row(c, `課題 ${c}`))));
    await page.waitForSelector('[data-testid="import-done"]');

    await page.click('nav a[data-screen="projects"]');
    await expect.poll(() => liveCount(page)).toBe(600);
    // The first row, then a Shift-click on the last one (scrolled into view): all 600 marked.
    await page.click('.vtable-row[data-code="W-000"]');
    await page.evaluate(() => {
      const grid = document.querySelector<HTMLElement>('[data-testid="project-rows"]')!;
      grid.scrollTop = grid.scrollHeight;
    });
    await page.click('.vtable-row[data-code="W-599"]', { modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toMatch(/^600件を選択中/);
    await page.click('[data-testid="bulk-delete"]');
    await page.click('[data-testid="bulk-confirm"]');
    await expect.poll(() => page.getByTestId('projects-status').textContent()).toMatch(/600件をゴミ箱へ移動しました/);
    await expect.poll(() => liveCount(page)).toBe(0);
    expect(workers.some((u) => u.includes('bulk-change'))).toBe(true);

    // 600 entries: the undo runs in a Worker of its own too, and the list hears of its write from there.
    const before = workers.filter((u) => u.includes('bulk-change')).length;
    await page.click('.undo-button');
    await expect.poll(() => liveCount(page)).toBe(600);
    expect(workers.filter((u) => u.includes('bulk-change')).length).toBe(before + 1);
    expect(await countStores(page, ['projects'])).toEqual({ projects: 600 });
    // Undone: the undo button now offers the import's barrier, not the trash again.
    await page.click('.undo-button');
    await expect.poll(() => page.getByTestId('undo-backups-link').count()).toBe(1);
    expect(await liveCount(page)).toBe(600);
  });

  it('asks before importing without the automatic backup, and imports nothing unless told to', async () => {
    app = await startApp();
    const page = app.page;
    await page.click('nav a[data-screen="importExport"]');
    await startImport(page, 'seed.xlsx', officeSheet([GOOD_ROW]));
    await page.waitForSelector('[data-testid="import-done"]');
    await page.click('[data-testid="import-done"] button');

    // Make the backup store unusable: a newer version of it now exists, so the app cannot open it to write.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('grant-portfolio-snapshots', 999);
          r.onsuccess = () => {
            r.result.close();
            resolve();
          };
          r.onerror = () => reject(r.error);
        }),
    );
    await startImport(page, 'more.xlsx', officeSheet([row('H-010', '追加')]));
    await expect.poll(() => page.getByTestId('import-backup-failed').textContent()).toMatch(/自動バックアップを保存できませんでした。まだ何も取り込んでいません/);
    expect(await countStores(page, ['projects'])).toEqual({ projects: 1 });
    // Back to the preview: still nothing imported.
    await page.click('[data-testid="import-backup-failed"] button.primary');
    await page.waitForSelector('[data-testid="import-start"]');
    expect(await countStores(page, ['projects'])).toEqual({ projects: 1 });
    // Going on without a backup is an explicit choice.
    await page.click('[data-testid="import-start"]');
    await page.click('[data-testid="import-confirm"]');
    await page.click('[data-testid="import-without-backup"]');
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await page.locator('[data-testid="import-backed-up"]').count()).toBe(0);
    expect(await countStores(page, ['projects'])).toEqual({ projects: 2 });
  });
});
