// The CouchDB stand-in for tests, run as its own Node process (see couch-server.ts): express-pouchdb over PouchDB's
// memory adapter, admin party closed by one server admin, listening on 127.0.0.1 only. It prints its port as JSON.
// A process of its own because express-pouchdb hooks PouchDB's global event emitter, which the client code shares.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-replication'));
const expressPouchdb = require('express-pouchdb');

const [adminName, adminPassword, logDir] = process.argv.slice(2);
if (!adminName || !adminPassword || !logDir) {
  process.stderr.write('usage: couch-server-process.cjs <admin> <password> <log dir>\n');
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
  const server = app.listen(0, '127.0.0.1', () => {
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
