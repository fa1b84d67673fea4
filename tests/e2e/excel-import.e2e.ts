// The import wizard end to end in Chromium: a messy office sheet goes through the wizard (sheet found past the cover,
// problems listed per row, a mapping changed by hand, dry run, confirmed commit), then the exported standard
// workbook (the real download, parsed back) holds the right values, and re-importing it changes nothing.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { messyOfficeWorkbook, MESSY_ROWS } from '../shared/excel/fixtures';
import { readWorkbookGrids, writeWorkbookBytes } from '../../shared/excel/sheetjs';
import { runImportPipeline } from '../../shared/excel/import-pipeline';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { MILESTONE_KIND_LABELS, MILESTONE_STATUS_LABELS } from '../../shared/domain/labels';
import { generateStandardWorkbook } from '../../bench/generate';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('#import-file', { name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  await page.waitForSelector('[data-testid="import-counts"]');
}

async function summaryValue(page: Page, key: string): Promise<number> {
  return Number(await page.locator(`[data-testid="import-done"] tr[data-key="${key}"] td.num`).textContent());
}

async function exportStandard(page: Page, lang: 'en' | 'ja'): Promise<Uint8Array> {
  await page.selectOption('#export-lang', lang);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-standard"]')]);
  const path = await download.path();
  return new Uint8Array(readFileSync(path));
}

describe('Excel import wizard', () => {
  it('imports a messy office sheet and exports a standard workbook that round-trips', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click('nav a[data-screen="importExport"]');
    await upload(page, '課題台帳.xlsx', messyOfficeWorkbook());

    // The table sheet is chosen over the cover sheet, with its two-row header.
    expect(await page.inputValue('#import-sheet')).toBe('課題一覧');
    await expect.poll(() => page.locator('[data-testid="import-counts"]').textContent()).toBe('課題 5件・予算 7行・マイルストーン 2件'); // a '-' amount is 0 yen, stated
    // Every bad row is listed as an error.
    for (const row of [MESSY_ROWS.badDate, MESSY_ROWS.endBeforeStart, MESSY_ROWS.duplicateA, MESSY_ROWS.duplicateB, MESSY_ROWS.negative]) {
      await expect.poll(() => page.locator(`.review-row[data-row="${row}"][data-severity="error"]`).count()).toBeGreaterThan(0);
    }
    await expect.poll(() => page.locator(`.review-row[data-row="${MESSY_ROWS.unknownFunder}"][data-severity="warning"]`).count()).toBeGreaterThan(0);

    // A mapping changed by hand: the 備考 column (N) is not imported.
    await page.selectOption('select[data-column="13"]', 'ignore');
    await expect.poll(() => page.inputValue('select[data-column="13"]')).toBe('ignore');

    // Dry run: nothing stored yet, five projects would be added.
    await page.click('[data-testid="dry-run"]');
    await expect.poll(() => page.locator('[data-testid="dry-run-result"] tr[data-key="added"] td.num').textContent()).toBe('5');

    await page.click('[data-testid="import-start"]');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await summaryValue(page, 'added')).toBe(5);
    expect(await summaryValue(page, 'updated')).toBe(0);
    expect(await summaryValue(page, 'skipped')).toBeGreaterThanOrEqual(7);

    const bytes = await exportStandard(page, 'en');
    const { sheets } = readWorkbookGrids(bytes);
    // The standard workbook holds the planning sheets too, written even when they have no rows.
    expect(sheets.map((s) => s.name)).toEqual(['Projects', 'Budgets', 'Milestones', 'Applications', 'Requests', 'Researchers', 'Members']);
    const projects = sheets[0]!.rows;
    expect(projects[0]).toEqual(['Project ID', 'Title', 'PI', 'Department', 'Program ID', 'Program', 'Track', 'Start', 'End', 'Status', 'AMED No.', 'e-Rad No.', 'Notes', 'PI Position', 'PI Researcher No.']);
    const a1 = projects.find((r) => r[0] === 'A-001')!;
    expect(a1.slice(0, 5)).toEqual(['A-001', '新規医療機器の開発', '山田 太郎', '医学研究科', 'medical-device-development']);
    expect(a1[7]).toEqual({ kind: 'date', iso: '2025-04-01' });
    expect(a1[8]).toEqual({ kind: 'date', iso: '2028-03-31' });
    expect(a1[10]).toBe('25hk0102001h0001');
    const a3 = projects.find((r) => r[0] === 'A-003')!;
    expect(a3[7]).toEqual({ kind: 'date', iso: '2019-05-01' });
    const a11 = projects.find((r) => r[0] === 'A-011')!;
    expect(a11[4]).toBeNull();
    expect(a11[5]).toBe('〇〇記念財団 研究助成');
    const budgets = sheets[1]!.rows.slice(1);
    expect(budgets).toContainEqual(['A-001', 2025, 10_000_000, 3_000_000]);
    expect(budgets).toContainEqual(['A-002', 2025, 5_000_000, 1_500_000]);
    expect(budgets).toContainEqual(['A-004', 2025, 8_000_000, 2_400_000]);
    expect(budgets.some((r) => r[0] === 'A-002' && r[1] === 2026)).toBe(false);
    const milestones = sheets[2]!.rows.slice(1);
    expect(milestones.map((r) => r.slice(0, 5))).toContainEqual(['A-001', MILESTONE_KIND_LABELS['interim-evaluation'].en, '中間評価', { kind: 'date', iso: '2026-09-30' }, MILESTONE_STATUS_LABELS.planned.en]);

    // Re-importing the export changes nothing (no mapping step: it is recognised as a standard workbook).
    await page.click('text=別のファイルを取り込む');
    await upload(page, 'export.xlsx', bytes);
    await page.waitForSelector('[data-testid="standard-format"]');
    await page.click('[data-testid="import-start"]');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await summaryValue(page, 'added')).toBe(0);
    expect(await summaryValue(page, 'updated')).toBe(0);
    expect(await summaryValue(page, 'unchanged')).toBe(5);
    expect(errors).toEqual([]);
  });

  it('reads a big standard workbook in the import Worker and previews what the pipeline gives', async () => {
    const book = generateStandardWorkbook(7_000);
    const expected = runImportPipeline(book.bytes, { programs: BUILTIN_CATALOG.programs });
    if (!expected.ok) throw new Error(expected.message.en);
    const { projects, budgetLines, milestones, problems } = expected.result;
    const errorCount = problems.filter((p) => p.severity === 'error').length;
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click('nav a[data-screen="importExport"]');
    await upload(page, 'standard.xlsx', book.bytes);
    const numbers = async (testId: string) => ((await page.locator(`[data-testid="${testId}"]`).textContent()) ?? '').replace(/,/g, '').match(/\d+/g)?.map(Number);
    expect(await numbers('import-counts')).toEqual([projects.length, budgetLines.length, milestones.length]);
    expect(await numbers('import-problem-summary')).toEqual([errorCount, problems.length - errorCount]);
    expect(projects.length).toBe(book.projects);
    expect(errors).toEqual([]);
  });

  it('refuses a zip bomb before reading it and remembers a mapping for the next sheet of the same layout', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    await page.click('nav a[data-screen="importExport"]');
    // A workbook whose sheet part claims to unpack 500x larger than stored.
    const bomb = writeWorkbookBytes([{ name: 'S', rows: [['x']] }]);
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let eocd = bomb.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    const p = view.getUint32(eocd + 16, true);
    const local = view.getUint32(p + 42, true);
    const compressed = view.getUint32(p + 20, true);
    view.setUint32(p + 24, Math.max(2 * 1024 * 1024, compressed * 500), true);
    view.setUint32(local + 22, Math.max(2 * 1024 * 1024, compressed * 500), true);
    await page.setInputFiles('#import-file', { name: 'bomb.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(bomb) });
    await page.waitForSelector('[data-testid="import-refused"]');
    expect(await page.locator('[data-testid="import-refused"]').textContent()).toContain('圧縮率');

    // A file dropped anywhere on the window (here: on the navigation) opens the wizard.
    await page.click('nav a[data-screen="dashboard"]');
    const b64 = Buffer.from(messyOfficeWorkbook()).toString('base64');
    await page.evaluate((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'dropped.xlsx'));
      document.querySelector('nav')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, b64);
    await page.waitForSelector('[data-testid="import-counts"]');
    expect(await page.locator('main h1').first().textContent()).toBe('取込・出力');
    await page.selectOption('select[data-column="13"]', 'ignore');
    await expect.poll(() => page.inputValue('select[data-column="13"]')).toBe('ignore');
    await page.click('[data-testid="import-start"]');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-done"]');
    await page.click('text=別のファイルを取り込む');
    await upload(page, 'messy-again.xlsx', messyOfficeWorkbook());
    expect(await page.inputValue('select[data-column="13"]')).toBe('ignore');
    await page.click('[data-testid="import-start"]');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await summaryValue(page, 'added')).toBe(0);
    expect(await summaryValue(page, 'unchanged')).toBe(5);
  });

  it('shows the imported portfolio on the Reports screen, exports the reports workbook and offers the templates', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    await page.click('nav a[data-screen="importExport"]');
    const [template] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="template-ja"]')]);
    const templateSheets = readWorkbookGrids(new Uint8Array(readFileSync(await template.path()))).sheets;
    expect(templateSheets.map((s) => s.name)).toEqual(['記入方法', '課題', '予算', 'マイルストーン']);
    expect(templateSheets[1]!.rows[1]![0]).toBe('例-0001');

    await upload(page, 'messy.xlsx', messyOfficeWorkbook());
    await page.click('[data-testid="import-start"]');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-done"]');

    await page.click('nav a[data-screen="reports"]');
    await page.waitForSelector('[data-testid="report-by-program"]');
    const table = await page.locator('[data-testid="report-by-program"]').textContent();
    expect(table).toContain('医療機器等研究成果展開事業');
    expect(table).toContain('生命科学・創薬研究支援基盤事業');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-export"]')]);
    const sheets = readWorkbookGrids(new Uint8Array(readFileSync(await download.path()))).sheets;
    expect(sheets.map((s) => s.name)).toEqual(['事業別', '部局別', 'スケジュール', 'リスク', '事業概要', '採択率', '資金見通し', '資金見通し（内訳）']);
    expect(sheets[0]!.rows).toContainEqual(['医療機器等研究成果展開事業', 2025, '令和7年度', 10_000_000, 3_000_000, 13_000_000, 1]);
  });
});
