// The office's yearly deadline templates: list, add, remove.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MILESTONE_KINDS } from '../../../shared/domain/types';
import type { MilestoneKind } from '../../../shared/domain/types';
import { deleteTemplate, saveTemplate } from '../../store/templates';
import { useTemplates } from '../../store/deadline-queries';
import { usePrograms } from '../../store/catalog';

export function TemplatesManager({ lang }: { lang: 'ja' | 'en' }) {
  const { t } = useTranslation('deadlines');
  const { t: tp } = useTranslation('projects');
  const programs = usePrograms();
  const templates = useTemplates();
  const [title, setTitle] = useState('成果報告書');
  const [kind, setKind] = useState<MilestoneKind>('outcome-report');
  const [month, setMonth] = useState(5);
  const [day, setDay] = useState(31);
  const [programId, setProgramId] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await saveTemplate({ title, kind, month, day, programId: programId || null });
    setProblems(r.ok ? [] : r.problems.map((p) => (lang === 'ja' ? p.ja : p.en)));
  };
  const programName = (id: string | null) => {
    if (!id) return t('tplAllPrograms');
    const p = programs.find((x) => x.id === id);
    return p ? (lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa) : id;
  };

  return (
    <section className="panel templates-manager" aria-labelledby="tpl-title">
      <h2 id="tpl-title">{t('templates')}</h2>
      <p className="muted small">{t('templatesHint')}</p>
      {templates && templates.length === 0 && <p className="muted">{t('tplNone')}</p>}
      {templates && templates.length > 0 && (
        <table className="data">
          <thead><tr><th>{t('tplTitle')}</th><th>{t('tplKind')}</th><th>{t('due')}</th><th>{t('tplProgram')}</th><th /></tr></thead>
          <tbody>
            {templates.map((x) => (
              <tr key={x.id}>
                <td>{x.title}</td>
                <td>{tp(`ms.kinds.${x.kind}`)}</td>
                <td>{t('tplDue', { month: x.month, day: x.day })}</td>
                <td>{programName(x.programId)}</td>
                <td><button type="button" className="danger" onClick={() => void deleteTemplate(x.id)}>{t('tplRemove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form wrap" onSubmit={(e) => void add(e)}>
        <input aria-label={t('tplTitle')} value={title} onChange={(e) => setTitle(e.target.value)} />
        <select aria-label={t('tplKind')} value={kind} onChange={(e) => setKind(e.target.value as MilestoneKind)}>
          {MILESTONE_KINDS.map((k) => <option key={k} value={k}>{tp(`ms.kinds.${k}`)}</option>)}
        </select>
        <label className="inline-form">{t('tplMonth')}<input type="number" min={1} max={12} value={month} onChange={(e) => setMonth(Number(e.target.value))} style={{ width: 56 }} /></label>
        <label className="inline-form">{t('tplDay')}<input type="number" min={1} max={31} value={day} onChange={(e) => setDay(Number(e.target.value))} style={{ width: 56 }} /></label>
        <select aria-label={t('tplProgram')} value={programId} onChange={(e) => setProgramId(e.target.value)}>
          <option value="">{t('tplAllPrograms')}</option>
          {programs.map((p) => <option key={p.id} value={p.id}>{lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa}</option>)}
        </select>
        <button type="submit">{t('tplAdd')}</button>
      </form>
      {problems.map((p) => <div key={p} className="field-error" role="alert">{p}</div>)}
    </section>
  );
}
