// The platform's raw floor for the benchmark, run in the same Chromium on the same data as the app: a bare SheetJS
// dense parse and a bare IndexedDB put of the same records in one transaction; and floors fed with the app's own output
// of the same run: its standard workbook's rows (a bare SheetJS write), and for the long jobs (bench/long-jobs.ts) its
// backup file (a bare read + JSON.stringify, a bare put in one transaction), its reports workbook's rows, its .ics
// file's events.
// It deliberately bypasses the app's modules (it is the yardstick, not the product), so it imports SheetJS directly.
import * as XLSX from 'xlsx';

type Row = unknown[];

/** Object stores and indexes as in renderer/store/db.ts version 1, so the floor pays for the same index upkeep. */
const STORES: Record<string, { key: string; indexes: [string, string | string[], boolean][] }> = {
  projects: { key: 'id', indexes: [['code', 'code', true], ['programId', 'programId', false], ['status', 'status', false], ['department', 'department', false], ['pi', 'pi', false], ['startDate', 'startDate', false], ['endDate', 'endDate', false], ['updatedAt', 'updatedAt', false], ['deletedAt', 'deletedAt', false]] },
  budgetLines: { key: 'id', indexes: [['projectId', 'projectId', false], ['fiscalYear', 'fiscalYear', false], ['[projectId+fiscalYear]', ['projectId', 'fiscalYear'], false]] },
  milestones: { key: 'id', indexes: [['projectId', 'projectId', false], ['dueDate', 'dueDate', false], ['status', 'status', false], ['kind', 'kind', false], ['[status+dueDate]', ['status', 'dueDate'], false]] },
};

function openFloorDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const [store, spec] of Object.entries(STORES)) {
        const os = req.result.createObjectStore(store, { keyPath: spec.key });
        for (const [name, path, unique] of spec.indexes) os.createIndex(name, path, { unique });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function iso(v: unknown): string | null {
  if (typeof v !== 'number') return null;
  const d = XLSX.SSF.parse_date_code(v);
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

function rowsOf(ws: XLSX.WorkSheet): Row[] {
  return ((ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[]).map((r) => (r ?? []).map((c) => c?.v ?? null));
}

/**
 * Keys shaped like the app's (36-character UUIDs in ascending order, as renderer/store/import-commit.ts gives a new
 * import): key length and order change what IndexedDB pays per record and per index entry, so "the same records"
 * includes them. Written independently on purpose: the floor imports nothing from the app.
 */
function orderedIds(): () => string {
  const time = Date.now().toString(16).padStart(12, '0');
  let n = 0;
  return () => {
    // 18 hex digits of counter, every one of them in the key (a 20-digit counter cut to 18 gave 256 records one key).
    const c = (n++).toString(16).padStart(18, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6, 18)}`;
  };
}

/** Builds the records our import writes (same fields and shapes), outside the timed sections. */
function recordsFrom(wb: XLSX.WorkBook) {
  const now = new Date().toISOString();
  const newId = orderedIds();
  const projects = rowsOf(wb.Sheets.Projects!).slice(1).map((r) => ({
    id: newId(), code: String(r[0]), title: String(r[1]), pi: String(r[2]), department: String(r[3]), piPosition: '', piResearcherNumber: '', coInvestigators: [], partners: [],
    programId: r[4] ? String(r[4]) : null, trackId: null, funderName: String(r[5] ?? ''), amedNumber: String(r[10] ?? ''), eradNumber: String(r[11] ?? ''),
    startDate: iso(r[7]), endDate: iso(r[8]), status: 'active', tags: [], notes: '', archived: false, deletedAt: null, createdAt: now, updatedAt: now,
  }));
  const ids = new Map(projects.map((p) => [p.code, p.id]));
  const budgetLines = rowsOf(wb.Sheets.Budgets!).slice(1).map((r) => ({ id: newId(), projectId: ids.get(String(r[0])), fiscalYear: r[1], directYen: r[2], indirectYen: r[3] }));
  const milestones = rowsOf(wb.Sheets.Milestones!).slice(1).map((r) => ({
    id: newId(), projectId: ids.get(String(r[0])), kind: String(r[1]), title: String(r[2]), dueDate: iso(r[3]), status: String(r[4]), doneDate: null, notes: '', origin: 'import',
  }));
  return { projects, budgetLines, milestones };
}

async function importFloor(url: string) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const t0 = performance.now();
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellStyles: false });
  const parseMs = performance.now() - t0;
  const records = recordsFrom(wb);
  const db = await openFloorDb(`floor-${Date.now()}`);
  const t1 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['projects', 'budgetLines', 'milestones'], 'readwrite');
    for (const p of records.projects) tx.objectStore('projects').put(p);
    for (const b of records.budgetLines) tx.objectStore('budgetLines').put(b);
    for (const m of records.milestones) tx.objectStore('milestones').put(m);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const putMs = performance.now() - t1;
  // Untimed: every record must be stored under a key of its own, or the floor measured overwrites, not the import.
  const stored = await new Promise<number>((resolve, reject) => {
    const req = db.transaction('milestones').objectStore('milestones').count();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  if (stored !== records.milestones.length) throw new Error(`import floor stored ${stored} of ${records.milestones.length} milestones`);
  return { parseMs, putMs, floorMs: parseMs + putMs, projects: records.projects.length };
}

/**
 * Bare SheetJS write of the rows of the app's own standard workbook of this run (read back untimed): every sheet it
 * holds (Projects with its derived columns, Budgets, Milestones and the planning sheets), timed from rows to bytes.
 */
async function exportFloor(url: string) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  const sheets = wb.SheetNames.map((name) => [name, rowsOf(wb.Sheets[name]!)] as const);
  const t0 = performance.now();
  const out = XLSX.utils.book_new();
  for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(rows as unknown[][], { dense: true } as XLSX.AOA2SheetOpts), name);
  // 'buffer', like the app: the fastest bare write SheetJS offers ('array' adds a binary-string round trip, about a
  // fifth of a big write), so the floor is not padded by a slower option than ours.
  const written = XLSX.write(out, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
  return { floorMs: performance.now() - t0, rows: sheets.reduce((n, [, r]) => n + r.length, 0), bytes: written.byteLength };
}

/**
 * Every backed-up table as in renderer/store/db.ts (versions 1 and 2), so the backup and restore floors read and
 * write the same stores with the same keys and index upkeep as the app.
 */
const ALL_STORES: Record<string, { key: string; auto?: boolean; indexes: [string, string | string[], boolean][] }> = {
  ...STORES,
  projects: { key: 'id', indexes: [...STORES.projects!.indexes] },
  programs: { key: 'id', indexes: [['parentId', 'parentId', false], ['editionId', 'editionId', false], ['managedBy', 'managedBy', false]] },
  editions: { key: 'id', indexes: [] },
  settings: { key: 'key', indexes: [] },
  auditLog: { key: 'seq', auto: true, indexes: [['projectId', 'projectId', false], ['at', 'at', false], ['entity', 'entity', false]] },
  importMappings: { key: 'signature', indexes: [] },
  milestoneTemplates: { key: 'id', indexes: [['programId', 'programId', false]] },
  applications: { key: 'id', indexes: ['code', 'status', 'programId', 'projectId', 'callId', 'eradDeadline', 'deletedAt'].map((k) => [k, k, false] as [string, string, boolean]) },
  trackedCalls: { key: 'id', indexes: ['programId', 'deadline', 'deletedAt'].map((k) => [k, k, false] as [string, string, boolean]) },
  researchers: { key: 'id', indexes: ['eradResearcherNumber', 'name', 'department', 'deletedAt'].map((k) => [k, k, false] as [string, string, boolean]) },
  memberships: { key: 'id', indexes: ['projectId', 'applicationId', 'researcherId'].map((k) => [k, k, false] as [string, string, boolean]) },
};

function openAllStores(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const [store, spec] of Object.entries(ALL_STORES)) {
        const os = req.result.createObjectStore(store, { keyPath: spec.key, autoIncrement: spec.auto ?? false });
        for (const [index, path, unique] of spec.indexes) os.createIndex(index, path, { unique });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function putAll(db: IDBDatabase, tables: Record<string, unknown[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const names = Object.keys(tables).filter((n) => n in ALL_STORES);
    const tx = db.transaction(names, 'readwrite');
    for (const n of names) for (const row of tables[n]!) tx.objectStore(n).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function backupTables(url: string): Promise<Record<string, unknown[]>> {
  return ((await (await fetch(url)).json()) as { tables: Record<string, unknown[]> }).tables;
}

/** Bare IndexedDB read (getAll of every table in one transaction) plus JSON.stringify of the app's backup records. */
async function backupFloor(url: string) {
  const tables = await backupTables(url);
  const db = await openAllStores(`floor-backup-${Date.now()}`);
  await putAll(db, tables);
  const t0 = performance.now();
  const read = await new Promise<Record<string, unknown[]>>((resolve, reject) => {
    const names = Object.keys(tables).filter((n) => n in ALL_STORES);
    const tx = db.transaction(names, 'readonly');
    const out: Record<string, unknown[]> = {};
    for (const n of names) {
      const req = tx.objectStore(n).getAll();
      req.onsuccess = () => (out[n] = req.result);
    }
    tx.oncomplete = () => resolve(out);
    tx.onerror = () => reject(tx.error);
  });
  const text = JSON.stringify({ format: 'grant-portfolio-backup', tables: read });
  const floorMs = performance.now() - t0;
  db.close();
  return { floorMs, chars: text.length };
}

/** Bare IndexedDB put of the app's backup records into the same stores and indexes, in one transaction. */
async function restoreFloor(url: string) {
  const tables = await backupTables(url);
  const db = await openAllStores(`floor-restore-${Date.now()}`);
  const t0 = performance.now();
  await putAll(db, tables);
  const floorMs = performance.now() - t0;
  db.close();
  return { floorMs };
}

/** Bare SheetJS write of the rows of the app's own reports workbook (read back untimed), as exportFloor. */
async function reportFloor(url: string) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  const sheets = wb.SheetNames.map((name) => [name, rowsOf(wb.Sheets[name]!)] as const);
  const t0 = performance.now();
  const out = XLSX.utils.book_new();
  for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(rows as unknown[][], { dense: true } as XLSX.AOA2SheetOpts), name);
  const written = XLSX.write(out, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
  return { floorMs: performance.now() - t0, rows: sheets.reduce((n, [, r]) => n + r.length, 0), bytes: written.byteLength };
}

/**
 * Bare string build of the app's .ics events: the events' property values are taken from the app's file (untimed),
 * then the calendar text is built from them with folding at 75 octets, as one string.
 */
async function icsFloor(url: string) {
  const text = await (await fetch(url)).text();
  const events: { uid: string; stamp: string; start: string; end: string; summary: string; rest: string[] }[] = [];
  let cur: string[] | null = null;
  for (const line of text.replace(/\r\n /g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') cur = [];
    else if (line === 'END:VEVENT' && cur) {
      const get = (k: string) => cur!.find((l) => l.startsWith(k))?.slice(k.length) ?? '';
      events.push({ uid: get('UID:'), stamp: get('DTSTAMP:'), start: get('DTSTART;VALUE=DATE:'), end: get('DTEND;VALUE=DATE:'), summary: get('SUMMARY:'), rest: cur.filter((l) => /^(DESCRIPTION|CATEGORIES|STATUS):/.test(l)) });
      cur = null;
    } else cur?.push(line);
  }
  const enc = new TextEncoder();
  const fold = (line: string) => {
    if (enc.encode(line).length <= 75) return line;
    const out: string[] = [];
    let part = '';
    let n = 0;
    for (const ch of line) {
      const w = enc.encode(ch).length;
      if (n + w > (out.length ? 74 : 75)) {
        out.push(part);
        part = '';
        n = 0;
      }
      part += ch;
      n += w;
    }
    out.push(part);
    return out.join('\r\n ');
  };
  const t0 = performance.now();
  let s = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//floor//EN\r\n';
  for (const e of events) {
    s += `BEGIN:VEVENT\r\n${fold(`UID:${e.uid}`)}\r\nDTSTAMP:${e.stamp}\r\nDTSTART;VALUE=DATE:${e.start}\r\nDTEND;VALUE=DATE:${e.end}\r\n${fold(`SUMMARY:${e.summary}`)}\r\n`;
    for (const l of e.rest) s += `${fold(l)}\r\n`;
    s += 'TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n';
  }
  s += 'END:VCALENDAR\r\n';
  return { floorMs: performance.now() - t0, events: events.length, chars: s.length };
}

(window as unknown as { __floor: unknown }).__floor = { importFloor, exportFloor, backupFloor, restoreFloor, reportFloor, icsFloor };
document.title = 'floor-ready';
