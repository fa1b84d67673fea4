// The Applications screen (応募): the list with status transitions 応募予定→申請中→採択/不採択/辞退, and a form for one
// application (call, program or outside funder, e-Rad deadline with the internal deadline by the office's working-day
// rule, requested amounts per fiscal year, role, probability override, and, once saved, its members with effort per
// fiscal year through the same Members editor as a project's). 採択 creates or activates the project.
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application, ApplicationRole } from '../../../shared/domain/planning';
import { APPLICATION_ROLES, APPLICATION_ROLE_LABELS, APPLICATION_STATUS_LABELS } from '../../../shared/domain/planning';
import { todayIso } from '../../../shared/calendar/fiscal-year';
import { effectiveInternalDeadline } from '../../../shared/planning/internal-deadline';
import { formatYen } from '../../../shared/money/yen';
import { hrefFor } from '../../app/routes';
import { MembersEditor } from '../../components/MembersEditor';
import { useLang } from '../../i18n/use-lang';
import { usePrograms } from '../../store/catalog';
import { usePreferences } from '../../store/preferences';
import { awardApplication, deleteApplication, saveApplication, setApplicationStatus, usePlanningData, usePlanningSettings } from '../../store/planning';
import type { ApplicationInput, PlanningProblem } from '../../store/planning';

function blank(): ApplicationInput {
  return {
    code: '', title: '', callName: '', callId: null, programId: null, trackId: null, funderName: '', pi: '', department: '', eradDeadline: null, internalDeadline: null,
    submittedDate: null, requested: [], role: 'lead', status: 'planned', resultDate: null, probabilityOverride: null, projectId: null, notes: '',
  };
}

