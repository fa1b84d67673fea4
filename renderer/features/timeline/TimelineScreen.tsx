// The Timeline: projects as bars across fiscal years, grouped by program, each program's own period shaded behind
// its projects, milestones as markers; zoom between years and months; rows virtualized for 50,000 projects.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Project } from '../../../shared/domain/types';
import { fiscalYearOf, todayIso } from '../../../shared/calendar/fiscal-year';
import { fiscalYearLabel, fiscalYearLabelJa } from '../../../shared/calendar/wareki';
import { navigate } from '../../app/routes';
import { useMilestonesOf, usePortfolioProjects, useProgramMap } from '../../store/portfolio-queries';
import { useLang } from '../../i18n/use-lang';
import { buildRows, byStartThenCode, fiscalSpan, monthsFrom } from './timeline-layout';
import { useProjectSortKeys } from '../../workers/project-order';
import { sortByCodePoints, sortByRanks } from '../../../shared/portfolio/project-order';

const ROW = 28;
/** Height of the sticky year axis inside the scroll box (the virtualizer's scrollMargin). */
const HEAD = 40;
const LABEL = 280;
const ZOOM = { years: 7, months: 44 } as const;
/** Rows whose milestone markers are read at a time. */
const MARKER_BLOCK = 100;
type Zoom = keyof typeof ZOOM;

