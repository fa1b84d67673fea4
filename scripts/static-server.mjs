// A small static server for the web build (npm run web, the fallback of npm start, and the end-to-end tests).
// It sends the same Content-Security-Policy as the desktop app so the browser build is held to the same rules.
import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const WEB_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The policy with one sync server's origin added to `connect-src` (docs/sharing.md): what an office serving the
 * browser build does in its own server's header and in index.html's meta policy, both of which the browser enforces.
 */
function withConnectOrigin(policy, origin) {
  return origin ? policy.replace("connect-src 'self'", `connect-src 'self' ${origin}`) : policy;
}

/**
 * Serves rootDir on 127.0.0.1:port (0 = any free port); resolves with the server and its URL. `syncOrigin` (an origin
 * such as https://couch.example.ac.jp:6984) is allowed in `connect-src` of the header and of index.html's meta.
 */
export function startStaticServer(rootDir, port = 0, { syncOrigin } = {}) {
  const root = path.resolve(rootDir);
  if (syncOrigin !== undefined && !/^https?:\/\/[A-Za-z0-9.[\]:-]+$/.test(syncOrigin)) throw new Error(`Not an origin: ${syncOrigin}`);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
      const file = path.resolve(root, rel);
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      let body = await fs.readFile(file);
      if (syncOrigin && path.extname(file) === '.html') body = Buffer.from(withConnectOrigin(body.toString('utf8'), syncOrigin));
      res.writeHead(200, {
        'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': withConnectOrigin(WEB_CSP, syncOrigin),
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://localhost:${address.port}/` });
    });
  });
}
