// Success-rate and forecast sheets of the report workbook, in the UI language: rates with their counts (a rate of
// 1 from one decision is shown for what it is), and the forecast per fiscal year, direct and indirect apart.
import { fiscalYearLabelJa } from '../calendar/wareki';
import type { Cell, SheetSpec } from '../excel/sheetjs';
import { neutralizeText, YEN_FORMAT } from '../excel/standard-workbook';
import type { WorkbookLanguage } from '../excel/standard-workbook';
import type { ForecastGroup } from '../planning/forecast';
import type { PlanningReport } from './planning-report';

const L = {
  successRates: { en: 'Success rates', ja: '採択率' },
  forecast: { en: 'Forecast', ja: '資金見通し' },
  forecastBy: { en: 'Forecast by group', ja: '資金見通し（内訳）' },
  dimension: { en: 'By', ja: '区分' },
  key: { en: 'Group', ja: '項目' },
  applications: { en: 'Applications', ja: '応募数' },
  awarded: { en: 'Awarded', ja: '採択' },
  rejected: { en: 'Rejected', ja: '不採択' },
  withdrawn: { en: 'Withdrawn', ja: '辞退' },
  pending: { en: 'Pending', ja: '結果待ち' },
  decided: { en: 'Decided', ja: '結果確定' },
  rate: { en: 'Success rate', ja: '採択率' },
  fiscalYear: { en: 'Fiscal Year', ja: '年度' },
  wareki: { en: 'Japanese FY', ja: '和暦年度' },
  committedDirect: { en: 'Committed direct (JPY)', ja: '確定 直接経費（円）' },
  committedIndirect: { en: 'Committed indirect (JPY)', ja: '確定 間接経費（円）' },
  expectedDirect: { en: 'Expected direct (JPY)', ja: '見込み 直接経費（円）' },
  expectedIndirect: { en: 'Expected indirect (JPY)', ja: '見込み 間接経費（円）' },
  atRiskDirect: { en: 'At risk direct (JPY)', ja: '事業終了後 直接経費（円）' },
  atRiskIndirect: { en: 'At risk indirect (JPY)', ja: '事業終了後 間接経費（円）' },
  total: { en: 'Total', ja: '合計' },
  whatIf: { en: 'What-if', ja: '試算' },
  program: { en: 'Program', ja: '事業' },
  department: { en: 'Department', ja: '部局' },
  funder: { en: 'Funder', ja: '配分機関' },
  fiscalYearDim: { en: 'Fiscal year', ja: '年度' },
} as const;

const t = (s: string) => neutralizeText(s);

const MONEY_HEADERS = ['committedDirect', 'committedIndirect', 'expectedDirect', 'expectedIndirect', 'atRiskDirect', 'atRiskIndirect'] as const;

/** The Success rates, Forecast and Forecast-by-group sheets. */
export function planningReportSheets(report: PlanningReport, lang: WorkbookLanguage): SheetSpec[] {
  const rates: Cell[][] = [[L.dimension[lang], L.key[lang], L.applications[lang], L.awarded[lang], L.rejected[lang], L.withdrawn[lang], L.pending[lang], L.decided[lang], L.rate[lang]]];
  const dims = [['program', L.program], ['funder', L.funder], ['department', L.department], ['fiscalYear', L.fiscalYearDim]] as const;
  for (const [d, name] of dims) {
    for (const r of report.successRates[d]) rates.push([name[lang], t(lang === 'ja' ? r.labelJa : r.labelEn), r.applications, r.awarded, r.rejected, r.withdrawn, r.pending, r.decided, r.rate]);
  }
  const o = report.overall;
  rates.push([L.total[lang], null, o.applications, o.awarded, o.rejected, o.withdrawn, o.pending, o.decided, o.rate]);

  const money = (y: { committed: { directYen: number; indirectYen: number }; expected: { directYen: number; indirectYen: number }; atRisk: { directYen: number; indirectYen: number } }): Cell[] => [
    y.committed.directYen, y.committed.indirectYen, y.expected.directYen, y.expected.indirectYen, y.atRisk.directYen, y.atRisk.indirectYen,
  ];
  const forecast: Cell[][] = [];
  if (report.whatIf.length) forecast.push([`${L.whatIf[lang]}: ${report.whatIf.map((w) => `${report.labels.program.get(w.programKey)?.[lang] ?? w.programKey} ${w.percent >= 0 ? '+' : ''}${w.percent}%`).join(', ')}`]);
  forecast.push([L.fiscalYear[lang], L.wareki[lang], ...MONEY_HEADERS.map((h) => L[h][lang])]);
  for (const y of report.forecast.years) forecast.push([y.fiscalYear, fiscalYearLabelJa(y.fiscalYear), ...money(y)]);

  const byGroup: Cell[][] = [[L.dimension[lang], L.key[lang], L.fiscalYear[lang], ...MONEY_HEADERS.map((h) => L[h][lang])]];
  const groups = [
    [L.program, report.forecast.byProgram, report.labels.program],
    [L.department, report.forecast.byDepartment, report.labels.department],
    [L.funder, report.forecast.byFunder, report.labels.funder],
  ] as const;
  for (const [name, list, labels] of groups) {
    for (const g of list as readonly ForecastGroup[]) {
      const label = labels.get(g.key)?.[lang] ?? g.key;
      for (const y of g.years) byGroup.push([name[lang], t(label), y.fiscalYear, ...money(y)]);
    }
  }
  const yen = YEN_FORMAT[lang];
  const yenCols = (from: number) => Object.fromEntries(MONEY_HEADERS.map((_, i) => [from + i, yen]));
  return [
    { name: L.successRates[lang], rows: rates, colWidths: [12, 44, 10, 8, 8, 8, 10, 10, 12], numFmts: { 8: '0.0%' }, freezeRows: 1 },
    { name: L.forecast[lang], rows: forecast, colWidths: [10, 12, 20, 20, 20, 20, 20, 20], numFmts: yenCols(2), freezeRows: report.whatIf.length ? 2 : 1 },
    { name: L.forecastBy[lang], rows: byGroup, colWidths: [12, 44, 10, 20, 20, 20, 20, 20, 20], numFmts: yenCols(3), freezeRows: 1 },
  ];
}
