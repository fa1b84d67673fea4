// The .ics export in its Worker, on fake-indexeddb: for every view, scope and a selection the file is byte for byte
// what the page wrote before it moved (loadDeadlineItems through the indexes, then writeIcsParts), the read is kept
// until a write moves the store's revision, an empty view writes nothing, and a cancel ends the Worker.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Milestone, Project } from '../../../../shared/domain/types';
import type { CalendarEvent } from '../../../../shared/calendar/icalendar';
import { addDays } from '../../../../shared/calendar/fiscal-year';
import { BUILTIN_CATALOG } from '../../../../shared/catalog/builtin';
import { db } from '../../../../renderer/store/db';
import { blankProjectInput, deleteProject, saveProject } from '../../../../renderer/store/projects';
import { setMilestonesStatus } from '../../../../renderer/store/milestones';
import { DEADLINE_VIEWS, loadDeadlineItems, readDeadlineSource } from '../../../../renderer/store/deadline-queries';
import type { DeadlineScope } from '../../../../renderer/store/deadline-queries';
import { icsWorkerApi, writeIcsParts } from '../../../../renderer/features/deadlines/ics-export';
import { icsClient } from '../../../../renderer/features/deadlines/ics-jobs';
import type { IcsRequest } from '../../../../renderer/features/deadlines/ics-jobs';
import { FakeWorker } from '../../platform/fake-worker';

const TODAY = '2026-12-02';
const NOW = '2026-12-02T03:04:05.000Z';
const program = BUILTIN_CATALOG.programs.find((p) => p.parentId === null)!.id;
const extra: CalendarEvent[] = [{ id: 'call-1', date: '2027-05-01', summary: '公募締切: 公募E2E, 第2回' }];

async function project(code: string, fields: Partial<Pick<Project, 'department' | 'programId' | 'title'>> = {}): Promise<Project> {
  const r = await saveProject({ ...blankProjectInput(), code, title: `${code} 次世代がん医療の長い課題名、研究開発; 第${code}期`, startDate: '2025-04-01', endDate: '2029-03-31', status: 'active', ...fields });
  if (!r.ok) throw new Error('save failed');
  return r.project;
}

let seq = 0;
const item = (projectId: string, dueDate: string, status: Milestone['status'] = 'planned'): Milestone => ({
  id: `m-${String(seq++).padStart(5, '0')}`, projectId, kind: seq % 2 ? 'stage-gate' : 'interim-evaluation', title: `評価 ${seq}, 提出`, dueDate, status,
  doneDate: status === 'planned' ? null : dueDate, notes: seq % 3 ? '' : 'メモ\n二行目', origin: 'user',
});

const text = (parts: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(parts));

