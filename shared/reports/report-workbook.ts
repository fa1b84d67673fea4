// The reports workbook: the Reports screen's tables as sheets an office can forward or paste into a 報告書.
// Amounts are whole-yen numbers with a yen format, fiscal years 4-digit western years beside their wareki label.
import { fiscalYearLabelJa } from '../calendar/wareki';
import type { Cell, SheetSpec } from '../excel/sheetjs';
import { MILESTONE_KIND_LABELS, MILESTONE_STATUS_LABELS } from '../domain/labels';
import { neutralizeText, YEN_FORMAT } from '../excel/standard-workbook';
import type { WorkbookLanguage } from '../excel/standard-workbook';
import type { MoneyRow, PortfolioReport } from './portfolio-report';

const L = {
  byProgram: { en: 'By program', ja: '事業別' },
  byDepartment: { en: 'By department', ja: '部局別' },
  schedule: { en: 'Schedule', ja: 'スケジュール' },
  risks: { en: 'Risks', ja: 'リスク' },
  catalog: { en: 'Catalog', ja: '事業概要' },
  program: { en: 'Program', ja: '事業' },
  department: { en: 'Department', ja: '部局' },
  fiscalYear: { en: 'Fiscal Year', ja: '年度' },
  wareki: { en: 'Japanese FY', ja: '和暦年度' },
  direct: { en: 'Direct (JPY)', ja: '直接経費（円）' },
  indirect: { en: 'Indirect (JPY)', ja: '間接経費（円）' },
  total: { en: 'Total (JPY)', ja: '合計（円）' },
  count: { en: 'Projects', ja: '課題数' },
  due: { en: 'Due', ja: '期日' },
  code: { en: 'Project ID', ja: '管理番号' },
  projectTitle: { en: 'Project', ja: '課題名' },
  kind: { en: 'Kind', ja: '種別' },
  title: { en: 'Title', ja: '件名' },
  status: { en: 'Status', ja: '状態' },
  risk: { en: 'Risk', ja: 'リスク' },
  programId: { en: 'Program ID', ja: '事業ID' },
  start: { en: 'Start FY', ja: '開始年度' },
  end: { en: 'End FY', ja: '終了年度' },
  request: { en: 'Budget request (JPY)', ja: '概算要求額（円）' },
  previous: { en: 'Previous budget (JPY)', ja: '前年度予算額（円）' },
  period: { en: 'Period', ja: '期間' },
} as const;

const t = (s: string) => neutralizeText(s);

function moneySheet(name: string, keyLabel: string, rows: readonly MoneyRow[], lang: WorkbookLanguage): SheetSpec {
  const out: Cell[][] = [[keyLabel, L.fiscalYear[lang], L.wareki[lang], L.direct[lang], L.indirect[lang], L.total[lang], L.count[lang]]];
  for (const r of rows) out.push([t(r.label[lang]), r.fiscalYear, fiscalYearLabelJa(r.fiscalYear), r.directYen, r.indirectYen, r.totalYen, r.count]);
  const y = YEN_FORMAT[lang];
  return { name, rows: out, colWidths: [44, 10, 12, 18, 18, 18, 8], numFmts: { 3: y, 4: y, 5: y }, freezeRows: 1 };
}

/** Sheets of the reports workbook, in the UI language. */
export function reportWorkbookSheets(report: PortfolioReport, lang: WorkbookLanguage): SheetSpec[] {
  const schedule: Cell[][] = [
    [`${L.period[lang]}: ${report.from} – ${report.to}`],
    [L.due[lang], L.code[lang], L.projectTitle[lang], L.kind[lang], L.title[lang], L.status[lang]],
  ];
  for (const s of report.schedule) {
    schedule.push([{ kind: 'date', iso: s.dueDate }, t(s.code), t(s.projectTitle), MILESTONE_KIND_LABELS[s.kind][lang], t(s.title), MILESTONE_STATUS_LABELS[s.status][lang]]);
  }
  const risks: Cell[][] = [[L.code[lang], L.projectTitle[lang], L.risk[lang]]];
  for (const r of report.risks) risks.push([t(r.code), t(r.projectTitle), t(r.message[lang])]);
  const catalog: Cell[][] = [[L.programId[lang], L.program[lang], L.start[lang], L.end[lang], L.request[lang], L.previous[lang], L.count[lang]]];
  for (const c of report.catalog) catalog.push([c.programId, t(lang === 'ja' ? c.nameJa : c.nameEn || c.nameJa), c.startFiscalYear, c.endFiscalYear, c.requestYen, c.previousYen, c.projectCount]);
  const y = YEN_FORMAT[lang];
  return [
    moneySheet(L.byProgram[lang], L.program[lang], report.byProgram, lang),
    moneySheet(L.byDepartment[lang], L.department[lang], report.byDepartment, lang),
    { name: L.schedule[lang], rows: schedule, colWidths: [12, 14, 40, 18, 30, 16], numFmts: { 0: 'yyyy-mm-dd' } },
    { name: L.risks[lang], rows: risks, colWidths: [14, 40, 60] },
    { name: L.catalog[lang], rows: catalog, colWidths: [32, 44, 10, 10, 20, 20, 8], numFmts: { 4: y, 5: y } },
  ];
}