export function ApplicationsScreen() {
  const { t } = useTranslation('applications');
  const lang = useLang();
  const prefs = usePreferences();
  const data = usePlanningData();
  const [editing, setEditing] = useState<{ id?: string; input: ApplicationInput } | null>(null);
  const [message, setMessage] = useState('');
  const projects = useMemo(() => new Map((data?.projects ?? []).map((p) => [p.id, p])), [data]);
  const apps = (data?.applications ?? []).filter((a) => !a.deletedAt).sort((a, b) => a.code.localeCompare(b.code));
  const yen = (n: number) => formatYen(n, prefs.amountUnit, lang);
  const today = todayIso();

  const act = async (a: Application, next: 'submitted' | 'awarded' | 'rejected' | 'withdrawn') => {
    if (next === 'awarded') {
      const r = await awardApplication(a.id, today);
      setMessage(r.ok ? t('awarded', { code: r.project.code }) : r.message[lang]);
    } else {
      const r = await setApplicationStatus(a.id, next, next === 'submitted' ? today : today);
      setMessage(r.ok ? t('saved') : r.problems.map((p) => (p.message[lang])).join(' '));
    }
  };

  return (
    <section className="applications">
      <h1>{t('title')}</h1>
      <p className="no-print">
        <button type="button" data-testid="app-add" onClick={() => setEditing({ input: blank() })}>{t('add')}</button>{' '}
        <span role="status" className="muted" data-testid="app-message">{message}</span>
      </p>
      {editing && <ApplicationForm key={editing.id ?? 'new'} id={editing.id} initial={editing.input} onDone={(m) => { setEditing(null); if (m) setMessage(m); }} />}
      {data && apps.length === 0 && <p className="muted">{t('empty')}</p>}
      {apps.length > 0 && (
        <table className="data" data-testid="applications-table">
          <thead>
            <tr><th>{t('code')}</th><th>{t('projectTitle')}</th><th>{t('callName')}</th><th>{t('eradDeadline')}</th><th>{t('status')}</th><th className="num">{t('requested')}</th><th>{t('project')}</th><th /></tr>
          </thead>
          <tbody>
            {apps.map((a) => (
              <tr key={a.id} data-code={a.code} data-status={a.status}>
                <td><button type="button" className="link" onClick={() => { const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = a; setEditing({ id: a.id, input }); }}>{a.code}</button></td>
                <td>{a.title}</td>
                <td>{a.callName}</td>
                <td>{a.eradDeadline ?? '—'}</td>
                <td>{APPLICATION_STATUS_LABELS[a.status][lang]}</td>
                <td className="num">{yen(a.requested.reduce((s, r) => s + r.directYen + r.indirectYen, 0))}</td>
                <td>{a.projectId && projects.get(a.projectId) ? <a href={hrefFor('projects', a.projectId)}>{projects.get(a.projectId)!.code}</a> : '—'}</td>
                <td className="nowrap no-print">
                  {a.status === 'planned' && <button type="button" data-action="submit" onClick={() => void act(a, 'submitted')}>{t('submit')}</button>}
                  {(a.status === 'planned' || a.status === 'submitted') && (
                    <>
                      {' '}<button type="button" data-action="award" onClick={() => void act(a, 'awarded')}>{t('award')}</button>
                      {' '}<button type="button" data-action="reject" onClick={() => void act(a, 'rejected')}>{t('reject')}</button>
                      {' '}<button type="button" data-action="withdraw" onClick={() => void act(a, 'withdrawn')}>{t('withdraw')}</button>
                    </>
                  )}
                  {' '}<button type="button" onClick={() => void deleteApplication(a.id)}>{t('trash')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ApplicationForm(props: { id?: string | undefined; initial: ApplicationInput; onDone: (message?: string) => void }) {
  const { t } = useTranslation('applications');
  const lang = useLang();
  const programs = usePrograms();
  const prefs = usePreferences();
  const settings = usePlanningSettings();
  const [input, setInput] = useState(props.initial);
  const [problems, setProblems] = useState<PlanningProblem[]>([]);
  const [memberMessage, setMemberMessage] = useState('');
  const set = (patch: Partial<ApplicationInput>) => setInput((x) => ({ ...x, ...patch }));
  const internal = effectiveInternalDeadline({ eradDeadline: input.eradDeadline, internalDeadline: null }, settings.internalDeadlineWorkingDays, { closure: { start: prefs.closureStart, end: prefs.closureEnd } });
  const program = programs.find((p) => p.id === input.programId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await saveApplication(input, props.id ? { id: props.id } : {});
    if (!r.ok) setProblems(r.problems);
    else props.onDone(t('saved'));
  };
  const num = (s: string) => (s.trim() === '' ? 0 : Math.round(Number(s)));

  return (
    <>
    <form className="panel form-grid" data-testid="application-form" onSubmit={(e) => void submit(e)}>
      <label>{t('code')} <input name="code" value={input.code} onChange={(e) => set({ code: e.target.value })} /></label>
      <label>{t('projectTitle')} <input name="title" value={input.title} onChange={(e) => set({ title: e.target.value })} /></label>
      <label>{t('callName')} <input name="callName" value={input.callName} onChange={(e) => set({ callName: e.target.value })} /></label>
      <label>{t('program')}{' '}
        <select name="programId" value={input.programId ?? ''} onChange={(e) => set({ programId: e.target.value || null, trackId: null })}>
          <option value="">{t('outside')}</option>
          {programs.map((p) => <option key={p.id} value={p.id}>{lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa}</option>)}
        </select>
      </label>
      {program && program.tracks.length > 0 && (
        <label>Track{' '}
          <select name="trackId" value={input.trackId ?? ''} onChange={(e) => set({ trackId: e.target.value || null })}>
            <option value="">—</option>
            {program.tracks.map((tr) => <option key={tr.id} value={tr.id}>{lang === 'ja' ? tr.nameJa : tr.nameEn || tr.nameJa}</option>)}
          </select>
        </label>
      )}
      <label>{t('funderName')} <input name="funderName" value={input.funderName} onChange={(e) => set({ funderName: e.target.value })} /></label>
      <label>{t('pi')} <input name="pi" value={input.pi} onChange={(e) => set({ pi: e.target.value })} /></label>
      <label>{t('department')} <input name="department" value={input.department} onChange={(e) => set({ department: e.target.value })} /></label>
      <label>{t('eradDeadline')} <input name="eradDeadline" type="date" value={input.eradDeadline ?? ''} onChange={(e) => set({ eradDeadline: e.target.value || null })} /></label>
      <p>{t('internalDeadline', { days: settings.internalDeadlineWorkingDays })}: <output data-testid="internal-deadline">{internal ?? '—'}</output></p>
      <label>{t('role')}{' '}
        <select name="role" value={input.role} onChange={(e) => set({ role: e.target.value as ApplicationRole })}>
          {APPLICATION_ROLES.map((r) => <option key={r} value={r}>{APPLICATION_ROLE_LABELS[r][lang]}</option>)}
        </select>
      </label>
      <label>{t('probability')}{' '}
        <input name="probability" type="number" min={0} max={100} value={input.probabilityOverride === null ? '' : Math.round(input.probabilityOverride * 100)}
          onChange={(e) => set({ probabilityOverride: e.target.value === '' ? null : Number(e.target.value) / 100 })} />
      </label>
      <fieldset>
        <legend>{t('requested')}</legend>
        {input.requested.map((r, i) => (
          <div key={i} className="inline-form" data-requested-row={i}>
            <label>{t('fiscalYear')} <input name={`fy-${i}`} type="number" value={r.fiscalYear} onChange={(e) => set({ requested: input.requested.map((x, j) => (j === i ? { ...x, fiscalYear: num(e.target.value) } : x)) })} /></label>
            <label>{t('direct')} <input name={`direct-${i}`} type="number" value={r.directYen} onChange={(e) => set({ requested: input.requested.map((x, j) => (j === i ? { ...x, directYen: num(e.target.value) } : x)) })} /></label>
            <label>{t('indirect')} <input name={`indirect-${i}`} type="number" value={r.indirectYen} onChange={(e) => set({ requested: input.requested.map((x, j) => (j === i ? { ...x, indirectYen: num(e.target.value) } : x)) })} /></label>
          </div>
        ))}
        <button type="button" data-testid="add-year" onClick={() => {
          const last = input.requested.at(-1)?.fiscalYear;
          set({ requested: [...input.requested, { fiscalYear: last ? last + 1 : Number(todayIso().slice(0, 4)), directYen: 0, indirectYen: 0 }] });
        }}>{t('addYear')}</button>
      </fieldset>
      {problems.length > 0 && (
        <ul className="problems" role="alert">{problems.map((p, i) => <li key={i}>{p.message[lang]}</li>)}</ul>
      )}
      <p>
        <button type="submit" data-testid="application-save">{t('save')}</button>{' '}
        <button type="button" onClick={() => props.onDone()}>{t('cancel')}</button>
      </p>
    </form>
    {/* Outside the application's form: the Members editor has a form of its own (forms do not nest). */}
    <section className="panel" data-testid="application-members-panel">
      <h2>{t('members')}</h2>
      {props.id ? <MembersEditor owner={{ kind: 'application', id: props.id }} onMessage={setMemberMessage} /> : <p className="muted">{t('membersAfterSave')}</p>}
      {memberMessage && <p role="status" className="muted">{memberMessage}</p>}
    </section>
    </>
  );
}
