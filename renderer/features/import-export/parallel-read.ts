// The import's one Worker-parallel trick, behind one plain call: `readWorkbook(bytes, fileName) → LoadResult`. SheetJS
// parses sheets one after another, so a big xlsx is split (planWorkbookRead) and a second Worker (sheet-read.worker.ts)
// reads some sheets while this one reads the rest; anything else, or a helper that fails, is one plain loadWorkbook.
// It saves about 1 s of a 42 s import of 50,000 projects: the benchmark decides whether it stays (docs/performance.md).
import { DEFAULT_PIPELINE_LIMITS, joinWorkbookShares, loadWorkbook, planWorkbookRead, readWorkbookShare } from '../../../shared/excel/import-pipeline';
import type { LoadResult, ReadSplit } from '../../../shared/excel/import-pipeline';
import type { SheetGridsRead } from '../../../shared/excel/sheetjs';
import { transferred, WorkerClient } from '../../platform/worker-client';
import type { SheetReadApi, SheetReadRequest } from './worker-protocol';

/** How long the helper may take to load before this Worker reads everything itself. */
const HELPER_READY_MS = 3_000;

/**
 * Starts the helper on its share. `ready` settles when it has started reading (or gave up), `read` with its share, or
 * null when it failed, crashed or could not start in time (the lead then reads that share itself).
 */
function readInHelper(bytes: Uint8Array, indexes: number[]): { ready: Promise<void>; read: Promise<SheetGridsRead | null> } {
  let helper: WorkerClient<SheetReadApi>;
  try {
    const start = () => new Worker(new URL('./sheet-read.worker.ts', import.meta.url), { type: 'module' });
    helper = new WorkerClient<SheetReadApi>(start);
  } catch {
    return { ready: Promise.resolve(), read: Promise.resolve(null) };
  }
  const copy = bytes.slice();
  const request: SheetReadRequest = { bytes: transferred(copy, [copy.buffer as ArrayBuffer]), indexes, limits: DEFAULT_PIPELINE_LIMITS };
  const started = helper.call((w) => w.start(request), { timeoutMs: HELPER_READY_MS }).then(
    () => true,
    () => false,
  );
  const read = started
    .then((ok) => (ok ? helper.call((w) => w.result()) : null))
    .catch(() => null)
    .finally(() => helper.terminate());
  return { ready: started.then(() => undefined), read };
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

/**
 * Reads (and guards) a workbook as the import's load step does: the same answer as `loadWorkbook(bytes)`, sometimes
 * sooner. The file name is for the pipeline's decoder (.csv, .xls, .ods; a text file named .xlsx is refused).
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<LoadResult> {
  const plan = planWorkbookRead(bytes);
  if (!plan.ok) return plan;
  return plan.split ? loadInShares(bytes, plan.split) : loadWorkbook(bytes, DEFAULT_PIPELINE_LIMITS, fileName);
}
