// The virtualized project table: only visible rows are in the DOM, so 50,000 projects scroll smoothly; a row's data is
// fetched from the project-list Worker when it comes into view, and each row renders only when its own props change.
// Arrow keys move the selection, Enter opens it, Home/End jump; headers sort.
import { memo, useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { PROJECT_STATUSES } from '../../../shared/domain/types';
import type { Project, ProjectStatus } from '../../../shared/domain/types';
import { RISK_KINDS } from '../../../shared/portfolio/risk-flags';
import type { RiskKind } from '../../../shared/portfolio/risk-flags';
import type { ListRow } from '../../workers/project-list';
import type { SortKey } from '../../../shared/portfolio/project-query';
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
/**
 * Rows drawn beyond the visible ones, few: every row drawn is laid out (its text shaped) and painted again on each
 * keystroke, which was most of a keystroke's main-thread time at 50,000 projects. Scrolling stays filled because the
 * rows' data is fetched further out (PREFETCH) than they are drawn.
 */
const OVERSCAN = 3;
/** Rows whose data is asked for beyond each end of those drawn, so a scroll finds them fetched. */
const PREFETCH = 24;
/** The sticky header sits inside the scroll box, so the rows start this far down (the virtualizer's scrollMargin). */
const HEAD_HEIGHT = 32;

interface Props {
  /** Rows passing the filter, in order; each known by index (id and code at once, the rest once fetched). */
  count: number;
  idAt: (i: number) => string;
  codeAt: (i: number) => string;
  rowAt: (i: number) => ListRow | undefined;
  /** The indexes whose rows are wanted (those drawn and PREFETCH more at each end), after each scroll or new list: the screen fetches them. */
  onView: (from: number, to: number) => void;
  columns: ColumnId[];
  selectedId: string | null;
  selectedIndex: number;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  onSort: (key: SortKey) => void;
  programs: Map<string, ProgramEntry>;
  lang: 'ja' | 'en';
  /** Rows marked for a bulk action (Ctrl/⌘-click or Space toggles one, Shift-click marks a range). */
  marked?: ReadonlySet<string>;
  onMark?: (id: string, mode: 'toggle' | 'range') => void;
}

/** Memoised: typing in the search box renders the table again only when the Worker's answer changes what it shows. */
export const ProjectTable = memo(function ProjectTable({ count, idAt, codeAt, rowAt, onView, columns, selectedId, selectedIndex, onSelect, onOpen, sort, onSort, programs, lang, marked, onMark }: Props) {
  const { t } = useTranslation('projects');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN, scrollMargin: HEAD_HEIGHT });
  const template = columns.map((c) => WIDTH[c]).join(' ');
  // Rows are absolutely positioned, so the scroll width must be given: the columns' minimum widths, gaps and padding.
  const minWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(WIDTH[c])![1]), 0) + (columns.length - 1) * 8 + 16;
  const items = virtualizer.getVirtualItems();
  const from = items[0]?.index ?? 0;
  const to = (items[items.length - 1]?.index ?? -1) + 1;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  // Not cut at count: the next answer (a list that grew as a query was deleted) then brings the rows it will draw.
  useEffect(() => onView(Math.max(0, from - PREFETCH), to + PREFETCH), [from, to, onView]);

  // The header is built again only when its columns or sort change: a keystroke re-renders the table, and each
  // header label is an i18next lookup (tens of microseconds each).
  const header = useMemo(
    () => (
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
    ),
    [columns, sort, template, minWidth, onSort, t],
  );
  const gridLabel = useMemo(() => t('title'), [t]);
  const labels = useMemo<RowLabels>(
    () => ({
      unmapped: t('unmapped'),
      status: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<ProjectStatus, string>,
      risk: Object.fromEntries(RISK_KINDS.map((k) => [k, t(`risk.${k}`)])) as Record<RiskKind, string>,
    }),
    [t],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const move = (i: number) => {
      e.preventDefault();
      onSelect(idAt(Math.max(0, Math.min(count - 1, i))));
    };
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 352) - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
    if (e.key === 'ArrowDown') move(selectedIndex + 1);
    else if (e.key === 'ArrowUp') move(selectedIndex <= 0 ? 0 : selectedIndex - 1);
    else if (e.key === 'PageDown') move(selectedIndex + page);
    else if (e.key === 'PageUp') move(selectedIndex - page);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(count - 1);
    else if (e.key === ' ' && selectedIndex >= 0 && onMark) {
      e.preventDefault();
      onMark(idAt(selectedIndex), 'toggle');
    } else if (e.key === 'Enter' && selectedIndex >= 0) {
      e.preventDefault();
      onOpen(idAt(selectedIndex));
    }
  };

  return (
    <div className="vtable" ref={scrollRef} role="grid" aria-rowcount={count + 1} aria-label={gridLabel} tabIndex={0} onKeyDown={onKeyDown}
      data-testid="project-rows" aria-activedescendant={selectedIndex >= 0 ? `row-${idAt(selectedIndex)}` : undefined}>
      {header}
      <div className="vtable-rows" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        {items.map((v) => {
          const id = idAt(v.index);
          // Keyed by place in the list, not by project: a keystroke's new rows reuse the elements already there (their
          // text and attributes change) instead of removing and creating every row in view.
          return (
            <ProjectRow key={v.index} id={id} code={codeAt(v.index)} index={v.index} top={v.start - HEAD_HEIGHT} row={rowAt(v.index)} columns={columns} template={template}
              selected={id === selectedId} marked={marked?.has(id) === true} programs={programs} lang={lang} labels={labels} onSelect={onSelect} onOpen={onOpen} onMark={onMark} />
          );
        })}
      </div>
    </div>
  );
});

