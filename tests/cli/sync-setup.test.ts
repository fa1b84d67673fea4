// The setup script against the CouchDB stand-in: it creates the database, members and rules; then the server refuses
// a forged author, any change to an audit entry, and a non-member's reads and writes. Also its argument checks.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSetupArgs, runSyncSetup } from '../../cli/sync-setup';
import type { SyncSetupIo } from '../../cli/sync-setup';
import { DESIGN_DOC_ID } from '../../shared/sync/design-doc';
import { basicAuth, startCouchServer } from '../sync/couch-server';
import type { CouchServer } from '../sync/couch-server';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer({ users: ['alice', 'bob', 'mallory'] });
}, 30_000);
afterAll(() => server?.stop());

function io(env: Record<string, string> = {}, files: Record<string, string> = {}): SyncSetupIo & { out: string; err: string } {
  const self = {
    out: '',
    err: '',
    env,
    readFile: (p: string) => {
      if (!(p in files)) throw new Error(`no file ${p}`);
      return files[p]!;
    },
    stdout: (t: string) => {
      self.out += t;
    },
    stderr: (t: string) => {
      self.err += t;
    },
    fetch,
  };
  return self;
}

const as = async (user: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...basicAuth(user, `${user}-pw`), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('sync:setup against the stand-in', () => {
  it('stops with exit 2 when no admin credentials are given and there is no terminal to ask on', async () => {
    const out = io();
    expect(await runSyncSetup([server.url, '--member', 'alice'], out)).toBe(2);
    expect(out.err).toMatch(/credentials are missing/);
  });

  it('asks for the credentials when it has a terminal', async () => {
    const asked: [string, boolean][] = [];
    const out = { ...io(), prompt: (q: string, hidden: boolean) => {
      asked.push([q, hidden]);
      return Promise.resolve(hidden ? 'wrong-password' : server.admin.name);
    } };
    expect(await runSyncSetup([server.url, '--member', 'alice'], out)).toBe(1);
    expect(asked.map(([, hidden]) => hidden)).toEqual([false, true]);
  });

  it('refuses credentials that are not a server admin', async () => {
    const out = io({ COUCHDB_ADMIN_USER: 'alice', COUCHDB_ADMIN_PASSWORD: 'alice-pw' });
    expect(await runSyncSetup([server.url, '--member', 'alice'], out)).toBe(1);
    expect(out.err).toMatch(/not a server admin/);
  });

  it('creates the database, members and rules, and is safe to run again', async () => {
    const env = { COUCHDB_ADMIN_USER: server.admin.name, COUCHDB_ADMIN_PASSWORD: server.admin.password };
    const first = io(env, { 'members.txt': '# office\nalice\n\nbob\n' });
    expect(await runSyncSetup([server.url, '--db', 'office', '--members-file', 'members.txt'], first)).toBe(0);
    expect(first.out).toMatch(/Created database office/);
    const again = io(env);
    expect(await runSyncSetup([server.url, '--db', 'office', '--member', 'alice', '--member', 'bob'], again)).toBe(0);
    expect(again.out).toMatch(/exists; keeping its data/);
    const sec = await fetch(`${server.url}/office/_security`, { headers: basicAuth(server.admin.name, server.admin.password) });
    expect(((await sec.json()) as { members: { names: string[] } }).members.names).toEqual(['alice', 'bob']);
    const ddoc = await fetch(`${server.url}/office/${DESIGN_DOC_ID}`, { headers: basicAuth(server.admin.name, server.admin.password) });
    expect(((await ddoc.json()) as { _rev: string })._rev).toMatch(/^2-/);
  });

  it('lets a member write under their own name and refuses a forged author', async () => {
    expect((await as('alice', 'PUT', '/office/project:p1', { type: 'project', author: 'alice', data: {} })).status).toBe(201);
    const forged = await as('alice', 'PUT', '/office/project:p2', { type: 'project', author: 'bob', data: {} });
    expect(forged.status).toBe(403);
    expect(forged.json.reason).toMatch(/author must be the signed-in user/);
  });

  it('lets a colleague update a record under their own name', async () => {
    const current = await as('bob', 'GET', '/office/project:p1');
    expect((await as('bob', 'PUT', '/office/project:p1', { ...current.json, author: 'bob' })).status).toBe(201);
  });

  it('refuses any change or deletion of an audit entry, even by its author', async () => {
    const created = await as('alice', 'PUT', '/office/audit:r1:1', { type: 'audit', author: 'alice', entry: { summary: 'x' } });
    expect(created.status).toBe(201);
    const rev = created.json.rev as string;
    const changed = await as('alice', 'PUT', '/office/audit:r1:1', { _rev: rev, type: 'audit', author: 'alice', entry: { summary: 'y' } });
    expect(changed.status).toBe(403);
    const deleted = await as('alice', 'POST', '/office/_bulk_docs', { docs: [{ _id: 'audit:r1:1', _rev: rev, _deleted: true, type: 'audit', author: 'alice' }] });
    // CouchDB 3 answers forbidden; the stand-in answers unauthorized here (docs/sharing.md): refused either way.
    expect((deleted.json as unknown as { error?: string }[])[0]?.error).toMatch(/^(forbidden|unauthorized)$/);
    expect((await as('alice', 'GET', '/office/audit:r1:1')).json.entry).toEqual({ summary: 'x' });
  });

  it('keeps a non-member out: no reads, no writes', async () => {
    expect((await as('mallory', 'GET', '/office/project:p1')).status).toBe(401);
    expect((await as('mallory', 'GET', '/office/_changes')).status).toBe(401);
    expect((await as('mallory', 'PUT', '/office/project:m1', { type: 'project', author: 'mallory', data: {} })).status).toBe(401);
    const anonymous = await fetch(`${server.url}/office/project:p1`);
    expect(anonymous.status).toBe(401);
  });

  it('runs as `npm run sync:setup` with credentials from the environment', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'sync:setup', '--', server.url, '--db', 'office2', '--member', 'alice'], {
      env: { ...process.env, COUCHDB_ADMIN_USER: server.admin.name, COUCHDB_ADMIN_PASSWORD: server.admin.password },
    });
    expect(stdout).toMatch(/Created database office2/);
    expect((await as('bob', 'GET', '/office2/_all_docs')).status).toBe(401);
  }, 30_000);
});

