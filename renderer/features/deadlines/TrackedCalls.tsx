// The calls (公募) the office tracks, on the Deadlines screen: program or funder, opening date, deadline, expected
// awards and support size (the catalog's track size when the call does not state one). Saved through the planning store;
// a listed call is edited in place in the same form (its 編集 button fills it; saving updates that call).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackedCall } from '../../../shared/domain/planning';
import { programLookup, trackSupportYen } from '../../../shared/planning/program-context';
import { formatYen } from '../../../shared/money/yen';
import { usePrograms } from '../../store/catalog';
import { usePreferences } from '../../store/preferences';
import { deleteTrackedCall, saveTrackedCall } from '../../store/planning';
import type { TrackedCallInput } from '../../store/planning';

const BLANK: TrackedCallInput = { name: '', programId: null, trackId: null, funderName: '', fiscalYear: null, openingDate: null, deadline: null, expectedAwards: null, supportYen: null, url: '', notes: '' };

export function TrackedCalls({ calls, lang }: { calls: readonly TrackedCall[]; lang: 'ja' | 'en' }) {
  const { t } = useTranslation('deadlines');
  const programs = usePrograms();
  const prefs = usePreferences();
  const lookup = programLookup(programs);
  const [input, setInput] = useState<TrackedCallInput>(BLANK);
  /** The call being edited, or null when the form adds a new one. */
  const [editingId, setEditingId] = useState<string | null>(null);
  const [error, setError] = useState('');
  const set = (patch: Partial<TrackedCallInput>) => setInput((x) => ({ ...x, ...patch }));
  const live = calls.filter((c) => !c.deletedAt).sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  const program = programs.find((p) => p.id === input.programId);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await saveTrackedCall(input, editingId ? { id: editingId } : {});
    if (!r.ok) setError(r.problems.map((p) => p.message[lang]).join(' '));
    else stopEditing();
  };
  const stopEditing = () => {
    setError('');
    setEditingId(null);
    setInput(BLANK);
  };
  const edit = (c: TrackedCall) => {
    const { id, deletedAt: _d, createdAt: _c, updatedAt: _u, ...fields } = c;
    setError('');
    setEditingId(id);
    setInput(fields);
  };
  const support = (c: TrackedCall) => c.supportYen ?? (c.programId && c.trackId ? trackSupportYen(lookup, c.programId, c.trackId) : null);

  return (
    <section className="panel" aria-labelledby="tracked-calls">
      <h2 id="tracked-calls">{t('calls.title')}</h2>
      {live.length === 0 && <p className="muted">{t('calls.none')}</p>}
      {live.length > 0 && (
        <table className="data" data-testid="tracked-calls">
          <thead><tr><th>{t('calls.name')}</th><th>{t('calls.program')}</th><th>{t('calls.opening')}</th><th>{t('calls.deadline')}</th><th className="num">{t('calls.awards')}</th><th className="num">{t('calls.support')}</th><th /></tr></thead>
          <tbody>
            {live.map((c) => {
              const p = c.programId ? lookup.get(c.programId) : undefined;
              const yen = support(c);
              return (
                <tr key={c.id} data-call={c.id} className={c.id === editingId ? 'editing' : undefined}>
                  <td>{c.url ? <a href={c.url} target="_blank" rel="noreferrer">{c.name}</a> : c.name}</td>
                  <td>{p ? (lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa) : c.funderName}</td>
                  <td>{c.openingDate ?? '—'}</td>
                  <td>{c.deadline ?? '—'}</td>
                  <td className="num">{c.expectedAwards ?? '—'}</td>
                  <td className="num">{yen === null ? '—' : formatYen(yen, prefs.amountUnit, lang)}</td>
                  <td className="nowrap no-print">
                    <button type="button" data-action="edit-call" onClick={() => edit(c)}>{t('calls.edit')}</button>{' '}
                    <button type="button" onClick={() => void deleteTrackedCall(c.id)}>{t('calls.remove')}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="inline-form no-print" data-testid="call-form" onSubmit={(e) => void add(e)}>
        <input name="name" aria-label={t('calls.name')} placeholder={t('calls.name')} value={input.name} onChange={(e) => set({ name: e.target.value })} />
        <select name="programId" aria-label={t('calls.program')} value={input.programId ?? ''} onChange={(e) => set({ programId: e.target.value || null, trackId: null })}>
          <option value="">{t('calls.outside')}</option>
          {programs.map((p) => <option key={p.id} value={p.id}>{lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa}</option>)}
        </select>
        {program && program.tracks.length > 0 && (
          <select name="trackId" aria-label="track" value={input.trackId ?? ''} onChange={(e) => set({ trackId: e.target.value || null })}>
            <option value="">—</option>
            {program.tracks.map((tr) => <option key={tr.id} value={tr.id}>{lang === 'ja' ? tr.nameJa : tr.nameEn || tr.nameJa}</option>)}
          </select>
        )}
        {!input.programId && <input name="funderName" aria-label={t('calls.funder')} placeholder={t('calls.funder')} value={input.funderName} onChange={(e) => set({ funderName: e.target.value })} />}
        <label>{t('calls.opening')} <input name="openingDate" type="date" value={input.openingDate ?? ''} onChange={(e) => set({ openingDate: e.target.value || null })} /></label>
        <label>{t('calls.deadline')} <input name="deadline" type="date" value={input.deadline ?? ''} onChange={(e) => set({ deadline: e.target.value || null })} /></label>
        <label>{t('calls.awards')} <input name="expectedAwards" type="number" min={0} value={input.expectedAwards ?? ''} onChange={(e) => set({ expectedAwards: e.target.value === '' ? null : Number(e.target.value) })} /></label>
        <button type="submit" data-testid="call-add">{editingId ? t('calls.save') : t('calls.add')}</button>
        {editingId && <button type="button" data-testid="call-cancel" onClick={stopEditing}>{t('calls.cancel')}</button>}
        {error && <span role="alert" className="error">{error}</span>}
      </form>
    </section>
  );
}
