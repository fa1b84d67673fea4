// The form for an office program (new, edit, or an office copy of a built-in one), including its tracks and stage
// gates. It edits a text draft; converting and validating happen in shared/catalog/program-form.ts and the store.
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyGateDraft, emptyTrackDraft } from '../../../shared/catalog/program-form';
import type { GateDraft, ProgramDraft, TrackDraft } from '../../../shared/catalog/program-form';
import { AMOUNT_KINDS } from '../../../shared/catalog/schema';
import type { AmountKind } from '../../../shared/catalog/schema';
import type { ProgramEntry } from '../../store/catalog';

export type FormMode = 'new' | 'edit' | 'override';

const AMOUNT_KIND_LABEL: Record<AmountKind, 'amountKindMaximum' | 'amountKindAbout' | 'amountKindFlat'> = {
  maximum: 'amountKindMaximum',
  about: 'amountKindAbout',
  flat: 'amountKindFlat',
};

interface Props {
  mode: FormMode;
  initial: ProgramDraft;
  /** Programs that may be the parent (the program itself and its descendants are excluded by the caller). */
  parents: readonly ProgramEntry[];
  /** Messages to show at the top (plain sentences), and field keys to highlight. */
  problems: { lines: string[]; fields: ReadonlySet<string> };
  busy: boolean;
  lang: 'ja' | 'en';
  onSave: (draft: ProgramDraft) => void;
  onCancel: (dirty: boolean) => void;
}

