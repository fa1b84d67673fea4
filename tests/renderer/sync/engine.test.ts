// The sync engine in Node: two desktops' replicas (PouchDB's memory adapter) replicating through the CouchDB stand-in,
// each with a fake store. A change made on one arrives on the other; edits to different fields merge; the same amount
// changed on both lands in "to review" on both; the server's rules and the gate keep bad documents out.
import PouchDB from 'pouchdb-core';
import type { Database } from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../renderer/sync/engine';
import type { SyncEvent } from '../../../renderer/sync/engine';
import type { SyncDatabase } from '../../../renderer/sync/pouch';
import type { SyncDoc } from '../../../shared/sync/sync-docs';
import { basicAuth, createOfficeDb, startCouchServer } from '../../sync/couch-server';
import type { CouchServer } from '../../sync/couch-server';
import { makeLine, makeProject } from '../../shared/portfolio/fixtures';
import { FakeStore } from './fake-store';

const Pouch = PouchDB.plugin(MemoryAdapter).plugin(HttpAdapter).plugin(Replication);
const T0 = Date.UTC(2026, 3, 1, 9, 0, 0);

let server: CouchServer;
let dbCounter = 0;

beforeAll(async () => {
  server = await startCouchServer({ users: ['alice', 'bob', 'mallory'] });
}, 30_000);
afterAll(() => server?.stop());

/** A fresh office database on the stand-in, set up by the real setup script. */
async function officeDb(): Promise<string> {
  const name = `office-${++dbCounter}`;
  await createOfficeDb(server, name, ['alice', 'bob']);
  return name;
}

interface Desk {
  store: FakeStore;
  engine: SyncEngine;
  local: SyncDatabase;
  remote: SyncDatabase;
  events: SyncEvent[];
  advance(ms: number): void;
}

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for sync');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface DeskOptions {
  start?: number;
  /** Replication batches and applied batches (defaults: 50 and the engine's). */
  batchSize?: number;
  applyBatchSize?: number;
  /** Another engine over this desk's replica and store: the app started again. */
  restartOf?: Desk;
}

function desk(user: string, replica: string, db: string, o: DeskOptions = {}): Desk {
  let t = o.start ?? T0;
  const store = o.restartOf?.store ?? new FakeStore(user);
  const local = o.restartOf?.local ?? (new Pouch<SyncDoc>(`${replica}-${db}`, { adapter: 'memory' }) as Database<SyncDoc>);
  const remote = new Pouch<SyncDoc>(`${server.url}/${db}`, { adapter: 'http', skip_setup: true, auth: { username: user, password: `${user}-pw` } }) as Database<SyncDoc>;
  const engine = new SyncEngine({ local, remote, store, user, replica, now: () => t, batchSize: o.batchSize ?? 50, ...(o.applyBatchSize ? { applyBatchSize: o.applyBatchSize } : {}) });
  const events: SyncEvent[] = [];
  engine.on((e) => events.push(e));
  return { store, engine, local, remote, events, advance: (ms) => (t += ms) };
}

