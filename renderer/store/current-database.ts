// Which IndexedDB database holds the office's data. A restore writes the backup into a new, empty database and then
// points here at it in one small write, so it pays for no clear of the old rows (at 50,000 projects the clear alone
// took half as long as writing everything) and the data is either all old or all restored, never a mix.
// A database replaced that way is deleted as the restore's last step, or at the next start if that was cut short
// (replacedDatabases, sweepReplacedDatabases).

/** The app's database as first created; a restore's database is `<base>@<stamp>` (see newDatabaseName). */
export const DB_NAME = 'grant-portfolio';

/** A database of its own for the pointer: the data's database changes name, this one never does. */
const POINTER_DB = `${DB_NAME}-current`;
const POINTER_STORE = 'current';

/** The base a database's name is derived from: `grant-portfolio@lq3x9k2a` → `grant-portfolio`. */
export function baseName(name: string): string {
  const at = name.indexOf('@');
  return at < 0 ? name : name.slice(0, at);
}

/** When a restore created this database (ms since 1970), 0 for a base database. */
function stampOf(name: string): number {
  const at = name.indexOf('@');
  if (at < 0) return 0;
  const n = parseInt(name.slice(at + 1), 36);
  return Number.isFinite(n) ? n : 0;
}

/** The name for a restore's new database, later than `current`'s (two restores in one millisecond still differ). */
export function newDatabaseName(current: string, now: number = Date.now()): string {
  return `${baseName(current)}@${Math.max(now, stampOf(current) + 1).toString(36)}`;
}

/**
 * The databases of `current`'s base that a restore has replaced: the base itself and every earlier `@stamp`. A later
 * one is kept: it is a restore still being written (in another window) or one that never finished, which its own
 * restore deletes on failure.
 */
export function replacedDatabases(names: readonly string[], current: string): string[] {
  const base = baseName(current);
  const since = stampOf(current);
  return names.filter((n) => n !== current && baseName(n) === base && (n === base || /^@[0-9a-z]+$/.test(n.slice(base.length))) && stampOf(n) < since);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openPointers(idb: IDBFactory): Promise<IDBDatabase> {
  const req = idb.open(POINTER_DB, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(POINTER_STORE);
  return request(req);
}

/** The name of the database holding `base`'s data now (`base` itself until a restore points elsewhere). */
export async function currentDatabaseName(base: string = DB_NAME, idb: IDBFactory | undefined = globalThis.indexedDB): Promise<string> {
  // No IndexedDB (unit tests of modules that only import the store's types): Dexie fails later, on first use.
  if (!idb) return base;
  const pointers = await openPointers(idb);
  try {
    const name: unknown = await request(pointers.transaction(POINTER_STORE).objectStore(POINTER_STORE).get(base));
    return typeof name === 'string' && baseName(name) === base ? name : base;
  } finally {
    pointers.close();
  }
}

/** Makes `name` the database of its base, once its data is complete; resolves when the pointer is committed. */
export async function pointToDatabase(name: string, idb: IDBFactory = globalThis.indexedDB): Promise<void> {
  const pointers = await openPointers(idb);
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = pointers.transaction(POINTER_STORE, 'readwrite', { durability: 'strict' });
      tx.objectStore(POINTER_STORE).put(name, baseName(name));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    pointers.close();
  }
}

/**
 * Deletes a database (a replaced one, or a restore's that failed). Resolves when deleted; another window's connection
 * to it is told to close (versionchange: the app's handler closes it and offers a reload), which lets the delete on.
 * With `blockedGraceMs`, a connection that does not close (a Worker ended without closing it) is waited for that long
 * at most: the delete then stays queued in IndexedDB, which carries it out once that connection goes.
 */
export function deleteDatabase(name: string, idb: IDBFactory = globalThis.indexedDB, opts: DeleteOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = idb.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    const grace = opts.blockedGraceMs;
    if (grace !== undefined) req.onblocked = () => void setTimeout(resolve, grace);
  });
}

export interface DeleteOptions {
  blockedGraceMs?: number;
}

/** Deletes the databases a restore replaced: right after the restore, and at start for any a restore left behind. */
export async function sweepReplacedDatabases(current: string, idb: IDBFactory = globalThis.indexedDB, opts: DeleteOptions = {}): Promise<string[]> {
  const names = (await idb.databases()).map((d) => d.name ?? '');
  const old = replacedDatabases(names, current);
  await Promise.all(old.map((n) => deleteDatabase(n, idb, opts)));
  return old;
}
