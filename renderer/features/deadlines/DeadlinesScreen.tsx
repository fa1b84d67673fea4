// The Deadlines screen: what is overdue and due in the next 30/60/90 days across the portfolio, a month calendar,
// one-click done/passed, .ics export of a selection, and the office's yearly templates.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, MilestoneStatus } from '../../../shared/domain/types';
import { addMonths, daysBetween, daysInMonth, makeIsoDate, splitIsoDate, todayIso } from '../../../shared/calendar/fiscal-year';
import { toICalendar } from '../../../shared/calendar/icalendar';
import { formatWarekiShort } from '../../../shared/calendar/wareki';
import { deadlineBucket, milestonesToEvents } from '../../../shared/portfolio/deadlines';
import type { DeadlineBucket } from '../../../shared/portfolio/deadlines';
import { hrefFor } from '../../app/routes';
import { desktopApi } from '../../platform/desktop-api';
import { useMilestonesDue, useOpenMilestones } from '../../store/deadline-queries';
import { setMilestonesStatus } from '../../store/milestones';
import { UndoButton } from '../../components/UndoButton';
import { useLang } from '../../i18n/use-lang';
import { MonthCalendar } from './MonthCalendar';
import { TemplatesManager } from './TemplatesManager';
import { TrackedCalls } from './TrackedCalls';
import { usePlanningData, usePlanningSettings } from '../../store/planning';
import { usePreferences } from '../../store/preferences';
import { applicationDeadlineEvents, trackedCallEvents } from '../../../shared/planning/call-events';

const VIEWS = ['upTo90', 'overdue', 'next30', 'next60', 'next90', 'all'] as const;
type View = (typeof VIEWS)[number];
const PASS_KINDS = new Set<Milestone['kind']>(['stage-gate', 'interim-evaluation', 'final-evaluation']);

