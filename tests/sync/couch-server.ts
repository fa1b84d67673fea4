// Starts and stops the CouchDB stand-in (tests/sync/couch-server-process.mjs) for a test file: a fresh, empty server
// on 127.0.0.1 with a free port and one server admin. Differences from CouchDB 3 are listed in docs/sharing.md.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSyncSetup } from '../../cli/sync-setup';

export interface CouchServer {
  /** Base URL without credentials, e.g. http://127.0.0.1:41234 */
  url: string;
  admin: { name: string; password: string };
  stop(): Promise<void>;
}

const processFile = fileURLToPath(new URL('./couch-server-process.mjs', import.meta.url));

export interface CouchServerOptions {
  admin?: { name: string; password: string };
  /** Allow browser pages served from a loopback port (CouchDB's CORS settings), for the end-to-end tests. */
  cors?: boolean;
  /** CouchDB users to create, each with the password `<name>-pw`. */
  users?: readonly string[];
}

export async function startCouchServer(opts: CouchServerOptions = {}): Promise<CouchServer> {
  const admin = opts.admin ?? { name: 'admin', password: 'admin-secret' };
  const logDir = mkdtempSync(path.join(tmpdir(), 'gp-couch-'));
  const child = spawn(process.execPath, [processFile, admin.name, admin.password, logDir, ...(opts.cors ? ['--cors'] : [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`CouchDB stand-in did not start: ${err}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CouchDB stand-in exited (${code}): ${err}`));
    });
  });
  const server: CouchServer = { url: `http://127.0.0.1:${port}`, admin, stop: () => stopChild(child) };
  for (const name of opts.users ?? []) await createCouchUser(server, name);
  return server;
}

/** The password the helpers give every test user. */
export const testPassword = (name: string): string => `${name}-pw`;

/** A CouchDB user in `_users`, as IT creates one (docs/sharing.md). */
export async function createCouchUser(server: CouchServer, name: string): Promise<void> {
  const res = await fetch(`${server.url}/_users/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { ...basicAuth(server.admin.name, server.admin.password), 'content-type': 'application/json' },
    body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, password: testPassword(name), roles: [], type: 'user' }),
  });
  if (res.status !== 201) throw new Error(`Could not create user ${name}: ${res.status} ${await res.text()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Basic-auth headers for plain fetch calls in tests. */
export function basicAuth(name: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` };
}

/** An office database set up by the real setup script (`npm run sync:setup`), with the given members. */
export async function createOfficeDb(server: CouchServer, db: string, members: readonly string[]): Promise<void> {
  let err = '';
  const io = { readFile: () => '', stdout: () => {}, stderr: (t: string) => void (err += t), fetch, env: { COUCHDB_ADMIN_USER: server.admin.name, COUCHDB_ADMIN_PASSWORD: server.admin.password } };
  const code = await runSyncSetup([server.url, '--db', db, ...members.flatMap((m) => ['--member', m])], io);
  if (code !== 0) throw new Error(`sync:setup failed (${code}): ${err}`);
}
