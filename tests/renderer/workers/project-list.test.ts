// The project-list Worker's answers as the Projects and Timeline screens ask for them, without a Worker (the model is
// called directly): the same rows in the same order as filtering and sorting every project on the page did.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { computeRiskFlags, flagsByProject, milestoneFacts } from '../../../shared/portfolio/risk-flags';
import { EMPTY_FILTER, filterProjects, searchText, sortProjects } from '../../../shared/portfolio/project-query';
import type { ProjectFilter, SortKey } from '../../../shared/portfolio/project-query';
import type { Milestone, Project } from '../../../shared/domain/types';
import { buildRows, markerPositions } from '../../../renderer/features/timeline/timeline-layout';
import type { ProgramEntry } from '../../../renderer/store/catalog';
import { createProjectListModel } from '../../../renderer/workers/project-list-model';
import type { QuietClock } from '../../../renderer/workers/project-list-model';
import type { ListAnswer, LoadRequest } from '../../../renderer/workers/project-list';
import { makeLine, makeMilestone, makeProject } from '../../shared/portfolio/fixtures';
import { packedCount, stringAt } from '../../../shared/collections/packed-strings';
import type { PackedStrings } from '../../../shared/collections/packed-strings';

/** The snapshot's packed ids as the array they were packed from. */
const unpack = (p: PackedStrings) => Array.from({ length: packedCount(p) }, (_, i) => stringAt(p, i)!);

const programs: ProgramEntry[] = BUILTIN_CATALOG.programs.map((p) => ({ ...p, source: 'builtin', editionId: null, overridesBuiltin: false, updatedAt: null }));
const program = programs[0]!;
const projects: Project[] = [
  makeProject('a', { code: 'A-10', programId: program.id, endDate: '2020-03-31', title: '研究開発 甲' }),
  makeProject('b', { code: 'A-9', title: 'ＡＩ 診断', pi: '佐藤 花子', department: '工学研究科', startDate: '2024-10-01' }),
  makeProject('c', { code: 'A-1', deletedAt: '2025-01-01T00:00:00Z' }),
  makeProject('d', { code: 'B-2', status: 'completed', department: '' }),
  makeProject('e', { code: 'A-11', startDate: '2026-04-01', archived: true, programId: program.id }),
  makeProject('f', { code: 'a-3', title: '研究開発 乙', endDate: undefined as unknown as string }),
];
const budgetLines = [makeLine('a', 2026, 1000, 900), makeLine('b', 2026, 100)];
const milestones = [makeMilestone('m1', 'b', { kind: 'stage-gate', dueDate: '2026-01-31' })];
const req: LoadRequest = { generation: 0, today: '2026-06-01' };
const names = new Map(programs.map((p) => [p.id, p.nameJa]));
const haystack = (p: Project) => searchText(p, p.programId ? names.get(p.programId) : undefined);
const flags = flagsByProject(computeRiskFlags({ projects, budgetLines, milestoneFacts: milestoneFacts(milestones), programs, today: req.today }));

/** A clock whose sleeps pass at once (time moves by what was slept), unless a test moves it itself. */
function fakeClock(): QuietClock & { t: number } {
  const c = { t: 0, now: () => c.t, sleep: async (ms: number) => void (c.t += ms) };
  return c;
}

/**
 * The model over fixed projects; `pauses` counts the background work's pauses, `reads` the projects table's reads,
 * `programReads` the catalog's, `markerReads` the milestones read for markers, from `stored` (a test writes to it as
 * the app writes milestones), the catalog from `catalog` (likewise).
 */
function model(pause: () => Promise<void> = () => Promise.resolve(), clock: QuietClock = fakeClock(), stored: Milestone[] = milestones, catalog: ProgramEntry[] = programs, rows: Project[] = projects) {
  const count = { reads: 0, programReads: 0, pauses: 0, markerReads: 0 };
  const m = createProjectListModel(
    {
      projects: async () => {
        count.reads++;
        return rows;
      },
      programs: async () => {
        count.programReads++;
        return catalog;
      },
      besidesProjects: async () => ({ budgetLines, milestoneFacts: milestoneFacts(milestones) }),
      milestonesOf: async (ids) => {
        count.markerReads += ids.length;
        return ids.map((id) => stored.filter((ms) => ms.projectId === id));
      },
    },
    () => {
      count.pauses++;
      return pause();
    },
    2,
    clock,
  );
  return { m, count };
}

