// "Undo last change": reverts the newest audited action (any screen's), with the result announced. Shared by the
// Projects and Deadlines screens, so it lives here rather than in either feature.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/routes';
import { undoLastChange } from '../workers/bulk-change';
import { useNextUndo } from '../store/portfolio-queries';
import { useLang } from '../i18n/use-lang';
import { JobProgress } from './JobProgress';
import { useJob } from './job-runner';
import type { AuditEntry } from '../../shared/domain/types';
import type { UndoResult } from '../store/audit';

/** Told as an undo starts what it is expected to revert (the log's newest change as last read); what it returns, if
 * anything, is told the outcome (null: failed or cancelled). A screen may show the undo's result ahead of its write. */
export type UndoStart = (target: AuditEntry | undefined) => ((result: UndoResult | null) => void) | undefined;

/**
 * `waiting`: the screen has a change of its own still being written (its rows already left the view); undo waits
 * until it is committed, since until then the last change in the log is an older one.
 */
export function UndoButton({ onMessage, waiting = false, onStart }: { onMessage?: (text: string) => void; waiting?: boolean; onStart?: UndoStart }) {
  const { t } = useTranslation('projects');
  const next = useNextUndo();
  const lang = useLang();
  // An undo of thousands of rows (a bulk trash) runs in a Worker, a chunk at a time, with the shared progress and cancel.
  const job = useJob();
  const busy = job.state.phase === 'running';
  // After an import or a restore, undo points to the automatic backup instead (see isUndoBarrier).
  const [barrier, setBarrier] = useState(false);
  const run = async () => {
    if (job.runner.busy || waiting) return;
    const settle = onStart?.(next);
    const outcome = await job.runner.run({ ja: '元に戻しています', en: 'Undoing' }, (control) => undoLastChange(control));
    settle?.(outcome.ok ? outcome.value : null);
    if (!outcome.ok) return;
    const r = outcome.value;
    setBarrier(!r.ok && (r.reason === 'import' || r.reason === 'restore'));
    if (r.ok) onMessage?.(t('undone', { summary: r.summary }));
    else if (r.reason === 'import' || r.reason === 'restore') onMessage?.(t(r.reason === 'import' ? 'undoImport' : 'undoRestore', { summary: r.summary }));
    else onMessage?.(r.reason === 'nothing' ? t('nothingToUndo') : t('undoConflict'));
  };
  // Ctrl/Cmd+Z outside text fields (where the browser's own undo belongs) undoes the last saved change.
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
      e.preventDefault();
      void runRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="undo-button" disabled={busy || waiting || !next} title={`${next?.summary ?? t('nothingToUndo')} (Ctrl+Z)`} onClick={() => void run()}>
        ↶ {t('undoLast')}
      </button>
      <JobProgress state={job.state} runner={job.runner} lang={lang} testId="undo-job" />
      {barrier && <a href={hrefFor('settings')} data-testid="undo-backups-link">{t('openBackups')}</a>}
    </>
  );
}
