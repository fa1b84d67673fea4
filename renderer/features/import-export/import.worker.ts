// The Worker that does the heavy and risky Excel work off the main thread: guarding and parsing untrusted files
// (a zip bomb or a huge sheet can only hang this Worker, which the screen can terminate), and writing workbooks.
// It keeps the last loaded workbook so changing the sheet or a column mapping re-parses without re-reading the file.
// A big xlsx is read by this Worker and a second one (`sheet-read.worker.ts`) at once, each taking some of the sheets.
// Exports read the database here too, so 250,000 rows never cross from the main thread.
import { analyseWorkbook, DEFAULT_PIPELINE_LIMITS, joinWorkbookShares, loadWorkbook, parseWorkbook, planWorkbookRead, readWorkbookShare } from '../../../shared/excel/import-pipeline';
import type { Analysis, LoadedWorkbook, LoadResult, ReadSplit } from '../../../shared/excel/import-pipeline';
import { createProgramResolver } from '../../../shared/excel/program-resolve';
import type { ProgramResolver } from '../../../shared/excel/program-resolve';
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { SheetGridsRead } from '../../../shared/excel/sheetjs';
import { standardWorkbookSheets, templateSheets } from '../../../shared/excel/standard-workbook';
import { readAllAtOnce } from '../../store/import-export-data';
import type { ColumnMapping } from '../../../shared/excel/column-map';
import { RESULT_CHUNK } from './worker-protocol';
import type { SheetReadRequest, SheetReadResponse, WorkerRequest, WorkerResponse } from './worker-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

let workbook: LoadedWorkbook | null = null;
let analysis: Analysis | null = null;
let resolver: ProgramResolver | null = null;
let remembered = new Map<string, Record<string, string>>();

function post(message: WorkerResponse, transfer?: Transferable[]): void {
  scope.postMessage(message, transfer);
}

function parseAndSend(id: number, mapping?: ColumnMapping): void {
  if (!workbook || !analysis || !resolver) return;
  const result = parseWorkbook(workbook, analysis, resolver, mapping);
  const { projects, budgetLines, milestones, ...head } = result;
  post({ type: 'analysed', id, analysis, head, counts: { projects: projects.length, budgetLines: budgetLines.length, milestones: milestones.length } });
  const n = Math.max(projects.length, Math.ceil(budgetLines.length / 2), Math.ceil(milestones.length / 2));
  for (let i = 0; i < n; i += RESULT_CHUNK) {
    post({
      type: 'chunk', id,
      projects: projects.slice(i, i + RESULT_CHUNK),
      budgetLines: budgetLines.slice(i * 2, (i + RESULT_CHUNK) * 2),
      milestones: milestones.slice(i * 2, (i + RESULT_CHUNK) * 2),
    });
  }
  post({ type: 'done', id });
}

/** How long the helper may take to load before this Worker reads everything itself. */
const HELPER_READY_MS = 3_000;

/**
 * Starts the helper on its share. `ready` settles when it has started reading (or gave up), `read` with its share, or
 * null when it failed or could not start (the lead then reads that share itself).
 */
function readInHelper(bytes: Uint8Array, indexes: number[]): { ready: Promise<void>; read: Promise<SheetGridsRead | null> } {
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const read = new Promise<SheetGridsRead | null>((resolve) => {
    let helper: Worker;
    try {
      helper = new Worker(new URL('./sheet-read.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      markReady();
      resolve(null);
      return;
    }
    const done = (share: SheetGridsRead | null) => {
      clearTimeout(timer);
      helper.terminate();
      markReady();
      resolve(share);
    };
    const timer = setTimeout(() => done(null), HELPER_READY_MS);
    helper.onmessage = (e: MessageEvent<SheetReadResponse>) => {
      if (e.data.type === 'ready') {
        const copy = bytes.slice();
        helper.postMessage({ bytes: copy, indexes, limits: DEFAULT_PIPELINE_LIMITS } satisfies SheetReadRequest, [copy.buffer as ArrayBuffer]);
      } else if (e.data.type === 'started') {
        clearTimeout(timer);
        markReady();
      } else {
        done(e.data.type === 'read' ? e.data.read : null);
      }
    };
    helper.onerror = () => done(null);
    helper.onmessageerror = () => done(null);
  });
  return { ready, read };
}

/** A big xlsx read in two Workers at once: the helper's share starts first, then this Worker reads the rest. */
async function loadInShares(bytes: Uint8Array, split: ReadSplit): Promise<LoadResult> {
  const helper = readInHelper(bytes, split.helper);
  await helper.ready;
  const lead = readWorkbookShare(bytes, split.lead);
  // An unreadable file fails the same way whichever Worker would have noticed first.
  if (!lead.ok) return lead;
  return joinWorkbookShares(bytes, lead.read, await helper.read);
}

/** Counts loads, so a file still being read when another is dropped cannot leave its workbook behind. */
let loadGeneration = 0;

async function load(msg: Extract<WorkerRequest, { type: 'load' }>): Promise<void> {
  const generation = ++loadGeneration;
  workbook = null;
  analysis = null;
  const plan = planWorkbookRead(msg.bytes);
  const loaded = !plan.ok ? plan : plan.split ? await loadInShares(msg.bytes, plan.split) : loadWorkbook(msg.bytes, DEFAULT_PIPELINE_LIMITS, msg.fileName);
  // Answered, not dropped: the client would otherwise wait out its timeout and terminate the Worker mid-way through
  // the newer load. The screen ignores a superseded load's answer.
  if (generation !== loadGeneration) {
    fail(msg.id, 'superseded by a later file');
    return;
  }
  if (!loaded.ok) {
    post({ type: 'refused', id: msg.id, message: loaded.message, messageJa: loaded.messageJa });
    return;
  }
  workbook = loaded.workbook;
  resolver = createProgramResolver(msg.programs);
  remembered = new Map(msg.remembered);
  analysis = analyseWorkbook(workbook, { remembered: (sig) => remembered.get(sig) });
  parseAndSend(msg.id);
}

function fail(id: number, err: unknown): void {
  post({ type: 'failed', id, message: err instanceof Error ? err.message : String(err) });
}

function handle(msg: WorkerRequest): void {
  switch (msg.type) {
    case 'load': {
      void load(msg).catch((err: unknown) => fail(msg.id, err));
      return;
    }
    case 'reparse': {
      if (!workbook) return;
      if (msg.sheet !== undefined) analysis = analyseWorkbook(workbook, { sheet: msg.sheet, remembered: (sig) => remembered.get(sig) });
      parseAndSend(msg.id, msg.mapping);
      return;
    }
    case 'export-standard': {
      const { id, lang, programs } = msg;
      void readAllAtOnce().then(
        (data) => {
          const bytes = writeWorkbookBytes(standardWorkbookSheets({ ...data, programs, lang }));
          post({ type: 'bytes', id, bytes }, [bytes.buffer as ArrayBuffer]);
        },
        (err: unknown) => post({ type: 'failed', id, message: err instanceof Error ? err.message : String(err) }),
      );
      return;
    }
    case 'template': {
      const bytes = writeWorkbookBytes(templateSheets(msg.lang));
      post({ type: 'bytes', id: msg.id, bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
  }
}

scope.onmessage = (e) => {
  try {
    handle(e.data);
  } catch (err) {
    fail(e.data.id, err);
  }
};
