// The wizard's review step: the sheet's rows as a grid with each row's problems beside it. Virtualised, and its rows
// are fetched from the import Worker a page at a time as they scroll into view (a sheet may have 50,000 rows). A cell
// clicked becomes an input; the text typed goes into the Worker's grid and the sheet is parsed again at once.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { currentLanguage } from '../../i18n/i18n';
import { columnLetter } from '../../../shared/excel/import-types';
import type { ImportProblem } from '../../../shared/excel/import-types';
import { problemsByRow, problemText, rowsWithProblems } from './review-rows';
import type { ReviewTable } from './review-rows';

const PAGE = 100;

interface Props {
  table: ReviewTable;
  headers: readonly string[];
  problems: readonly ImportProblem[];
  /** Changes whenever the Worker's rows may have changed (a load, a sheet change, an edit): cached rows are dropped. */
  version: number;
  busy: boolean;
  fetchRows: (from: number, to: number) => Promise<string[][]>;
  onEdit: (dataRow: number, column: number, text: string) => void;
}

export function ReviewGrid({ table, headers, problems, version, busy, fetchRows, onEdit }: Props) {
  const { t } = useTranslation('importExport');
  const lang = currentLanguage();
  const byRow = useMemo(() => problemsByRow(problems, table.sheetName), [problems, table.sheetName]);
  const withProblems = useMemo(() => rowsWithProblems(table, byRow), [table, byRow]);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const count = onlyProblems ? withProblems.length : table.rowCount;
  const dataRowAt = (index: number) => (onlyProblems ? withProblems[index]! : index);

  // Pages of row texts by page number, for the current version only.
  const [pages, setPages] = useState<{ version: number; rows: Map<number, string[][]> }>({ version, rows: new Map() });
  const pending = useRef(new Set<string>());
  const current = pages.version === version ? pages.rows : null;

  const [editing, setEditing] = useState<{ dataRow: number; column: number } | null>(null);
  const parentRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({ count, getScrollElement: () => parentRef.current, estimateSize: () => 32, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const wanted = [...new Set(items.map((item) => Math.floor(dataRowAt(item.index) / PAGE)))];
  const missing = wanted.filter((p) => !current?.has(p)).join(',');

  useEffect(() => {
    if (!missing) return;
    for (const page of missing.split(',').map(Number)) {
      const key = `${version}:${page}`;
      if (pending.current.has(key)) continue;
      pending.current.add(key);
      fetchRows(page * PAGE, (page + 1) * PAGE).then(
        (rows) => {
          pending.current.delete(key);
          setPages((prev) => {
            const base = prev.version === version ? new Map(prev.rows) : new Map<number, string[][]>();
            base.set(page, rows);
            return { version, rows: base };
          });
        },
        () => pending.current.delete(key),
      );
    }
  }, [missing, version, fetchRows]);

  const rowText = (dataRow: number): string[] | undefined => current?.get(Math.floor(dataRow / PAGE))?.[dataRow % PAGE];
  const columns = `64px repeat(${table.width}, minmax(120px, 1fr)) minmax(260px, 2fr)`;

  // Enter commits and unmounts the input, which may also blur it: the second commit is dropped.
  const committed = useRef<string | null>(null);
  const commit = (dataRow: number, column: number, before: string, text: string) => {
    const key = `${dataRow}:${column}`;
    if (committed.current === key) return;
    committed.current = key;
    setEditing(null);
    if (text.trim() !== before.trim()) onEdit(dataRow, column, text);
  };

  return (
    <div className="review">
      <div className="inline-form">
        <label>
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} data-testid="review-only-problems" /> {t('onlyProblemRows')}
        </label>
      </div>
      <p className="muted">{t('reviewHint')}</p>
      <div ref={parentRef} className="review-scroll" role="grid" aria-label={t('reviewHeading')} aria-rowcount={count + 1} aria-busy={busy} data-testid="review-grid">
        <div className="review-row review-head" role="row" style={{ gridTemplateColumns: columns }}>
          <span role="columnheader">{t('row')}</span>
          {headers.slice(0, table.width).map((h, c) => (
            <span role="columnheader" key={c} title={h}>
              {columnLetter(c)} {h}
            </span>
          ))}
          <span role="columnheader">{t('rowProblems')}</span>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const dataRow = dataRowAt(item.index);
            const sheetRow = table.firstRow + dataRow + 1;
            const found = byRow.get(sheetRow) ?? [];
            const severity = found.some((p) => p.severity === 'error') ? 'error' : found.length ? 'warning' : 'ok';
            const texts = rowText(dataRow);
            return (
              <div
                key={`${dataRow}`}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                className={`review-row ${severity}`}
                data-row={sheetRow}
                data-severity={severity}
                style={{ gridTemplateColumns: columns, transform: `translateY(${item.start}px)` }}
              >
                <span role="rowheader">{sheetRow}</span>
                {Array.from({ length: table.width }, (_, c) => {
                  const letter = columnLetter(c);
                  const cellProblems = found.filter((p) => p.column === letter);
                  const value = texts?.[c] ?? '';
                  const isEditing = editing?.dataRow === dataRow && editing.column === c;
                  const label = t('editCell', { column: letter, row: sheetRow });
                  return (
                    <span
                      role="gridcell"
                      key={c}
                      className={cellProblems.length ? `review-cell bad ${cellProblems.some((p) => p.severity === 'error') ? 'error' : 'warning'}` : 'review-cell'}
                      data-col={letter}
                      title={cellProblems.length ? problemText(cellProblems, lang) : value}
                    >
                      {isEditing ? (
                        <input
                          aria-label={label}
                          defaultValue={value}
                          autoFocus
                          onBlur={(e) => commit(dataRow, c, value, e.target.value)}
                          onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
                            if (e.key === 'Enter') commit(dataRow, c, value, e.currentTarget.value);
                            else if (e.key === 'Escape') setEditing(null);
                          }}
                        />
                      ) : (
                        <button type="button" className="review-value" aria-label={`${label}: ${value}`} disabled={busy || texts === undefined} onClick={() => {
                            committed.current = null;
                            setEditing({ dataRow, column: c });
                          }}>
                          {texts === undefined ? t('loadingRows') : value}
                        </button>
                      )}
                    </span>
                  );
                })}
                <span role="gridcell" className="review-problems">
                  {found.map((p, i) => (
                    <span key={i} className={`review-problem ${p.severity}`}>
                      {problemText([p], lang)}
                    </span>
                  ))}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
