// The progress bar and cancel button every long job shows (one component, so every job looks and cancels alike).
// It renders nothing when no job has run; after a job it says how it ended until the next one starts.
import type { Language } from '../../shared/domain/message';
import type { JobRunner, JobState } from './job-runner';

const TEXT = {
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  cancelling: { ja: 'キャンセルしています…', en: 'Cancelling…' },
  cancelled: { ja: 'キャンセルしました。何も変更していません。', en: 'Cancelled. Nothing was changed.' },
  failed: { ja: '失敗しました', en: 'Failed' },
} as const;

export function JobProgress({ state, runner, lang, testId = 'job-progress' }: { state: JobState; runner: JobRunner; lang: Language; testId?: string }) {
  if (state.phase === 'idle' || state.phase === 'done') return null;
  if (state.phase === 'cancelled') return <p role="status" className="muted job-progress" data-testid={testId} data-phase="cancelled">{state.label[lang]}: {TEXT.cancelled[lang]}</p>;
  if (state.phase === 'failed') {
    const why = state.error instanceof Error ? state.error.message : String(state.error);
    return <p role="alert" className="error-panel job-progress" data-testid={testId} data-phase="failed">{state.label[lang]}: {TEXT.failed[lang]} ({why})</p>;
  }
  const percent = state.total > 0 ? Math.min(100, Math.round((state.done / state.total) * 100)) : null;
  return (
    <div className="job-progress inline-form" role="group" aria-label={state.label[lang]} data-testid={testId} data-phase="running">
      <span>{state.label[lang]}</span>
      {/* Without a known total the bar is indeterminate (no value attribute). */}
      {percent === null ? <progress aria-label={state.label[lang]} /> : <progress aria-label={state.label[lang]} max={100} value={percent} />}
      {percent !== null && <span className="muted">{percent}%</span>}
      <button type="button" disabled={state.cancelling} onClick={() => runner.cancel()} data-testid={`${testId}-cancel`}>
        {state.cancelling ? TEXT.cancelling[lang] : TEXT.cancel[lang]}
      </button>
    </div>
  );
}
