// `npm start` on a machine where the Electron binary is missing: one clear line, then the web build on a printed URL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

let child: ReturnType<typeof spawn> | undefined;
const dirs: string[] = [];
afterEach(() => {
  child?.kill('SIGTERM');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm start fallback', () => {
  it('says the Electron binary is unavailable and serves the web build', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'gp-start-'));
    const fakeElectronDist = mkdtempSync(path.join(tmpdir(), 'gp-no-electron-'));
    dirs.push(out, fakeElectronDist);
    // Pointing Electron at an empty folder makes the binary "missing" on any machine, as it is on the build machine.
    child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: '0', GP_OUT_DIR: out, ELECTRON_OVERRIDE_DIST_PATH: fakeElectronDist },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += String(d)));
    child.stderr!.on('data', (d) => (output += String(d)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 110_000);
      const poll = setInterval(() => {
        const m = /running at (http:\/\/localhost:\d+\/)/.exec(output);
        if (m) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(m[1]!);
        }
      }, 100);
    });
    expect(output).toMatch(/The Electron binary is not installed and could not be downloaded/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  }, 120_000);
});
