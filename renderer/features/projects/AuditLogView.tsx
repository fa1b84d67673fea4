// A project's change history, newest first (the audit log's entries for it).
import { useTranslation } from 'react-i18next';
import { useProjectHistory } from '../../store/portfolio-queries';

export function AuditLogView({ projectId }: { projectId: string }) {
  const { t } = useTranslation('projects');
  const log = useProjectHistory(projectId);
  if (!log) return null;
  if (log.length === 0) return <p className="muted">{t('log.none')}</p>;
  return (
    <table className="data audit-table">
      <thead><tr><th>{t('log.at')}</th><th>{t('log.user')}</th><th>{t('log.action')}</th><th>{t('log.summary')}</th></tr></thead>
      <tbody>
        {log.map((e) => (
          <tr key={e.seq} data-action={e.action}>
            <td className="nowrap">{new Date(e.at).toLocaleString()}</td>
            <td>{e.user}</td>
            <td>{t(`log.actions.${e.action}`)}</td>
            <td>{e.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
