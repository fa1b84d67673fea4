// The Dashboard: counts by status (one stored row, no index walk) and the next deadlines first; this fiscal year's
// funding, the budget totals and the risk flags need every table, so a Worker computes them once the screen is ready.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES } from '../../../shared/domain/types';
import { fiscalYearOf, todayIso } from '../../../shared/calendar/fiscal-year';
import { fiscalYearLabel } from '../../../shared/calendar/wareki';
import { formatYen } from '../../../shared/money/yen';
import type { YenUnit } from '../../../shared/money/yen';
import type { BudgetDimension } from '../../../shared/portfolio/budget-aggregation';
import { RISK_KINDS } from '../../../shared/portfolio/risk-flags';
import { hrefFor } from '../../app/routes';
import { usePreferences } from '../../store/preferences';
import { usePrograms } from '../../store/catalog';
import type { ProgramEntry } from '../../store/catalog';
import { usePortfolioCounters } from '../../store/dashboard-data';
import { useNextDeadlines, useOverdueCount } from '../../store/deadline-queries';
import { recountStatuses } from '../../store/status-counters';
import { useLang } from '../../i18n/use-lang';
import { BarChart } from '../../components/BarChart';
import type { BarGroup, BarSeries } from '../../components/BarChart';
import { BUDGET_SERIES_COLORS } from '../../components/bar-chart-layout';
import { useDashboardSummary } from './use-dashboard-summary';
import type { DashboardSummary } from '../../workers/reports';
import { usePlanningSettings } from '../../store/planning';
import { ForecastBreakdown } from '../../components/ForecastBreakdown';
import { ForecastChart } from '../../components/ForecastChart';

