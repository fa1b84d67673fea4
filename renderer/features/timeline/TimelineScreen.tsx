// The Timeline: projects as bars across fiscal years, grouped by program, each program's own period shaded behind
// its projects, milestones as markers; zoom between years and months; rows virtualized for 50,000 projects. The rows'
// order comes from the project-list Worker (which keeps the projects), and only the rows in view are fetched.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { fiscalYearOf, todayIso } from '../../../shared/calendar/fiscal-year';
import { fiscalYearLabel, fiscalYearLabelJa } from '../../../shared/calendar/wareki';
import { navigate } from '../../app/routes';
import { useLang } from '../../i18n/use-lang';
import { MARKER_BLOCK, markerPositions, monthsFrom } from './timeline-layout';
import { useListRows, useProjectListSnapshot, useTimelineAnswer, useTimelineMarkers } from '../../workers/project-list';
import { stringAt } from '../../../shared/collections/packed-strings';

const ROW = 28;
/** Height of the sticky year axis inside the scroll box (the virtualizer's scrollMargin). */
const HEAD = 40;
const LABEL = 280;
const ZOOM = { years: 7, months: 44 } as const;
type Zoom = keyof typeof ZOOM;

export function TimelineScreen() {
  const { t } = useTranslation('timeline');
  const { t: tp } = useTranslation('projects');
  const lang = useLang();
  const [zoom, setZoom] = useState<Zoom>('years');
  const [showArchived, setShowArchived] = useState(false);
  const today = todayIso();
  const currentFy = fiscalYearOf(today);
  const { snapshot, risksStamp, reload } = useProjectListSnapshot(today);
  // Grouped by program, start date then 管理番号 within each (the Worker's ranks): positions, groups, the span.
  const shown = useTimelineAnswer(snapshot, { showArchived, lang, unmappedLabel: t('unmapped'), currentFy }, reload);
  const answer = shown?.answer ?? null;
  const { get: getRow, need } = useListRows(answer?.version ?? null, risksStamp);
  const items = answer?.items;
  const count = items?.length ?? 0;
  const span = answer?.span ?? { first: currentFy, last: currentFy };
  const px = ZOOM[zoom];
  const years = Array.from({ length: span.last - span.first + 1 }, (_, i) => span.first + i);
  const width = years.length * 12 * px;
  const x = (date: string) => Math.max(0, Math.min(width, monthsFrom(span.first, date) * px));
  const fyX = (fy: number) => Math.max(0, Math.min(width, (fy - span.first) * 12 * px));

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's API is not memoisable by React Compiler; fine here.
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10, scrollMargin: HEAD });
  const todayX = x(today);
  const virtualItems = virtualizer.getVirtualItems();
  const firstShown = virtualItems[0]?.index ?? 0;
  const lastShown = (virtualItems[virtualItems.length - 1]?.index ?? -1) + 1;
  // The rows in view, fetched from the Worker when they come into view.
  const fetchRows = useCallback(() => {
    if (!items) return;
    const at: number[] = [];
    for (let i = firstShown; i < Math.min(lastShown, items.length); i++) if (items[i]! >= 0) at.push(items[i]!);
    need(at);
  }, [items, firstShown, lastShown, need]);
  useEffect(fetchRows, [fetchRows]);
  const viewLoaded = items !== undefined && virtualItems.every((v) => items[v.index]! < 0 || getRow(items[v.index]!) !== undefined);
  // Markers for a block of rows around the visible ones (a new read only when scrolling into the next block).
  const block = Math.floor(firstShown / MARKER_BLOCK) * MARKER_BLOCK;
  const ids = shown?.snapshot.ids;
  const markerAt = useMemo(() => (items ? markerPositions(items, block) : []), [items, block]);
  // One call to the Worker, which reads them once per snapshot (a milestone write brings a new snapshot).
  const milestones = useTimelineMarkers(shown?.snapshot ?? null, markerAt, reload);
  // On opening, show today (centred) rather than the first fiscal year of the oldest program, often years back.
  const centred = useRef(false);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || centred.current || !answer || answer.count === 0) return;
    centred.current = true;
    el.scrollLeft = Math.max(0, monthsFrom(span.first, today) * px - (el.clientWidth - LABEL) / 2);
  }, [answer, span.first, today, px]);
  // Changing the scale keeps today in view (centred), instead of jumping to the first fiscal year.
  const onZoom = (z: Zoom) => {
    setZoom(z);
    const el = scrollRef.current;
    const target = monthsFrom(span.first, today) * ZOOM[z];
    if (el) requestAnimationFrame(() => { el.scrollLeft = Math.max(0, target - (el.clientWidth - LABEL) / 2); });
  };

  return (
    <section className="timeline-screen" data-ready={answer && milestones && viewLoaded ? 'true' : 'false'}>
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
          <span className="muted">{t('projects', { count: answer?.count ?? 0 })}</span>
        </div>
      </div>
      <div className="tl-legend muted small">
        <span className="tl-swatch period" /> {t('programPeriod')} <span className="tl-swatch bar" /> {t('project')} <span className="tl-swatch marker" /> {t('milestone')} <span className="tl-swatch marker done" /> {t('done')}
      </div>
      {answer && answer.count === 0 && <p className="muted">{t('none')}</p>}
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
          {virtualItems.map((v) => {
            const item = items![v.index]!;
            const group = answer!.groups[answer!.groupOf[v.index]!]!;
            const periodBand = group.period.start !== null || group.period.end !== null
              ? <div className="tl-period" style={{ left: fyX(group.period.start ?? span.first), width: fyX((group.period.end ?? span.last) + 1) - fyX(group.period.start ?? span.first) }} />
              : null;
            if (item < 0) {
              return (
                <div key={`g:${group.programId ?? ''}`} className="tl-row tl-group" style={{ transform: `translateY(${v.start - HEAD}px)`, height: ROW }} data-program={group.programId ?? ''}>
                  <div className="tl-label" style={{ width: LABEL }}>{group.label} <span className="muted">({group.count})</span></div>
                  <div className="tl-track" style={{ width }}>
                    {periodBand}
                    {group.period.start !== null && (
                      <span className="tl-period-label" style={{ left: fyX(group.period.start) + 4 }}>
                        {t('programPeriod')}: {fiscalYearLabelJa(group.period.start)}〜{group.period.end !== null ? fiscalYearLabelJa(group.period.end) : ''}
                      </span>
                    )}
                  </div>
                </div>
              );
            }
            const id = stringAt(ids!, item)!;
            const p = getRow(item)?.project;
            if (!p) {
              return (
                <div key={id} className="tl-row" aria-busy="true" style={{ transform: `translateY(${v.start - HEAD}px)`, height: ROW }} data-code={stringAt(shown!.snapshot.codes, item)}>
                  <div className="tl-label" style={{ width: LABEL }}><strong>{stringAt(shown!.snapshot.codes, item)}</strong></div>
                  <div className="tl-track" style={{ width }}>{periodBand}</div>
                </div>
              );
            }
            const left = x(p.startDate!);
            const right = Math.max(left + 2, x(p.endDate!) + px / 30);
            return (
              <div key={id} className="tl-row" style={{ transform: `translateY(${v.start - HEAD}px)`, height: ROW }} data-code={p.code}>
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