describe('SyncEngine through the stand-in', () => {
  it('a project created on one desktop arrives on the other, with its audit entry and author', async () => {
    const db = await officeDb();
    const a = desk('alice', 'ra', db);
    const b = desk('bob', 'rb', db);
    a.store.write('project', { ...makeProject('p1') });
    a.store.write('budgetLine', { ...makeLine('p1', 2025, 1_000_000) });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(b.store.get('project', 'p1')).toEqual(makeProject('p1'));
    expect(b.store.get('budgetLine', 'p1-2025')).toEqual(makeLine('p1', 2025, 1_000_000));
    expect(b.store.applied.flatMap((x) => x.records).map((r) => r.author)).toEqual(['alice', 'alice']);
    expect(b.store.audit.map((e) => [e.user, e.syncId])).toEqual([
      ['alice', 'audit:ra:0000000001'],
      ['alice', 'audit:ra:0000000002'],
    ]);
    // No echo: Alice's own documents are not applied back to her store.
    await a.engine.syncOnce();
    expect(a.store.applied).toEqual([]);
    expect(a.events.some((e) => e.type === 'progress' && e.direction === 'push')).toBe(true);
    expect(b.events).toContainEqual({ type: 'state', state: 'idle' });
  }, 30_000);

  it('edits to different fields made while both are offline merge on both desktops', async () => {
    const db = await officeDb();
    const a = desk('alice', 'ra', db);
    const b = desk('bob', 'rb', db);
    a.store.write('project', { ...makeProject('p1') });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    a.advance(60_000);
    b.advance(90_000);
    a.store.write('project', { ...makeProject('p1'), title: 'Alice’s title' });
    b.store.write('project', { ...makeProject('p1'), notes: 'Bob’s note', tags: ['bob'] });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    const expected = makeProject('p1', { title: 'Alice’s title', notes: 'Bob’s note', tags: ['bob'] });
    expect(b.store.get('project', 'p1')).toEqual(expected);
    expect(a.store.get('project', 'p1')).toEqual(expected);
    expect(a.store.review.size + b.store.review.size).toBe(0);
    const doc = await b.local.get('project:p1', { conflicts: true });
    expect(doc._conflicts ?? []).toEqual([]);
  }, 30_000);

  it('the same amount changed on both lands in "to review" with both values on both desktops', async () => {
    const db = await officeDb();
    const a = desk('alice', 'ra', db);
    const b = desk('bob', 'rb', db);
    a.store.write('budgetLine', { ...makeLine('p1', 2025, 1_000_000, 300_000) });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    a.advance(60_000);
    b.advance(90_000);
    a.store.write('budgetLine', { ...makeLine('p1', 2025, 1_200_000, 300_000) });
    b.store.write('budgetLine', { ...makeLine('p1', 2025, 900_000, 300_000) });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    for (const d of [a, b]) {
      const items = d.store.review.get('budgetLine:p1-2025');
      expect(items?.map((r) => [r.field, r.sides.map((s) => [s.value, s.by])])).toEqual([
        [
          'directYen',
          [
            [1_200_000, 'alice'],
            [900_000, 'bob'],
          ],
        ],
      ]);
    }
    expect(b.events.some((e) => e.type === 'review')).toBe(true);
    // Bob chooses Alice's value: a new revision; both lists close and both stores hold the chosen amount.
    await b.engine.resolve('budgetLine:p1-2025', 'directYen', 1_200_000);
    // Applied through the store's resolution path (which writes the chooser's audit entry), not as a colleague's batch.
    expect(b.store.resolutions).toEqual([{ key: 'p1-2025', field: 'directYen' }]);
    expect(b.store.get('budgetLine', 'p1-2025')).toMatchObject({ directYen: 1_200_000 });
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    for (const d of [a, b]) {
      expect(d.store.review.has('budgetLine:p1-2025')).toBe(false);
      expect(d.store.get('budgetLine', 'p1-2025')).toMatchObject({ directYen: 1_200_000 });
    }
  }, 30_000);

  it('two desktops merging the same conflict at once settle on one revision, with no ping-pong', async () => {
    const db = await officeDb();
    const a = desk('alice', 'ra', db);
    const b = desk('bob', 'rb', db);
    a.store.write('project', { ...makeProject('p1') });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    a.advance(60_000);
    b.advance(90_000);
    a.store.write('project', { ...makeProject('p1'), title: 'A' });
    b.store.write('project', { ...makeProject('p1'), notes: 'B' });
    await a.engine.pushLocalChanges();
    await b.engine.pushLocalChanges();
    await a.local.replicate.to(a.remote);
    await b.local.replicate.to(b.remote);
    await a.local.replicate.from(a.remote);
    await b.local.replicate.from(b.remote);
    // Each merges the same conflict without having seen the other's merge.
    await a.engine.applyIncoming();
    await b.engine.applyIncoming();
    const generation = async (d: Desk) => Number((await d.local.get('project:p1'))._rev!.split('-')[0]);
    for (let i = 0; i < 2; i++) {
      await a.engine.syncOnce();
      await b.engine.syncOnce();
    }
    const settled = [await generation(a), await generation(b)];
    for (let i = 0; i < 2; i++) {
      await a.engine.syncOnce();
      await b.engine.syncOnce();
    }
    expect([await generation(a), await generation(b)]).toEqual(settled);
    expect(settled[0]).toBe(settled[1]);
    for (const d of [a, b]) {
      expect(d.store.get('project', 'p1')).toEqual(makeProject('p1', { title: 'A', notes: 'B' }));
      expect((await d.local.get('project:p1', { conflicts: true }))._conflicts ?? []).toEqual([]);
    }
  }, 60_000);

  it('a removal propagates', async () => {
    const db = await officeDb();
    const a = desk('alice', 'ra', db);
    const b = desk('bob', 'rb', db);
    a.store.write('milestone', { id: 'm1', projectId: 'p1', kind: 'other', title: 'x', dueDate: '2026-03-31', status: 'planned', doneDate: null, notes: '', origin: 'user' });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(b.store.get('milestone', 'm1')).toBeDefined();
    a.store.remove('milestone', 'm1');
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(b.store.get('milestone', 'm1')).toBeUndefined();
  }, 30_000);

  it('the server refuses a forged author, and nothing of it reaches the colleague', async () => {
    const db = await officeDb();
    const a = desk('alice', 'ra', db);
    const forged = desk('bob', 'ra2', db);
    // A desktop signed in as Alice but writing documents under Bob's name.
    const impostor = new SyncEngine({
      local: forged.local,
      remote: new Pouch<SyncDoc>(`${server.url}/${db}`, { adapter: 'http', skip_setup: true, auth: { username: 'alice', password: 'alice-pw' } }) as Database<SyncDoc>,
      store: forged.store,
      user: 'bob',
      replica: 'ra2',
      now: () => T0,
    });
    const events: SyncEvent[] = [];
    impostor.on((e) => events.push(e));
    forged.store.write('project', { ...makeProject('p9') });
    await impostor.syncOnce();
    const denied = events.filter((e) => e.type === 'denied');
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.some((e) => e.type === 'denied' && e.docId === 'project:p9')).toBe(true);
    // The refusal is reported once and replication moves past it: another round sends nothing again (no retry loop).
    events.length = 0;
    await impostor.syncOnce();
    expect(events.filter((e) => e.type === 'denied')).toEqual([]);
    expect(events.at(-1)).toEqual({ type: 'state', state: 'idle' });
    await a.engine.syncOnce();
    expect(a.store.get('project', 'p9')).toBeUndefined();
  }, 30_000);

  it('live replication carries a change while started, and stop leaves the local data as it is', async () => {
    const db = await officeDb();
    const a = desk('alice', 'ra', db);
    const b = desk('bob', 'rb', db);
    a.engine.start();
    b.engine.start();
    a.store.write('project', { ...makeProject('p1') });
    await a.engine.notifyLocalChange();
    await waitFor(() => b.store.get('project', 'p1') !== undefined);
    await a.engine.stop();
    await b.engine.stop();
    expect(b.store.get('project', 'p1')).toEqual(makeProject('p1'));
    expect(b.events.some((e) => e.type === 'progress' && e.direction === 'pull')).toBe(true);
    expect(b.events.at(-1)).toEqual({ type: 'state', state: 'stopped' });
    // Stopped: a later change stays local until sync starts again.
    a.store.write('project', { ...makeProject('p2') });
    await a.engine.notifyLocalChange();
    expect((await a.local.get('project:p2'))._id).toBe('project:p2');
    expect(b.store.get('project', 'p2')).toBeUndefined();
  }, 30_000);

  it('a non-member can neither read nor write', async () => {
    const db = await officeDb();
    const m = desk('mallory', 'rm', db);
    m.store.write('project', { ...makeProject('p1') });
    await expect(m.engine.syncOnce()).rejects.toThrow();
    expect(m.events).toContainEqual({ type: 'state', state: 'error' });
  }, 30_000);

  it('the gate keeps a malformed document out of the store', async () => {
    const db = await officeDb();
    const b = desk('bob', 'rb', db);
    // Written by a server admin (validate_doc_update lets admins through), so only the gate stands in the way.
    const res = await fetch(`${server.url}/${db}/project:bad`, {
      method: 'PUT',
      headers: { ...basicAuth(server.admin.name, server.admin.password), 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'project', schema: 1, author: 'admin', replica: 'x', data: { id: 'bad', status: 'lost' }, stamps: {}, removed: null, review: [] }),
    });
    expect(res.status).toBe(201);
    await b.engine.syncOnce();
    expect(b.store.get('project', 'bad')).toBeUndefined();
    expect(b.events.find((e) => e.type === 'rejected')).toMatchObject({ type: 'rejected', docId: 'project:bad' });
  }, 30_000);
});