/** What the page wrote before the export moved to the Worker: the view read through the indexes, then the writer. */
async function before(req: IcsRequest): Promise<string | null> {
  const { items, projects } = await loadDeadlineItems(req.today, req.view, new Set(req.ids), req.scope);
  if (items.length === 0 && req.extra.length === 0) return null;
  return text(await writeIcsParts(items, projects, req.extra, { calendarName: req.calendarName, lang: req.lang, now: new Date(req.now!) }));
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  const a = await project('A', { department: '医学研究科', programId: program });
  const b = await project('B', { department: '工学研究科', programId: program });
  const c = await project('C', { department: '医学研究科', programId: null });
  const trashed = await project('D', { department: '医学研究科', programId: program });
  const rows: Milestone[] = [];
  // Every bucket, both edges, ties on one date (ordered by id), done items, and a trashed project's items.
  for (const [i, p] of [a, b, c, trashed].entries()) {
    for (const d of [-40, -1, 0, 0, 30, 31, 60, 61, 90, 91, 400]) rows.push(item(p.id, addDays(TODAY, d + i)));
    rows.push(item(p.id, addDays(TODAY, 5), 'done'));
  }
  // Ids out of date order, so the index's order (date, then id) is what the file follows.
  rows.push({ ...item(a.id, addDays(TODAY, 0)), id: 'm-00000-early' });
  await db.milestones.bulkAdd(rows);
  await deleteProject(trashed.id);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const request = (over: Partial<IcsRequest> = {}): IcsRequest => ({
  today: TODAY, view: 'all', scope: { programId: null, department: null }, ids: [], extra, calendarName: '締切', lang: 'ja', now: NOW, ...over,
});

describe('the .ics Worker', () => {
  it('writes byte for byte what the page wrote before, for every view, scope and a selection', async () => {
    const api = icsWorkerApi();
    const scopes: DeadlineScope[] = [
      { programId: null, department: null }, { programId: program, department: null }, { programId: null, department: '医学研究科' }, { programId: program, department: '医学研究科' },
    ];
    let files = 0;
    for (const view of DEADLINE_VIEWS) {
      for (const scope of scopes) {
        for (const lang of ['ja', 'en'] as const) {
          const req = request({ view, scope, lang });
          const answer = await api.write(req, () => undefined);
          const expected = await before(req);
          expect(expected).not.toBeNull();
          expect(text(answer.parts)).toBe(expected);
          files++;
        }
      }
    }
    expect(files).toBe(DEADLINE_VIEWS.length * 8);
    // A selection: only those items (one of them in the trash, one done: neither is written).
    const all = (await loadDeadlineItems(TODAY, 'all')).items;
    const selected = [all[0]!.id, all[3]!.id, all.at(-1)!.id, 'not-an-item'];
    const req = request({ ids: selected, extra: [] });
    const answer = await api.write(req, () => undefined);
    expect(answer.milestones).toBe(3);
    expect(text(answer.parts)).toBe(await before(req));
    expect(text(answer.parts)).toContain('SUMMARY:[A] 評価');
  });

  it('keeps its read until a write moves the revision, and writes nothing for an empty view', async () => {
    const read = vi.fn(readDeadlineSource);
    const api = icsWorkerApi(read);
    await api.prepare();
    const first = await api.write(request({ view: 'overdue' }), () => undefined);
    expect(read).toHaveBeenCalledTimes(1);
    expect(first.milestones).toBeGreaterThan(0);
    // Marking the overdue items done is a write: the next export reads again and sees none.
    const overdue = (await loadDeadlineItems(TODAY, 'overdue')).items.map((m) => m.id);
    await setMilestonesStatus(overdue, 'done', TODAY);
    const empty = await api.write(request({ view: 'overdue', extra: [] }), () => undefined);
    expect(read).toHaveBeenCalledTimes(2);
    expect(empty).toEqual({ parts: [], milestones: 0 });
    expect(await before(request({ view: 'overdue', extra: [] }))).toBeNull();
  });

  it('never keeps a read a write landed in: marking items done while it reads ahead, the export then leaves them out', async () => {
    const api = icsWorkerApi();
    const overdue = (await loadDeadlineItems(TODAY, 'overdue')).items.map((m) => m.id);
    expect(overdue.length).toBeGreaterThan(0);
    // Issued together: the read's pages and the write's transaction interleave (the write no longer waits for the read).
    await Promise.all([api.prepare(), setMilestonesStatus(overdue, 'done', TODAY)]);
    expect(await api.write(request({ view: 'overdue', extra: [] }), () => undefined)).toEqual({ parts: [], milestones: 0 });
  });

  it('runs through the Worker client: progress up to every item, the parts moved to the page', async () => {
    const started: FakeWorker[] = [];
    const client = icsClient(() => {
      const w = new FakeWorker(icsWorkerApi());
      started.push(w);
      return w as unknown as Worker;
    });
    client.prepare();
    const steps: [number, number][] = [];
    const req = request({ scope: { programId: program, department: null } });
    const answer = await client.write(req, { signal: new AbortController().signal, progress: (d, t) => steps.push([d, t]) });
    expect(text(answer.parts)).toBe(await before(req));
    expect(steps.at(-1)).toEqual([answer.milestones, answer.milestones]);
    expect(started).toHaveLength(1);
    client.terminate();
    expect(started[0]!.terminated).toBe(true);
  });

  it('ends the Worker when cancelled, and starts a new one for the next export', async () => {
    const started: FakeWorker[] = [];
    const client = icsClient(() => {
      const w = new FakeWorker(icsWorkerApi());
      started.push(w);
      return w as unknown as Worker;
    });
    const stop = new AbortController();
    const run = client.write(request(), { signal: stop.signal, progress: () => stop.abort() });
    await expect(run).rejects.toMatchObject({ name: 'WorkerEndedError', reason: 'cancelled' });
    expect(started[0]!.terminated).toBe(true);
    const again = await client.write(request({ view: 'next30' }), { signal: new AbortController().signal, progress: () => undefined });
    expect(text(again.parts)).toBe(await before(request({ view: 'next30' })));
    expect(started).toHaveLength(2);
    client.terminate();
  });
});
