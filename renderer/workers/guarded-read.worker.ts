// Reads a workbook that is not a project import (a catalog edition) through the import's own guarded path: the zip
// guard first, then the read. In a Worker of its own, so a zip bomb or a file built to hang the reader costs this
// Worker, never the window.
import { DEFAULT_PIPELINE_LIMITS, loadWorkbook } from '../../shared/excel/import-pipeline';
import { serveWorkerApi } from '../platform/worker-client';
import type { GuardedReadApi } from './guarded-read';

const api: GuardedReadApi = {
  read(bytes, limits) {
    const loaded = loadWorkbook(bytes, { ...DEFAULT_PIPELINE_LIMITS, read: { ...DEFAULT_PIPELINE_LIMITS.read, ...limits } });
    if (!loaded.ok) return { ok: false, refused: loaded.refused, message: loaded.message };
    return { ok: true, sheets: loaded.workbook.sheets, truncated: loaded.workbook.truncated };
  },
};

serveWorkerApi(api);
