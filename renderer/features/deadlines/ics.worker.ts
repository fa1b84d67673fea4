// The .ics Worker (see ics-jobs.ts): reads the open items and projects from the app's database itself, keeps them,
// and writes the file.
import { serveWorkerApi } from '../../platform/worker-client';
import { icsWorkerApi } from './ics-export';

serveWorkerApi(icsWorkerApi());
