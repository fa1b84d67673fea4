// The Import/Export screen: the Excel import wizard (file → sheet and columns → review of the rows as a grid, bad cells
// fixed in place and the rows with problems saved for Excel → one-transaction commit with progress and cancel →
// summary), the standard-workbook export and the templates. Every Excel read and write runs in a Worker, and so do the
// dry run and the commit, on the records the import Worker keeps (see import-client.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { FileBytes } from '../../../shared/api/desktop-api';
import { desktopApi } from '../../platform/desktop-api';
import { loadPrograms } from '../../store/catalog';
import { snapshotBeforeImport } from '../../store/backup';
import type { ImportSummary } from '../../store/import-commit';
import { loadImportMappings, rememberImportMapping } from '../../store/import-mappings';
import { loadPreferences } from '../../store/preferences';
import { useTablesChanged } from '../../store/dashboard-data';
import type { WatchedTable } from '../../store/dashboard-data';
import { hrefFor } from '../../app/routes';
import { describeStorageError } from '../../app/storage-health';
import { currentLanguage } from '../../i18n/i18n';
import { FIELD_LABELS, IMPORT_FIELDS, serializeMapping } from '../../../shared/excel/column-map';
import type { ColumnMapping, ColumnTarget, ImportField } from '../../../shared/excel/column-map';
import type { Analysis } from '../../../shared/excel/import-pipeline';
import type { ImportProblem } from '../../../shared/excel/import-types';
import { columnLetter } from '../../../shared/excel/import-types';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';
import { todayIso } from '../../../shared/calendar/fiscal-year';
import { ImportClient } from './import-client';
import type { LoadOutcome } from './import-client';
import type { DryRunView, ParsedHead, RecordCounts } from './worker-protocol';
import { useMenuAction } from '../../app/menu-actions';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/job-runner';
import { exportSingle, ParallelExport, writeTemplate } from './export-client';
import { columnChoices } from './column-choices';
import { ReviewGrid } from './ReviewGrid';
import type { ReviewTable } from './review-rows';
import { onPendingFile, takePendingFile } from './pending-file';
import type { PendingFile } from './pending-file';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'refused'; fileName: string; message: string }
  | {
      kind: 'preview'; fileName: string; analysis: Analysis; parsed: ParsedHead; counts: RecordCounts; mapping: ColumnMapping; plan: DryRunView | null; confirming: boolean; busy: boolean;
      /** The table the review grid shows, and a counter that changes whenever its rows may have changed. */
      table: ReviewTable | null; version: number; note?: string | undefined;
    }
  | { kind: 'committing'; fileName: string; backingUp: boolean }
  | { kind: 'backup-failed'; preview: Extract<Stage, { kind: 'preview' }>; message: string }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'done'; fileName: string; summary: ImportSummary; backedUp: boolean };

/** The commit's line in the shared progress bar. */
const COMMIT_LABEL = { ja: '取り込んだデータを保存しています', en: 'Saving the imported data' } as const;

const FILTERS = [{ name: 'Excel', extensions: ['xlsx', 'xls', 'xlsm', 'csv', 'ods'] }];
const UNITS = [1, 1_000, 1_000_000] as const;

