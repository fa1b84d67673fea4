// A project's milestones: stage gates from the catalog (a gate with no fixed year is dated here, per project), the
// office's yearly templates, and anything the user adds; status changes in one click, internal deadlines N working days
// before another item.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MILESTONE_KINDS, MILESTONE_STATUSES } from '../../../shared/domain/types';
import type { Milestone, MilestoneKind, MilestoneStatus, Project } from '../../../shared/domain/types';
import { formatWarekiDate } from '../../../shared/calendar/wareki';
import { todayIso } from '../../../shared/calendar/fiscal-year';
import { undatedGates } from '../../../shared/portfolio/stage-gates';
import { usePrograms } from '../../store/catalog';
import { useProjectMilestones } from '../../store/portfolio-queries';
import { addInternalDeadline, addMilestone, deleteMilestone, generateGatesFor, generateTemplatesFor, updateMilestone } from '../../store/milestones';

export function MilestoneEditor({ project, onMessage }: { project: Project; onMessage: (m: string) => void }) {
  const { t } = useTranslation('projects');
  const milestones = useProjectMilestones(project.id);
  const [kind, setKind] = useState<MilestoneKind>('other');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [internalDays, setInternalDays] = useState(5);
  const programs = usePrograms();
  const track = programs.find((p) => p.id === project.programId)?.tracks.find((tr) => tr.id === project.trackId);
  const toDate = undatedGates(track).filter(({ gate }) => !milestones?.some((m) => m.kind === 'stage-gate' && m.title === gate.nameJa));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !due) return;
    await addMilestone({ projectId: project.id, kind, title: title.trim(), dueDate: due, status: 'planned', doneDate: null, notes: '', origin: 'user' });
    setTitle('');
    setDue('');
  };

  return (
    <div className="milestone-editor">
      <div className="button-row">
        <button type="button" data-action="generate-gates" onClick={() => void generateGatesFor(project.id).then((n) => onMessage(t('ms.generated', { count: n })))}>{t('ms.generateGates')}</button>
        <button type="button" onClick={() => void generateTemplatesFor(project.id).then((n) => onMessage(t('ms.generated', { count: n })))}>{t('ms.generateTemplates')}</button>
        <label className="inline-form">
          {t('ms.internal')}:
          <input type="number" min={1} max={60} value={internalDays} onChange={(e) => setInternalDays(Math.max(1, Math.min(60, Math.round(Number(e.target.value)) || 1)))} style={{ width: 60 }} />
          {t('ms.internalDays')}
        </label>
      </div>
      {toDate.map(({ index, gate }) => (
        <UndatedGateRow key={index} name={gate.nameJa} onAdd={(date) => void generateGatesFor(project.id, { [index]: date }).then((n) => onMessage(t('ms.generated', { count: n })))} />
      ))}
      {milestones && milestones.length === 0 && <p className="muted">{t('ms.none')}</p>}
      {milestones && milestones.length > 0 && (
        <table className="data milestone-table">
          <thead>
            <tr><th>{t('ms.due')}</th><th>{t('ms.kind')}</th><th>{t('ms.titleCol')}</th><th>{t('ms.statusCol')}</th><th>{t('ms.notes')}</th><th /></tr>
          </thead>
          <tbody>
            {milestones.map((m) => <MilestoneRow key={m.id} m={m} internalDays={internalDays} onMessage={onMessage} />)}
          </tbody>
        </table>
      )}
      <form className="inline-form add-milestone" onSubmit={(e) => void add(e)}>
        <select aria-label={t('ms.kind')} value={kind} onChange={(e) => setKind(e.target.value as MilestoneKind)}>
          {MILESTONE_KINDS.map((k) => <option key={k} value={k}>{t(`ms.kinds.${k}`)}</option>)}
        </select>
        <input aria-label={t('ms.titleCol')} placeholder={t('ms.titleCol')} value={title} onChange={(e) => setTitle(e.target.value)} />
        <input aria-label={t('ms.due')} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        <button type="submit" disabled={!title.trim() || !due}>{t('ms.add')}</button>
      </form>
    </div>
  );
}

/** A catalog gate "during the research period": the office picks this project's date, nothing is guessed. */
function UndatedGateRow({ name, onAdd }: { name: string; onAdd: (date: string) => void }) {
  const { t } = useTranslation('projects');
  const [date, setDate] = useState('');
  return (
    <form className="inline-form undated-gate" data-undated-gate={name} onSubmit={(e) => { e.preventDefault(); if (date) onAdd(date); }}>
      <span>{t('ms.undatedGate', { name })}</span>
      <input type="date" aria-label={t('ms.due')} value={date} onChange={(e) => setDate(e.target.value)} />
      <button type="submit" disabled={!date}>{t('ms.addUndatedGate')}</button>
    </form>
  );
}

function MilestoneRow({ m, internalDays, onMessage }: { m: Milestone; internalDays: number; onMessage: (s: string) => void }) {
  const { t } = useTranslation('projects');
  const [notes, setNotes] = useState(m.notes);
  const overdue = m.status === 'planned' && m.dueDate < todayIso();
  return (
    <tr data-milestone={m.id} className={overdue ? 'overdue' : undefined}>
      <td title={formatWarekiDate(m.dueDate)}>{m.dueDate}</td>
      <td>{t(`ms.kinds.${m.kind}`)}</td>
      <td>{m.title}</td>
      <td>
        <select aria-label={t('ms.statusCol')} value={m.status} onChange={(e) => void updateMilestone(m.id, { status: e.target.value as MilestoneStatus })}>
          {MILESTONE_STATUSES.map((s) => <option key={s} value={s}>{t(`ms.statuses.${s}`)}</option>)}
        </select>
        {m.doneDate && <span className="muted small"> {m.doneDate}</span>}
      </td>
      <td>
        <input aria-label={t('ms.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} onBlur={() => { if (notes !== m.notes) void updateMilestone(m.id, { notes }); }} />
      </td>
      <td className="nowrap">
        <button type="button" title={t('ms.addInternalHint', { days: internalDays })} onClick={() => void addInternalDeadline(m.id, internalDays).then((x) => x && onMessage(`${t('ms.internal')}: ${x.dueDate}`))}>＋{t('ms.internal')}</button>
        <button type="button" className="danger" onClick={() => { if (window.confirm(t('ms.confirmRemove', { title: m.title }))) void deleteMilestone(m.id); }}>{t('ms.remove')}</button>
      </td>
    </tr>
  );
}
