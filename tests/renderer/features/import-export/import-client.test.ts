// The wizard's import client against the real import Worker API, served over a MessageChannel as the Worker serves
// it: the page gets the parse's head and counts (the records stay in the Worker), a re-parse with no workbook loaded is answered (a refusal, not a wait), a cell
// edit re-checks its row, the rows with errors come back as a workbook, and cancelling a load rejects it while the
// next load gets a fresh Worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_CATALOG } from '../../../../shared/catalog/builtin';
import { runImportPipeline } from '../../../../shared/excel/import-pipeline';
import { readWorkbookGrids } from '../../../../shared/excel/sheetjs';
import type { Cell } from '../../../../shared/excel/sheetjs';
import { ImportClient } from '../../../../renderer/features/import-export/import-client';
import { createImportWorkerApi } from '../../../../renderer/features/import-export/import-worker-api';
import { FakeWorker } from '../../platform/fake-worker';
import { emptyFile, GOOD_ROW, officeSheet } from '../../../hostile/corpus';

const programs = BUILTIN_CATALOG.programs;
const started: ImportWorker[] = [];

class ImportWorker extends FakeWorker {
  constructor(readonly url: URL) {
    super(createImportWorkerApi());
    started.push(this);
  }
}

beforeEach(() => {
  started.length = 0;
  vi.stubGlobal('Worker', ImportWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const BAD_PERIOD: Cell[] = ['H-002', '期間が読めない課題', '佐藤 花子', '薬学研究科', 'BINDS', 'いつか', 5_000, 1_500];

describe('ImportClient', () => {
  it('answers with the parse as the pipeline gives it, without the records, and their counts', async () => {
    const rows: Cell[][] = [];
    for (let i = 0; i < 2_007; i++) rows.push([`P-${i}`, `課題 ${i}`, '山田 太郎', '医学研究科', 'BINDS', 'R7.4.1〜R9.3.31', 1_000 + i, 300]);
    const bytes = officeSheet(rows);
    const expected = runImportPipeline(bytes, { programs });
    if (!expected.ok) throw new Error(expected.message.en);
    const client = new ImportClient();
    const outcome = await client.load(bytes, 'big.xlsx', programs, []);
    if (!outcome.ok) throw new Error(outcome.message.en);
    // The file's buffer was moved to the Worker, not copied.
    expect(bytes.byteLength).toBe(0);
    const { projects, budgetLines, milestones, ...head } = expected.result;
    expect(outcome.parsed).toEqual(head);
    expect('projects' in outcome.parsed).toBe(false);
    expect(outcome.counts).toEqual({ projects: rows.length, budgetLines: budgetLines.length, milestones: milestones.length });
    expect(projects).toHaveLength(rows.length);
    expect(outcome.table).toMatchObject({ firstRow: 3, rowCount: rows.length, width: 8 });
    expect(started).toHaveLength(1);
    expect(started[0]!.url.pathname).toMatch(/import\.worker\.ts$/);
    client.terminate();
  }, 30_000);

  it('answers a re-parse with no workbook loaded with a refusal instead of leaving the screen waiting', async () => {
    const client = new ImportClient();
    for (const answer of [await client.reparse(undefined, undefined), await client.editCell(0, 0, 'x', undefined)]) {
      expect(answer).toMatchObject({ ok: false, message: { ja: expect.stringMatching(/もう一度ファイルを選んでください/) } });
    }
    client.terminate();
  });

  it("passes on the pipeline's refusal", async () => {
    const client = new ImportClient();
    const outcome = await client.load(emptyFile(), 'empty.xlsx', programs, []);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message.ja).toMatch(/ファイルが空です/);
    client.terminate();
  });

  it('edits a cell in the kept workbook and parses again, and saves the rows with errors', async () => {
    const client = new ImportClient();
    const first = await client.load(officeSheet([GOOD_ROW, BAD_PERIOD]), 'review.xlsx', programs, []);
    if (!first.ok) throw new Error(first.message.en);
    expect(first.parsed.errorRows).toEqual([{ sheet: '課題一覧', row: 5 }]);
    expect(await client.rows(1, 2)).toEqual([BAD_PERIOD.map(String)]);

    const saved = await client.problemRows('ja');
    if (!saved) throw new Error('no rows saved');
    expect(readWorkbookGrids(saved).sheets[0]!.rows.slice(3).map((r) => r[0])).toEqual(['H-002']);

    const fixed = await client.editCell(1, 5, 'R7.4.1〜R9.3.31', first.analysis.mapping);
    if (!fixed.ok) throw new Error(fixed.message.en);
    expect(fixed.parsed.errorRows).toEqual([]);
    expect(fixed.counts.projects).toBe(2);
    expect((await client.rows(1, 2))[0]![5]).toBe('R7.4.1〜R9.3.31');
    expect(await client.problemRows('ja')).toBeNull();
    client.terminate();
  });

  it('rejects a load cancelled mid-way and reads the next file in a fresh Worker', async () => {
    const client = new ImportClient();
    const cancelled = client.load(officeSheet([GOOD_ROW]), 'first.xlsx', programs, []);
    client.terminate();
    await expect(cancelled).rejects.toMatchObject({ reason: 'terminated' });
    // A view into a larger buffer is copied (the rest of its buffer is not the Worker's to take).
    const file = officeSheet([GOOD_ROW, BAD_PERIOD]);
    const padded = new Uint8Array(file.byteLength + 8);
    padded.set(file, 4);
    const view = padded.subarray(4, 4 + file.byteLength);
    const next = await client.load(view, 'second.xlsx', programs, []);
    expect(padded.byteLength).toBe(file.byteLength + 8);
    expect(next.ok && next.counts.projects).toBe(1);
    expect(started).toHaveLength(2);
    expect(started[0]!.terminated).toBe(true);
    expect(started[1]!.terminated).toBe(false);
    client.terminate();
  });
});
