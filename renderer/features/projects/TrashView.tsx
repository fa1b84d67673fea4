// The trash: projects deleted in the last 30 days, restorable with one click.
import { useTranslation } from 'react-i18next';
import { restoreProject } from '../../store/projects';
import { useTrash } from '../../store/portfolio-queries';

export function TrashView({ onMessage }: { onMessage: (m: string) => void }) {
  const { t } = useTranslation('projects');
  const trash = useTrash();
  return (
    <section className="panel trash-view" aria-labelledby="trash-title">
      <h2 id="trash-title">{t('trashView.title')}</h2>
      <p className="muted">{t('trashView.hint')}</p>
      {trash && trash.length === 0 && <p className="muted">{t('trashView.empty')}</p>}
      {trash && trash.length > 0 && (
        <table className="data">
          <thead><tr><th>{t('col.code')}</th><th>{t('col.title')}</th><th>{t('trashView.deletedAt')}</th><th /></tr></thead>
          <tbody>
            {trash.map((p) => (
              <tr key={p.id} data-code={p.code}>
                <td>{p.code}</td>
                <td>{p.title}</td>
                <td>{p.deletedAt ? new Date(p.deletedAt).toLocaleString() : ''}</td>
                <td><button type="button" onClick={() => void restoreProject(p.id).then(() => onMessage(t('trashView.restored')))}>{t('trashView.restore')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
