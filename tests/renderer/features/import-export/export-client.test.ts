// The parallel export's client with scripted part Workers: parts are assembled only when all three Workers saw the same
// store revision (else one retry, then the single-transaction export), a refused part falls back, any other failure is
// reported, and every part Worker is ended afterwards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readWorkbookGrids, writeSheetPart, writeWorkbookShell } from '../../../../shared/excel/sheetjs';
import type { SheetSpec } from '../../../../shared/excel/sheetjs';
import { formatSeed } from '../../../../shared/excel/xlsx-parts';
import { ParallelExport } from '../../../../renderer/features/import-export/export-client';
import type { PartRequest, PartResponse } from '../../../../renderer/features/import-export/export-protocol';

const specs: SheetSpec[] = [
  { name: '課題', rows: [['管理番号'], ['A-1']] },
  { name: '予算', rows: [['管理番号', '年度'], ['A-1', 2025]], numFmts: { 1: '0' } },
  { name: 'マイルストーン', rows: [['管理番号', '期日'], ['A-1', { kind: 'date', iso: '2026-03-31' }]] },
];
const seed = formatSeed(specs);

/** What each Worker answers, by request type, per attempt (index = how many requests of that type came before). */
type Script = (type: 'projects' | 'budgets' | 'milestones', attempt: number) => PartResponse;

let script: Script;
const started: FakeWorker[] = [];

class FakeWorker {
  onmessage: ((e: MessageEvent<PartResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: PartRequest[] = [];
  terminated = false;
  constructor(readonly url: URL) {
    started.push(this);
  }
  postMessage(msg: PartRequest): void {
    this.received.push(msg);
    if (msg.type === 'warm') return;
    const attempt = started.filter((w) => w.received.some((r) => r.type === msg.type)).indexOf(this);
    const answer = script(msg.type, attempt);
    setTimeout(() => this.onmessage?.({ data: answer } as MessageEvent<PartResponse>), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const index = { projects: 0, budgets: 1, milestones: 2 } as const;
function part(type: keyof typeof index, revision: number | undefined): PartResponse {
  const bytes = writeSheetPart(specs[index[type]]!, seed);
  return type === 'projects' ? { type: 'part', role: type, bytes, shell: writeWorkbookShell(specs, seed), revision } : { type: 'part', role: type, bytes, revision };
}

const SINGLE = new Uint8Array([1, 2, 3]);

beforeEach(() => {
  started.length = 0;
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ParallelExport', () => {
  it('assembles the three parts when they saw the same revision, and ends the Workers', async () => {
    script = (type) => part(type, 7);
    const single = vi.fn(async () => SINGLE);
    const bytes = await new ParallelExport().run('ja', [], single);
    expect(single).not.toHaveBeenCalled();
    const sheets = readWorkbookGrids(bytes).sheets;
    expect(sheets.map((s) => s.name)).toEqual(['課題', '予算', 'マイルストーン']);
    expect(sheets[2]!.rows[1]).toEqual(['A-1', { kind: 'date', iso: '2026-03-31' }]);
    expect(started.length).toBe(3);
    expect(started.every((w) => w.terminated)).toBe(true);
    expect(started[0]!.url.pathname).toMatch(/export\.worker\.ts$/);
    // The projects Worker gets both code ports; the others one each.
    const [p, b, m] = started.map((w) => w.received[0]!);
    expect(p).toMatchObject({ type: 'projects', lang: 'ja' });
    expect(p?.type === 'projects' && p.codePorts.length).toBe(2);
    expect(b?.type).toBe('budgets');
    expect(m?.type).toBe('milestones');
  });

  it('treats a missing counters row (revision undefined everywhere) as one snapshot', async () => {
    script = (type) => part(type, undefined);
    const single = vi.fn(async () => SINGLE);
    await new ParallelExport().run('en', [], single);
    expect(single).not.toHaveBeenCalled();
  });

  it('tries again when a write landed between the reads', async () => {
    script = (type, attempt) => part(type, attempt === 0 && type === 'milestones' ? 8 : 7);
    const single = vi.fn(async () => SINGLE);
    const bytes = await new ParallelExport().run('ja', [], single);
    expect(single).not.toHaveBeenCalled();
    expect(readWorkbookGrids(bytes).sheets.length).toBe(3);
    expect(started.length).toBe(6);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('falls back to the single-transaction export when the store keeps changing', async () => {
    script = (type, attempt) => part(type, type === 'budgets' ? attempt + 100 : attempt);
    const single = vi.fn(async () => SINGLE);
    expect(await new ParallelExport().run('ja', [], single)).toBe(SINGLE);
    expect(single).toHaveBeenCalledTimes(1);
    expect(started.length).toBe(6);
  });

  it('falls back when a part is refused', async () => {
    script = (type) => (type === 'budgets' ? { type: 'failed', message: 'the format seed lacks 0.000', refused: true } : part(type, 1));
    const single = vi.fn(async () => SINGLE);
    expect(await new ParallelExport().run('ja', [], single)).toBe(SINGLE);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('reports any other failure as it is', async () => {
    script = (type) => (type === 'milestones' ? { type: 'failed', message: 'QuotaExceededError', refused: false } : part(type, 1));
    const single = vi.fn(async () => SINGLE);
    await expect(new ParallelExport().run('ja', [], single)).rejects.toThrow('QuotaExceededError');
    expect(single).not.toHaveBeenCalled();
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('uses the Workers started ahead, and starts fresh ones after each export until disposed', async () => {
    script = (type) => part(type, 3);
    const exporter = new ParallelExport();
    exporter.prewarm();
    exporter.prewarm();
    expect(started.length).toBe(3);
    expect(started.every((w) => w.received[0]?.type === 'warm')).toBe(true);
    await exporter.run('ja', [], async () => SINGLE);
    // The warm three did the work and were ended; three fresh ones wait for the next click.
    expect(started.slice(0, 3).map((w) => [w.received.map((r) => r.type), w.terminated])).toEqual([
      [['warm', 'projects'], true],
      [['warm', 'budgets'], true],
      [['warm', 'milestones'], true],
    ]);
    expect(started.slice(3).map((w) => [w.received.map((r) => r.type), w.terminated])).toEqual([
      [['warm'], false],
      [['warm'], false],
      [['warm'], false],
    ]);
    await exporter.run('ja', [], async () => SINGLE);
    expect(started.length).toBe(9);
    expect(started.slice(3, 6).every((w) => w.terminated && w.received.length === 2)).toBe(true);
    exporter.dispose();
    expect(started.every((w) => w.terminated)).toBe(true);
    await exporter.run('ja', [], async () => SINGLE);
    expect(started.length).toBe(12);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('replaces Workers started ahead that failed while waiting', async () => {
    script = (type) => part(type, 3);
    const exporter = new ParallelExport();
    exporter.prewarm();
    started[1]!.onerror?.({ message: 'failed to load' } as ErrorEvent);
    await exporter.run('ja', [], async () => SINGLE);
    expect(started.slice(0, 3).every((w) => w.terminated && w.received.length === 1)).toBe(true);
    expect(started.slice(3, 6).map((w) => w.received[0]?.type)).toEqual(['projects', 'budgets', 'milestones']);
    exporter.dispose();
  });
});
