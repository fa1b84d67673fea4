// The parallel export's client with scripted part Workers: parts are assembled only when every table was read at the
// same store revision (else one retry, then the single-transaction export), a refused part falls back, any other
// failure is reported; Workers that answered are kept for the next export while the screen is open, others are ended.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { joinFileBytes } from '../../../../shared/api/desktop-api';
import { readWorkbookGrids, writeSheetPart, writeWorkbookShell } from '../../../../shared/excel/sheetjs';
import type { SheetSpec } from '../../../../shared/excel/sheetjs';
import { formatSeed } from '../../../../shared/excel/xlsx-parts';
import { ParallelExport } from '../../../../renderer/features/import-export/export-client';
import type { ExportWorkerApi, PartRequest, PartResponse, WrittenPart } from '../../../../renderer/features/import-export/export-protocol';
import { FakeWorker } from '../../platform/fake-worker';

const specs: SheetSpec[] = [
  { name: '課題', rows: [['管理番号'], ['A-1']] },
  { name: '予算', rows: [['管理番号', '年度'], ['A-1', 2025]], numFmts: { 1: '0' } },
  { name: 'マイルストーン', rows: [['管理番号', '期日'], ['A-1', { kind: 'date', iso: '2026-03-31' }]] },
  { name: '応募', rows: [['応募管理番号'], ['AP-1']] },
  { name: '申請額', rows: [['応募管理番号', '年度'], ['AP-1', 2026]] },
  { name: '研究者', rows: [['氏名'], ['山田 太郎']] },
  { name: 'メンバー', rows: [['管理番号', '氏名'], ['A-1', '山田 太郎']] },
];
const seed = formatSeed(specs);

/** What each Worker answers, by request type, per attempt (index = how many requests of that type came before). */
type Script = (type: 'lead' | 'milestones', attempt: number) => PartResponse;

let script: Script;
type Received = PartRequest | { type: 'warm' };
const started: ExportWorker[] = [];

/** An export Worker answering from `script`; `received` lists its requests as the part protocol names them. */
class ExportWorker extends FakeWorker {
  received: Received[];
  constructor(readonly url: URL) {
    const received: Received[] = [];
    const answer = (msg: PartRequest) => {
      received.push(msg);
      const attempt = started.flatMap((w) => w.received).filter((r) => r.type === msg.type).length - 1;
      return script(msg.type, attempt);
    };
    const api: Partial<ExportWorkerApi> = {
      warm: () => {
        received.push({ type: 'warm' });
      },
      lead: async (lang, programs, handOn) => answer({ type: 'lead', lang, programs, handOn }),
      milestones: async (lang, programs, codePort) => answer({ type: 'milestones', lang, programs, codePort }),
    };
    super(api);
    this.received = received;
    started.push(this);
  }
}

const index = { projects: 0, budgets: 1, milestones: 2, applications: 3, requests: 4, researchers: 5, members: 6 } as const;
function written(role: keyof typeof index, revision: number | undefined): WrittenPart {
  return { role, bytes: writeSheetPart(specs[index[role]]!, seed), revision };
}
/** Both Workers' answers; `revisions` of projects, budgets, milestones. */
function answers(type: 'lead' | 'milestones', [p, b, m]: (number | undefined)[]): PartResponse {
  return type === 'lead'
    ? { type: 'parts', parts: [written('projects', p), written('budgets', b)], shell: writeWorkbookShell(specs, seed) }
    : { type: 'parts', parts: [written('milestones', m), written('applications', m), written('requests', m), written('researchers', m), written('members', m)] };
}

const SINGLE = new Uint8Array([1, 2, 3]);
const requests = (w: ExportWorker) => w.received.map((r) => r.type);