export function DeadlinesScreen() {
  const { t } = useTranslation('deadlines');
  const { t: tp } = useTranslation('projects');
  const lang = useLang();
  const today = todayIso();
  const [view, setView] = useState<View>('upTo90');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  // A long overdue backlog would put thousands of rows in the DOM: show a page per group and let the user ask for more.
  const [limit, setLimit] = useState(200);
  const [month, setMonth] = useState(() => ({ year: splitIsoDate(today).year, month: splitIsoDate(today).month }));

  // Open items up to 90 days ahead through the dueDate index (every open item only when asked); projects fetched once by id.
  const everything = view === 'all';
  const open = useOpenMilestones(today, 90, everything);
  const monthStart = makeIsoDate(month.year, month.month, 1)!;
  const monthEnd = makeIsoDate(month.year, month.month, daysInMonth(month.year, month.month))!;
  const monthItems = useMilestonesDue(monthStart, monthEnd);

  // Tracked calls and pending applications' internal and e-Rad deadlines: in the calendar and in the .ics export.
  const planning = usePlanningData();
  const planningSettings = usePlanningSettings();
  const prefs = usePreferences();
  const planningEvents = useMemo(() => {
    if (!planning) return [];
    const closure = { closure: { start: prefs.closureStart, end: prefs.closureEnd } };
    return [...trackedCallEvents(planning.trackedCalls, lang), ...applicationDeadlineEvents(planning.applications, lang, planningSettings.internalDeadlineWorkingDays, closure)];
  }, [planning, planningSettings, prefs, lang]);
  const monthEvents = planningEvents.filter((e) => e.date >= monthStart && e.date <= monthEnd);

  const shown = useMemo(() => {
    if (!open) return [];
    return open.items.filter((m) => {
      const b = deadlineBucket(m.dueDate, today);
      if (view === 'all') return true;
      if (view === 'upTo90') return b !== 'later';
      if (view === 'overdue') return b === 'overdue';
      if (view === 'next30') return b === 'next30';
      if (view === 'next60') return b === 'next30' || b === 'next60';
      return b !== 'overdue' && b !== 'later';
    });
  }, [open, view, today]);
  const groups = useMemo(() => {
    const g = new Map<DeadlineBucket, Milestone[]>();
    for (const m of shown) {
      const b = deadlineBucket(m.dueDate, today);
      const l = g.get(b);
      if (l) l.push(m);
      else g.set(b, [m]);
    }
    return [...g];
  }, [shown, today]);

  const toggle = (id: string) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });
  const mark = async (ids: string[], status: MilestoneStatus) => {
    const n = await setMilestonesStatus(ids, status);
    setSelected(new Set());
    setMessage(t('marked', { count: n }));
  };
  const selectedShown = shown.filter((m) => selected.has(m.id));
  const exportIcs = async () => {
    const items = selectedShown.length > 0 ? selectedShown : shown;
    if (!open || (items.length === 0 && planningEvents.length === 0)) return;
    const upcoming = planningEvents.filter((e) => e.date >= today);
    const text = toICalendar([...milestonesToEvents(items, open.projects, lang), ...upcoming], { calendarName: t('title') });
    const res = await desktopApi.saveFile({
      title: t('exportIcs'), suggestedName: `deadlines-${today}.ics`, filters: [{ name: 'iCalendar', extensions: ['ics'] }], bytes: new TextEncoder().encode(text),
    });
    if (res.saved) setMessage(t('exported', { count: items.length }));
  };
  const left = (due: string) => {
    const d = daysBetween(today, due);
    return d === 0 ? t('today') : d < 0 ? t('daysOver', { count: -d }) : t('days', { count: d });
  };

  return (
    <section className="deadlines-screen" data-view={view} data-ready={open?.query === (everything ? 'all' : `${today}+90`) ? 'true' : 'false'} data-total={shown.length} data-selected={selectedShown.length}>
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <span role="status" className="flash" data-testid="deadlines-status">{message}</span>
      </div>
      <div className="toolbar">
        <div role="tablist" className="tabs">
          {VIEWS.map((v) => <button key={v} type="button" role="tab" aria-selected={view === v} data-view={v} onClick={() => setView(v)}>{t(`views.${v}`)}</button>)}
        </div>
        <div className="button-row">
          <span className="muted">{t('selected', { count: selectedShown.length })}</span>
          <button type="button" data-action="select-all" onClick={() => setSelected(new Set(shown.map((m) => m.id)))}>{t('selectAll')}</button>
          <button type="button" data-action="bulk-done" disabled={selectedShown.length === 0} onClick={() => void mark(selectedShown.map((m) => m.id), 'done')}>{t('markDone')}</button>
          <button type="button" disabled={selectedShown.length === 0} onClick={() => void mark(selectedShown.map((m) => m.id), 'passed')}>{t('markPassed')}</button>
          <button type="button" className="primary" data-action="export-ics" disabled={shown.length === 0 && planningEvents.length === 0} onClick={() => void exportIcs()}>{t('exportIcs')}</button>
          <UndoButton onMessage={setMessage} />
        </div>
      </div>

      {open && shown.length === 0 && <p className="muted">{t('none')}</p>}
      {groups.map(([bucket, items]) => (
        <div key={bucket} className="deadline-group">
          <h2 className={bucket === 'overdue' ? 'danger-text' : undefined}>{t(`buckets.${bucket}`)} <span className="muted">({items.length})</span></h2>
          <table className="data deadline-table">
            <thead><tr><th /><th>{t('due')}</th><th>{t('daysLeft')}</th><th>{t('project')}</th><th>{t('kind')}</th><th>{t('item')}</th><th /></tr></thead>
            <tbody>
              {items.slice(0, limit).map((m) => {
                const p = open!.projects.get(m.projectId)!;
                const pass = PASS_KINDS.has(m.kind);
                return (
                  <tr key={m.id} data-milestone={m.id} data-kind={m.kind} className={bucket === 'overdue' ? 'overdue' : undefined}>
                    <td><input type="checkbox" aria-label={m.title} checked={selected.has(m.id)} onChange={() => toggle(m.id)} /></td>
                    <td className="nowrap" title={formatWarekiShort(m.dueDate)}>{m.dueDate}</td>
                    <td className="nowrap">{left(m.dueDate)}</td>
                    <td><a href={hrefFor('projects', p.id)}>{p.code}</a> <span className="muted">{p.title}</span></td>
                    <td>{tp(`ms.kinds.${m.kind}`)}</td>
                    <td>{m.title}</td>
                    <td className="nowrap">
                      <button type="button" data-action={pass ? 'mark-passed' : 'mark-done'} onClick={() => void mark([m.id], pass ? 'passed' : 'done')}>
                        {pass ? t('markPassed') : t('markDone')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {items.length > limit && (
            <button type="button" className="linklike more" onClick={() => setLimit((l) => l + 500)}>{t('showMore', { count: items.length - limit })}</button>
          )}
        </div>
      ))}

      <h2>{t('calendar')}</h2>
      <div className="inline-form calendar-nav">
        <button type="button" data-action="prev-month" aria-label={t('prevMonth')} onClick={() => setMonth((m) => shiftMonth(m, -1))}>◀</button>
        <strong data-testid="calendar-month" data-month={`${month.year}-${String(month.month).padStart(2, '0')}`} data-ready={monthItems?.query === `${monthStart}/${monthEnd}` ? 'true' : 'false'}>{t('month', { year: month.year, month: month.month })}</strong>
        <button type="button" data-action="next-month" aria-label={t('nextMonth')} onClick={() => setMonth((m) => shiftMonth(m, 1))}>▶</button>
        <button type="button" onClick={() => setMonth({ year: splitIsoDate(today).year, month: splitIsoDate(today).month })}>{t('thisMonth')}</button>
      </div>
      {monthItems && <MonthCalendar month={month} items={monthItems.items} projects={monthItems.projects} today={today} lang={lang} events={monthEvents} />}
      <TrackedCalls calls={planning?.trackedCalls ?? []} lang={lang} />

      <TemplatesManager lang={lang} />
    </section>
  );
}

function shiftMonth(m: { year: number; month: number }, by: number): { year: number; month: number } {
  const d = splitIsoDate(addMonths(makeIsoDate(m.year, m.month, 1)!, by));
  return { year: d.year, month: d.month };
}
