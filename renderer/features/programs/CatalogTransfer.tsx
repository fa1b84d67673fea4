// Import and export of catalog editions (JSON and Excel). Imports pass the catalog gate and are confirmed before
// anything is written; invalid files are explained in plain language and change nothing. An Excel edition is read like
// a project import: guarded and read in a Worker (a zip bomb is refused there, never opened on the main thread). The
// edition is parsed, checked and stored in the catalog Worker (catalog-jobs.ts): at 5,000 programs each was a long task.
// Exports are read and encoded there too.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopApi } from '../../platform/desktop-api';
import { fiscalYearLabel } from '../../../shared/calendar/wareki';
import { readWorkbookGuarded } from '../../workers/guarded-read';
import { PendingEdition, exportCatalogEdition } from '../../workers/catalog-jobs';
import { throwIfCancelled } from '../../store/chunked-write';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/job-runner';

type Pending = { fileName: string; edition: PendingEdition };
type Status = { kind: 'ok' | 'error'; text: string; lines?: string[] } | null;

interface Props {
  lang: 'ja' | 'en';
}

export function CatalogTransfer({ lang }: Props) {
  const { t } = useTranslation('programs');
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setStatus({ kind: 'error', text: t('exportFailed', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  // Reading (in the guarded Worker), checking, writing and exporting an edition are jobs of the shared runner: progress
  // bar and cancel. A cancel before the write changes nothing; the write itself is one short transaction.
  const job = useJob();
  const asJob = (label: { ja: string; en: string }, work: (signal: AbortSignal) => Promise<void>) =>
    run(async () => {
      const outcome = await job.runner.run(label, (control) => work(control.signal));
      if (!outcome.ok && !outcome.cancelled) throw outcome.error;
    });

  const exportAs = (format: 'json' | 'xlsx') =>
    asJob({ ja: 'カタログを書き出しています', en: 'Exporting the catalog' }, async (signal) => {
      const { editionId, bytes } = await exportCatalogEdition(format, signal);
      throwIfCancelled(signal);
      const stamp = new Date().toISOString().slice(0, 10);
      const suggestedName = `catalog-${editionId}-${stamp}.${format}`;
      const result = await desktopApi.saveFile({
        title: format === 'json' ? t('exportJson') : t('exportExcel'),
        suggestedName,
        filters: format === 'json' ? [{ name: 'JSON', extensions: ['json'] }] : [{ name: 'Excel', extensions: ['xlsx'] }],
        bytes,
      });
      if (result.saved) setStatus({ kind: 'ok', text: t('exported', { name: result.location ?? suggestedName }) });
    });

  const pick = () =>
    run(async () => {
      setStatus(null);
      pending?.edition.dispose();
      setPending(null);
      const file = await desktopApi.openFile({ title: t('importFile'), filters: [{ name: 'Catalog', extensions: ['json', 'xlsx', 'xls'] }] });
      if (file) await readEdition(file);
    });

  const readEdition = (file: { name: string; bytes: Uint8Array }) =>
    asJob({ ja: '版を読み込んでいます', en: 'Reading the edition' }, async (signal) => {
      const isJson = /\.json$/i.test(file.name) || file.bytes[0] === 0x7b || file.bytes[0] === 0xef;
      let input;
      if (isJson) {
        input = { json: file.bytes };
      } else {
        const read = await readWorkbookGuarded(file.bytes, { maxRows: 20_000, maxCols: 60 }, signal);
        if (!read.ok) {
          setStatus({ kind: 'error', text: t('importReadFailed', { name: file.name }), lines: [read.message[lang]] });
          return;
        }
        input = { sheets: read.sheets };
      }
      const result = await PendingEdition.check(input, lang, signal);
      if (!result.ok) {
        setStatus({ kind: 'error', text: t('importInvalid', { name: file.name }), lines: result.lines });
        return;
      }
      if (signal.aborted) result.pending.dispose();
      throwIfCancelled(signal);
      setPending((old) => {
        old?.edition.dispose();
        return { fileName: file.name, edition: result.pending };
      });
    });

  const confirmImport = () =>
    asJob({ ja: '版を取り込んでいます', en: 'Importing the edition' }, async (signal) => {
      if (!pending) return;
      throwIfCancelled(signal);
      const summary = pending.edition.summary;
      const r = await pending.edition.store(signal);
      const title = lang === 'en' ? summary.titleEn || summary.titleJa : summary.titleJa || summary.titleEn;
      setPending(null);
      setStatus({ kind: 'ok', text: t('imported', { title, added: r.added, replaced: r.replaced }) });
    });

  const shown = pending?.edition.summary;
  const pendingTitle = shown ? (lang === 'en' ? shown.titleEn : shown.titleJa) || shown.id : '';

  return (
    <div className="catalog-transfer no-print">
      <div className="inline-form" role="group" aria-label={t('importExport')}>
        <button type="button" onClick={pick} disabled={busy} data-action="import-edition">
          {t('importFile')}
        </button>
        <button type="button" onClick={() => exportAs('json')} disabled={busy} data-action="export-json">
          {t('exportJson')}
        </button>
        <button type="button" onClick={() => exportAs('xlsx')} disabled={busy} data-action="export-excel">
          {t('exportExcel')}
        </button>
        {busy && <span className="muted" role="status">{t('working')}</span>}
        <JobProgress state={job.state} runner={job.runner} lang={lang} testId="catalog-job" />
      </div>
      {pending && (
        <div className="panel confirm-panel" role="alertdialog" aria-label={t('importConfirm', { title: pendingTitle, fy: fiscalYearLabel(pending.edition.summary.fiscalYear, lang), count: pending.edition.summary.programs })}>
          <p>
            <strong>{t('importConfirm', { title: pendingTitle, fy: fiscalYearLabel(pending.edition.summary.fiscalYear, lang), count: pending.edition.summary.programs })}</strong>
          </p>
          <p>{t('importConfirmDetail', { added: pending.edition.summary.added, replaced: pending.edition.summary.replaced })}</p>
          <div className="inline-form">
            <button type="button" className="primary" onClick={confirmImport} disabled={busy} data-action="confirm-import">
              {t('importYes')}
            </button>
            <button type="button" onClick={() => { pending.edition.dispose(); setPending(null); }} disabled={busy}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {status && (
        <div className={status.kind === 'ok' ? 'ok-panel' : 'error-panel'} role={status.kind === 'ok' ? 'status' : 'alert'} data-status={status.kind}>
          <p>{status.text}</p>
          {status.lines && (
            <ul>
              {status.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => setStatus(null)}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