export function DashboardScreen() {
  const { t } = useTranslation('dashboard');
  const { t: tp } = useTranslation('projects');
  const lang = useLang();
  const prefs = usePreferences();
  const programList = usePrograms();
  const programs = useMemo(() => new Map(programList.map((p) => [p.id, p])), [programList]);
  const today = todayIso();
  const fy = fiscalYearOf(today);
  // undefined while loading; null when the stored counts are missing or unknown (recounted below, once).
  const stored = usePortfolioCounters();
  const counts = stored === undefined ? undefined : (stored?.byStatus ?? null);
  useEffect(() => {
    if (counts === null) void recountStatuses();
  }, [counts]);
  // The next 30 days' open items through [status+dueDate]; the overdue count walks far more keys (asked once ready).
  const deadlines = useNextDeadlines(today, 30, 12);
  const ready = !!counts && deadlines !== undefined;
  // Asked after the screen's own reads: a first count walks the whole overdue range (kept after, deadline-queries.ts).
  const overdue = useOverdueCount(today, ready);
  const planningSettings = usePlanningSettings();
  const summary = useDashboardSummary(ready, today, fy, planningSettings);
  const stale = summary?.countersStale ?? false;
  useEffect(() => {
    // The summary Worker found stored counts that disagree with the projects: recount from the indexes.
    if (stale) void recountStatuses(true);
  }, [stale, summary]);
  const funding = summary?.totals.program;
  // The next five fiscal years' forecast and the over-committed researchers (the same functions as `cli forecast`).
  // Computed in the summary Worker too (they need every project and budget line).
  const overCommitted = summary?.overCommitted ?? [];
  const risks = summary?.risks;

  const series: BarSeries[] = useMemo(
    () => [
      { key: 'direct', label: t('direct'), color: BUDGET_SERIES_COLORS.direct },
      { key: 'indirect', label: t('indirect'), color: BUDGET_SERIES_COLORS.indirect },
    ],
    [t],
  );
  const bars: BarGroup[] = useMemo(() => {
    if (!funding) return [];
    const stack = (directYen: number, indirectYen: number) => [{ key: 'total', segments: [{ seriesKey: 'direct', value: directYen }, { seriesKey: 'indirect', value: indirectYen }] }];
    const top = funding.slice(0, 10);
    const rest = funding.slice(10);
    const list: BarGroup[] = top.map((r) => {
      const p = r.key ? programs.get(r.key) : undefined;
      const name = p ? (lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa) : t('unmapped');
      return { id: r.key || '-', label: p?.abbreviation || name, title: name, bars: stack(r.directYen, r.indirectYen) };
    });
    if (rest.length > 0) {
      const sum = (k: 'directYen' | 'indirectYen') => rest.reduce((s, r) => s + r[k], 0);
      list.push({ id: '*others', label: t('others'), bars: stack(sum('directYen'), sum('indirectYen')) });
    }
    return list;
  }, [funding, programs, lang, t]);
  const fundingTotal = funding?.reduce((s, r) => s + r.totalYen, 0) ?? 0;

  return (
    <section className="dashboard" data-ready={ready ? 'true' : 'false'} data-summary={summary ? 'ready' : 'pending'}>
      <h1>{t('title')}</h1>
      <div className="dash-grid">
        <section className="panel" aria-labelledby="dash-status">
          <h2 id="dash-status">{t('byStatus')}</h2>
          <div className="status-counts">
            {PROJECT_STATUSES.map((s) => (
              <a key={s} className={`count-card status-${s}`} href={hrefFor('projects')} data-status={s}>
                <span className="count-num">{counts ? counts[s] : '…'}</span>
                <span>{tp(`status.${s}`)}</span>
              </a>
            ))}
          </div>
        </section>

        <section className="panel" aria-labelledby="dash-funding">
          <h2 id="dash-funding">{t('funding', { fy: fiscalYearLabel(fy, lang) })}</h2>
          {funding && funding.length === 0 && <p className="muted">{t('fundingEmpty')}</p>}
          {bars.length > 0 && (
            <BarChart groups={bars} series={series} formatValue={(n) => formatYen(n, prefs.amountUnit, lang)} ariaLabel={t('funding', { fy: fiscalYearLabel(fy, lang) })} width={520} labelWidth={170} imageName={`dashboard-funding-${fy}`} />
          )}
          {funding && funding.length > 0 && <p className="muted">{t('total')}: {formatYen(fundingTotal, prefs.amountUnit, lang)}</p>}
        </section>

        <section className="panel" aria-labelledby="dash-deadlines">
          <h2 id="dash-deadlines">{t('deadlines')}</h2>
          {overdue !== undefined && overdue > 0 && <p><a className="badge danger" href={hrefFor('deadlines')}>{t('overdue', { count: overdue })}</a></p>}
          {deadlines && deadlines.items.length === 0 && <p className="muted">{t('noDeadlines')}</p>}
          <ul className="plain-list">
            {deadlines?.items.map((m) => (
              <li key={m.id}>
                <span className="nowrap">{m.dueDate}</span> <a href={hrefFor('projects', m.projectId)}>{deadlines.projects.get(m.projectId)?.code}</a> {m.title}
              </li>
            ))}
          </ul>
          <a href={hrefFor('deadlines')}>{t('allDeadlines')} →</a>
        </section>

        <BudgetTotalsPanel totals={summary?.totals ?? null} programs={programs} fy={fy} lang={lang} amountUnit={prefs.amountUnit} />

        <section className="panel" aria-labelledby="dash-forecast" data-testid="dash-forecast-panel">
          <h2 id="dash-forecast">{t('forecast')}</h2>
          {!summary && <p className="muted">{t('computing')}</p>}
          {summary && (
            <>
              <ForecastChart years={summary.forecast.years} lang={lang} formatYen={(n) => formatYen(n, prefs.amountUnit, lang)} imageName={`dashboard-forecast-${fy}`} testId="dash-forecast" />
              <ForecastBreakdown forecast={summary.forecast} labels={summary.forecastLabels} lang={lang} formatYen={(n) => formatYen(n, prefs.amountUnit, lang)} testId="dash-forecast-groups" />
            </>
          )}
        </section>

        <section className="panel" aria-labelledby="dash-effort">
          <h2 id="dash-effort">{t('overCommitted')}</h2>
          {summary && overCommitted.length === 0 && <p className="muted">{t('noOverCommitted')}</p>}
          <ul className="plain-list" data-testid="dash-over-committed">
            {overCommitted.map((e) => (
              <li key={e.researcherId} data-researcher={e.researcherId}>
                <a href={hrefFor('researchers', e.researcherId)}>{e.name}</a>{' '}
                {e.years
                  .filter((y) => y.over100 || y.overThreshold)
                  .map((y) => (
                    <span key={y.fiscalYear} className={`badge ${y.over100 ? 'danger' : 'warn'}`} data-fy={y.fiscalYear}>
                      {fiscalYearLabel(y.fiscalYear, lang)} {y.totalPercent}%
                    </span>
                  ))}
              </li>
            ))}
          </ul>
        </section>

        <section className="panel" aria-labelledby="dash-risks">
          <h2 id="dash-risks">{t('risks')}</h2>
          {!risks && <p className="muted">{t('computing')}</p>}
          {risks && risks.total === 0 && <p className="muted">{t('noRisks')}</p>}
          {risks && risks.total > 0 && (
            <>
              <div className="risk-kinds">
                {RISK_KINDS.map((k) => {
                  const n = risks.kindCounts[k];
                  return n > 0 ? <span key={k} className="badge danger" data-risk-kind={k}>{tp(`risk.${k}`)}: {n}</span> : null;
                })}
              </div>
              <ul className="plain-list risk-items">
                {risks.listed.map((f) => (
                  <li key={`${f.projectId}-${f.kind}`} data-risk={f.kind} data-code={f.code}>
                    <a href={hrefFor('projects', f.projectId)}>{f.code}</a> {f.message[lang]}
                  </li>
                ))}
              </ul>
              {risks.total > risks.listed.length && <p className="muted">{t('more', { count: risks.total - risks.listed.length })}</p>}
            </>
          )}
        </section>
      </div>
    </section>
  );
}

