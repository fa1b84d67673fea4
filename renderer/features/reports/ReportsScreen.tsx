// The Reports screen: costs by program × fiscal year and by department (tables with the shared bar chart), the stage-gate and
// deadline schedule for a chosen period, the risk list and the catalog context; prints (nav hidden) or saves as PDF,
// and exports the same tables as the reports workbook.
import { useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopApi } from '../../platform/desktop-api';
import { catalogVersion } from '../../workers/reports';
import { usePreferences } from '../../store/preferences';
import { currentLanguage } from '../../i18n/i18n';
import { fiscalYearOf, fiscalYearRange, todayIso } from '../../../shared/calendar/fiscal-year';
import { fiscalYearLabel } from '../../../shared/calendar/wareki';
import { formatYen } from '../../../shared/money/yen';
import type { MoneyRow, PortfolioReport } from '../../../shared/reports/portfolio-report';
import { MILESTONE_KIND_LABELS, MILESTONE_STATUS_LABELS } from '../../../shared/domain/labels';
import { BarChart } from '../../components/BarChart';
import type { BarGroup, BarSeries } from '../../components/BarChart';
import { BUDGET_SERIES_COLORS } from '../../components/bar-chart-layout';
import { ForecastBreakdown } from '../../components/ForecastBreakdown';
import { ForecastChart } from '../../components/ForecastChart';
import { usePlanningSettings } from '../../store/planning';
import { useReport } from './use-report';
import { AfterPaints, useRowsInSlices } from '../../components/use-rows-in-slices';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/job-runner';
import type { PlanningReport } from '../../../shared/reports/planning-report';
import type { WhatIf } from '../../../shared/planning/forecast';

/** Rows of the schedule and the risk list shown on screen (all of them are in the workbook). */
const LIST_PAGE = 300;
/** Of those, the rows put in the DOM with the rest of the report (more than a screenful), then per frame after it. */
const LIST_FIRST = 40;
const LIST_STEP = 65;
/** A table's height before the browser lays it out (content-visibility skips it while off screen): a row is 25 px. */
const tableHint = (rows: number): CSSProperties => ({ containIntrinsicSize: `auto ${25 * (rows + 1)}px` });

