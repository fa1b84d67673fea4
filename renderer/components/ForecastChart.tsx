// The funding forecast as one chart and table (Dashboard and Reports): per fiscal year, committed, expected and at-risk
// money as three stacked bars, direct and indirect apart, so the indirect income shows. Figures come from buildForecast.
import { useTranslation } from 'react-i18next';
import type { ForecastYear } from '../../shared/planning/forecast';
import { fiscalYearLabel } from '../../shared/calendar/wareki';
import { BarChart } from './BarChart';
import type { BarGroup, BarSeries } from './BarChart';
import { BUDGET_SERIES_COLORS } from './bar-chart-layout';

const KINDS = ['committed', 'expected', 'atRisk'] as const;

export function ForecastChart(props: { years: readonly ForecastYear[]; lang: 'ja' | 'en'; formatYen: (n: number) => string; imageName: string; testId: string }) {
  const { t } = useTranslation();
  const series: BarSeries[] = [
    { key: 'direct', label: t('forecast.direct'), color: BUDGET_SERIES_COLORS.direct },
    { key: 'indirect', label: t('forecast.indirect'), color: BUDGET_SERIES_COLORS.indirect },
  ];
  const groups: BarGroup[] = props.years.flatMap((y) =>
    KINDS.map((k) => ({
      id: `${y.fiscalYear}-${k}`,
      label: `${fiscalYearLabel(y.fiscalYear, props.lang)} ${t(`forecast.${k}`)}`,
      bars: [{ key: k, segments: [{ seriesKey: 'direct', value: y[k].directYen }, { seriesKey: 'indirect', value: y[k].indirectYen }] }],
    })),
  );
  return (
    <>
      <BarChart groups={groups} series={series} formatValue={props.formatYen} ariaLabel={t('forecast.title')} labelWidth={200} imageName={props.imageName} />
      <table className="data" data-testid={props.testId}>
        <thead>
          <tr>
            <th>{t('forecast.fiscalYear')}</th>
            {KINDS.map((k) => (
              <th key={k} className="num" colSpan={2}>{t(`forecast.${k}`)}</th>
            ))}
          </tr>
          <tr>
            <th />
            {KINDS.map((k) => [<th key={`${k}d`} className="num">{t('forecast.direct')}</th>, <th key={`${k}i`} className="num">{t('forecast.indirect')}</th>])}
          </tr>
        </thead>
        <tbody>
          {props.years.map((y) => (
            <tr key={y.fiscalYear} data-fy={y.fiscalYear}>
              <td>{fiscalYearLabel(y.fiscalYear, props.lang)}</td>
              {KINDS.map((k) => [
                <td key={`${k}d`} className="num" data-kind={`${k}-direct`} data-yen={y[k].directYen}>{props.formatYen(y[k].directYen)}</td>,
                <td key={`${k}i`} className="num" data-kind={`${k}-indirect`} data-yen={y[k].indirectYen}>{props.formatYen(y[k].indirectYen)}</td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