export function TimelineScreen() {
  const { t } = useTranslation('timeline');
  const { t: tp } = useTranslation('projects');
  const lang = useLang();
  const programs = useProgramMap();
  const allProjects = usePortfolioProjects();
  const [zoom, setZoom] = useState<Zoom>('years');
  const [showArchived, setShowArchived] = useState(false);
  const today = todayIso();
  const currentFy = fiscalYearOf(today);

  const projects = useMemo(
    () => (allProjects ?? []).filter((p) => !p.deletedAt && (showArchived || !p.archived) && p.startDate && p.endDate),
    [allProjects, showArchived],
  );
  // Start date then 管理番号 within each program: by the project-list Worker's ranks on a big portfolio (the collator
  // over 50,000 codes took most of a second on this thread), by code points until they arrive.
  const sortKeys = useProjectSortKeys();
  const order = useMemo(() => {
    if (projects.length <= 2_000) return byStartThenCode;
    return (list: Project[]) => (sortKeys ? sortByRanks(list, 'startDate', 'asc', sortKeys.ranks, sortKeys.index) : sortByCodePoints(list, 'startDate', 'asc'));
  }, [projects.length, sortKeys]);
  const rows = useMemo(() => buildRows(projects, programs, lang, t('unmapped'), order), [projects, programs, lang, t, order]);
  const span = useMemo(() => fiscalSpan(projects, programs, currentFy), [projects, programs, currentFy]);
  const px = ZOOM[zoom];
  const years = Array.from({ length: span.last - span.first + 1 }, (_, i) => span.first + i);
  const width = years.length * 12 * px;
  const x = (date: string) => Math.max(0, Math.min(width, monthsFrom(span.first, date) * px));
  const fyX = (fy: number) => Math.max(0, Math.min(width, (fy - span.first) * 12 * px));

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's API is not memoisable by React Compiler; fine here.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10, scrollMargin: HEAD });
  const todayX = x(today);
  // Markers for a block of rows around the visible ones (a new read only when scrolling into the next block).
  const first = virtualizer.getVirtualItems()[0]?.index ?? 0;
  const block = Math.floor(first / MARKER_BLOCK) * MARKER_BLOCK;
  const markerIds = useMemo(() => {
    const ids: string[] = [];
    for (let i = Math.max(0, block - MARKER_BLOCK); i < Math.min(rows.length, block + 2 * MARKER_BLOCK); i++) {
      const r = rows[i]!;
      if (r.type === 'project') ids.push(r.project.id);
    }
    return ids;
  }, [rows, block]);
  const milestones = useMilestonesOf(markerIds);
  // On opening, show today (centred) rather than the first fiscal year of the oldest program, often years back.
  const centred = useRef(false);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || centred.current || projects.length === 0) return;
    centred.current = true;
    el.scrollLeft = Math.max(0, monthsFrom(span.first, today) * px - (el.clientWidth - LABEL) / 2);
  }, [projects.length, span.first, today, px]);
  // Changing the scale keeps today in view (centred), instead of jumping to the first fiscal year.
  const onZoom = (z: Zoom) => {
    setZoom(z);
    const el = scrollRef.current;
    const target = monthsFrom(span.first, today) * ZOOM[z];
    if (el) requestAnimationFrame(() => { el.scrollLeft = Math.max(0, target - (el.clientWidth - LABEL) / 2); });
  };

  return (
    <section className="timeline-screen" data-ready={allProjects && milestones ? 'true' : 'false'}>
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <div className="inline-form">
          <span>{t('zoom')}:</span>
          <div role="radiogroup" aria-label={t('zoom')} className="tabs">
            {(['years', 'months'] as const).map((z) => (
              <button key={z} type="button" role="radio" aria-checked={zoom === z} data-zoom={z} onClick={() => onZoom(z)}>{t(z)}</button>
            ))}
          </div>
          <label className="inline-form"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{t('showArchived')}</label>
          <span className="muted">{t('projects', { count: projects.length })}</span>
        </div>
      </div>
      <div className="tl-legend muted small">
        <span className="tl-swatch period" /> {t('programPeriod')} <span className="tl-swatch bar" /> {t('project')} <span className="tl-swatch marker" /> {t('milestone')} <span className="tl-swatch marker done" /> {t('done')}
      </div>
      {allProjects && projects.length === 0 && <p className="muted">{t('none')}</p>}
      <div className="tl-scroll" ref={scrollRef} data-testid="timeline" data-zoom-shown={zoom}>
        <div className="tl-header" style={{ width: LABEL + width }}>
          <div className="tl-corner" style={{ width: LABEL }} />
          <div className="tl-axis" style={{ width }}>
            {years.map((fy) => (
              <div key={fy} className={`tl-year${fy === currentFy ? ' current' : ''}`} style={{ left: fyX(fy), width: 12 * px }} title={fiscalYearLabel(fy, lang)}>
                {zoom === 'years' ? (lang === 'ja' ? fiscalYearLabelJa(fy).replace('年度', '') : `FY${fy}`) : fiscalYearLabel(fy, lang)}
                {zoom === 'months' && (
                  <div className="tl-months">
                    {[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map((m) => <span key={m} style={{ width: px }}>{m}</span>)}
                  </div>
                )}
              </div>
            ))}
          </div>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), width: LABEL + width, position: 'relative' }}>
          <div className="tl-today" style={{ left: LABEL + todayX }} title={`${t('today')} ${today}`} />
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index]!;
            const periodBand = row.period.start !== null || row.period.end !== null
              ? <div className="tl-period" style={{ left: fyX(row.period.start ?? span.first), width: fyX((row.period.end ?? span.last) + 1) - fyX(row.period.start ?? span.first) }} />
              : null;
            if (row.type === 'group') {
              return (
                <div key={row.key} className="tl-row tl-group" style={{ transform: `translateY(${v.start - HEAD}px)`, height: ROW }} data-program={row.programId ?? ''}>
                  <div className="tl-label" style={{ width: LABEL }}>{row.label} <span className="muted">({row.count})</span></div>
                  <div className="tl-track" style={{ width }}>
                    {periodBand}
                    {row.period.start !== null && (
                      <span className="tl-period-label" style={{ left: fyX(row.period.start) + 4 }}>
                        {t('programPeriod')}: {fiscalYearLabelJa(row.period.start)}〜{row.period.end !== null ? fiscalYearLabelJa(row.period.end) : ''}
                      </span>
                    )}
                  </div>
                </div>
              );
            }
            const p = row.project;
            const left = x(p.startDate!);
            const right = Math.max(left + 2, x(p.endDate!) + px / 30);
            return (
              <div key={row.key} className="tl-row" style={{ transform: `translateY(${v.start - HEAD}px)`, height: ROW }} data-code={p.code}>
                <button type="button" className="tl-label linklike" style={{ width: LABEL }} onClick={() => navigate('projects', p.id)} title={p.title}>
                  <strong>{p.code}</strong> {p.title}
                </button>
                <div className="tl-track" style={{ width }}>
                  {periodBand}
                  <button type="button" className={`tl-bar status-${p.status}`} style={{ left, width: right - left }} onClick={() => navigate('projects', p.id)}
                    title={`${p.code} ${p.title} ${p.startDate}〜${p.endDate} (${tp(`status.${p.status}`)})`} aria-label={`${p.code} ${p.title}`} />
                  {(milestones?.get(p.id) ?? []).map((m) => (
                    <span key={m.id} className={`tl-marker kind-${m.kind}${m.status === 'planned' ? '' : ' done'}`} style={{ left: x(m.dueDate) }}
                      data-milestone={m.id} data-due={m.dueDate} title={`${m.dueDate} ${m.title} (${tp(`ms.statuses.${m.status}`)})`} />
                  ))}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
