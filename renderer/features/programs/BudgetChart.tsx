// Budget by top-level program: previous year beside this year's request, with the supplementary budget stacked on the
// request, largest first. Selecting a bar opens the program.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from '../../components/BarChart';
import type { BarGroup, BarSeries } from '../../components/BarChart';
import { OTHERS_GROUP_ID, capGroups } from '../../components/bar-chart-layout';
import type { Bar } from '../../components/bar-chart-layout';
import { fiscalYearLabelJa } from '../../../shared/calendar/wareki';
import { sortPrograms } from '../../../shared/catalog/program-search';
import type { ProgramEntry } from '../../store/catalog';

/** Bars drawn at most; the rest are summed into one. */
const CHART_PROGRAMS = 40;

/** A program's two bars: last year's budget, and this year's request with the supplementary budget stacked on it. */
function budgetBars(p: ProgramEntry): Bar[] {
  return [
    { key: 'previous', segments: [{ seriesKey: 'previous', value: p.budgetYen.previous ?? 0 }] },
    {
      key: 'request',
      segments: [
        { seriesKey: 'request', value: p.budgetYen.request ?? 0 },
        { seriesKey: 'supplementary', value: p.budgetYen.supplementary ?? 0 },
      ],
    },
  ];
}

interface Props {
  programs: readonly ProgramEntry[];
  fiscalYear: number;
  selectedId: string | null;
  lang: 'ja' | 'en';
  onSelect: (id: string) => void;
}

export function BudgetChart({ programs, fiscalYear, selectedId, lang, onSelect }: Props) {
  const { t } = useTranslation('programs');
  const fy = lang === 'ja' ? fiscalYearLabelJa(fiscalYear) : `FY${fiscalYear}`;
  const series: BarSeries[] = useMemo(
    () => [
      { key: 'previous', label: t('legendPrevious'), color: '#9db2d3' },
      { key: 'request', label: `${t('legendRequest')}（${fy}）`, color: '#1f5fbf' },
      { key: 'supplementary', label: t('legendSupplementary'), color: '#e39a2d' },
    ],
    [t, fy],
  );
  const groups: BarGroup[] = useMemo(() => {
    const top = programs.filter((p) => p.parentId === null && (p.budgetYen.request !== null || p.budgetYen.previous !== null || p.budgetYen.supplementary !== null));
    const toGroup = (p: ProgramEntry): BarGroup => {
      const name = lang === 'en' && p.nameEn ? p.nameEn : p.nameJa;
      return { id: p.id, label: p.abbreviation ? `${p.abbreviation} ${name}` : name, title: name, bars: budgetBars(p) };
    };
    // An office edition may add thousands of programs: the largest CHART_PROGRAMS are drawn, the rest as one sum.
    return capGroups(sortPrograms(top, 'budget-desc'), CHART_PROGRAMS, toGroup, (count) => t('chartOthers', { count }), budgetBars);
  }, [programs, lang, t]);

  const fmt = useMemo(() => {
    const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
    const small = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const large = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return (yen: number) => {
      const oku = yen / 100_000_000;
      const n = (oku < 10 ? small : large).format(lang === 'ja' ? oku : yen / 1e9);
      return lang === 'ja' ? `${n}億円` : `¥${n}bn`;
    };
  }, [lang]);
  const select = (id: string) => {
    if (id !== OTHERS_GROUP_ID) onSelect(id);
  };

  return (
    <section className="budget-chart panel" aria-labelledby="budget-chart-title">
      <h2 id="budget-chart-title">{t('chartTitle')}</h2>
      <p className="muted">{t('chartCaption', { fy })}</p>
      {groups.length === 0 ? (
        <p className="muted">{t('chartEmpty')}</p>
      ) : (
        <BarChart groups={groups} series={series} formatValue={fmt} ariaLabel={t('chartLabel')} onSelect={select} selectedId={selectedId} imageName={`program-budgets-${fiscalYear}`} />
      )}
    </section>
  );
}
