// The bulk trash and the undo of a big batch run here: their reads, structured clones and audit entries (10,000
// projects, each cloned several times) were seconds of the page's main thread. It opens the app's database itself,
// like the backup Worker; the work is the store's own (deleteProjects, undoLast).
import { undoLast } from '../store/audit';
import { deleteProjects } from '../store/projects';
import { serveWorkerApi } from '../platform/worker-client';
import type { BulkChangeApi } from './bulk-change';

/** Rows per chunk here: no main thread to keep free, so fewer, bigger requests. */
const CHUNK = 1000;

serveWorkerApi({
  trash: (ids, at, onProgress) => deleteProjects(ids, new Date(at), { chunkSize: CHUNK, onProgress: (d, t) => void onProgress(d, t) }),
  undo: (onProgress) => undoLast({ chunkSize: CHUNK, onProgress: (d, t) => void onProgress(d, t) }),
} satisfies BulkChangeApi);
