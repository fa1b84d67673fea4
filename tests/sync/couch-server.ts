// Starts and stops the CouchDB stand-in (tests/sync/couch-server-process.mjs) for a test file: a fresh, empty server
// on 127.0.0.1 with a free port and one server admin. Differences from CouchDB 3 are listed in docs/sharing.md.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CouchServer {
  /** Base URL without credentials, e.g. http://127.0.0.1:41234 */
  url: string;
  admin: { name: string; password: string };
  stop(): Promise<void>;
}

const processFile = fileURLToPath(new URL('./couch-server-process.mjs', import.meta.url));

export async function startCouchServer(admin = { name: 'admin', password: 'admin-secret' }): Promise<CouchServer> {
  const logDir = mkdtempSync(path.join(tmpdir(), 'gp-couch-'));
  const child = spawn(process.execPath, [processFile, admin.name, admin.password, logDir], { stdio: ['pipe', 'pipe', 'pipe'] });
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
  return { url: `http://127.0.0.1:${port}`, admin, stop: () => stopChild(child) };
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
