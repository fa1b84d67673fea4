// The funding forecast broken down by program, department or funder (the grouping switch of the Dashboard and the
// Reports screen): per group and fiscal year, committed, expected and at-risk money (direct + indirect). The groups
// come from buildForecast, so each adds up to the totals the ForecastChart shows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Forecast } from '../../shared/planning/forecast';
import { fiscalYearLabel } from '../../shared/calendar/wareki';

const GROUPINGS = ['total', 'program', 'department', 'funder'] as const;
type Grouping = (typeof GROUPINGS)[number];
const KINDS = ['committed', 'expected', 'atRisk'] as const;
const GROUP_OF = { program: 'byProgram', department: 'byDepartment', funder: 'byFunder' } as const;

type Labels = Readonly<Record<Exclude<Grouping, 'total'>, ReadonlyMap<string, { ja: string; en: string }>>>;

export function ForecastBreakdown(props: { forecast: Forecast; labels: Labels; lang: 'ja' | 'en'; formatYen: (n: number) => string; testId: string }) {
  const { t } = useTranslation();
  const [grouping, setGrouping] = useState<Grouping>('total');
  const id = `${props.testId}-grouping`;
  const groups = grouping === 'total' ? [] : props.forecast[GROUP_OF[grouping]];
  const label = (key: string) => (grouping === 'total' ? key : props.labels[grouping].get(key)?.[props.lang] ?? key);
  return (
    <div className="forecast-breakdown">
      <p className="inline-form no-print">
        <label htmlFor={id}>{t('forecast.groupBy')}</label>
        <select id={id} data-testid={id} value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
          {GROUPINGS.map((g) => <option key={g} value={g}>{t(`forecast.${g}`)}</option>)}
        </select>
      </p>
      {grouping !== 'total' && (
        <table className="data" data-testid={props.testId} data-grouping={grouping}>
          <thead>
            <tr>
              <th>{t('forecast.group')}</th>
              <th>{t('forecast.kind')}</th>
              {props.forecast.years.map((y) => <th key={y.fiscalYear} className="num">{fiscalYearLabel(y.fiscalYear, props.lang)}（{t('forecast.sum')}）</th>)}
            </tr>
          </thead>
          <tbody>
            {groups.flatMap((g) =>
              KINDS.map((k, i) => (
                <tr key={`${g.key}-${k}`} data-group={g.key} data-kind={k}>
                  {i === 0 && <th scope="rowgroup" rowSpan={KINDS.length}>{label(g.key)}</th>}
                  <td>{t(`forecast.${k}`)}</td>
                  {g.years.map((y) => {
                    const yen = y[k].directYen + y[k].indirectYen;
                    return <td key={y.fiscalYear} className="num" data-fy={y.fiscalYear} data-yen={yen}>{props.formatYen(yen)}</td>;
                  })}
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
