// The CouchDB stand-in for tests, run as its own Node process (see couch-server.ts): express-pouchdb over PouchDB's
// memory adapter, admin party closed by one server admin, listening on 127.0.0.1 only. It prints its port as JSON.
// A process of its own because express-pouchdb hooks PouchDB's global event emitter, which the client code shares.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import PouchCore from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import HttpAdapter from 'pouchdb-adapter-http';
import MapReduce from 'pouchdb-mapreduce';
import Replication from 'pouchdb-replication';
import expressPouchdb from 'express-pouchdb';

const PouchDB = PouchCore.plugin(MemoryAdapter).plugin(HttpAdapter).plugin(MapReduce).plugin(Replication);

const [adminName, adminPassword, logDir, corsFlag] = process.argv.slice(2);
if (!adminName || !adminPassword || !logDir) {
  process.stderr.write('usage: couch-server-process.mjs <admin> <password> <log dir>\n');
  process.exit(2);
}

const app = expressPouchdb(PouchDB.defaults({ adapter: 'memory' }), {
  inMemoryConfig: true,
  logPath: path.join(logDir, 'couch.log'),
  mode: 'fullCouchDB',
  // Fauxton (the web UI) is not part of what the app relies on.
  overrideMode: { exclude: ['routes/fauxton'] },
});

app.couchConfig.set('admins', adminName, adminPassword, (err) => {
  if (err) throw err;
  const server = http.createServer((req, res) => {
    if (corsFlag === '--cors' && allowCors(req, res)) return;
    if (req.method === 'POST' && /^\/[^/_][^/]*\/_bulk_docs(\?|$)/.test(req.url ?? '')) return keepRevisionHistories(req, res, app);
    app(req, res);
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
  });
  const stop = () => server.close(() => {
    fs.rmSync(logDir, { recursive: true, force: true });
    process.exit(0);
  });
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
});

/**
 * Works around a stand-in bug: pouchdb-validation overwrites each incoming document's `_revisions` with the stored
 * document's before running validate_doc_update, so a replicated update (new_edits: false) is silently dropped when the
 * database has a design document with validate_doc_update. The body is parsed here (body-parser then skips it) and
 * each document's `_revisions` made to ignore that overwrite. CouchDB 3 has no such bug; see docs/sharing.md.
 */
function keepRevisionHistories(req, res, app) {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const doc of Array.isArray(body.docs) ? body.docs : []) {
        if (!doc || typeof doc !== 'object' || !doc._revisions) continue;
        const kept = doc._revisions;
        Object.defineProperty(doc, '_revisions', { get: () => kept, set: () => {}, enumerable: true, configurable: true });
      }
      req.body = body;
      req._body = true;
    } catch {
      // Not JSON: express-pouchdb answers with its own error.
    }
    app(req, res);
  });
}

/**
 * CouchDB's CORS (`[cors] origins`, `credentials = true`) for the browser tests, whose app is served from a local port
 * only known later: a loopback page origin is allowed, with credentials, as a configured origin would be. Answers a
 * preflight itself (true); otherwise only adds the headers.
 */
function allowCors(req, res) {
  const origin = req.headers.origin;
  if (!origin || !/^http:\/\/(localhost|127\.0\.0\.1):\d+$/.test(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('access-control-expose-headers', 'content-type, cache-control, etag, x-couch-request-id');
  if (req.method !== 'OPTIONS') return false;
  res.setHeader('access-control-allow-methods', 'GET, PUT, POST, HEAD, DELETE');
  res.setHeader('access-control-allow-headers', 'accept, authorization, content-type, origin, referer');
  res.setHeader('access-control-max-age', '600');
  res.writeHead(204).end();
  return true;
}