export function ProgramForm({ mode, initial, parents, problems, busy, lang, onSave, onCancel }: Props) {
  const { t } = useTranslation('programs');
  const [draft, setDraft] = useState(initial);
  const uid = useId();
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const problemsRef = useRef<HTMLDivElement>(null);
  // Bring the problem list into view when a save is refused (the form can be taller than the pane).
  useEffect(() => {
    if (problems.lines.length) problemsRef.current?.focus();
  }, [problems]);

  const set = <K extends keyof ProgramDraft>(key: K, value: ProgramDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setTrack = (i: number, patch: Partial<TrackDraft>) =>
    setDraft((d) => ({ ...d, tracks: d.tracks.map((tr, j) => (j === i ? { ...tr, ...patch } : tr)) }));
  const setGate = (i: number, g: number, patch: Partial<GateDraft>) =>
    setTrack(i, { gates: draft.tracks[i]!.gates.map((x, k) => (k === g ? { ...x, ...patch } : x)) });

  const field = (key: string, label: string, input: ReactNode, help?: string) => (
    <>
      <label htmlFor={`${uid}-${key}`}>{label}</label>
      <div className={`field${problems.fields.has(key) ? ' invalid' : ''}`}>
        {input}
        {help && <small className="muted">{help}</small>}
      </div>
    </>
  );
  const text = (key: keyof ProgramDraft, label: string, help?: string, opts: { required?: boolean; wide?: boolean } = {}) =>
    field(
      key,
      label,
      <input
        id={`${uid}-${key}`}
        name={key}
        value={draft[key] as string}
        aria-required={opts.required || undefined}
        aria-invalid={problems.fields.has(key) || undefined}
        className={opts.wide ? 'wide' : undefined}
        onChange={(e) => set(key, e.target.value as never)}
      />,
      help,
    );
  const area = (key: 'summaryJa' | 'summaryEn' | 'budgetNote', label: string) =>
    field(key, label, <textarea id={`${uid}-${key}`} name={key} rows={3} value={draft[key]} onChange={(e) => set(key, e.target.value)} />);

  const title = mode === 'new' ? t('formTitleNew') : mode === 'override' ? t('formTitleOverride') : t('formTitleEdit');

  return (
    <form
      className="program-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel(dirty);
      }}
    >
      <h2>{title}</h2>
      {mode === 'override' && <p className="muted">{t('formOverrideNote')}</p>}
      {problems.lines.length > 0 && (
        <div className="error-panel" role="alert" tabIndex={-1} ref={problemsRef}>
          <p>{t('fixProblems')}</p>
          <ul>
            {problems.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-grid">
        {draft.id && field('id', t('fieldId'), <input id={`${uid}-id`} value={draft.id} readOnly className="readonly" />, t('fieldIdHelp'))}
        {field(
          'parentId',
          t('fieldParent'),
          <select id={`${uid}-parentId`} name="parentId" value={draft.parentId} onChange={(e) => set('parentId', e.target.value)}>
            <option value="">{t('noParent')}</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {lang === 'en' && p.nameEn ? p.nameEn : p.nameJa}
              </option>
            ))}
          </select>,
        )}
        {text('nameJa', t('fieldNameJa'), undefined, { required: true, wide: true })}
        {text('nameEn', t('fieldNameEn'), undefined, { wide: true })}
        {text('abbreviation', t('fieldAbbreviation'))}
        {text('managedBy', t('fieldManagedBy'), t('fieldManagedByHelp'))}
        {text('division', t('fieldDivision'))}
        {text('request', t('fieldRequest'), t('amountHelp'))}
        {text('previous', t('fieldPrevious'), t('amountHelp'))}
        {text('supplementary', t('fieldSupplementary'), t('amountHelp'))}
        {area('budgetNote', t('fieldBudgetNote'))}
        {text('startFiscalYear', t('fieldStart'), t('yearHelp'))}
        {text('endFiscalYear', t('fieldEnd'), t('yearHelp'))}
        {text('researchPeriodYears', t('fieldResearchPeriod'))}
        {area('summaryJa', t('fieldSummaryJa'))}
        {area('summaryEn', t('fieldSummaryEn'))}
      </div>

      <fieldset className="track-editor">
        <legend>{t('trackSection')}</legend>
        {draft.tracks.map((tr, i) => (
          <div key={i} className="track-edit" data-track-index={i}>
            <div className="form-grid">
              {field(
                `tracks.${i}.nameJa`,
                t('fieldTrackNameJa'),
                <input id={`${uid}-tracks.${i}.nameJa`} value={tr.nameJa} onChange={(e) => setTrack(i, { nameJa: e.target.value })} />,
              )}
              {field(`tracks.${i}.nameEn`, t('fieldTrackNameEn'), <input id={`${uid}-tracks.${i}.nameEn`} value={tr.nameEn} onChange={(e) => setTrack(i, { nameEn: e.target.value })} />)}
              {field(
                `tracks.${i}.durationYears`,
                t('fieldDuration'),
                <input id={`${uid}-tracks.${i}.durationYears`} value={tr.durationYears} inputMode="numeric" onChange={(e) => setTrack(i, { durationYears: e.target.value })} />,
              )}
              {field(
                `tracks.${i}.maxAnnualYen`,
                t('fieldMaxAnnual'),
                <input id={`${uid}-tracks.${i}.maxAnnualYen`} value={tr.maxAnnualYen} onChange={(e) => setTrack(i, { maxAnnualYen: e.target.value })} />,
                t('amountHelp'),
              )}
              {field(
                `tracks.${i}.amountKind`,
                t('fieldAmountKind'),
                <select id={`${uid}-tracks.${i}.amountKind`} name={`tracks.${i}.amountKind`} value={tr.amountKind} onChange={(e) => setTrack(i, { amountKind: e.target.value as AmountKind | '' })}>
                  <option value="">{t('amountKindNone')}</option>
                  {AMOUNT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(AMOUNT_KIND_LABEL[k])}
                    </option>
                  ))}
                </select>,
              )}
            </div>
            <div className="gate-editor">
              <strong>{t('gateSection')}</strong> <small className="muted">{t('fieldGateAfterHelp')}</small>
              {tr.gates.map((g, k) => (
                <div key={k} className={`gate-edit inline-form${problems.fields.has(`tracks.${i}.gates.${k}.afterYear`) ? ' invalid' : ''}`}>
                  <label>
                    {t('fieldGateAfter')}{' '}
                    <input className="narrow" value={g.afterYear} inputMode="numeric" title={t('fieldGateAfterHelp')} onChange={(e) => setGate(i, k, { afterYear: e.target.value })} />
                  </label>
                  <label>
                    {t('fieldGateName')} <input value={g.nameJa} onChange={(e) => setGate(i, k, { nameJa: e.target.value })} />
                  </label>
                  <label>
                    {t('fieldGateNote')} <input value={g.note} onChange={(e) => setGate(i, k, { note: e.target.value })} />
                  </label>
                  <button type="button" onClick={() => setTrack(i, { gates: tr.gates.filter((_, x) => x !== k) })}>
                    {t('removeGate')}
                  </button>
                </div>
              ))}
              <div className="inline-form">
                <button type="button" onClick={() => setTrack(i, { gates: [...tr.gates, emptyGateDraft()] })}>
                  {t('addGate')}
                </button>
                <button type="button" className="danger" onClick={() => setDraft((d) => ({ ...d, tracks: d.tracks.filter((_, x) => x !== i) }))}>
                  {t('removeTrack')}
                </button>
              </div>
            </div>
          </div>
        ))}
        <button type="button" onClick={() => setDraft((d) => ({ ...d, tracks: [...d.tracks, emptyTrackDraft()] }))} data-action="add-track">
          {t('addTrack')}
        </button>
      </fieldset>

      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('working') : t('save')}
        </button>
        <button type="button" onClick={() => onCancel(dirty)} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