beforeEach(() => {
  started.length = 0;
  vi.stubGlobal('Worker', ExportWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ParallelExport', () => {
  it('assembles the parts in sheet order when they saw the same revision, and ends the Workers when no screen keeps them', async () => {
    script = (type) => answers(type, [7, 7, 7]);
    const single = vi.fn(async () => SINGLE);
    const exporter = new ParallelExport();
    const bytes = await exporter.run('ja', [], single);
    expect(single).not.toHaveBeenCalled();
    expect(exporter.lastPath).toBe('parts');
    const sheets = readWorkbookGrids(joinFileBytes(bytes)).sheets;
    expect(sheets.map((s) => s.name)).toEqual(['課題', '予算', 'マイルストーン', '応募', '申請額', '研究者', 'メンバー']);
    expect(sheets[6]!.rows[1]).toEqual(['A-1', '山田 太郎']);
    expect(sheets[1]!.rows[1]).toEqual(['A-1', 2025]);
    expect(sheets[2]!.rows[1]).toEqual(['A-1', { kind: 'date', iso: '2026-03-31' }]);
    expect(started.length).toBe(2);
    expect(started.every((w) => w.terminated)).toBe(true);
    expect(started[0]!.url.pathname).toMatch(/export\.worker\.ts$/);
    // The lead Worker hands the codes to the milestones Worker over a port of one channel.
    const [lead, m] = started.map((w) => w.received.find((r) => r.type !== 'warm'));
    if (lead?.type !== 'lead' || m?.type !== 'milestones') throw new Error('unexpected requests');
    expect(lead.lang).toBe('ja');
    const relayed = new Promise<unknown>((resolve) => {
      m.codePort.onmessage = (e: MessageEvent) => resolve(e.data);
      lead.handOn.postMessage('hello');
    });
    expect(await relayed).toBe('hello');
    lead.handOn.close();
    m.codePort.close();
  });

  it('treats a missing counters row (revision undefined everywhere) as one snapshot', async () => {
    script = (type) => answers(type, [undefined, undefined, undefined]);
    const single = vi.fn(async () => SINGLE);
    await new ParallelExport().run('en', [], single);
    expect(single).not.toHaveBeenCalled();
  });

  it('tries again when a write landed between the reads', async () => {
    script = (type, attempt) => answers(type, attempt === 0 ? [7, 7, 8] : [9, 9, 9]);
    const single = vi.fn(async () => SINGLE);
    const bytes = await new ParallelExport().run('ja', [], single);
    expect(single).not.toHaveBeenCalled();
    expect(readWorkbookGrids(joinFileBytes(bytes)).sheets.length).toBe(7);
    expect(started.length).toBe(4);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('compares the budgets read too (it is a transaction of its own)', async () => {
    script = (type, attempt) => answers(type, [attempt, attempt + 100, attempt]);
    const single = vi.fn(async () => SINGLE);
    const exporter = new ParallelExport();
    expect(await exporter.run('ja', [], single)).toBe(SINGLE);
    expect(single).toHaveBeenCalledTimes(1);
    expect(exporter.lastPath).toBe('single');
    expect(started.length).toBe(4);
  });

  it('falls back when a part is refused', async () => {
    script = (type) => (type === 'lead' ? { type: 'failed', message: 'the format seed lacks 0.000', refused: true } : answers(type, [1, 1, 1]));
    const single = vi.fn(async () => SINGLE);
    expect(await new ParallelExport().run('ja', [], single)).toBe(SINGLE);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('reports any other failure as it is', async () => {
    script = (type) => (type === 'milestones' ? { type: 'failed', message: 'QuotaExceededError', refused: false } : answers(type, [1, 1, 1]));
    const single = vi.fn(async () => SINGLE);
    await expect(new ParallelExport().run('ja', [], single)).rejects.toThrow('QuotaExceededError');
    expect(single).not.toHaveBeenCalled();
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('keeps the Workers started ahead between exports while the screen is open, and ends them when it closes', async () => {
    script = (type) => answers(type, [3, 3, 3]);
    const exporter = new ParallelExport();
    exporter.prewarm();
    exporter.prewarm();
    expect(started.length).toBe(2);
    await expect.poll(() => started.every((w) => requests(w)[0] === 'warm')).toBe(true);
    await exporter.run('ja', [], async () => SINGLE);
    await exporter.run('en', [], async () => SINGLE);
    expect(started.length).toBe(2);
    expect(started.map((w) => [requests(w), w.terminated])).toEqual([
      [['warm', 'lead', 'lead'], false],
      [['warm', 'milestones', 'milestones'], false],
    ]);
    exporter.dispose();
    expect(started.every((w) => w.terminated)).toBe(true);
    // After the screen closed, an export starts its own Workers and ends them.
    await exporter.run('ja', [], async () => SINGLE);
    expect(started.length).toBe(4);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('replaces Workers that failed, while waiting or during an export', async () => {
    script = (type) => answers(type, [3, 3, 3]);
    const exporter = new ParallelExport();
    exporter.prewarm();
    await expect.poll(() => started.every((w) => w.received.length === 1)).toBe(true);
    started[1]!.crash('failed to load');
    await exporter.run('ja', [], async () => SINGLE);
    // Only the Worker that failed is replaced; the other one, warm, does its part.
    expect(started.map((w) => [requests(w), w.terminated])).toEqual([
      [['warm', 'lead'], false],
      [['warm'], true],
      [['milestones'], false],
    ]);
    // A failed export ends both Workers and starts two fresh ones for the next click.
    script = (type) => (type === 'milestones' ? { type: 'failed', message: 'boom', refused: false } : answers(type, [1, 1, 1]));
    await expect(exporter.run('ja', [], async () => SINGLE)).rejects.toThrow('boom');
    expect(started.slice(0, 3).every((w) => w.terminated)).toBe(true);
    await expect.poll(() => started.slice(3).map((w) => [requests(w), w.terminated])).toEqual([
      [['warm'], false],
      [['warm'], false],
    ]);
    exporter.dispose();
  });
});
