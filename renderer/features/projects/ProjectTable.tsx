// The virtualized project table: only visible rows are in the DOM, so 50,000 projects scroll smoothly.
// Arrow keys move the selection, Enter opens it, Home/End jump; headers sort.
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Project } from '../../../shared/domain/types';
import type { SortKey } from '../../../shared/portfolio/project-query';
import type { RiskFlag } from '../../../shared/portfolio/risk-flags';
import type { ProgramEntry } from '../../store/catalog';

export const COLUMN_IDS = ['code', 'title', 'pi', 'department', 'programId', 'trackId', 'status', 'startDate', 'endDate', 'risks', 'amedNumber', 'eradNumber', 'tags', 'updatedAt'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];
export const DEFAULT_COLUMNS: ColumnId[] = ['code', 'title', 'pi', 'department', 'programId', 'status', 'startDate', 'endDate', 'risks'];
const SORTABLE = new Set<string>(['code', 'title', 'pi', 'department', 'programId', 'status', 'startDate', 'endDate', 'updatedAt', 'risks']);
const WIDTH: Record<ColumnId, string> = {
  code: '120px', title: 'minmax(200px, 2fr)', pi: '110px', department: '130px', programId: 'minmax(160px, 1fr)', trackId: '140px', status: '80px',
  startDate: '96px', endDate: '96px', risks: '150px', amedNumber: '130px', eradNumber: '110px', tags: '120px', updatedAt: '150px',
};
const ROW_HEIGHT = 32;
/** The sticky header sits inside the scroll box, so the rows start this far down (the virtualizer's scrollMargin). */
const HEAD_HEIGHT = 32;

interface Props {
  rows: Project[];
  columns: ColumnId[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  onSort: (key: SortKey) => void;
  programs: Map<string, ProgramEntry>;
  risks: Map<string, RiskFlag[]>;
  lang: 'ja' | 'en';
  /** Rows marked for a bulk action (Ctrl/⌘-click or Space toggles one, Shift-click marks a range). */
  marked?: ReadonlySet<string>;
  onMark?: (id: string, mode: 'toggle' | 'range') => void;
}

export function ProjectTable({ rows, columns, selectedId, onSelect, onOpen, sort, onSort, programs, risks, lang, marked, onMark }: Props) {
  const { t } = useTranslation('projects');
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component is not compiled.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollMargin: HEAD_HEIGHT });
  const selectedIndex = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1;
  const template = columns.map((c) => WIDTH[c]).join(' ');
  // Rows are absolutely positioned, so the scroll width must be given: the columns' minimum widths, gaps and padding.
  const minWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(WIDTH[c])![1]), 0) + (columns.length - 1) * 8 + 16;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    const move = (i: number) => {
      e.preventDefault();
      onSelect(rows[Math.max(0, Math.min(rows.length - 1, i))]!.id);
    };
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 352) - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
    if (e.key === 'ArrowDown') move(selectedIndex + 1);
    else if (e.key === 'ArrowUp') move(selectedIndex <= 0 ? 0 : selectedIndex - 1);
    else if (e.key === 'PageDown') move(selectedIndex + page);
    else if (e.key === 'PageUp') move(selectedIndex - page);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === ' ' && selectedIndex >= 0 && onMark) {
      e.preventDefault();
      onMark(rows[selectedIndex]!.id, 'toggle');
    } else if (e.key === 'Enter' && selectedIndex >= 0) {
      e.preventDefault();
      onOpen(rows[selectedIndex]!.id);
    }
  };

  const cell = (p: Project, c: ColumnId) => {
    switch (c) {
      case 'programId': {
        const prog = p.programId ? programs.get(p.programId) : undefined;
        return prog ? (lang === 'ja' ? prog.nameJa : prog.nameEn || prog.nameJa) : <span className="muted">{p.funderName || t('unmapped')}</span>;
      }
      case 'trackId': {
        const track = p.programId && p.trackId ? programs.get(p.programId)?.tracks.find((x) => x.id === p.trackId) : undefined;
        return track ? (lang === 'ja' ? track.nameJa : track.nameEn || track.nameJa) : '';
      }
      case 'status':
        return <span className={`badge status-${p.status}`}>{t(`status.${p.status}`)}</span>;
      case 'risks':
        return (risks.get(p.id) ?? []).map((f) => (
          <span key={f.kind} className="badge danger risk-badge" data-risk={f.kind} title={f.message[lang]}>{t(`risk.${f.kind}`)}</span>
        ));
      case 'tags':
        return p.tags.join(', ');
      case 'updatedAt':
        return p.updatedAt.slice(0, 16).replace('T', ' ');
      default:
        return p[c] ?? '';
    }
  };

  return (
    <div className="vtable" ref={scrollRef} role="grid" aria-rowcount={rows.length + 1} aria-label={t('title')} tabIndex={0} onKeyDown={onKeyDown}
      data-testid="project-rows" aria-activedescendant={selectedIndex >= 0 ? `row-${rows[selectedIndex]!.id}` : undefined}>
      <div className="vtable-head" role="row" style={{ gridTemplateColumns: template, minWidth }}>
        {columns.map((c) => (
          <div key={c} role="columnheader" aria-sort={sort.key === c ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
            {SORTABLE.has(c) ? (
              <button type="button" className="linklike" tabIndex={-1} onClick={() => onSort(c as SortKey)} data-sort={c}>
                {t(`col.${c}`)}{sort.key === c ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            ) : t(`col.${c}`)}
          </div>
        ))}
      </div>
      <div className="vtable-rows" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        {virtualizer.getVirtualItems().map((v) => {
          const p = rows[v.index]!;
          return (
            <div
              key={p.id}
              id={`row-${p.id}`}
              role="row"
              aria-rowindex={v.index + 2}
              aria-selected={p.id === selectedId || marked?.has(p.id) === true}
              className={`vtable-row${p.id === selectedId ? ' selected' : ''}${marked?.has(p.id) ? ' marked' : ''}${p.archived ? ' archived' : ''}`}
              data-code={p.code}
              style={{ transform: `translateY(${v.start - HEAD_HEIGHT}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
              onClick={(e) => {
                if (onMark && (e.ctrlKey || e.metaKey || e.shiftKey)) onMark(p.id, e.shiftKey ? 'range' : 'toggle');
                else onSelect(p.id);
              }}
              onDoubleClick={() => onOpen(p.id)}
            >
              {columns.map((c) => (
                <div key={c} role="gridcell" className={`col-${c}`}>{cell(p, c)}</div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