const ids = (a: ListAnswer | null, snapshotIds: string[]) => [...a!.order].map((i) => snapshotIds[i]);
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('project-list Worker model', () => {
  it('answers every sort and filter with the rows and order the page computed before', async () => {
    const { m } = model();
    const snap = await m.load(req);
    expect(snap.live).toBe(5);
    expect(snap.departments).toEqual(['医学研究科', '工学研究科'].sort(new Intl.Collator('ja').compare));
    await settle();
    const filters: ProjectFilter[] = [
      EMPTY_FILTER,
      { ...EMPTY_FILTER, text: '研究開発' },
      { ...EMPTY_FILTER, text: 'ai' },
      { ...EMPTY_FILTER, showArchived: true },
      { ...EMPTY_FILTER, department: '工学研究科' },
      { ...EMPTY_FILTER, programId: program.id, showArchived: true },
    ];
    const keys: SortKey[] = ['code', 'title', 'pi', 'department', 'programId', 'status', 'startDate', 'endDate', 'updatedAt', 'risks'];
    for (const key of keys) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const filter of filters) {
          const a = await m.list({ version: snap.version, filter, sort: { key, dir }, from: 0, to: 50 });
          const riskCount = (p: Project) => flags.get(p.id)?.length ?? 0;
          const expected = filterProjects(sortProjects(projects, key, dir, riskCount), filter, haystack).map((p) => p.id);
          expect(ids(a, unpack(snap.ids)), `${key} ${dir} ${JSON.stringify(filter)}`).toEqual(expected);
          expect(a!.filter).toEqual(filter);
        }
      }
    }
  });

  it('sends the rows in view with their risk flags, and any row by position', async () => {
    const { m } = model();
    const snap = await m.load(req);
    const a = await m.list({ version: snap.version, filter: EMPTY_FILTER, sort: { key: 'code', dir: 'asc' }, from: 1, to: 3 });
    expect(a!.rows.map((r) => r.at)).toEqual([...a!.order.subarray(1, 3)]);
    await settle();
    const b = await m.list({ version: snap.version, filter: EMPTY_FILTER, sort: { key: 'code', dir: 'asc' }, from: 0, to: 10 });
    expect(b!.risksReady).toBe(true);
    for (const r of b!.rows) expect(r.flags).toEqual(flags.get(r.project.id) ?? []);
    expect([...flags.values()].flat().length).toBeGreaterThan(1);
    const rows = await m.rows(snap.version, [0, 3]);
    expect(rows!.map((r) => r.project.id)).toEqual([projects[0]!.id, projects[3]!.id]);
    expect(await m.flagsOf('b')).toEqual(flags.get('b'));
  });

  it('reads the table once per generation, and answers null for a snapshot no longer held', async () => {
    const { m, count } = model();
    const first = await m.load(req);
    expect(await m.load({ ...req })).toEqual(first);
    expect(count.reads).toBe(1);
    const second = await m.load({ ...req, generation: 1 });
    expect(count.reads).toBe(2);
    expect(second.version).not.toBe(first.version);
    expect(await m.list({ version: first.version, filter: EMPTY_FILTER, sort: { key: 'code', dir: 'asc' }, from: 0, to: 1 })).toBeNull();
    expect(await m.rows(first.version, [0])).toBeNull();
  });

  it('with 5,000 stored programs, reads and ranks once per generation and searches by the stored programs\' names', async () => {
    // An office catalog as big as an imported edition: project 'e' is moved to the last stored program.
    const stored: ProgramEntry[] = Array.from({ length: 5_000 }, (_, i) => ({ ...program, id: `office-${i}`, nameJa: `事業${i}番`, source: 'office', editionId: 'ed', overridesBuiltin: false, updatedAt: '2026-12-03T00:00:00.000Z' }));
    const catalog = [...programs, ...stored];
    const { m, count } = model(undefined, undefined, milestones, catalog, projects.map((p) => (p.id === 'e' ? { ...p, programId: 'office-4999' } : p)));
    // Every open of Projects or the Timeline asks with the page's generation and day only (no catalog of its own):
    // a screen's first render, before its own catalog read, asks exactly what its later renders ask.
    const first = await m.load(req);
    for (let open = 0; open < 4; open++) expect(await m.load({ ...req })).toBe(first);
    expect(count.reads).toBe(1);
    expect(count.programReads).toBe(1);
    const hit = await m.list({ version: first.version, filter: { ...EMPTY_FILTER, text: '事業4999番', showArchived: true }, sort: { key: 'code', dir: 'asc' }, from: 0, to: 5 });
    expect(ids(hit, unpack(first.ids))).toEqual(['e']);
    // A write to the programs moves the generation: the catalog is read again with the projects.
    catalog.pop();
    const second = await m.load({ ...req, generation: 1 });
    expect(count.reads).toBe(2);
    expect(count.programReads).toBe(2);
    expect((await m.list({ version: second.version, filter: { ...EMPTY_FILTER, text: '事業4999番', showArchived: true }, sort: { key: 'code', dir: 'asc' }, from: 0, to: 5 }))!.order).toHaveLength(0);
  });

  it('prepares in the background with pauses, answering a query while it is still under way', async () => {
    const waiting: (() => void)[] = [];
    const { m, count } = model(() => new Promise<void>((r) => waiting.push(r)));
    let risksReady = 0;
    const snap = await m.load(req, () => risksReady++);
    // The background work is held at its first pause; a query is answered meanwhile (its own ranks pause too).
    const asked = m.list({ version: snap.version, filter: { ...EMPTY_FILTER, text: '研究' }, sort: { key: 'code', dir: 'asc' }, from: 0, to: 5 });
    for (let i = 0; i < 200; i++) {
      waiting.shift()?.();
      await settle();
    }
    expect(ids(await asked, unpack(snap.ids))).toEqual(filterProjects(sortProjects(projects, 'code', 'asc'), { ...EMPTY_FILTER, text: '研究' }, haystack).map((p) => p.id));
    // Texts and risk flags of 6 projects, 2 a slice: 3 pauses each.
    expect(count.pauses).toBeGreaterThanOrEqual(6);
    expect(risksReady).toBe(1);
  });

  it('leaves the other columns\' ranks and the risk flags while the page keeps asking, then prepares them', async () => {
    // Sleeps end only when the test says: the background is held in its wait for quiet.
    const sleeping: (() => void)[] = [];
    const clock = { t: 0, now: () => clock.t, sleep: () => new Promise<void>((r) => sleeping.push(r)) };
    const { m } = model(undefined, clock);
    let risksReady = 0;
    const snap = await m.load(req, () => risksReady++);
    const ask = (text: string) => m.list({ version: snap.version, filter: { ...EMPTY_FILTER, text }, sort: { key: 'code', dir: 'asc' }, from: 0, to: 5 });
    expect((await ask('研'))!.risksReady).toBe(false);
    await settle();
    // Keystrokes 100 ms apart: the background's wait never ends quiet, so it keeps waiting (and does no work).
    for (const text of ['研究', '研究開', '研究開発']) {
      clock.t += 100;
      expect((await ask(text))!.risksReady).toBe(false);
      for (const wake of sleeping.splice(0)) wake();
      await settle();
    }
    expect(sleeping.length).toBe(1);
    expect(risksReady).toBe(0);
    // A sort by a column not ranked yet is answered at once: the query ranks it itself.
    const byPi = await m.list({ version: snap.version, filter: EMPTY_FILTER, sort: { key: 'pi', dir: 'asc' }, from: 0, to: 10 });
    expect(ids(byPi, unpack(snap.ids))).toEqual(sortProjects(projects, 'pi', 'asc').filter((p) => !p.deletedAt && !p.archived).map((p) => p.id));
    // Typing stops: once 250 ms passed without a query, the ranks and the risk flags are prepared.
    clock.t += 1_000;
    for (let i = 0; i < 50 && risksReady === 0; i++) {
      for (const wake of sleeping.splice(0)) wake();
      await settle();
    }
    expect(risksReady).toBe(1);
    expect((await ask(''))!.risksReady).toBe(true);
  });

  it('holds a step the background began (here the risk flags) while the page asks again, until a query waits for it', async () => {
    // Sleeps end only when the test says; the risk inputs' read returns when the test releases it.
    const sleeping: (() => void)[] = [];
    const clock = { t: 0, now: () => clock.t, sleep: () => new Promise<void>((r) => sleeping.push(r)) };
    const wake = async (times: number) => {
      for (let i = 0; i < times; i++) {
        for (const w of sleeping.splice(0)) w();
        await settle();
      }
    };
    let readStarted = false;
    let release = () => undefined as void;
    const m = createProjectListModel(
      {
        projects: async () => projects,
        programs: async () => programs,
        besidesProjects: () => {
          readStarted = true;
          return new Promise((r) => (release = () => r({ budgetLines, milestoneFacts: milestoneFacts(milestones) })));
        },
        milestonesOf: async (list) => list.map(() => []),
      },
      () => Promise.resolve(),
      2,
      clock,
    );
    let risksReady = 0;
    const snap = await m.load(req, () => risksReady++);
    const ask = (text: string) => m.list({ version: snap.version, filter: { ...EMPTY_FILTER, text }, sort: { key: 'code', dir: 'asc' }, from: 0, to: 5 });
    await ask('研');
    // A pause in typing: the ranks are prepared and the risk flags begun (their read under way).
    clock.t += 1_000;
    for (let i = 0; i < 50 && !readStarted; i++) await wake(1);
    expect(readStarted).toBe(true);
    // Typing again: the flags' slices wait for quiet (no time passes), so they are not finished meanwhile.
    await ask('研究');
    release();
    await wake(20);
    expect(risksReady).toBe(0);
    // A query that needs the flags (a project's panel) ends the wait without quiet.
    const flagsOfA = m.flagsOf('a');
    await wake(20);
    expect(await flagsOfA).toEqual(flags.get('a') ?? []);
    expect(risksReady).toBe(1);
  });

  it('lays the Timeline out as buildRows does: groups, positions, each row’s group', async () => {
    const { m } = model();
    const snap = await m.load(req);
    for (const showArchived of [false, true]) {
      const t = await m.timeline({ version: snap.version, showArchived, lang: 'ja', unmappedLabel: '未設定', currentFy: 2026 });
      const shown = projects.filter((p) => !p.deletedAt && (showArchived || !p.archived) && p.startDate && p.endDate);
      const rows = buildRows(shown, new Map(programs.map((p) => [p.id, p])), 'ja', '未設定');
      expect(t!.count).toBe(shown.length);
      expect([...t!.items].map((i) => (i < 0 ? `g:${t!.groups[-i - 1]!.programId ?? ''}` : unpack(snap.ids)[i]))).toEqual(rows.map((r) => r.key));
      for (const [i, g] of t!.groupOf.entries()) expect(rows[i]!.period).toEqual(t!.groups[g]!.period);
      // Asked again (the next visit), the kept layout answers with arrays of its own (the Worker moves them away).
      const expected = [...t!.items];
      structuredClone(t!.items, { transfer: [t!.items.buffer] });
      const again = await m.timeline({ version: snap.version, showArchived, lang: 'ja', unmappedLabel: '未設定', currentFy: 2026 });
      expect([...again!.items]).toEqual(expected);
      structuredClone(again!.items, { transfer: [again!.items.buffer] });
      expect([...(await m.timeline({ version: snap.version, showArchived, lang: 'ja', unmappedLabel: '未設定', currentFy: 2026 }))!.items]).toEqual(expected);
    }
  });

  it('answers the Timeline\'s markers by position, read once per snapshot, and the written ones in the next snapshot', async () => {
    const stored = [makeMilestone('m1', 'b', { kind: 'stage-gate', dueDate: '2026-01-31' }), makeMilestone('m2', 'b', { dueDate: '2027-03-31' })];
    const { m, count } = model(undefined, undefined, stored);
    const first = await m.load(req);
    const at = [unpack(first.ids).indexOf('b'), unpack(first.ids).indexOf('a')];
    const shown = (l: { id: string; status: string }[][] | null) => l!.map((ms) => ms.map((x) => `${x.id}:${x.status}`));
    expect(shown(await m.markers(first.version, at))).toEqual([['m1:planned', 'm2:planned'], []]);
    expect(count.markerReads).toBe(2);
    // Scrolling back over rows already read asks nothing of the store.
    expect(shown(await m.markers(first.version, [at[1]!, at[0]!]))).toEqual([[], ['m1:planned', 'm2:planned']]);
    expect(count.markerReads).toBe(2);
    // A write (marked done, one added, one deleted) moves the page's generation: the next snapshot shows what was written.
    stored.splice(0, 2, { ...stored[0]!, status: 'passed', doneDate: '2026-01-30' }, makeMilestone('m3', 'a', { dueDate: '2026-09-30' }));
    const second = await m.load({ ...req, generation: 1 });
    expect(await m.markers(first.version, at)).toBeNull();
    const atNow = [unpack(second.ids).indexOf('b'), unpack(second.ids).indexOf('a')];
    expect(shown(await m.markers(second.version, atNow))).toEqual([['m1:passed'], ['m3:planned']]);
  });

  it('answers the Timeline\'s first open from what its read-ahead asked (layout and the first rows\' markers), reading nothing again', async () => {
    const stored = [makeMilestone('m1', 'b', { kind: 'stage-gate', dueDate: '2026-01-31' }), makeMilestone('m2', 'a', { dueDate: '2027-03-31' })];
    const { m, count } = model(undefined, undefined, stored);
    const snap = await m.load(req);
    const q = { version: snap.version, showArchived: false, lang: 'ja' as const, unmappedLabel: '未設定', currentFy: 2026 };
    // The read-ahead (readTimelineAhead): the opening layout, then the markers of the rows from the top.
    const ahead = await m.timeline(q);
    await m.markers(snap.version, markerPositions(ahead!.items, 0));
    const readAhead = count.markerReads;
    expect(readAhead).toBe(ahead!.count);
    // The screen's first open, scrolled to the top, asks the same and is answered from what the Worker kept.
    const opened = await m.timeline(q);
    expect([...opened!.items]).toEqual([...ahead!.items]);
    const at = markerPositions(opened!.items, 0);
    const markers = await m.markers(snap.version, at);
    expect(count.markerReads).toBe(readAhead);
    expect(markers!.map((l, i) => [unpack(snap.ids)[at[i]!], l.map((x) => x.id)])).toEqual(at.map((i) => [unpack(snap.ids)[i], stored.filter((x) => x.projectId === unpack(snap.ids)[i]).map((x) => x.id)]));
  });
});
