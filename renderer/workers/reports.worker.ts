// The reports Worker: the Dashboard's summary and the Reports screen's reports and workbook from one kept read of the
// big tables (the work: reports-model.ts; the protocol and the page's client: reports.ts).
import { serveWorkerApi, transferred } from '../platform/worker-client';
import { createReportsModel } from './reports-model';
import type { ReportsApi } from './reports';

const model = createReportsModel();

serveWorkerApi({
  ...model,
  // The workbook's bytes move to the page instead of being copied.
  workbook: async (req, onProgress) => {
    const bytes = await model.workbook(req, onProgress);
    return transferred(bytes, [bytes.buffer as ArrayBuffer]);
  },
} satisfies ReportsApi);
