// The members of a project or of an application: researcher, role (研究代表者/研究分担者/その他) and effort per fiscal
// year, written through the planning store (validated and audited). One editor for both (the project detail's Members
// tab and the application form). Effort is typed as "FY:percent" pairs so several years fit one field.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffortShare, MemberRole } from '../../shared/domain/planning';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS } from '../../shared/domain/planning';
import { fiscalYearLabel } from '../../shared/calendar/wareki';
import { hrefFor } from '../app/routes';
import { useLang } from '../i18n/use-lang';
import { deleteMembership, saveMembership, useMembersOf, useResearchers } from '../store/planning';
import type { MembersOwner } from '../store/planning';

/** "2026:40, 2027:30" → shares; null when a part is not FY:percent. */
function parseEffort(text: string): EffortShare[] | null {
  const parts = text.split(/[,、，]/).map((s) => s.trim()).filter(Boolean);
  const out: EffortShare[] = [];
  for (const p of parts) {
    const m = /^(\d{4})\s*[:：]\s*(\d+(?:\.\d+)?)\s*%?$/.exec(p);
    if (!m) return null;
    out.push({ fiscalYear: Number(m[1]), percent: Number(m[2]) });
  }
  return out;
}

/** `owner`: the project or the application whose members these are. */
export function MembersEditor({ owner, onMessage }: { owner: MembersOwner; onMessage: (m: string) => void }) {
  const { t } = useTranslation('projects');
  const lang = useLang();
  const members = useMembersOf(owner);
  const researchers = useResearchers();
  const [researcherId, setResearcherId] = useState('');
  const [role, setRole] = useState<MemberRole>('co-investigator');
  const [effort, setEffort] = useState('');
  const [error, setError] = useState('');
  const names = new Map((researchers ?? []).map((r) => [r.id, r.name]));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const shares = parseEffort(effort);
    if (!researcherId || !shares) {
      setError(t('members.effort'));
      return;
    }
    const r = await saveMembership({ projectId: owner.kind === 'project' ? owner.id : null, applicationId: owner.kind === 'application' ? owner.id : null, researcherId, role, effort: shares });
    if (!r.ok) setError(r.problems.map((p) => p.message[lang]).join(' '));
    else {
      setError('');
      setEffort('');
      onMessage(r.warnings.map((w) => (w.message[lang])).join(' '));
    }
  };

  return (
    <div className="members-editor">
      {members && members.length === 0 && <p className="muted">{t('members.none')}</p>}
      {members && members.length > 0 && (
        <table className="data" data-testid={owner.kind === 'project' ? 'project-members' : 'application-members'}>
          <thead><tr><th>{t('members.researcher')}</th><th>{t('members.role')}</th><th>{t('tabs.members')}</th><th /></tr></thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} data-researcher={m.researcherId}>
                <td><a href={hrefFor('researchers', m.researcherId)}>{names.get(m.researcherId) ?? m.researcherId}</a></td>
                <td>{MEMBER_ROLE_LABELS[m.role][lang]}</td>
                <td>{m.effort.map((s) => `${fiscalYearLabel(s.fiscalYear, lang)} ${s.percent}%`).join(', ')}</td>
                <td><button type="button" onClick={() => void deleteMembership(m.id)}>{t('members.remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {researchers && researchers.length === 0 ? (
        <p className="muted">{t('members.noResearchers')}</p>
      ) : (
        <form className="inline-form" data-testid="member-form" onSubmit={(e) => void add(e)}>
          <select name="researcherId" aria-label={t('members.researcher')} value={researcherId} onChange={(e) => setResearcherId(e.target.value)}>
            <option value="">{t('members.choose')}</option>
            {(researchers ?? []).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
          <select name="role" aria-label={t('members.role')} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {MEMBER_ROLES.map((r) => <option key={r} value={r}>{MEMBER_ROLE_LABELS[r][lang]}</option>)}
          </select>
          <input name="effort" aria-label={t('members.effort')} placeholder="2026:40" value={effort} onChange={(e) => setEffort(e.target.value)} />
          <button type="submit" data-testid="member-add">{t('members.add')}</button>
          {error && <span role="alert" className="error">{error}</span>}
        </form>
      )}
    </div>
  );
}
