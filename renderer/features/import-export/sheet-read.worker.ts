// The import Worker's second reader: for a big xlsx it reads the last sheet here while the import Worker reads the
// others, one core each (SheetJS parses sheets one after another). It only ever gets bytes the import Worker guarded.
import { readWorkbookShare } from '../../../shared/excel/import-pipeline';
import type { SheetGridsRead } from '../../../shared/excel/sheetjs';
import { serveWorkerApi } from '../../platform/worker-client';
import type { SheetReadApi } from './worker-protocol';

let reading: Promise<SheetGridsRead | null> | null = null;

const api: SheetReadApi = {
  start(request) {
    // The read starts on the next task, after this call's answer has gone: the import Worker starts its own read
    // (which holds its thread) only on that answer, since a nested Worker's messages go through its parent's thread.
    reading = new Promise((resolve) =>
      setTimeout(() => {
        try {
          const share = readWorkbookShare(request.bytes, request.indexes, request.limits);
          resolve(share.ok ? share.read : null);
        } catch {
          resolve(null);
        }
      }, 0),
    );
  },
  result() {
    return reading ?? Promise.resolve(null);
  },
};

serveWorkerApi(api);
