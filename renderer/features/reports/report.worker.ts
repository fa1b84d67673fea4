// The Reports screen's Worker: the aggregation (money by program and department, schedule, risks, success rates,
// forecast) and the reports workbook, reading IndexedDB itself. At 50,000 projects reading and aggregating is seconds
// of work, which froze the window on the main thread; the Worker (one for the page's life, use-report.ts) keeps the big
// tables (each until a write to it moves the store's revision) and the reports built from them (until their inputs change), so a later
// visit, or the workbook asked for after looking at the screen, is answered from memory. See docs/performance.md
// (report-50k, open-reports).
import { ReportSetMemo } from '../../../shared/reports/report-set';
import type { ReportSetRequest } from '../../../shared/reports/report-set';
import { reportWorkbookSheets } from '../../../shared/reports/report-workbook';
import { planningReportSheets } from '../../../shared/reports/planning-report-workbook';
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { readApplications, reportTables } from '../../store/report-data';
import { KeptTables } from '../../store/kept-snapshot';
import { loadPrograms } from '../../store/catalog';
import { loadPlanningSettings } from '../../store/planning';
import { serveWorkerApi, transferred } from '../../platform/worker-client';
import { WORKBOOK_STEPS } from './report-protocol';
import type { ReportAnswer, ReportApi, ReportRequest, WorkbookRequest } from './report-protocol';

const memo = new ReportSetMemo();
const core = new KeptTables(reportTables, () => memo.clear());

/** The two reports from the data as stored now (the big tables kept or read again, the applications read now). */
async function reportsNow(req: ReportSetRequest) {
  const [{ values }, applications] = await Promise.all([core.current(), readApplications()]);
  return memo.build({ ...values, applications }, req);
}

async function build(req: ReportRequest): Promise<ReportAnswer> {
  const { report, planning } = await reportsNow(req);
  const cut = <T>(xs: T[]): T[] => (req.listLimit === null ? xs : xs.slice(0, req.listLimit));
  return { report: { ...report, schedule: cut(report.schedule), risks: cut(report.risks) }, scheduleTotal: report.schedule.length, risksTotal: report.risks.length, planning };
}

/** The workbook of the data as stored at the call: the catalog and the forecast settings are read here too. */
async function workbook(req: WorkbookRequest, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  void onProgress(0, WORKBOOK_STEPS);
  const [programs, settings] = await Promise.all([loadPrograms(), loadPlanningSettings()]);
  const { report, planning } = await reportsNow({ ...req, programs, probability: settings.probability });
  void onProgress(1, WORKBOOK_STEPS);
  const bytes = writeWorkbookBytes([...reportWorkbookSheets(report, req.lang), ...planningReportSheets(planning, req.lang)]);
  void onProgress(2, WORKBOOK_STEPS);
  return transferred(bytes, [bytes.buffer as ArrayBuffer]);
}

serveWorkerApi({ build, workbook } satisfies ReportApi);
