// The detail panel of one project (#/projects/<id>): details form, budget, milestones and history, plus archive
// and move-to-trash (with confirmation).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskFlag } from '../../../shared/portfolio/risk-flags';
import { navigate } from '../../app/routes';
import { archiveProject, deleteProject } from '../../store/projects';
import { useProject } from '../../store/portfolio-queries';
import { AuditLogView } from './AuditLogView';
import { BudgetEditor } from './BudgetEditor';
import { MilestoneEditor } from './MilestoneEditor';
import { MembersEditor } from '../../components/MembersEditor';
import { ProjectForm } from './ProjectForm';
import { useLang } from '../../i18n/use-lang';

const TABS = ['info', 'budget', 'milestones', 'members', 'log'] as const;
type Tab = (typeof TABS)[number];

export function ProjectDetail({ id, risks, onMessage }: { id: string; risks: RiskFlag[]; onMessage: (m: string) => void }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const [tab, setTab] = useState<Tab>('info');
  const project = useProject(id);

  if (project === undefined) return <aside className="detail-panel"><p className="muted">{tc('loading')}</p></aside>;
  if (project === null || project.deletedAt) {
    return (
      <aside className="detail-panel">
        <p>{t('form.notFound')}</p>
        <button type="button" onClick={() => navigate('projects')}>{t('backToList')}</button>
      </aside>
    );
  }

  const onDelete = async () => {
    if (!window.confirm(t('form.confirmDelete', { code: project.code, title: project.title }))) return;
    await deleteProject(project.id);
    onMessage(t('form.deleted'));
    navigate('projects');
  };

  return (
    <aside className="detail-panel" aria-labelledby="detail-title" data-project={project.id}>
      <header className="detail-header">
        <div>
          <div className="muted small">{project.code}{project.archived ? ` · ${t('form.archived')}` : ''}</div>
          <h2 id="detail-title">{project.title}</h2>
          <div className="risk-list">
            {risks.map((f) => <span key={f.kind} className="badge danger" data-risk={f.kind} title={f.message[lang]}>{f.message[lang]}</span>)}
          </div>
        </div>
        <div className="button-row">
          <button type="button" onClick={() => void archiveProject(project.id, !project.archived)}>{project.archived ? t('form.unarchive') : t('form.archive')}</button>
          <button type="button" className="danger" data-action="delete-project" onClick={() => void onDelete()}>{t('form.delete')}</button>
          <button type="button" aria-label={tc('close')} onClick={() => navigate('projects')}>✕</button>
        </div>
      </header>
      <div role="tablist" className="tabs">
        {TABS.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} data-tab={x} onClick={() => setTab(x)}>{t(`tabs.${x}`)}</button>
        ))}
      </div>
      <div role="tabpanel" className="tab-panel">
        {tab === 'info' && <ProjectForm key={project.updatedAt} project={project} onSaved={(_p, m) => onMessage(m)} />}
        {tab === 'budget' && <BudgetEditor project={project} onMessage={onMessage} />}
        {tab === 'milestones' && <MilestoneEditor project={project} onMessage={onMessage} />}
        {tab === 'members' && <MembersEditor owner={{ kind: 'project', id: project.id }} onMessage={onMessage} />}
        {tab === 'log' && <AuditLogView projectId={project.id} />}
      </div>
    </aside>
  );
}