describe('SyncEngine: applying batches and the saved place', () => {
  const STATE_ID = '_local/grant-portfolio-sync-state';
  const appliedSeq = async (d: Desk): Promise<number> => Number(((await d.local.get(STATE_ID)) as unknown as { appliedSeq: number | string }).appliedSeq);
  const projectKeys = (d: Desk): string[] => d.store.applied.flatMap((b) => b.records.map((r) => r.key)).sort();

  /** Alice uploads `n` projects (each with its audit entry: 2n documents on the server). */
  async function officeWith(n: number): Promise<{ db: string; keys: string[] }> {
    const db = await officeDb();
    const a = desk('alice', 'ra', db);
    const keys = Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, '0')}`);
    for (const k of keys) a.store.write('project', { ...makeProject(k) });
    await a.engine.syncOnce();
    return { db, keys };
  }

  it('applies batches while the download runs, not only after it', async () => {
    const { db, keys } = await officeWith(12);
    const b = desk('bob', 'rb', db, { batchSize: 4, applyBatchSize: 4 });
    await b.engine.syncOnce();
    expect(projectKeys(b)).toEqual(keys);
    const lastPull = b.events.map((e) => e.type === 'progress' && e.direction === 'pull').lastIndexOf(true);
    const firstApplied = b.events.findIndex((e) => e.type === 'applied');
    expect(firstApplied).toBeGreaterThan(-1);
    expect(firstApplied).toBeLessThan(lastPull);
    // Each audit entry and record once, however the runs during the download and the final one split the feed.
    expect(b.store.audit.map((e) => e.syncId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `audit:ra:${String(i + 1).padStart(10, '0')}`));
  }, 30_000);

  it('during the download, applies once a full store batch has arrived, not after every replication batch', async () => {
    const { db } = await officeWith(12);
    const b = desk('bob', 'rb', db, { batchSize: 2, applyBatchSize: 8 });
    await b.engine.syncOnce();
    const lastPull = b.events.map((e) => e.type === 'progress' && e.direction === 'pull').lastIndexOf(true);
    const first = b.events.findIndex((e) => e.type === 'applied');
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(lastPull);
    const applied = b.events[first] as Extract<SyncEvent, { type: 'applied' }>;
    // 8 changes of the replica's feed, the server's design document (never applied) among the first.
    expect(applied.records + applied.audit).toBe(7);
    expect(b.store.audit).toHaveLength(12);
  }, 30_000);

  it("a first download applies the replication's own batches: no document is read back from the replica", async () => {
    const { db, keys } = await officeWith(12);
    const b = desk('bob', 'rb', db, { batchSize: 4, applyBatchSize: 8 });
    // The engine reads documents back (the feed, or one with its conflicts) with conflicts: true; replication never does.
    let readBack = 0;
    const local = b.local as unknown as Record<'changes' | 'allDocs', (o: { conflicts?: boolean }) => PromiseLike<{ results?: unknown[]; rows?: unknown[] }>>;
    for (const name of ['changes', 'allDocs'] as const) {
      const original = local[name].bind(b.local);
      local[name] = (o) => {
        const res = original(o);
        if (o.conflicts) void Promise.resolve(res).then((r) => (readBack += (r.results ?? r.rows ?? []).length));
        return res;
      };
    }
    await b.engine.syncOnce();
    expect(readBack).toBe(0);
    expect(projectKeys(b)).toEqual(keys);
    expect(b.store.audit).toHaveLength(12);
    // The saved place is at the end of the replica's feed: started again, nothing is applied twice.
    expect(await appliedSeq(b)).toBe(Number((await b.local.info()).update_seq));
  }, 30_000);

  it('after a download, live replication sends what is written here, not every downloaded document back for checking', async () => {
    const { db } = await officeWith(12);
    const b = desk('bob', 'rb', db);
    await b.engine.syncOnce();
    const offered: string[] = [];
    const remote = b.remote as unknown as { revsDiff: (diff: Record<string, string[]>) => Promise<unknown> };
    const revsDiff = remote.revsDiff.bind(b.remote);
    remote.revsDiff = (diff) => {
      offered.push(...Object.keys(diff));
      return revsDiff(diff);
    };
    b.engine.start();
    b.store.write('project', { ...makeProject('p-bob') });
    await b.engine.notifyLocalChange();
    await waitFor(() => offered.includes('project:p-bob'));
    await b.engine.stop();
    expect(offered.filter((id) => id !== 'project:p-bob' && !id.startsWith('audit:rb:'))).toEqual([]);
    const server = desk('alice', 'ra', db).remote;
    expect((await server.get('project:p-bob')).author).toBe('bob');
  }, 30_000);

  it('does not move the saved place past a batch the store failed to write; started again, nothing is missing', async () => {
    const { db, keys } = await officeWith(6);
    // Replication batches of 4 documents, as many as a store batch: the download's batches are applied whole, and the
    // saved place can only move to the end of one.
    const b = desk('bob', 'rb', db, { batchSize: 4, applyBatchSize: 4 });
    // The first two batches commit; every later one fails (as a browser killed mid-write leaves it).
    b.store.failApply = (i) => i >= 2;
    await expect(b.engine.syncOnce()).rejects.toThrow('store write failed');
    expect(b.store.applied).toHaveLength(2);
    const saved = await appliedSeq(b);
    const committed = await b.local.changes({ since: 0, limit: 8 });
    expect(saved).toBe(Number(committed.last_seq));

    b.store.failApply = null;
    const again = desk('bob', 'rb', db, { batchSize: 4, applyBatchSize: 4, restartOf: b });
    await again.engine.syncOnce();
    expect(projectKeys(b)).toEqual(keys);
    // Started from the saved place: nothing applied before the failure comes again.
    const early = new Set(b.store.applied.slice(0, 2).flatMap((x) => x.records.map((r) => r.key)));
    expect(early.size).toBeGreaterThan(0);
    expect(b.store.applied.slice(2).flatMap((x) => x.records.map((r) => r.key)).filter((k) => early.has(k))).toEqual([]);
    expect(await appliedSeq(b)).toBe(Number((await b.local.info()).update_seq));
  }, 30_000);

  it('a store that refuses every batch leaves the saved place at the start', async () => {
    const { db } = await officeWith(3);
    const b = desk('bob', 'rb', db);
    b.store.failApply = () => true;
    await expect(b.engine.syncOnce()).rejects.toThrow('store write failed');
    expect(b.store.applied).toEqual([]);
    expect(await appliedSeq(b)).toBe(0);
    expect(b.events).toContainEqual({ type: 'state', state: 'error' });
  }, 30_000);
});