export function ReportsScreen() {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const prefs = usePreferences();
  const today = useMemo(() => todayIso(), []);
  const fy = fiscalYearRange(fiscalYearOf(today));
  const [from, setFrom] = useState(fy.start);
  const [to, setTo] = useState(fy.end);
  const [year, setYear] = useState<number | 'all'>('all');
  // The what-if: one program's expected money scaled by ±N %; the chart, the table and the workbook all follow it.
  const [whatIfProgram, setWhatIfProgram] = useState('');
  const [whatIfPercent, setWhatIfPercent] = useState(0);
  const whatIf = useMemo<WhatIf[]>(() => (whatIfProgram && whatIfPercent ? [{ programKey: whatIfProgram, percent: whatIfPercent }] : []), [whatIfProgram, whatIfPercent]);
  const settings = usePlanningSettings();
  // Aggregated in the report Worker (seconds of work at 50,000 projects); the lists come back a page long.
  const { answer, current, writeWorkbook } = useReport({
    today, from: from <= to ? from : to, to: from <= to ? to : from, catalog: catalogVersion(), fromFiscalYear: fiscalYearOf(today), probability: settings.probability, whatIf, listLimit: LIST_PAGE,
  });
  if (!answer) return <p className="muted" role="status">{t('loading')}</p>;
  const { report, scheduleTotal, risksTotal } = answer;
  const planning = { report: answer.planning };
  const yen = (n: number | null) => formatYen(n, prefs.amountUnit, lang);

  return (
    <section className="reports" data-ready={current ? 'true' : 'false'}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('generated', { date: today })}</p>
      <div className="inline-form reports-toolbar no-print">
        <label htmlFor="report-year">{t('fiscalYear')}</label>
        <select id="report-year" value={year} onChange={(e) => setYear(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
          <option value="all">{t('allYears')}</option>
          {report.fiscalYears.map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y, lang)}
            </option>
          ))}
        </select>
        <label htmlFor="report-from">{t('from')}</label>
        <input id="report-from" type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        <label htmlFor="report-to">{t('to')}</label>
        <input id="report-to" type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        <button type="button" onClick={() => void desktopApi.printToPdf({ suggestedName: `grant-portfolio-report-${today}.pdf` })}>
          {t('print')}
        </button>
        <WorkbookExport writeWorkbook={writeWorkbook} today={today} from={report.from} to={report.to} whatIf={whatIf} />
      </div>

      <MoneySection title={t('byProgram')} keyLabel={t('program')} rows={report.byProgram} year={year} yen={yen} testId="report-by-program" />
      {/* Below the first screen (the by-program chart fills it): a frame later, then the lists and the catalog. */}
      <AfterPaints paints={1}>
        <MoneySection title={t('byDepartment')} keyLabel={t('department')} rows={report.byDepartment} year={year} yen={yen} testId="report-by-department" />

        <SuccessRatesSection report={planning.report} />

        <div className="report-section" data-testid="report-forecast-section">
          <h2>{t('forecast')}</h2>
          <div className="inline-form no-print">
            <label htmlFor="whatif-program">{t('whatIfProgram')}</label>
            <select id="whatif-program" value={whatIfProgram} onChange={(e) => setWhatIfProgram(e.target.value)}>
              <option value="">—</option>
              {[...planning.report.labels.program].map(([key, label]) => (
                <option key={key} value={key}>{label[lang]}</option>
              ))}
            </select>
            <label htmlFor="whatif-percent">{t('whatIfPercent')}</label>
            <input id="whatif-percent" type="number" min={-100} max={1000} step={5} value={whatIfPercent} onChange={(e) => setWhatIfPercent(Number(e.target.value) || 0)} />
          </div>
          {whatIf.length > 0 && <p className="muted" data-testid="whatif-note">{t('whatIfNote', { program: planning.report.labels.program.get(whatIfProgram)?.[lang] ?? whatIfProgram, percent: whatIfPercent })}</p>}
          <ForecastChart years={planning.report.forecast.years} lang={lang} formatYen={yen} imageName="report-forecast" testId="report-forecast" />
          <ForecastBreakdown forecast={planning.report.forecast} labels={planning.report.labels} lang={lang} formatYen={yen} testId="report-forecast-groups" />
        </div>
      </AfterPaints>
      <AfterPaints paints={2}>
        <ScheduleSection rows={report.schedule} total={scheduleTotal} from={report.from} to={report.to} />
        <RisksSection rows={report.risks} total={risksTotal} />
        <div className="report-section">
          <h2>{t('catalog')}</h2>
          {report.catalog.length === 0 ? (
            <p className="muted">{t('empty')}</p>
          ) : (
            <table className="data" data-testid="report-catalog" style={tableHint(report.catalog.length)}>
              <thead>
                <tr><th>{t('program')}</th><th>{t('period')}</th><th className="num">{t('request')}</th><th className="num">{t('previous')}</th><th className="num">{t('count')}</th></tr>
              </thead>
              <tbody>
                {report.catalog.map((c) => (
                  <tr key={c.programId}>
                    <td>{lang === 'ja' ? c.nameJa : c.nameEn || c.nameJa}</td>
                    <td>
                      {c.startFiscalYear !== null ? fiscalYearLabel(c.startFiscalYear, lang) : '—'}〜{c.endFiscalYear !== null ? fiscalYearLabel(c.endFiscalYear, lang) : '—'}
                    </td>
                    <td className="num">{yen(c.requestYen)}</td>
                    <td className="num">{yen(c.previousYen)}</td>
                    <td className="num">{c.projectCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </AfterPaints>
    </section>
  );
}

/**
 * The workbook button with its progress bar and cancel button. A component of its own: the job's state changes
 * (progress, done) re-render only it, not the screen's charts and hundreds of rows (one long task each at 50,000).
 */
function WorkbookExport(props: { writeWorkbook: ReturnType<typeof useReport>['writeWorkbook']; today: string; from: string; to: string; whatIf: WhatIf[] }) {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const job = useJob();
  const [status, setStatus] = useState('');
  // Written by the screen's Worker from the reports it already built and keeps (built again only for data or options
  // that changed since).
  const exportWorkbook = () =>
    job.runner.run({ ja: 'レポートを Excel に出力しています', en: 'Writing the report workbook' }, async (control) => {
      const { today, from, to, whatIf } = props;
      const bytes = await props.writeWorkbook({ today, catalog: catalogVersion(), from, to, fromFiscalYear: fiscalYearOf(today), whatIf: [...whatIf], lang }, control);
      const result = await desktopApi.saveFile({ suggestedName: `grant-portfolio-report-${today}.xlsx`, filters: [{ name: 'Excel', extensions: ['xlsx'] }], bytes });
      if (result.saved) setStatus(t('exported', { location: result.location ?? '' }));
    });
  return (
    <>
      <button type="button" data-testid="report-export" disabled={job.state.phase === 'running'} onClick={() => void exportWorkbook()}>
        {t('exportWorkbook')}
      </button>
      <JobProgress state={job.state} runner={job.runner} lang={lang} testId="report-job" />
      <span role="status" className="muted">{status}</span>
    </>
  );
}

function ScheduleSection(props: { rows: PortfolioReport['schedule']; total: number; from: string; to: string }) {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const rows = useRowsInSlices(props.rows, LIST_FIRST, LIST_STEP);
  return (
    <div className="report-section">
      <h2>{t('schedule')}（{props.from}〜{props.to}）</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className="data" data-testid="report-schedule" data-rows-shown={rows.length} style={tableHint(rows.length)}>
          <thead>
            <tr><th>{t('due')}</th><th>{t('code')}</th><th>{t('project')}</th><th>{t('kind')}</th><th>{t('item')}</th><th>{t('status')}</th></tr>
          </thead>
          <tbody>
            {rows.map((s, i) => (
              <tr key={i}>
                <td>{s.dueDate}</td><td>{s.code}</td><td>{s.projectTitle}</td><td>{MILESTONE_KIND_LABELS[s.kind][lang]}</td><td>{s.title}</td><td>{MILESTONE_STATUS_LABELS[s.status][lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.total > props.rows.length && <p className="muted" data-testid="report-schedule-more">{t('moreRows', { count: props.total - props.rows.length })}</p>}
    </div>
  );
}

function RisksSection(props: { rows: PortfolioReport['risks']; total: number }) {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const rows = useRowsInSlices(props.rows, LIST_FIRST, LIST_STEP);
  return (
    <div className="report-section">
      <h2>{t('risks')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className="data" data-testid="report-risks" data-rows-shown={rows.length} style={tableHint(rows.length)}>
          <thead>
            <tr><th>{t('code')}</th><th>{t('project')}</th><th>{t('risk')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}><td>{r.code}</td><td>{r.projectTitle}</td><td>{r.message[lang]}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {props.total > props.rows.length && <p className="muted" data-testid="report-risks-more">{t('moreRows', { count: props.total - props.rows.length })}</p>}
    </div>
  );
}

function MoneySection(props: { title: string; keyLabel: string; rows: MoneyRow[]; year: number | 'all'; yen: (n: number) => string; testId: string }) {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const rows = useMemo(() => (props.year === 'all' ? props.rows : props.rows.filter((r) => r.fiscalYear === props.year)), [props.rows, props.year]);
  // Kept while the rows and the language are: the chart draws a new set of groups a slice at a time again.
  const series = useMemo<BarSeries[]>(() => [
    { key: 'direct', label: t('direct'), color: BUDGET_SERIES_COLORS.direct },
    { key: 'indirect', label: t('indirect'), color: BUDGET_SERIES_COLORS.indirect },
  ], [t]);
  const groups = useMemo<BarGroup[]>(() => rows.map((r, i) => {
    const label = `${r.label[lang]} · ${fiscalYearLabel(r.fiscalYear, lang)}`;
    return { id: `${i}`, label, bars: [{ key: 'total', segments: [{ seriesKey: 'direct', value: r.directYen }, { seriesKey: 'indirect', value: r.indirectYen }] }] };
  }), [rows, lang]);
  return (
    <div className="report-section">
      <h2>{props.title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          <BarChart groups={groups} series={series} formatValue={props.yen} ariaLabel={props.title} labelWidth={300} imageName={props.testId} dataTableId={props.testId} />
          <table className="data" id={props.testId} data-testid={props.testId} style={tableHint(rows.length)}>
            <thead>
              <tr>
                <th>{props.keyLabel}</th><th>{t('fiscalYear')}</th><th className="num">{t('direct')}</th><th className="num">{t('indirect')}</th><th className="num">{t('total')}</th><th className="num">{t('count')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>{r.label[lang]}</td>
                  <td>{fiscalYearLabel(r.fiscalYear, lang)}</td>
                  <td className="num">{props.yen(r.directYen)}</td>
                  <td className="num">{props.yen(r.indirectYen)}</td>
                  <td className="num">{props.yen(r.totalYen)}</td>
                  <td className="num">{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

function SuccessRatesSection({ report }: { report: PlanningReport }) {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const [dimension, setDimension] = useState<'program' | 'funder' | 'department' | 'fiscalYear'>('program');
  const rows = report.successRates[dimension];
  const series = useMemo<BarSeries[]>(() => [{ key: 'rate', label: t('successRate'), color: BUDGET_SERIES_COLORS.direct }], [t]);
  const groups = useMemo<BarGroup[]>(() => rows.map((r) => ({ id: r.key || '-', label: lang === 'ja' ? r.labelJa : r.labelEn, bars: [{ key: 'rate', segments: [{ seriesKey: 'rate', value: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10 }] }] })), [rows, lang]);
  const percent = (n: number) => `${n}%`;
  return (
    <div className="report-section">
      <h2>{t('successRates')}</h2>
      <p className="muted" data-testid="success-overall">{t('overall', { awarded: report.overall.awarded, decided: report.overall.decided, rate: report.overall.rate === null ? '—' : `${Math.round(report.overall.rate * 1000) / 10}%` })}</p>
      <div role="radiogroup" className="tabs no-print" aria-label={t('successRates')}>
        {(['program', 'funder', 'department', 'fiscalYear'] as const).map((d) => (
          <button key={d} type="button" role="radio" aria-checked={dimension === d} data-dimension={d} onClick={() => setDimension(d)}>{t(`rateBy.${d}`)}</button>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          <BarChart groups={groups} series={series} formatValue={percent} ariaLabel={t('successRates')} labelWidth={260} imageName={`success-rates-${dimension}`} dataTableId="report-success-rates" />
          <table className="data" id="report-success-rates" data-testid="report-success-rates" style={tableHint(rows.length)}>
            <thead><tr><th>{t(`rateBy.${dimension}`)}</th><th className="num">{t('awarded')}</th><th className="num">{t('decided')}</th><th className="num">{t('successRate')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-key={r.key}>
                  <td>{lang === 'ja' ? r.labelJa : r.labelEn}</td>
                  <td className="num">{r.awarded}</td>
                  <td className="num">{r.decided}</td>
                  <td className="num">{r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
