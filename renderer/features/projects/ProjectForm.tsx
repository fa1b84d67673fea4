// Create/edit form for a project. The project rules (shared/portfolio/project-validation.ts, applied by saveProject)
// are the import's and the restore's: errors are listed next to their fields, warnings are confirmed by a second click.
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES } from '../../../shared/domain/types';
import type { Project, ProjectStatus } from '../../../shared/domain/types';
import { completeProjectInput } from '../../../shared/portfolio/project-validation';
import { blankProjectInput, saveProject } from '../../store/projects';
import type { ProjectInput, ProjectProblem } from '../../store/projects';
import { usePrograms } from '../../store/catalog';
import { useLang } from '../../i18n/use-lang';

function toInput(p: Project | undefined): ProjectInput {
  if (!p) return blankProjectInput();
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...rest } = p;
  // A project stored before a field existed (piPosition …) shows the rules' default for it.
  return completeProjectInput(rest);
}

const lines = (s: string) => s.split('\n');

export function ProjectForm({ project, onSaved }: { project?: Project; onSaved: (p: Project, message: string) => void }) {
  const { t } = useTranslation('projects');
  const lang = useLang();
  const programs = usePrograms();
  const [form, setForm] = useState<ProjectInput>(() => toInput(project));
  const [problems, setProblems] = useState<ProjectProblem[]>([]);
  // The warnings the user has seen for exactly this input: a second submit saves in spite of them.
  const [confirmed, setConfirmed] = useState<ProjectInput | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ProjectInput>(k: K, v: ProjectInput[K]) => setForm((f) => ({ ...f, [k]: v }));
  const program = form.programId ? programs.find((p) => p.id === form.programId) : undefined;
  const problemFor = (field: string) => problems.filter((p) => p.field === field);
  const errors = problems.some((p) => p.severity === 'error');
  const name = (x: { nameJa: string; nameEn: string }) => (lang === 'ja' ? x.nameJa : x.nameEn || x.nameJa);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await saveProject(form, { ...(project ? { id: project.id } : {}), stopOnWarnings: confirmed !== form });
      if (!r.ok) {
        setProblems(r.problems);
        setConfirmed(r.needsConfirmation ? form : null);
        return;
      }
      setProblems([]);
      onSaved(r.project, project ? t('form.saved') : t('form.created', { count: r.milestonesAdded }));
    } finally {
      setBusy(false);
    }
  };

  const field = (id: keyof ProjectInput, label: string, control: ReactNode) => (
    <>
      <label htmlFor={`pf-${id}`}>{label}</label>
      <div>
        {control}
        {problemFor(id).map((p) => (
          <div key={p.message.en} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role="alert">{p.message[lang]}</div>
        ))}
      </div>
    </>
  );
  const text = (id: 'code' | 'title' | 'pi' | 'piPosition' | 'piResearcherNumber' | 'department' | 'funderName' | 'amedNumber' | 'eradNumber', label: string) =>
    field(id, label, <input id={`pf-${id}`} value={form[id]} onChange={(e) => set(id, e.target.value)} aria-invalid={problemFor(id).length > 0} />);

  return (
    <form className="project-form" onSubmit={(e) => void submit(e)} noValidate>
      {problems.length > 0 && (
        <div className={errors ? 'error-panel' : 'warning-panel'} role="alert">
          {errors ? t('form.problems') : t('form.warnings')}
          <ul>{problems.map((p) => <li key={p.field + p.message.en}>{p.message[lang]}</li>)}</ul>
        </div>
      )}
      <div className="form-grid">
        {text('code', t('form.code'))}
        {text('title', t('form.title'))}
        {text('pi', t('form.pi'))}
        {text('piPosition', t('form.piPosition'))}
        {text('piResearcherNumber', t('form.piResearcherNumber'))}
        {text('department', t('form.department'))}
        {field('programId', t('form.program'), (
          <select id="pf-programId" value={form.programId ?? ''} onChange={(e) => setForm((f) => ({ ...f, programId: e.target.value || null, trackId: null }))}>
            <option value="">{t('form.unmappedProgram')}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{name(p)}{p.abbreviation ? ` (${p.abbreviation})` : ''}</option>)}
          </select>
        ))}
        {field('trackId', t('form.track'), (
          <select id="pf-trackId" value={form.trackId ?? ''} onChange={(e) => set('trackId', e.target.value || null)} disabled={!program || program.tracks.length === 0}>
            <option value="">{t('form.noTrack')}</option>
            {program?.tracks.map((tr) => <option key={tr.id} value={tr.id}>{name(tr)}{tr.stageGates.length > 0 ? ` · SG×${tr.stageGates.length}` : ''}</option>)}
          </select>
        ))}
        {text('funderName', t('form.funderName'))}
        {text('amedNumber', t('form.amedNumber'))}
        {text('eradNumber', t('form.eradNumber'))}
        {field('startDate', t('form.startDate'), <input id="pf-startDate" type="date" value={form.startDate ?? ''} onChange={(e) => set('startDate', e.target.value || null)} />)}
        {field('endDate', t('form.endDate'), <input id="pf-endDate" type="date" value={form.endDate ?? ''} onChange={(e) => set('endDate', e.target.value || null)} />)}
        {field('status', t('form.status'), (
          <select id="pf-status" value={form.status} onChange={(e) => set('status', e.target.value as ProjectStatus)}>
            {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        ))}
        {field('coInvestigators', t('form.coInvestigators'), <textarea id="pf-coInvestigators" rows={2} value={form.coInvestigators.join('\n')} onChange={(e) => set('coInvestigators', lines(e.target.value))} />)}
        {field('partners', t('form.partners'), <textarea id="pf-partners" rows={2} value={form.partners.join('\n')} onChange={(e) => set('partners', lines(e.target.value))} />)}
        {field('tags', t('form.tags'), <input id="pf-tags" value={form.tags.join(', ')} onChange={(e) => set('tags', e.target.value.split(/[,、]\s*/))} />)}
        {field('notes', t('form.notes'), <textarea id="pf-notes" rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} />)}
      </div>
      {!project && <p className="muted">{t('form.gatesHint')}</p>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy} id="pf-submit">{confirmed === form ? t('form.saveAnyway') : project ? t('form.save') : t('form.create')}</button>
      </div>
    </form>
  );
}
