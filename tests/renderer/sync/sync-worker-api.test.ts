// The sync Worker's API across a real postMessage seam (a Comlink MessageChannel standing in for the Worker, called
// through the one Worker client), over PouchDB's memory adapter and the CouchDB stand-in: a refused sign-in keeps its
// HTTP status, the first round runs without holding up other calls and reports its end as an event, and a colleague's
// records reach the store the Worker was given.
import PouchDB from 'pouchdb-core';
import type { Database } from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callback, WorkerClient } from '../../../renderer/platform/worker-client';
import { SyncEngine } from '../../../renderer/sync/engine';
import type { SyncDatabase } from '../../../renderer/sync/pouch';
import { describeSyncError } from '../../../renderer/sync/sync-errors';
import type { SyncFailure, SyncWorkerApi, SyncWorkerEvent } from '../../../renderer/sync/sync-protocol';
import { createSyncWorkerApi } from '../../../renderer/sync/sync-worker-api';
import type { SyncDoc } from '../../../shared/sync/sync-docs';
import { makeProject } from '../../shared/portfolio/fixtures';
import { FakeWorker } from '../platform/fake-worker';
import { createOfficeDb, startCouchServer } from '../../sync/couch-server';
import type { CouchServer } from '../../sync/couch-server';
import { FakeStore } from './fake-store';

const Pouch = PouchDB.plugin(MemoryAdapter).plugin(HttpAdapter).plugin(Replication);

let server: CouchServer;
let counter = 0;

beforeAll(async () => {
  server = await startCouchServer({ users: ['alice', 'bob'] });
}, 30_000);
afterAll(() => server?.stop());

const remoteDb = (db: string, user: string, password: string): SyncDatabase =>
  new Pouch<SyncDoc>(`${server.url}/${db}`, { adapter: 'http', skip_setup: true, auth: { username: user, password } }) as Database<SyncDoc>;

/** Bob's sync Worker: its API served over a MessageChannel, called through the Worker client as the page does. */
function bobsWorker(store: FakeStore): WorkerClient<SyncWorkerApi> {
  const local = new Pouch<SyncDoc>(`worker-rb-${++counter}`, { adapter: 'memory' }) as Database<SyncDoc>;
  const api = createSyncWorkerApi({
    openLocal: () => local,
    openRemote: (url, c) => new Pouch<SyncDoc>(url, { adapter: 'http', skip_setup: true, auth: c }) as Database<SyncDoc>,
    store: () => store,
    tuning: { batchSize: 20 },
  });
  return new WorkerClient<SyncWorkerApi>(() => new FakeWorker(api));
}

describe('the sync Worker API', () => {
  it('a refused sign-in comes back with its HTTP status, so the page can name the cause', async () => {
    const client = bobsWorker(new FakeStore('bob'));
    const failure = await client.call((w) => w.signIn({ url: `${server.url}/never-set-up`, user: 'bob', password: 'bob-pw' }));
    const db = `office-w${++counter}`;
    await createOfficeDb(server, db, ['alice', 'bob']);
    const wrong = await client.call((w) => w.signIn({ url: `${server.url}/${db}`, user: 'bob', password: 'not-bobs' }));
    const right = await client.call((w) => w.signIn({ url: `${server.url}/${db}`, user: 'bob', password: 'bob-pw' }));
    client.terminate();
    expect(failure?.status).toBe(404);
    expect(describeSyncError(failure).en).toMatch(/not on the server/);
    expect(wrong?.status).toBe(401);
    expect(describeSyncError(wrong).en).toMatch(/password is wrong/);
    expect(right).toBeNull();
  }, 30_000);

  it("the first round runs in the Worker, reports its end as an event, and a colleague's projects reach the store", async () => {
    const db = `office-w${++counter}`;
    await createOfficeDb(server, db, ['alice', 'bob']);
    const alice = new FakeStore('alice');
    for (let i = 0; i < 30; i++) alice.write('project', { ...makeProject(`p${i}`) });
    const aliceLocal = new Pouch<SyncDoc>(`worker-ra-${++counter}`, { adapter: 'memory' }) as Database<SyncDoc>;
    await new SyncEngine({ local: aliceLocal, remote: remoteDb(db, 'alice', 'alice-pw'), store: alice, user: 'alice', replica: 'ra', batchSize: 20 }).syncOnce();

    const bob = new FakeStore('bob');
    const client = bobsWorker(bob);
    expect(await client.call((w) => w.signIn({ url: `${server.url}/${db}`, user: 'bob', password: 'bob-pw' }))).toBeNull();
    const order: string[] = [];
    const events: SyncWorkerEvent[] = [];
    let roundEnded: (f: SyncFailure | null) => void = () => undefined;
    const round = new Promise<SyncFailure | null>((resolve) => (roundEnded = resolve));
    await client.call((w) =>
      w.begin(
        { user: 'bob', replica: 'rb' },
        callback((e: SyncWorkerEvent) => {
          events.push(e);
          if (e.type === 'round') {
            order.push('round');
            roundEnded(e.failure);
          }
        }),
      ),
    );
    order.push('begin returned');
    expect(await round).toBeNull();
    expect(order).toEqual(['begin returned', 'round']);
    expect([...bob.records.keys()].filter((k) => k.startsWith('project:')).length).toBe(30);
    expect(events.some((e) => e.type === 'progress' && e.direction === 'pull' && e.docs > 0)).toBe(true);
    expect(events).toContainEqual({ type: 'state', state: 'idle' });
    // A failure inside the Worker is an answer, not a lost exception.
    const refused = await client.call((w) => w.resolve('project:nope', 'title', 'x'));
    expect(refused?.status).toBe(404);
    await client.call((w) => w.stop());
    client.terminate();
  }, 60_000);
});
