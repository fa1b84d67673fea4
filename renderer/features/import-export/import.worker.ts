// The Worker that does the heavy and risky Excel work of the import off the main thread (see import-worker-api.ts).
import { serveWorkerApi } from '../../platform/worker-client';
import { createImportWorkerApi } from './import-worker-api';

serveWorkerApi(createImportWorkerApi());
