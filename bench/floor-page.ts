// The platform's raw floor for the benchmark, run in the same Chromium on the same data as the app: a bare SheetJS
// dense parse, a bare IndexedDB put of the same records in one transaction, and a bare SheetJS write of the same rows.
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
    const c = (n++).toString(16).padStart(20, '0');
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
  db.close();
  return { parseMs, putMs, floorMs: parseMs + putMs, projects: records.projects.length };
}

/** Bare SheetJS write of the same rows our export writes (three sheets), timed from rows to bytes. */
async function exportFloor(url: string) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  const sheets = ['Projects', 'Budgets', 'Milestones'].map((name) => [name, rowsOf(wb.Sheets[name]!)] as const);
  const t0 = performance.now();
  const out = XLSX.utils.book_new();
  for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(rows as unknown[][], { dense: true } as XLSX.AOA2SheetOpts), name);
  // 'buffer', like the app: the fastest bare write SheetJS offers ('array' adds a binary-string round trip, about a
  // fifth of a big write), so the floor is not padded by a slower option than ours.
  const written = XLSX.write(out, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
  return { floorMs: performance.now() - t0, bytes: written.byteLength };
}

(window as unknown as { __floor: unknown }).__floor = { importFloor, exportFloor };
document.title = 'floor-ready';
