// The import Worker's second reader: for a big xlsx it reads the last sheet here while the import Worker reads the
// others, one core each (SheetJS parses sheets one after another). It only ever gets bytes the import Worker guarded.
import { readWorkbookShare } from '../../../shared/excel/import-pipeline';
import type { SheetReadRequest, SheetReadResponse } from './worker-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<SheetReadRequest>) => void) | null;
  postMessage(message: SheetReadResponse): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (e) => {
  scope.postMessage({ type: 'started' });
  try {
    const share = readWorkbookShare(e.data.bytes, e.data.indexes, e.data.limits);
    scope.postMessage(share.ok ? { type: 'read', read: share.read } : { type: 'failed', message: share.message });
  } catch (err) {
    scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
// Loaded and listening. The import Worker sends the bytes only then, and starts its own read (which holds its thread)
// only after 'started': a nested Worker's loading and early messages go through its parent's thread.
scope.postMessage({ type: 'ready' });
