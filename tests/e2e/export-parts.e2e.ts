// The standard-workbook export written in parallel parts, end to end: a portfolio of several hundred projects is
// imported, exported (three part Workers, assembled into one file), and the download holds exactly the rows of the
// imported workbook in both languages and re-imports with nothing changed.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import type { BudgetLine, Milestone, MilestoneKind, MilestoneStatus, Project, ProjectStatus } from '../../shared/domain/types';
import { readWorkbookGrids, writeWorkbookBytes } from '../../shared/excel/sheetjs';
import type { Cell } from '../../shared/excel/sheetjs';
import { standardWorkbookSheets } from '../../shared/excel/standard-workbook';
import type { WorkbookLanguage } from '../../shared/excel/standard-workbook';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COUNT = 400;
const programs = BUILTIN_CATALOG.programs;

/** A varied portfolio: every status, open-ended projects, formula-like and multi-line text, done milestones. */
function portfolio() {
  const statuses: ProjectStatus[] = ['applying', 'active', 'completed', 'terminated'];
  const kinds: MilestoneKind[] = ['stage-gate', 'interim-evaluation', 'annual-report', 'other'];
  const mstatuses: MilestoneStatus[] = ['planned', 'submitted', 'passed', 'done'];
  const mains = programs.filter((p) => p.parentId === null);
  const projects: Project[] = [];
  const budgetLines: BudgetLine[] = [];
  const milestones: Milestone[] = [];
  for (let i = 0; i < COUNT; i++) {
    const id = `p${i}`;
    const year = 2021 + (i % 5);
    const program = i % 7 === 0 ? null : mains[i % mains.length]!;
    projects.push({
      id, code: `E-${String(i + 1).padStart(4, '0')}`, title: i % 50 === 0 ? `=課題${i}` : `研究開発課題 ${i + 1}`, pi: `研究者 ${i % 37}`, piPosition: '', piResearcherNumber: '',
      department: ['医学研究科', '工学研究科', '薬学研究科'][i % 3]!, coInvestigators: [], partners: [], programId: program?.id ?? null, trackId: null,
      funderName: program ? '' : '〇〇財団 研究助成', amedNumber: i % 2 ? `JP${year % 100}am${String(i).padStart(7, '0')}` : '', eradNumber: i % 3 ? String(20_000_000 + i) : '',
      startDate: `${year}-04-01`, endDate: i % 11 === 0 ? null : `${year + 3}-03-31`, status: statuses[i % 4]!, tags: [],
      notes: i % 13 === 0 ? `+81 備考 ${i}` : i % 17 === 0 ? '複数行の\n備考' : '', archived: false, deletedAt: null, createdAt: '', updatedAt: '',
    });
    for (let fy = year; fy < year + 2; fy++) budgetLines.push({ id: `b${i}-${fy}`, projectId: id, fiscalYear: fy, directYen: 1_000_000 * (1 + (i % 90)) + fy, indirectYen: 300_000 * (1 + (i % 90)) });
    for (let k = 0; k < 2; k++) {
      const status = mstatuses[(i + k) % 4]!;
      milestones.push({
        id: `m${i}-${k}`, projectId: id, kind: kinds[(i + k) % 4]!, title: `マイルストーン ${k + 1}`, dueDate: `${year + k + 1}-09-30`, status,
        doneDate: status === 'done' ? `${year + k + 1}-09-15` : null, notes: k ? '' : `@メモ ${i}`, origin: 'user',
      });
    }
  }
  return { projects, budgetLines, milestones, programs };
}

/** Rows of each sheet, header first, the rest sorted (the export orders rows by stored id, not by code). */
function sortedGrids(bytes: Uint8Array): { name: string; rows: Cell[][] }[] {
  const key = (r: Cell[]) => JSON.stringify(r);
  return readWorkbookGrids(bytes).sheets.map((s) => ({ name: s.name, rows: [s.rows[0]!, ...s.rows.slice(1).sort((a, b) => (key(a) < key(b) ? -1 : 1))] }));
}

async function exportStandard(page: Page, lang: WorkbookLanguage): Promise<Uint8Array> {
  await page.selectOption('#export-lang', lang);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-standard"]')]);
  await expect.poll(() => page.locator('[data-testid="export-status"]').textContent()).not.toBe('');
  return new Uint8Array(readFileSync(await download.path()));
}

async function importFile(page: Page, name: string, bytes: Uint8Array): Promise<Record<string, number>> {
  await page.setInputFiles('#import-file', { name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  await page.waitForSelector('[data-testid="standard-format"]');
  await page.click('[data-testid="import-start"]');
  await page.click('[data-testid="import-confirm"]');
  await page.waitForSelector('[data-testid="import-done"]');
  const value = async (key: string) => Number(await page.locator(`[data-testid="import-done"] tr[data-key="${key}"] td.num`).textContent());
  return { added: await value('added'), updated: await value('updated'), unchanged: await value('unchanged') };
}

describe('export in parallel parts', () => {
  it('exports several hundred projects that match the imported workbook and re-import unchanged', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Two part Workers are started ahead when the screen opens and kept between exports.
    let partWorkersStarted = 0;
    let partWorkersEnded = 0;
    page.on('worker', (w) => {
      if (!w.url().includes('export.worker')) return;
      partWorkersStarted++;
      w.on('close', () => partWorkersEnded++);
    });
    await page.click('nav a[data-screen="importExport"]');

    const data = portfolio();
    const source = { ja: writeWorkbookBytes(standardWorkbookSheets({ ...data, lang: 'ja' })), en: writeWorkbookBytes(standardWorkbookSheets({ ...data, lang: 'en' })) };
    expect(await importFile(page, 'portfolio.xlsx', source.ja)).toEqual({ added: COUNT, updated: 0, unchanged: 0 });

    const exported: Record<WorkbookLanguage, Uint8Array> = { ja: new Uint8Array(), en: new Uint8Array() };
    for (const lang of ['ja', 'en'] as const) {
      exported[lang] = await exportStandard(page, lang);
      // Written in parts (not the single-transaction fallback) by the two Workers started with the screen.
      await expect(page.locator('[data-testid="export-status"]').getAttribute('data-export-path')).resolves.toBe('parts');
      expect([partWorkersStarted, partWorkersEnded]).toEqual([2, 0]);
      const got = sortedGrids(exported[lang]);
      // The four planning sheets follow, header only (no applications, researchers or members were imported).
      expect(got.map((s) => s.rows.length)).toEqual([COUNT + 1, 2 * COUNT + 1, 2 * COUNT + 1, 1, 1, 1, 1]);
      // The Program column keeps the name stored by the (Japanese) import, so the English export is compared without it.
      const comparable = (grids: ReturnType<typeof sortedGrids>) =>
        lang === 'ja' ? grids : grids.map((s, i) => (i ? s : { ...s, rows: s.rows.map((r) => r.filter((_, c) => c !== 5)) }));
      expect(comparable(got.slice(0, 3))).toEqual(comparable(sortedGrids(source[lang])));
    }

    await page.click('text=別のファイルを取り込む');
    expect(await importFile(page, 'export.xlsx', exported.en)).toEqual({ added: 0, updated: 0, unchanged: COUNT });
    expect(errors).toEqual([]);
    // Leaving the screen ends them.
    await page.click('nav a[data-screen="dashboard"]');
    await expect.poll(() => partWorkersEnded).toBe(2);
  });
});
