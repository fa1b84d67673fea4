// Budget by fiscal year for one project: direct and indirect (indirect defaults to 30% of direct, rounded down,
// until the user types their own), entered in 円/千円/百万円, shown with wareki year labels and totals.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetLine, Project } from '../../../shared/domain/types';
import { fiscalYearOf, fiscalYearsBetween, todayIso } from '../../../shared/calendar/fiscal-year';
import { fiscalYearLabel } from '../../../shared/calendar/wareki';
import { defaultIndirect, formatYen } from '../../../shared/money/yen';
import type { YenUnit } from '../../../shared/money/yen';
import { amountForInput, parseAmountInput } from '../../../shared/portfolio/amount-input';
import { sumBudget } from '../../../shared/portfolio/budget-aggregation';
import { usePreferences } from '../../store/preferences';
import { deleteBudgetLine, saveBudgetLine } from '../../store/budgets';
import { useProjectBudget } from '../../store/portfolio-queries';
import { useLang } from '../../i18n/use-lang';

const ENTRY_UNITS: YenUnit[] = ['yen', 'thousand', 'million'];

export function BudgetEditor({ project, onMessage }: { project: Project; onMessage: (m: string) => void }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const prefs = usePreferences();
  const [unit, setUnit] = useState<YenUnit | null>(null);
  const entryUnit: YenUnit = unit ?? (ENTRY_UNITS.includes(prefs.amountUnit) ? prefs.amountUnit : 'thousand');
  const lines = useProjectBudget(project.id);
  const [extraYear, setExtraYear] = useState<number | null>(null);

  const years = useMemo(() => {
    const set = new Set<number>(lines?.map((l) => l.fiscalYear) ?? []);
    if (project.startDate && project.endDate && project.endDate >= project.startDate) fiscalYearsBetween(project.startDate, project.endDate).forEach((y) => set.add(y));
    if (extraYear !== null) set.add(extraYear);
    if (set.size === 0) set.add(fiscalYearOf(todayIso()));
    return [...set].sort((a, b) => a - b);
  }, [lines, project.startDate, project.endDate, extraYear]);

  if (!lines) return <p className="muted">{tc('loading')}</p>;
  const totals = sumBudget(lines);
  const nextYear = (years[years.length - 1] ?? fiscalYearOf(todayIso())) + 1;

  return (
    <div className="budget-editor">
      <div className="inline-form">
        <label htmlFor="budget-unit">{t('budget.unit')}</label>
        <select id="budget-unit" value={entryUnit} onChange={(e) => setUnit(e.target.value as YenUnit)}>
          {ENTRY_UNITS.map((u) => <option key={u} value={u}>{tc(`unit.${u}`)}</option>)}
        </select>
        <button type="button" onClick={() => setExtraYear(nextYear)}>{t('budget.add')}</button>
      </div>
      <p className="muted small">{t('budget.indirectHint')}</p>
      <table className="data budget-table">
        <thead>
          <tr><th>{t('budget.fiscalYear')}</th><th className="num">{t('budget.direct')}</th><th className="num">{t('budget.indirect')}</th><th className="num">{t('budget.total')}</th><th /></tr>
        </thead>
        <tbody>
          {years.map((fy) => {
            const line = lines.find((l) => l.fiscalYear === fy);
            return <BudgetRow key={`${fy}-${entryUnit}-${line?.directYen ?? 'n'}-${line?.indirectYen ?? 'n'}`} fy={fy} line={line} unit={entryUnit} lang={lang} projectId={project.id} onMessage={onMessage} />;
          })}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('budget.totals')}</th>
            <td className="num">{formatYen(totals.directYen, prefs.amountUnit, lang)}</td>
            <td className="num">{formatYen(totals.indirectYen, prefs.amountUnit, lang)}</td>
            <td className="num" data-testid="budget-total">{formatYen(totals.totalYen, prefs.amountUnit, lang)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function BudgetRow({ fy, line, unit, lang, projectId, onMessage }: { fy: number; line: BudgetLine | undefined; unit: YenUnit; lang: 'ja' | 'en'; projectId: string; onMessage: (m: string) => void }) {
  const { t } = useTranslation('projects');
  const [direct, setDirect] = useState(line ? amountForInput(line.directYen, unit) : '');
  const [indirect, setIndirect] = useState(line ? amountForInput(line.indirectYen, unit) : '');
  const [indirectTouched, setIndirectTouched] = useState(line ? line.indirectYen !== defaultIndirect(line.directYen) : false);
  const [error, setError] = useState('');

  const onDirect = (v: string) => {
    setDirect(v);
    if (!indirectTouched) {
      const d = parseAmountInput(v, unit);
      setIndirect(d.ok ? amountForInput(defaultIndirect(d.yen), unit) : '');
    }
  };
  const save = async () => {
    const d = parseAmountInput(direct, unit);
    const i = parseAmountInput(indirect, unit);
    const bad = !d.ok ? d : !i.ok ? i : null;
    if (bad && !bad.ok) return setError(bad.message[lang]);
    if (!d.ok || !i.ok) return;
    const r = await saveBudgetLine(projectId, fy, d.yen, i.yen);
    if (!r.ok) return setError(r.message[lang]);
    setError('');
    onMessage(t('budget.saved'));
  };
  const dirty = !line || direct !== amountForInput(line.directYen, unit) || indirect !== amountForInput(line.indirectYen, unit);
  const total = (() => {
    const d = parseAmountInput(direct, unit);
    const i = parseAmountInput(indirect, unit);
    return d.ok && i.ok ? d.yen + i.yen : null;
  })();

  return (
    <tr data-fy={fy}>
      <th scope="row">{fiscalYearLabel(fy, lang)}</th>
      <td className="num">
        <input className="amount" inputMode="numeric" aria-label={`${t('budget.direct')} ${fy}`} value={direct} onChange={(e) => onDirect(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') void save(); }} />
      </td>
      <td className="num">
        <input className="amount" inputMode="numeric" aria-label={`${t('budget.indirect')} ${fy}`} value={indirect}
          onChange={(e) => { setIndirect(e.target.value); setIndirectTouched(true); }} onKeyDown={(e) => { if (e.key === 'Enter') void save(); }} />
      </td>
      <td className="num">{formatYen(total, unit, lang)}{error && <div className="field-error" role="alert">{error}</div>}</td>
      <td>
        <button type="button" onClick={() => void save()} disabled={!dirty} data-action="save-budget">{t('budget.save')}</button>
        {line && <button type="button" className="danger" onClick={() => void deleteBudgetLine(line.id)}>{t('budget.remove')}</button>}
      </td>
    </tr>
  );
}
