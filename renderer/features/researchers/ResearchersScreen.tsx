// The Researchers screen: the list (with each one's highest yearly effort), a form (e-Rad number kept as text and
// only warned on), and a researcher's page: all their projects and applications and their effort per fiscal year,
// flagged over 100 % and at the office's lower threshold.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUS_LABELS, MEMBER_ROLE_LABELS } from '../../../shared/domain/planning';
import { fiscalYearOf, todayIso } from '../../../shared/calendar/fiscal-year';
import { fiscalYearLabel } from '../../../shared/calendar/wareki';
import type { Route } from '../../app/routes';
import { hrefFor } from '../../app/routes';
import { useLang } from '../../i18n/use-lang';
import { deleteResearcher, saveResearcher, usePlanningReport, usePlanningSettings } from '../../store/planning';
import type { PlanningProblem, ResearcherInput } from '../../store/planning';

const BLANK: ResearcherInput = { name: '', nameReading: '', eradResearcherNumber: '', researchmapId: '', department: '', position: '', notes: '' };

export function ResearchersScreen({ route }: { route: Route }) {
  const { t } = useTranslation('researchers');
  const planning = usePlanningReport(fiscalYearOf(todayIso()));
  const [editing, setEditing] = useState<{ id?: string; input: ResearcherInput } | null>(null);
  const [message, setMessage] = useState('');
  const id = route.params[0];
  if (!planning) return <p className="muted" role="status">…</p>;
  const researchers = planning.data.researchers.filter((r) => !r.deletedAt).sort((a, b) => (a.nameReading || a.name).localeCompare(b.nameReading || b.name, 'ja'));
  const effortOf = new Map(planning.effort.map((e) => [e.researcherId, e]));

  if (id) {
    const r = planning.data.researchers.find((x) => x.id === id);
    if (!r) return <section><h1>{t('title')}</h1><p>{t('notFound')}</p><a href={hrefFor('researchers')}>{t('back')}</a></section>;
    return (
      <section className="researcher-page">
        <h1>{r.name}</h1>
        <ResearcherPage researcherId={id} planning={planning} />
        {editing ? (
          <ResearcherForm id={id} initial={editing.input} onDone={(m) => { setEditing(null); if (m) setMessage(m); }} />
        ) : (
          <button type="button" onClick={() => { const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = r; setEditing({ id, input }); }}>{t('edit')}</button>
        )}
        {' '}<button type="button" onClick={() => void deleteResearcher(id, !r.deletedAt)}>{r.deletedAt ? t('restore') : t('trash')}</button>
        <span role="status" className="muted">{message}</span>
        <p><a href={hrefFor('researchers')}>{t('back')}</a></p>
      </section>
    );
  }

  return (
    <section className="researchers">
      <h1>{t('title')}</h1>
      <p className="no-print">
        <button type="button" data-testid="researcher-add" onClick={() => setEditing({ input: BLANK })}>{t('add')}</button>{' '}
        <span role="status" className="muted" data-testid="researcher-message">{message}</span>
      </p>
      {editing && <ResearcherForm initial={editing.input} onDone={(m) => { setEditing(null); if (m) setMessage(m); }} />}
      {researchers.length === 0 && <p className="muted">{t('empty')}</p>}
      {researchers.length > 0 && (
        <table className="data" data-testid="researchers-table">
          <thead><tr><th>{t('name')}</th><th>{t('reading')}</th><th>{t('number')}</th><th>{t('department')}</th><th>{t('position')}</th><th className="num">{t('maxEffort')}</th></tr></thead>
          <tbody>
            {researchers.map((r) => {
              const e = effortOf.get(r.id);
              const max = e ? Math.max(0, ...e.years.map((y) => y.totalPercent)) : 0;
              return (
                <tr key={r.id} data-researcher={r.id} data-over={e?.over100 ? 'true' : 'false'}>
                  <td><a href={hrefFor('researchers', r.id)}>{r.name}</a></td>
                  <td>{r.nameReading}</td><td>{r.eradResearcherNumber}</td><td>{r.department}</td><td>{r.position}</td>
                  <td className={`num ${e?.over100 ? 'danger' : e?.overThreshold ? 'warn' : ''}`}>{max}%</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ResearcherPage({ researcherId, planning }: { researcherId: string; planning: NonNullable<ReturnType<typeof usePlanningReport>> }) {
  const { t } = useTranslation('researchers');
  const lang = useLang();
  const settings = usePlanningSettings();
  const { data } = planning;
  const mine = data.memberships.filter((m) => m.researcherId === researcherId);
  const projects = new Map(data.projects.map((p) => [p.id, p]));
  const apps = new Map(data.applications.map((a) => [a.id, a]));
  const effort = planning.effort.find((e) => e.researcherId === researcherId);
  return (
    <>
      <h2>{t('effort')}</h2>
      {!effort || effort.years.length === 0 ? <p className="muted">{t('none')}</p> : (
        <table className="data" data-testid="researcher-effort">
          <thead><tr><th>{t('fiscalYear')}</th><th className="num">{t('total')}</th><th /></tr></thead>
          <tbody>
            {effort.years.map((y) => (
              <tr key={y.fiscalYear} data-fy={y.fiscalYear} data-over100={y.over100 ? 'true' : 'false'} data-over-threshold={y.overThreshold ? 'true' : 'false'}>
                <td>{fiscalYearLabel(y.fiscalYear, lang)}</td>
                <td className="num">{y.totalPercent}%</td>
                <td>
                  {y.over100 && <span className="badge danger" role="alert">{t('over100')}</span>}
                  {!y.over100 && y.overThreshold && <span className="badge warn">{t('overThreshold', { percent: settings.effortThresholdPercent })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('projects')}</h2>
      <ul className="plain-list" data-testid="researcher-projects">
        {mine.filter((m) => m.projectId && projects.get(m.projectId) && !projects.get(m.projectId)!.deletedAt).map((m) => {
          const p = projects.get(m.projectId!)!;
          return <li key={m.id}><a href={hrefFor('projects', p.id)}>{p.code}</a> {p.title} · {MEMBER_ROLE_LABELS[m.role][lang]} · {m.effort.map((e) => `${fiscalYearLabel(e.fiscalYear, lang)} ${e.percent}%`).join(', ')}</li>;
        })}
      </ul>
      <h2>{t('applications')}</h2>
      <ul className="plain-list" data-testid="researcher-applications">
        {mine.filter((m) => m.applicationId && apps.get(m.applicationId) && !apps.get(m.applicationId)!.deletedAt).map((m) => {
          const a = apps.get(m.applicationId!)!;
          return <li key={m.id}>{a.code} {a.title || a.callName} · {APPLICATION_STATUS_LABELS[a.status][lang]} · {m.effort.map((e) => `${fiscalYearLabel(e.fiscalYear, lang)} ${e.percent}%`).join(', ')}</li>;
        })}
      </ul>
    </>
  );
}

function ResearcherForm(props: { id?: string; initial: ResearcherInput; onDone: (message?: string) => void }) {
  const { t } = useTranslation('researchers');
  const lang = useLang();
  const [input, setInput] = useState(props.initial);
  const [problems, setProblems] = useState<PlanningProblem[]>([]);
  const set = (patch: Partial<ResearcherInput>) => setInput((x) => ({ ...x, ...patch }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await saveResearcher(input, props.id ? { id: props.id } : {});
    if (!r.ok) setProblems(r.problems);
    else {
      const warn = r.warnings.map((w) => (w.message[lang])).join(' ');
      props.onDone(warn ? `${t('saved')}（${warn}）` : t('saved'));
    }
  };
  return (
    <form className="panel form-grid" data-testid="researcher-form" onSubmit={(e) => void submit(e)}>
      <label>{t('name')} <input name="name" value={input.name} onChange={(e) => set({ name: e.target.value })} /></label>
      <label>{t('reading')} <input name="nameReading" value={input.nameReading} onChange={(e) => set({ nameReading: e.target.value })} /></label>
      <label>{t('number')} <input name="eradResearcherNumber" inputMode="numeric" value={input.eradResearcherNumber} onChange={(e) => set({ eradResearcherNumber: e.target.value })} /></label>
      <label>{t('researchmap')} <input name="researchmapId" value={input.researchmapId} onChange={(e) => set({ researchmapId: e.target.value })} /></label>
      <label>{t('department')} <input name="department" value={input.department} onChange={(e) => set({ department: e.target.value })} /></label>
      <label>{t('position')} <input name="position" value={input.position} onChange={(e) => set({ position: e.target.value })} /></label>
      {problems.length > 0 && <ul className="problems" role="alert">{problems.map((p, i) => <li key={i}>{p.message[lang]}</li>)}</ul>}
      <p>
        <button type="submit" data-testid="researcher-save">{t('save')}</button>{' '}
        <button type="button" onClick={() => props.onDone()}>{t('cancel')}</button>
      </p>
    </form>
  );
}
