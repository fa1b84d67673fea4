// The reports workbook Worker: reads what the Reports screen shows (the same store reads and shared aggregations) and
// writes the workbook, so none of it runs on the main thread. See report-jobs.ts.
import { reportWorkbookSheets } from '../../shared/reports/report-workbook';
import { planningReportSheets } from '../../shared/reports/planning-report-workbook';
import { buildReportSet } from '../../shared/reports/report-set';
import { writeWorkbookBytes } from '../../shared/excel/sheetjs';
import { loadPrograms } from '../store/catalog';
import { readReportData } from '../store/report-data';
import { loadPlanningSettings } from '../store/planning';
import { serveWorkerApi, transferred } from '../platform/worker-client';
import { REPORT_STEPS } from './report-jobs';
import type { ReportWorkerApi } from './report-jobs';

const api: ReportWorkerApi = {
  async write(r, onProgress) {
    void onProgress(0, REPORT_STEPS);
    const [data, programs, settings] = await Promise.all([readReportData(), loadPrograms(), loadPlanningSettings()]);
    void onProgress(1, REPORT_STEPS);
    const { report, planning: plan } = buildReportSet(data, { ...r, programs, probability: settings.probability });
    void onProgress(2, REPORT_STEPS);
    const bytes = writeWorkbookBytes([...reportWorkbookSheets(report, r.lang), ...planningReportSheets(plan, r.lang)]);
    void onProgress(3, REPORT_STEPS);
    return transferred(bytes, [bytes.buffer as ArrayBuffer]);
  },
};

serveWorkerApi(api);
