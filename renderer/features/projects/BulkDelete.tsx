// Several projects to the trash at once: Ctrl/⌘-click or Space marks rows, Shift-click marks a range; the bar asks
// for confirmation, moves them in one audited step (one Undo brings them all back) and clears the marks.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trashProjects } from '../../workers/bulk-change';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/job-runner';
import { useLang } from '../../i18n/use-lang';

export type CheckMode = 'toggle' | 'range';

/** The rows a list shows, by index (ids only: the rows themselves stay in the project-list Worker). */
export interface ShownIds {
  count: number;
  idAt: (i: number) => string;
  indexOf: (id: string) => number;
}

/** The marked rows; only marks on rows currently shown count, so a filter never hides what would be deleted. */
export function useBulkSelection(shownIds: ShownIds, fallbackAnchor: string | null) {
  const [marked, setMarked] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(null);
  const onCheck = useCallback(
    (id: string, mode: CheckMode) => {
      const from = anchor.current ?? fallbackAnchor;
      setMarked((prev) => {
        const next = new Set(prev);
        if (mode === 'range' && from) {
          const a = shownIds.indexOf(from);
          const b = shownIds.indexOf(id);
          if (a >= 0 && b >= 0) {
            for (let i = Math.min(a, b); i <= Math.max(a, b); i++) next.add(shownIds.idAt(i));
            return next;
          }
        }
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      if (mode === 'toggle' || !from) anchor.current = id;
    },
    [shownIds, fallbackAnchor],
  );
  const shown = useMemo(() => {
    const out: string[] = [];
    if (marked.size) for (let i = 0; i < shownIds.count; i++) if (marked.has(shownIds.idAt(i))) out.push(shownIds.idAt(i));
    return out;
  }, [shownIds, marked]);
  const clear = useCallback(() => {
    anchor.current = null;
    setMarked(new Set());
  }, []);
  return { marked, shown, onCheck, clear };
}

/** `selected`: the marked ids in the list's order; `codeOf` their 管理番号 for the confirmation. */
export function BulkDeleteBar({ selected, codeOf, onClear, onMessage }: { selected: readonly string[]; codeOf: (id: string) => string; onClear: () => void; onMessage: (m: string) => void }) {
  const { t } = useTranslation('projects');
  const [confirming, setConfirming] = useState(false);
  const lang = useLang();
  // Thousands of projects are moved in a Worker, a chunk at a time in one transaction, with the shared progress bar
  // and cancel.
  const job = useJob();
  const busy = job.state.phase === 'running';
  if (!selected.length) return job.state.phase === 'cancelled' ? <JobProgress state={job.state} runner={job.runner} lang={lang} testId="trash-job" /> : null;
  const run = async () => {
    setConfirming(false);
    const outcome = await job.runner.run({ ja: 'ゴミ箱へ移動しています', en: 'Moving to the trash' }, (control) =>
      trashProjects(selected, new Date(), control),
    );
    if (outcome.ok) {
      onMessage(t('bulk.done', { count: outcome.value }));
      onClear();
    } else if (!outcome.cancelled) {
      const e = outcome.error;
      onMessage(t('bulk.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <div className="inline-form">
        <span data-testid="bulk-count">{t('bulk.selected', { count: selected.length })}</span>
        <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)} data-testid="bulk-delete">{t('bulk.delete')}</button>
        <button type="button" disabled={busy} onClick={onClear}>{t('bulk.clear')}</button>
        <JobProgress state={job.state} runner={job.runner} lang={lang} testId="trash-job" />
      </div>
      {confirming && (
        <div className="panel confirm-panel" role="alertdialog" aria-labelledby="bulk-confirm-text">
          <p id="bulk-confirm-text">{t('bulk.confirm', { count: selected.length })}</p>
          <p className="muted small">{selected.slice(0, 10).map(codeOf).join('、')}{selected.length > 10 ? t('bulk.more', { count: selected.length - 10 }) : ''}</p>
          <div className="inline-form">
            <button type="button" onClick={() => setConfirming(false)} autoFocus>{t('bulk.cancel')}</button>
            <button type="button" className="danger" disabled={busy} onClick={() => void run()} data-testid="bulk-confirm">{t('bulk.confirmButton')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
