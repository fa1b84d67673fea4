// The Reports screen's aggregation (money by program and department, schedule, risks, success rates, forecast) in a
// Worker that reads IndexedDB itself: at 50,000 projects that is seconds of reading and work, which froze the window
// on the main thread. The snapshot is kept between requests (a new period or what-if) until the data changes.
import { buildReportSet } from '../../../shared/reports/report-set';
import { readReportData, readRevision } from '../../store/report-data';
import type { ReportData } from '../../store/report-data';
import { serveWorkerApi } from '../../platform/worker-client';
import type { ReportAnswer, ReportApi, ReportRequest } from './report-protocol';

let cached: { data: ReportData; stamp: number } | null = null;

async function snapshot(stamp: number): Promise<ReportData> {
  if (cached && cached.stamp === stamp) {
    const revision = await readRevision();
    if (revision !== undefined && revision === cached.data.revision) return cached.data;
  }
  cached = { data: await readReportData(), stamp };
  return cached.data;
}

async function build(req: ReportRequest): Promise<ReportAnswer> {
  const d = await snapshot(req.stamp);
  const { report, planning } = buildReportSet(d, req);
  const cut = <T>(xs: T[]): T[] => (req.listLimit === null ? xs : xs.slice(0, req.listLimit));
  return { report: { ...report, schedule: cut(report.schedule), risks: cut(report.risks) }, scheduleTotal: report.schedule.length, risksTotal: report.risks.length, planning };
}

serveWorkerApi({ build } satisfies ReportApi);
