// The Worker of blob-off-thread.ts: joins a file's parts into one Blob, which goes back to the page as a handle
// (posting a Blob does not copy its bytes).
import { serveWorkerApi } from './worker-client';
import type { BlobWorkerApi } from './blob-off-thread';

const api: BlobWorkerApi = {
  join: (parts, type) => new Blob(parts as BlobPart[], { type }),
};

serveWorkerApi(api);
