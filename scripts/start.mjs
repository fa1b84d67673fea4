// `npm start`: builds and launches the desktop app; when the Electron binary is missing and cannot be downloaded
// (no internet), says so in one line and serves the same app as a web build instead. `npm run web` goes straight there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startStaticServer } from './static-server.mjs';

const require = createRequire(import.meta.url);
const webOnly = process.argv.includes('--web');
const port = Number(process.env.PORT ?? 5180);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Resolves the Electron executable in a child process, since the electron package downloads on first use and may fail. */
function electronBinary() {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 120_000,
    cwd: process.cwd(),
  });
  const out = (r.stdout ?? '').trim();
  if (r.status === 0 && out && existsSync(out)) return out;
  return null;
}

async function serveWeb() {
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  const { url } = await startStaticServer(process.env.GP_OUT_DIR ?? 'dist/renderer', port);
  console.log(`Grant Portfolio (web build) is running at ${url}`);
  console.log('Press Ctrl+C to stop.');
}

if (webOnly) {
  await serveWeb();
} else {
  require.resolve('electron');
  const binary = electronBinary();
  if (!binary) {
    console.log('The Electron binary is not installed and could not be downloaded (no internet access?); starting the web build instead.');
    await serveWeb();
  } else {
    run('npm', ['run', '-s', 'build']);
    const child = spawn(binary, ['.'], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