describe('sync:setup arguments', () => {
  const noFile = (p: string): string => {
    throw new Error(`no file ${p}`);
  };
  it('needs https for a remote server, no credentials in the URL, and at least one member', () => {
    expect(parseSetupArgs(['http://couch.example.ac.jp', '--member', 'a'], noFile)).toMatch(/https/);
    expect(parseSetupArgs(['http://couch.example.ac.jp', '--member', 'a', '--allow-http'], noFile)).toMatchObject({ allowHttp: true });
    expect(parseSetupArgs(['https://admin:pw@couch.example.ac.jp', '--member', 'a'], noFile)).toMatch(/credentials/);
    expect(parseSetupArgs(['https://couch.example.ac.jp'], noFile)).toMatch(/at least one member/);
    expect(parseSetupArgs(['https://couch.example.ac.jp/', '--member', 'a', '--db', 'Bad'], noFile)).toMatch(/database name/);
    expect(parseSetupArgs(['https://couch.example.ac.jp/', '--member', '_admin'], noFile)).toMatch(/user name/);
    expect(parseSetupArgs(['https://couch.example.ac.jp/couch/', '--member', ' a ', '--member', 'b'], noFile)).toEqual({
      serverUrl: 'https://couch.example.ac.jp/couch',
      dbName: 'grant-portfolio',
      members: [' a ', 'b'],
      allowHttp: false,
    });
  });
});
