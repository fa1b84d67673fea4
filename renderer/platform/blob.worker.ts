// The Worker of blob-off-thread.ts: joins a file's parts into one Blob, which goes back to the page as a handle
// (posting a Blob does not copy its bytes), once the browser holds all of it.
import { serveWorkerApi } from './worker-client';
import { joinParts } from './blob-off-thread';
import type { BlobWorkerApi } from './blob-off-thread';

const api: BlobWorkerApi = { join: joinParts };

serveWorkerApi(api);
