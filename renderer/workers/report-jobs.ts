// The reports workbook (Reports → レポートを Excel に出力) is read, aggregated and written in a Worker of its own
// through the one Worker client: at 50,000 projects the write alone was a task of over a second on the main thread.
import type { IsoDate } from '../../shared/domain/types';
import type { WhatIf } from '../../shared/planning/forecast';
import { callback, runInWorker } from '../platform/worker-client';

export interface ReportRequest {
  today: IsoDate;
  from: IsoDate;
  to: IsoDate;
  /** First fiscal year of the forecast. */
  fromFiscalYear: number;
  whatIf: WhatIf[];
  lang: 'ja' | 'en';
}

export interface ReportWorkerApi {
  write(request: ReportRequest, onProgress: (done: number, total: number) => void): Promise<Uint8Array>;
}

/** Steps the Worker reports: read, aggregate, write. */
export const REPORT_STEPS = 3;

function startWorker(): Worker {
  return new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
}

/** The reports workbook's bytes, from the data as stored now; cancelling ends the Worker. */
export async function writeReportWorkbook(request: ReportRequest, job: { signal: AbortSignal; progress: (done: number, total: number) => void }): Promise<Uint8Array> {
  return runInWorker<ReportWorkerApi, Uint8Array>(startWorker, (w) => w.write(request, callback(job.progress)), { signal: job.signal });
}