export function ImportExportScreen() {
  const { t } = useTranslation('importExport');
  const lang = currentLanguage();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const clientRef = useRef<ImportClient | null>(null);
  const client = useCallback(() => (clientRef.current ??= new ImportClient()), []);
  const version = useRef(0);
  const job = useJob();
  // Leaving the screen ends the import Worker, after a commit under way (a confirmed import is not cancelled by it).
  useEffect(() => () => clientRef.current?.release(), []);

  // Each load gets a token; a cancelled or superseded load's late answer is ignored.
  const loadToken = useRef(0);
  const startImport = useCallback(
    async (file: PendingFile) => {
      const token = ++loadToken.current;
      setStage({ kind: 'reading', fileName: file.name });
      try {
        const [programs, mappings] = await Promise.all([loadPrograms(), loadImportMappings()]);
        // Cancelled while the catalog was read: the Worker must not start (its call would hold the next file's).
        if (token !== loadToken.current) return;
        const outcome = await client().load(file.bytes, file.name, programs, mappings.map((m) => [m.signature, m.mapping]));
        if (token !== loadToken.current) return;
        if (!outcome.ok) {
          setStage({ kind: 'refused', fileName: file.name, message: outcome.message[lang] });
          return;
        }
        setStage({
          kind: 'preview', fileName: file.name, analysis: outcome.analysis, parsed: outcome.parsed, counts: outcome.counts, mapping: outcome.analysis.mapping, plan: null, confirming: false, busy: false,
          table: outcome.table, version: ++version.current,
        });
      } catch (e) {
        if (token !== loadToken.current) return;
        setStage({ kind: 'refused', fileName: file.name, message: e instanceof Error ? e.message : String(e) });
      }
    },
    [client, lang],
  );

  const cancelReading = () => {
    loadToken.current++;
    clientRef.current?.terminate();
    setStage({ kind: 'idle' });
  };

  // A file dropped on the window (App.tsx) arrives here.
  useEffect(() => {
    const pick = () => {
      const f = takePendingFile();
      if (f) void startImport(f);
    };
    pick();
    return onPendingFile(pick);
  }, [startImport]);

  const onInputChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    await startImport({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  };

  const onChoose = async () => {
    const picked = await desktopApi.openFile({ title: t('chooseFile'), filters: FILTERS });
    if (picked) await startImport(picked);
  };

  /** Runs a re-parse in the Worker (another sheet, a mapping, a cell edit) and shows its result. */
  const reparseWith = async (work: () => Promise<LoadOutcome>, mapping: ColumnMapping | undefined) => {
    if (stage.kind !== 'preview') return;
    setStage({ ...stage, busy: true, plan: null, confirming: false, note: undefined });
    try {
      const outcome = await work();
      if (!outcome.ok) {
        setStage({ kind: 'refused', fileName: stage.fileName, message: outcome.message[lang] });
        return;
      }
      setStage({
        ...stage, analysis: outcome.analysis, parsed: outcome.parsed, counts: outcome.counts, mapping: mapping ?? outcome.analysis.mapping, plan: null, confirming: false, busy: false,
        table: outcome.table, version: ++version.current, note: undefined,
      });
    } catch (e) {
      setStage({ kind: 'failed', fileName: stage.fileName, message: e instanceof Error ? e.message : String(e) });
    }
  };

  const reparse = (sheet: string | undefined, mapping: ColumnMapping | undefined) => reparseWith(() => client().reparse(sheet, mapping), mapping);

  const editCell = (dataRow: number, column: number, text: string) => {
    if (stage.kind !== 'preview') return;
    const mapping = stage.mapping;
    void reparseWith(() => client().editCell(dataRow, column, text, mapping), mapping);
  };

  const fetchRows = useCallback((from: number, to: number) => client().rows(from, to), [client]);

  const saveProblemRows = async () => {
    if (stage.kind !== 'preview') return;
    const preview = stage;
    const bytes = await client().problemRows(lang);
    if (!bytes) {
      setStage({ ...preview, note: t('noProblemRows') });
      return;
    }
    const base = preview.fileName.replace(/\.[^.]+$/, '');
    const suggestedName = `${base}-problems.xlsx`;
    const result = await desktopApi.saveFile({ suggestedName, filters: [{ name: 'Excel', extensions: ['xlsx'] }], bytes });
    if (result.saved) setStage({ ...preview, note: t('problemRowsSaved', { location: result.location ?? suggestedName }) });
  };

  const setTarget = (index: number, target: ColumnTarget) => {
    if (stage.kind !== 'preview') return;
    const mapping = stage.mapping.map((m, i) => (i === index ? target : m));
    void reparse(undefined, mapping);
  };

  const runDry = async () => {
    if (stage.kind !== 'preview') return;
    setStage({ ...stage, busy: true });
    try {
      const plan = await client().dryRun();
      if (!plan) setStage({ kind: 'refused', fileName: stage.fileName, message: t('workerRestarted') });
      else setStage({ ...stage, busy: false, plan });
    } catch (e) {
      setStage({ kind: 'failed', fileName: stage.fileName, message: e instanceof Error ? e.message : String(e) });
    }
  };

  // The automatic backup comes first, before anything is written; if it cannot be written the user decides.
  const runCommit = async (withoutBackup = false) => {
    const preview = stage.kind === 'preview' ? stage : stage.kind === 'backup-failed' ? stage.preview : null;
    if (!preview) return;
    const { fileName, analysis, mapping } = preview;
    setStage({ kind: 'committing', fileName, backingUp: !withoutBackup });
    const prefs = await loadPreferences();
    let backedUp = false;
    if (!withoutBackup) {
      try {
        backedUp = await snapshotBeforeImport(desktopApi, prefs.backupsToKeep);
      } catch (e) {
        setStage({ kind: 'backup-failed', preview: { ...preview, confirming: false }, message: describeStorageError(e)[lang] });
        return;
      }
    }
    setStage({ kind: 'committing', fileName, backingUp: false });
    // The commit runs in the import Worker, on the records it keeps; a cancel ends the Worker and its transaction.
    const outcome = await job.runner.run(COMMIT_LABEL, (control) => client().commit(prefs.userName, fileName, control));
    if (outcome.ok) {
      if (analysis.format === 'office' && analysis.signature) await rememberImportMapping(analysis.signature, serializeMapping(mapping));
      setStage({ kind: 'done', fileName, summary: outcome.value, backedUp });
    } else if (outcome.cancelled) {
      // The Worker ended with the workbook it held: the file is chosen again (the job's line says nothing changed).
      setStage({ kind: 'idle' });
    } else {
      const e = outcome.error;
      setStage({ kind: 'failed', fileName, message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section className="import-export">
      <h1>{t('title')}</h1>
      <h2>{t('importHeading')}</h2>
      {(stage.kind === 'idle' || stage.kind === 'refused' || stage.kind === 'failed') && (
        <div className="panel import-drop no-print">
          <p className="muted">{t('importHint')}</p>
          <div className="inline-form">
            <label htmlFor="import-file">{t('fileLabel')}</label>
            <input id="import-file" type="file" accept=".xlsx,.xls,.xlsm,.csv,.ods" onChange={(e) => void onInputChange(e)} />
            <button type="button" onClick={() => void onChoose()}>{t('chooseFile')}</button>
          </div>
        </div>
      )}
      {stage.kind === 'reading' && (
        <div className="inline-form" role="status">
          <span>
            {t('reading')} {stage.fileName}
          </span>
          <button type="button" onClick={cancelReading} data-testid="import-cancel-reading">
            {t('cancel')}
          </button>
        </div>
      )}
      {stage.kind === 'refused' && (
        <div className="error-panel" role="alert" data-testid="import-refused">
          <strong>{t('refused')}</strong>（{stage.fileName}）<p>{stage.message}</p>
        </div>
      )}
      {stage.kind === 'failed' && (
        <div className="error-panel" role="alert" data-testid="import-failed">
          {t('commitFailed', { message: stage.message })}
        </div>
      )}
      {stage.kind === 'preview' && (
        <Preview
          stage={stage}
          onSheet={(sheet) => void reparse(sheet, undefined)}
          onTarget={setTarget}
          onEdit={editCell}
          fetchRows={fetchRows}
          onSaveProblemRows={() => void saveProblemRows()}
          onDryRun={() => void runDry()}
          onConfirm={() => setStage({ ...stage, confirming: true })}
          onBack={() => setStage({ ...stage, confirming: false })}
          onCommit={() => void runCommit()}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      )}
      {stage.kind === 'backup-failed' && (
        <div className="error-panel" role="alertdialog" aria-labelledby="import-backup-failed" data-testid="import-backup-failed">
          <p id="import-backup-failed"><strong>{t('backupFailed')}</strong></p>
          <p>{stage.message}</p>
          <div className="inline-form">
            <button type="button" className="primary" autoFocus onClick={() => setStage(stage.preview)}>{t('back')}</button>
            <button type="button" className="danger" onClick={() => void runCommit(true)} data-testid="import-without-backup">{t('importWithoutBackup')}</button>
          </div>
        </div>
      )}
      {stage.kind === 'committing' && (
        <div className="panel" role="status">
          <p>{stage.backingUp ? t('backingUp') : t('committing')}</p>
        </div>
      )}
      {(stage.kind === 'committing' || (stage.kind === 'idle' && job.state.phase === 'cancelled')) && (
        <JobProgress state={job.state} runner={job.runner} lang={lang} testId="import-job" />
      )}
      {stage.kind === 'done' && <Done summary={stage.summary} backedUp={stage.backedUp} onAgain={() => setStage({ kind: 'idle' })} />}
      <ExportSection />
    </section>
  );
}

function Preview(props: {
  stage: Extract<Stage, { kind: 'preview' }>;
  onSheet: (sheet: string) => void;
  onTarget: (index: number, target: ColumnTarget) => void;
  onEdit: (dataRow: number, column: number, text: string) => void;
  fetchRows: (from: number, to: number) => Promise<string[][]>;
  onSaveProblemRows: () => void;
  onDryRun: () => void;
  onConfirm: () => void;
  onBack: () => void;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('importExport');
  const lang = currentLanguage();
  const { analysis, parsed, counts, mapping, plan, confirming, busy, fileName, table, version, note } = props.stage;
  const errors = parsed.problems.filter((p) => p.severity === 'error').length;
  const warnings = parsed.problems.length - errors;
  const header = analysis.header;
  const currentSheet = analysis.format === 'standard' ? parsed.sheet : (header?.sheetName ?? '');
  // Sheets of the chosen sheet's layout (a sheet per fiscal year) are read with it.
  const together = analysis.format === 'office' ? (analysis.sheets ?? []) : [];
  return (
    <div className="import-wizard" aria-busy={busy}>
      <p>
        <strong>{fileName}</strong>
      </p>
      <div className="inline-form">
        <label htmlFor="import-sheet">{t('sheet')}</label>
        <select id="import-sheet" value={currentSheet} onChange={(e) => props.onSheet(e.target.value)} disabled={busy}>
          {!currentSheet && <option value="">—</option>}
          {analysis.candidates.map((c) => (
            <option key={c.index} value={c.name}>
              {c.name}
              {c.hidden ? t('hiddenSheet') : ''}
              {c.name !== currentSheet && together.includes(c.name) ? t('sheetTogether') : ''}
              {t('sheetScore', { score: c.score })}
            </option>
          ))}
        </select>
      </div>
      {together.length > 1 && (
        <p className="muted" data-testid="sheets-together">
          {t('sheetsTogether', { count: together.length, names: together.join(lang === 'ja' ? '、' : ', ') })}
        </p>
      )}
      {analysis.format === 'standard' && <p className="muted" data-testid="standard-format">{t('standardFormat')}</p>}
      {analysis.format === 'office' && !header && <p className="error-panel">{t('noHeader')}</p>}
      {analysis.format === 'office' && header && (
        <>
          <p className="muted">
            {header.headerTop === header.headerRow ? t('headerRows', { from: header.headerRow + 1 }) : t('headerRowsRange', { from: header.headerTop + 1, to: header.headerRow + 1 })}
            {header.unitNote !== null ? ` · ${t('unitNote', { unit: unitLabel(header.unitNote, lang) })}` : ''}
          </p>
          {analysis.mappingSource === 'remembered' && <p className="muted">{t('rememberedMapping')}</p>}
          <h3>{t('mappingHeading')}</h3>
          <table className="data mapping-table">
            <thead>
              <tr>
                <th>{t('column')}</th>
                <th>{t('header')}</th>
                <th>{t('field')}</th>
                <th>{t('fiscalYear')}</th>
                <th>{t('unit')}</th>
              </tr>
            </thead>
            <tbody>
              {header.headers.map((h, i) => {
                const target = mapping[i] ?? { field: 'ignore' as const };
                const budget = target.field === 'direct' || target.field === 'indirect';
                return (
                  <tr key={i}>
                    <td>{columnLetter(i)}</td>
                    <td>{h || '—'}</td>
                    <td>
                      <select
                        aria-label={`${t('field')} ${columnLetter(i)}`}
                        data-column={i}
                        value={target.field}
                        disabled={busy}
                        onChange={(e) => {
                          const field = e.target.value as ImportField;
                          props.onTarget(i, field === 'direct' || field === 'indirect' ? { field, fiscalYear: target.fiscalYear ?? header.titleFiscalYear, unit: target.unit ?? null } : { field });
                        }}
                      >
                        {IMPORT_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {FIELD_LABELS[f][lang]}
                          </option>
                        ))}
                      </select>
                      <ChoiceButtons analysis={analysis} column={i} current={target} busy={busy} onPick={(choice) => props.onTarget(i, choice)} />
                    </td>
                    <td>
                      {budget && (
                        <input
                          type="number"
                          min={1990}
                          max={2100}
                          aria-label={`${t('fiscalYear')} ${columnLetter(i)}`}
                          defaultValue={target.fiscalYear ?? ''}
                          disabled={busy}
                          onBlur={(e) => {
                            const v = e.target.value ? Number(e.target.value) : null;
                            if (v !== (target.fiscalYear ?? null)) props.onTarget(i, { ...target, fiscalYear: v });
                          }}
                        />
                      )}
                    </td>
                    <td>
                      {budget && (
                        <select
                          aria-label={`${t('unit')} ${columnLetter(i)}`}
                          value={target.unit ?? ''}
                          disabled={busy}
                          onChange={(e) => props.onTarget(i, { ...target, unit: e.target.value ? (Number(e.target.value) as 1 | 1000 | 1000000) : null })}
                        >
                          <option value="">{t('unitDefault')}</option>
                          {UNITS.map((u) => (
                            <option key={u} value={u}>
                              {unitLabel(u, lang)}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <h3>{t('problemsHeading')}</h3>
      <p data-testid="import-counts">{t('counts', { projects: counts.projects, budgetLines: counts.budgetLines, milestones: counts.milestones })}</p>
      <p data-testid="import-problem-summary">{t('problemsSummary', { errors, warnings })}</p>
      {parsed.skipped.length > 0 && <p className="muted">{t('skippedRows', { count: parsed.skipped.length })}</p>}
      {table && header ? (
        <>
          <h3>{t('reviewHeading')}</h3>
          <ReviewGrid table={table} headers={header.headers} problems={parsed.problems} version={version} busy={busy} fetchRows={props.fetchRows} onEdit={props.onEdit} />
          <div className="inline-form no-print">
            <button type="button" onClick={props.onSaveProblemRows} disabled={busy || !errors} data-testid="save-problem-rows">
              {t('downloadProblemRows')}
            </button>
            <span className="muted">{t('problemRowsHint')}</span>
          </div>
          {note && <p role="status" className="muted" data-testid="review-note">{note}</p>}
          <OutsideProblems problems={parsed.problems} table={table} />
        </>
      ) : (
        <ProblemList problems={parsed.problems} />
      )}
      {plan && <PlanView plan={plan} />}
      <div className="inline-form wizard-actions no-print">
        <button type="button" onClick={props.onCancel} disabled={busy}>
          {t('cancel')}
        </button>
        <button type="button" onClick={props.onDryRun} disabled={busy || !counts.projects} data-testid="dry-run">
          {t('dryRun')}
        </button>
        {!confirming && (
          <button type="button" className="primary" onClick={props.onConfirm} disabled={busy || !counts.projects} data-testid="import-start">
            {t('importButton')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="panel confirm-panel" role="alertdialog" aria-labelledby="import-confirm-text">
          <p id="import-confirm-text">{t('confirmText', { projects: counts.projects })}</p>
          <div className="inline-form">
            <button type="button" onClick={props.onBack}>
              {t('back')}
            </button>
            <button type="button" className="primary" onClick={props.onCommit} autoFocus data-testid="import-confirm">
              {t('confirmButton')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function unitLabel(unit: number, lang: 'ja' | 'en'): string {
  const ja: Record<number, string> = { 1: '円', 1000: '千円', 1000000: '百万円', 100000000: '億円' };
  const en: Record<number, string> = { 1: 'JPY', 1000: 'k JPY', 1000000: 'M JPY', 100000000: '100M JPY' };
  return (lang === 'ja' ? ja : en)[unit] ?? String(unit);
}

/** The ranked field choices the pipeline offers for a column (when it offers any): one click takes one. */
function ChoiceButtons({ analysis, column, current, busy, onPick }: { analysis: Analysis; column: number; current: ColumnTarget; busy: boolean; onPick: (target: ColumnTarget) => void }) {
  const { t } = useTranslation('importExport');
  const lang = currentLanguage();
  const choices = columnChoices(analysis, columnLetter(column));
  if (!choices.length) return null;
  return (
    <span className="column-choices" data-testid={`choices-${columnLetter(column)}`}>
      <span className="muted">{t('rankedChoices')}:</span>
      {choices.map((c, k) => (
        <button
          key={k}
          type="button"
          className={c.target.field === current.field ? 'chip active' : 'chip'}
          disabled={busy}
          aria-pressed={c.target.field === current.field}
          onClick={() => onPick(c.target)}
        >
          {FIELD_LABELS[c.target.field][lang]}
          {c.target.fiscalYear ? ` ${c.target.fiscalYear}` : ''}
          {` (${c.score})`}
        </button>
      ))}
    </span>
  );
}

/** Problems the grid cannot show on a row of its table (about the whole sheet, or another sheet). */
function OutsideProblems({ problems, table }: { problems: readonly ImportProblem[]; table: ReviewTable }) {
  const { t } = useTranslation('importExport');
  const outside = problems.filter((p) => p.sheet !== table.sheetName || p.row <= table.firstRow || p.row > table.firstRow + table.rowCount);
  if (!outside.length) return null;
  return (
    <>
      <h4>{t('otherProblems')}</h4>
      <ProblemList problems={outside} />
    </>
  );
}

function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  const { t } = useTranslation('importExport');
  const lang = currentLanguage();
  const parentRef = useRef<HTMLDivElement>(null);
  // Virtualised: a 50,000-row sheet can have a problem on every row.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({ count: problems.length, getScrollElement: () => parentRef.current, estimateSize: () => 30, overscan: 10 });
  if (!problems.length) return <p className="muted">{t('noProblems')}</p>;
  return (
    <div className="problem-list" role="table" aria-label={t('problemsHeading')}>
      <div className="problem-row problem-head" role="row">
        <span role="columnheader">{t('row')}</span>
        <span role="columnheader">{t('column')}</span>
        <span role="columnheader">{t('severity')}</span>
        <span role="columnheader">{t('message')}</span>
      </div>
      <div ref={parentRef} className="problem-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const p = problems[item.index]!;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                className={`problem-row ${p.severity}`}
                data-row={p.row}
                data-severity={p.severity}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell">{p.sheet !== problems[0]!.sheet ? `${p.sheet}!` : ''}{p.row}</span>
                <span role="cell">{p.column ?? ''}</span>
                <span role="cell">
                  <span className={`badge ${p.severity === 'error' ? 'danger' : 'warn'}`}>{t(p.severity)}</span>
                </span>
                <span role="cell">{p.message[lang]}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function PlanView({ plan }: { plan: DryRunView }) {
  const { t } = useTranslation('importExport');
  const lang = currentLanguage();
  const s = plan.summary;
  const { shown, more: rest } = plan;
  return (
    <div className="panel" data-testid="dry-run-result">
      <h3>{t('dryRunHeading')}</h3>
      <SummaryTable summary={s} lang={lang} />
      {shown.length > 0 && (
        <ul className="change-list">
          {shown.map((c) => (
            <li key={c.code}>
              <span className="badge">{t(`action.${c.action}`)}</span> {c.code}
              {c.fields.length > 0 ? ` — ${t('changedFields')}: ${c.fields.join(', ')}` : ''}
              {c.budgetYears.length > 0 ? ` · FY ${c.budgetYears.join(', ')}` : ''}
              {c.milestones.length > 0 ? ` · ${c.milestones.join(', ')}` : ''}
            </li>
          ))}
          {rest > 0 && <li>{t('moreChanges', { count: rest })}</li>}
        </ul>
      )}
    </div>
  );
}

function SummaryTable({ summary, lang }: { summary: ImportSummary; lang: 'ja' | 'en' }) {
  const { t } = useTranslation('importExport');
  return (
    <table className="data summary-table" data-testid="import-summary">
      <tbody>
        <tr data-key="added"><th>{t('added')}</th><td className="num">{summary.added}</td></tr>
        <tr data-key="updated"><th>{t('updated')}</th><td className="num">{summary.updated}</td></tr>
        <tr data-key="unchanged"><th>{t('unchanged')}</th><td className="num">{summary.unchanged}</td></tr>
        <tr data-key="skipped">
          <th>{t('skipped')}</th>
          <td className="num">{summary.skipped}</td>
          <td>{summary.skippedReasons.map((r) => `${lang === 'ja' ? r.reason.ja : r.reason.en} ×${r.count}`).join('、')}</td>
        </tr>
        <tr><th>{t('budgetWritten')}</th><td className="num">{summary.budgetLinesWritten}</td></tr>
        <tr><th>{t('milestonesWritten')}</th><td className="num">{summary.milestonesWritten}</td></tr>
      </tbody>
    </table>
  );
}

function Done({ summary, backedUp, onAgain }: { summary: ImportSummary; backedUp: boolean; onAgain: () => void }) {
  const { t } = useTranslation('importExport');
  return (
    <div className="panel" role="status" data-testid="import-done">
      <h3>{t('doneHeading')}</h3>
      {backedUp && <p className="muted" data-testid="import-backed-up">{t('backedUp')} <a href={hrefFor('settings')}>{t('backupsLink')}</a></p>}
      <SummaryTable summary={summary} lang={currentLanguage()} />
      <button type="button" onClick={onAgain}>
        {t('importAnother')}
      </button>
    </div>
  );
}

/** The tables the export's Workers read ahead, and how long the screen stays on them (or unchanged) before they do. */
const EXPORTED_TABLES: readonly WatchedTable[] = ['projects', 'budgetLines', 'milestones'];
const PREPARE_AFTER_MS = 1000;

function ExportSection() {
  const { t } = useTranslation('importExport');
  const [lang, setLang] = useState<WorkbookLanguage>(currentLanguage());
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  // Which way the last standard export was written (parts or the single-transaction fallback): for tests and support.
  const [exportPath, setExportPath] = useState<string | null>(null);
  const save = async (make: () => Promise<FileBytes | null>, name: string) => {
    setBusy(true);
    setStatus(t('exporting'));
    try {
      const bytes = await make();
      // Cancelled: the progress line says so.
      if (!bytes) return setStatus('');
      const result = await desktopApi.saveFile({ suggestedName: name, filters: [{ name: 'Excel', extensions: ['xlsx'] }], bytes });
      setStatus(result.saved ? t('exported', { location: result.location ?? name }) : '');
    } catch (e) {
      setStatus(t('exportFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const stamp = useMemo(() => todayIso(), []);
  // The export's Workers start while the screen is open, so a click does not wait for their code and database.
  const parallel = useMemo(() => new ParallelExport(), []);
  useEffect(() => {
    parallel.prewarm();
    return () => parallel.dispose();
  }, [parallel]);
  // They also read the tables ahead once the screen has stayed open a moment (not at once: a user who came to import
  // would have that read compete with the file's parse), and again after each change to them, so a click on data
  // that did not change since only writes. `data-prepared` says the read is done (for the benchmark and tests).
  const changed = useTablesChanged(EXPORTED_TABLES);
  const [prepared, setPrepared] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => void parallel.prepare().then(() => live && setPrepared(changed)), PREPARE_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [parallel, changed]);
  // The standard export is a job of the shared runner: its progress bar and cancel button (which ends its Workers).
  const job = useJob();
  const exportStandard = () =>
    void save(async () => {
      const outcome = await job.runner.run({ ja: '標準ワークブックを出力しています', en: 'Writing the standard workbook' }, async (control) => {
        const programs = await loadPrograms();
        return parallel.run(lang, programs, () => exportSingle(lang, programs, control.signal), control);
      });
      if (!outcome.ok) {
        if (outcome.cancelled) return null;
        throw outcome.error;
      }
      setExportPath(parallel.lastPath);
      return outcome.value;
    }, `grant-portfolio-${stamp}.xlsx`);
  // The menu's Export… starts the same save (see app/menu-actions.ts).
  useMenuAction('export', exportStandard);
  return (
    <>
      <h2>{t('exportHeading')}</h2>
      <div className="panel no-print">
        <p className="muted">{t('exportHint')}</p>
        <div className="inline-form">
          <label htmlFor="export-lang">{t('exportLanguage')}</label>
          <select id="export-lang" value={lang} onChange={(e) => setLang(e.target.value as WorkbookLanguage)}>
            <option value="ja">{t('langJa')}</option>
            <option value="en">{t('langEn')}</option>
          </select>
          <button
            type="button"
            className="primary"
            disabled={busy}
            data-testid="export-standard"
            data-prepared={prepared === changed ? 'true' : 'false'}
            onClick={exportStandard}
          >
            {t('exportButton')}
          </button>
        </div>
        <JobProgress state={job.state} runner={job.runner} lang={currentLanguage()} testId="export-job" />
        <p role="status" className="muted" data-testid="export-status" data-export-path={exportPath ?? undefined}>
          {status}
        </p>
      </div>
      <h2>{t('templateHeading')}</h2>
      <div className="panel no-print">
        <p className="muted">{t('templateHint')}</p>
        <div className="inline-form">
          <button type="button" disabled={busy} data-testid="template-ja" onClick={() => void save(() => writeTemplate('ja'), 'grant-portfolio-template-ja.xlsx')}>
            {t('templateJa')}
          </button>
          <button type="button" disabled={busy} data-testid="template-en" onClick={() => void save(() => writeTemplate('en'), 'grant-portfolio-template-en.xlsx')}>
            {t('templateEn')}
          </button>
        </div>
      </div>
    </>
  );
}