type BudgetTotals = DashboardSummary['totals'];

/**
 * The budget totals by year, program or department. Its tab is its own state, so switching tabs renders this panel
 * alone: rendering the whole dashboard again (charts, forecast table, risk list) made a switch a long task at 50,000.
 */
function BudgetTotalsPanel({ totals: all, programs, fy, lang, amountUnit }: { totals: BudgetTotals | null; programs: ReadonlyMap<string, ProgramEntry>; fy: number; lang: 'ja' | 'en'; amountUnit: YenUnit }) {
  const { t } = useTranslation('dashboard');
  const { t: tp } = useTranslation('projects');
  const [dimension, setDimension] = useState<BudgetDimension>('year');
  const totals = all ? all[dimension] : null;
  const totalsLabel = (key: string) => {
    if (dimension === 'year') return fiscalYearLabel(Number(key), lang);
    if (dimension === 'department') return key || t('noDepartment');
    const p = key ? programs.get(key) : undefined;
    return p ? (lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa) : t('unmapped');
  };
  return (
    <section className="panel" aria-labelledby="dash-totals" data-totals-shown={totals ? dimension : undefined}>
      <h2 id="dash-totals">{t('totals')}</h2>
      <div role="radiogroup" aria-label={t('totalsBy')} className="tabs">
        {(['year', 'program', 'department'] as const).map((d) => (
          <button key={d} type="button" role="radio" aria-checked={dimension === d} data-dimension={d} onClick={() => setDimension(d)}>{t(`by.${d}`)}</button>
        ))}
      </div>
      {dimension !== 'year' && <p className="muted small">{fiscalYearLabel(fy, lang)}</p>}
      {!totals && <p className="muted">{t('computing')}</p>}
      {totals && totals.length === 0 && <p className="muted">{t('fundingEmpty')}</p>}
      {totals && totals.length > 0 && (
        <table className="data totals-table">
          <thead><tr><th>{t(`by.${dimension}`)}</th><th className="num">{tp('budget.direct')}</th><th className="num">{tp('budget.indirect')}</th><th className="num">{tp('budget.total')}</th><th className="num">{t('projectCount')}</th></tr></thead>
          <tbody>
            {totals.slice(0, 20).map((r) => (
              <tr key={r.key} data-key={r.key}>
                <td>{totalsLabel(r.key)}</td>
                <td className="num">{formatYen(r.directYen, amountUnit, lang)}</td>
                <td className="num">{formatYen(r.indirectYen, amountUnit, lang)}</td>
                <td className="num">{formatYen(r.totalYen, amountUnit, lang)}</td>
                <td className="num">{r.projectCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