interface RowLabels {
  unmapped: string;
  status: Record<ProjectStatus, string>;
  risk: Record<RiskKind, string>;
}

interface RowProps {
  id: string;
  code: string;
  index: number;
  top: number;
  /** undefined until fetched: the row is drawn empty (it can be clicked and marked already). */
  row: ListRow | undefined;
  columns: ColumnId[];
  template: string;
  selected: boolean;
  marked: boolean;
  programs: Map<string, ProgramEntry>;
  lang: 'ja' | 'en';
  /**
   * The rows' labels, looked up once per language by the table: one useTranslation per row, and later one t call per
   * cell (tens of microseconds each), were a measurable share of a keystroke's render.
   */
  labels: RowLabels;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onMark: ((id: string, mode: 'toggle' | 'range') => void) | undefined;
}

/** One row; rendered again only when its own props change (a keystroke re-renders the rows whose content moved). */
const ProjectRow = memo(function ProjectRow({ id, code, index, top, row, columns, template, selected, marked, programs, lang, labels, onSelect, onOpen, onMark }: RowProps) {
  const p = row?.project;
  const cell = (p: Project, c: ColumnId) => {
    switch (c) {
      case 'programId': {
        const prog = p.programId ? programs.get(p.programId) : undefined;
        return prog ? (lang === 'ja' ? prog.nameJa : prog.nameEn || prog.nameJa) : <span className="muted">{p.funderName || labels.unmapped}</span>;
      }
      case 'trackId': {
        const track = p.programId && p.trackId ? programs.get(p.programId)?.tracks.find((x) => x.id === p.trackId) : undefined;
        return track ? (lang === 'ja' ? track.nameJa : track.nameEn || track.nameJa) : '';
      }
      case 'status':
        return <span className={`badge status-${p.status}`}>{labels.status[p.status]}</span>;
      case 'risks':
        return (row?.flags ?? []).map((f) => (
          <span key={f.kind} className="badge danger risk-badge" data-risk={f.kind} title={f.message[lang]}>{labels.risk[f.kind]}</span>
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
    <div
      id={`row-${id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected || marked}
      aria-busy={p ? undefined : true}
      className={`vtable-row${selected ? ' selected' : ''}${marked ? ' marked' : ''}${p?.archived ? ' archived' : ''}`}
      data-code={code}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
      onClick={(e) => {
        if (onMark && (e.ctrlKey || e.metaKey || e.shiftKey)) onMark(id, e.shiftKey ? 'range' : 'toggle');
        else onSelect(id);
      }}
      onDoubleClick={() => onOpen(id)}
    >
      {columns.map((c) => (
        <div key={c} role="gridcell" className={`col-${c}`}>{p ? cell(p, c) : c === 'code' ? code : ''}</div>
      ))}
    </div>
  );
});
