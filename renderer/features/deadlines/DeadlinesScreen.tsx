// The Deadlines screen: what is overdue and due in the next 30/60/90 days across the portfolio, a month calendar,
// one-click done/passed, .ics export of a selection, and the office's yearly templates.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate, Milestone, MilestoneStatus, Project } from '../../../shared/domain/types';
import type { Language } from '../../../shared/domain/message';
import { addMonths, daysBetween, daysInMonth, makeIsoDate, splitIsoDate, todayIso } from '../../../shared/calendar/fiscal-year';
import { formatWarekiShort } from '../../../shared/calendar/wareki';
import { hrefFor } from '../../app/routes';
import { desktopApi } from '../../platform/desktop-api';
import { ANY_SCOPE, DEADLINE_VIEWS, deadlineQueryKey, deadlineViewSelection, useDeadlineView, useMonthDeadlines, useProjectDepartments } from '../../store/deadline-queries';
import type { DeadlineScope, DeadlineView } from '../../store/deadline-queries';
import { usePrograms } from '../../store/catalog';
import { setMilestonesStatus } from '../../store/milestones';
import type { DeadlineBucket } from '../../../shared/portfolio/deadlines';
import { markShown, undoableMark, undoShown, undoShowsKept, viewKey, withPendingUndo, withoutPending } from './pending-marks';
import type { PendingMark, PendingUndo, UndoableMark } from './pending-marks';
import { UndoButton } from '../../components/UndoButton';
import type { UndoStart } from '../../components/UndoButton';
import { JobProgress } from '../../components/JobProgress';
import { JobRunner, useJob, useJobState } from '../../components/job-runner';
import { useIcsExport } from './ics-jobs';
import type { IcsRequest } from './ics-jobs';
import type { CalendarEvent } from '../../../shared/calendar/icalendar';
import { useLang } from '../../i18n/use-lang';
import { MonthCalendar } from './MonthCalendar';
import { TemplatesManager } from './TemplatesManager';
import { TrackedCalls } from './TrackedCalls';
import { usePlanningDeadlines, usePlanningSettings } from '../../store/planning';
import { usePreferences } from '../../store/preferences';
import { applicationDeadlineEvents, trackedCallEvents } from '../../../shared/planning/call-events';

const PASS_KINDS = new Set<Milestone['kind']>(['stage-gate', 'interim-evaluation', 'final-evaluation']);
/** Items a calendar day lists before "N more" (a day can hold thousands, e.g. every project ending on 31 March). */
const PER_DAY = 6;
const PAGE = 200;

export function DeadlinesScreen() {
  const { t } = useTranslation('deadlines');
  const { t: tp } = useTranslation('projects');
  const lang = useLang();
  const today = todayIso();
  const [view, setViewState] = useState<DeadlineView>('upTo90');
  // The selection can be every open item of a view (thousands): ids (with the bucket each is counted in) only, the
  // rows shown are a page.
  const [selected, setSelected] = useState<Selection>(NONE);
  // Marks whose write has not shown in the page yet: their rows leave the view at once (pending-marks.ts).
  const [pending, setPending] = useState<readonly PendingMark[]>([]);
  const [message, setMessage] = useState('');
  // Marks queued or being written (they run one after another).
  const [marking, setMarking] = useState(0);
  const busy = marking > 0;
  // A long overdue backlog would put thousands of rows in the DOM: show a page per group and let the user ask for more.
  const [limit, setLimit] = useState(PAGE);
  const [month, setMonth] = useState(() => ({ year: splitIsoDate(today).year, month: splitIsoDate(today).month }));
  // An office works on its own share: a view narrowed to one program and/or department (a few thousand items at most).
  const [scope, setScopeState] = useState<DeadlineScope>(ANY_SCOPE);
  const programs = usePrograms();
  const departments = useProjectDepartments();
  const setView = (v: DeadlineView) => {
    setViewState(v);
    setSelected(NONE);
    setLimit(PAGE);
  };
  const setScope = (s: Partial<DeadlineScope>) => {
    setScopeState((old) => ({ ...old, ...s }));
    setSelected(NONE);
    setLimit(PAGE);
  };

  // Per bucket an indexed count and its first page by due date, with those items' projects (see deadline-queries.ts).
  const stored = useDeadlineView(today, view, limit, scope);
  const pageReady = stored?.query === deadlineQueryKey(today, view, limit, scope);
  const where = viewKey(view, scope);
  // An undo of the screen's last mark shows the page kept from before the mark until its write shows (pending-marks.ts).
  const [undoing, setUndoing] = useState<PendingUndo | null>(null);
  const [undoRunning, setUndoRunning] = useState(false);
  const page = useMemo(() => (stored && pageReady ? withoutPending(withPendingUndo(stored, undoing), where, pending) : stored), [stored, pageReady, where, pending, undoing]);
  // A mark (or an undo) the page now shows by itself is let go (its items are out of the page's own counts):
  // adjusted while rendering, as React allows for a component's own state.
  if (stored && pending.some((m) => markShown(m, stored))) setPending(pending.filter((m) => !markShown(m, stored)));
  if (stored && undoing && undoShown(undoing, stored)) setUndoing(null);
  const shownRef = useRef<{ stored: typeof stored; pageReady: boolean; pending: readonly PendingMark[] }>({ stored, pageReady, pending });
  useEffect(() => {
    shownRef.current = { stored, pageReady, pending };
  });
  // The last mark made here, while it can still be undone as the page shown before it.
  const lastMark = useRef<UndoableMark | null>(null);
  const monthStart = makeIsoDate(month.year, month.month, 1)!;
  const monthEnd = makeIsoDate(month.year, month.month, daysInMonth(month.year, month.month))!;
  const monthItems = useMonthDeadlines(monthStart, monthEnd, PER_DAY);

  // Tracked calls and pending applications' internal and e-Rad deadlines: in the calendar and in the .ics export.
  const planning = usePlanningDeadlines();
  const planningSettings = usePlanningSettings();
  const prefs = usePreferences();
  const planningEvents = useMemo(() => {
    if (!planning) return [];
    const closure = { closure: { start: prefs.closureStart, end: prefs.closureEnd } };
    return [...trackedCallEvents(planning.trackedCalls, lang), ...applicationDeadlineEvents(planning.applications, lang, planningSettings.internalDeadlineWorkingDays, closure)];
  }, [planning, planningSettings, prefs, lang]);
  const monthEvents = planningEvents.filter((e) => e.date >= monthStart && e.date <= monthEnd);
  const total = pageReady && page ? page.total : 0;

  const toggle = useCallback((id: string, bucket: DeadlineBucket) => setSelected((s) => {
    const n = new Map(s);
    if (n.has(id)) n.delete(id);
    else n.set(id, bucket);
    return n;
  }), []);
  // Thousands of items are written a chunk at a time in one transaction, with the shared progress bar and cancel.
  // The items leave the view at once (hidden while pending); a failed or cancelled write brings them back (and the
  // selection), with the job line saying why. Marks made while one is written wait for it, in order.
  // The runner's state is shown by MarkJobProgress alone: a single mark's job (start, last step, end) would otherwise
  // render the whole screen three more times, its rows, menus and calendar included.
  const markRunner = useMemo(() => new JobRunner(), []);
  const markQueue = useRef<Promise<unknown>>(Promise.resolve());
  const mark = useCallback((items: Selection, status: MilestoneStatus) => {
    // The page as shown at the click, when it is the store's own (no other mark pending): what an undo brings back.
    const atClick = shownRef.current.pageReady && shownRef.current.pending.length === 0 ? shownRef.current.stored : undefined;
    lastMark.current = null;
    let undoable: UndoableMark | null = null;
    let current: PendingMark = { view: where, items };
    const replace = (next: PendingMark | null) => {
      const old = current;
      if (next) current = next;
      setPending((p) => (next ? p.map((m) => (m === old ? next : m)) : p.filter((m) => m !== old)));
    };
    const entry = current;
    setPending((p) => [...p, entry]);
    setSelected((s) => {
      const n = new Map(s);
      for (const id of items.keys()) n.delete(id);
      return n;
    });
    setMarking((n) => n + 1);
    const run = async () => {
      try {
        const outcome = await markRunner.run({ ja: '締切の状態を更新しています', en: 'Updating the deadlines' }, (job) =>
          // A page read at the revision the write commits at (or later) shows it by itself; one read before still counts the items.
          setMilestonesStatus([...items.keys()], status, today, { signal: job.signal, onProgress: job.progress, onRevision: (r, change) => {
            replace({ ...entry, committedAt: r });
            undoable = undoableMark(atClick, change, r);
          } }));
        if (!outcome.ok) {
          replace(null);
          if (items.size > 1) setSelected(items);
          return;
        }
        // Without a revision (no counters row) nothing tells when the page shows the write: let the rows be read again.
        if (current.committedAt === undefined) replace(null);
        setMessage(t('marked', { count: outcome.value }));
        if (outcome.value > 0) lastMark.current = undoable;
      } finally {
        setMarking((n) => n - 1);
      }
    };
    const next = markQueue.current.then(run);
    markQueue.current = next.catch(() => undefined);
    return next;
  }, [markRunner, today, t, where]);
  // The rows' words, built once per language: a view shows hundreds of rows, re-rendered on every selection change
  // and progress step, and i18next's lookups per cell were most of that work.
  // Kinds and day counts repeat across rows (a page of the overdue view shares a few due dates): each looked up once.
  const labels = useMemo<RowLabels>(() => ({
    markDone: t('markDone'), markPassed: t('markPassed'), todayWord: t('today'),
    days: memoPerArgument((n: number) => t('days', { count: n })), daysOver: memoPerArgument((n: number) => t('daysOver', { count: n })), kind: memoPerArgument((k: Milestone['kind']) => tp(`ms.kinds.${k}`)),
  }), [t, tp]);
  const selectAll = async () => setSelected(await deadlineViewSelection(today, view, scope));
  // Undoing the last mark made here brings its rows back at once (the page shown before it) while the undo writes; a
  // failed or cancelled undo, or one that reverted something else, shows the store's page again.
  // While an undo writes, marks wait for it (a row's button may be pressed on a row it brings back) and "select all"
  // waits too (the store still holds the items as marked).
  const onUndoStart: UndoStart = (target) => {
    let undoDone: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (undoDone = resolve));
    markQueue.current = markQueue.current.then(() => settled);
    setUndoRunning(true);
    const ended = () => {
      undoDone();
      setUndoRunning(false);
    };
    const kept = lastMark.current;
    lastMark.current = null;
    if (!undoShowsKept(kept, target, shownRef.current.stored)) return ended;
    const shown: PendingUndo = { page: kept.page };
    setUndoing(shown);
    // The mark itself, if its items are still hidden (its page not read yet), is what the undo reverts: not hidden any
    // more unless the undo fails.
    const undone = shownRef.current.pending.filter((m) => m.committedAt === kept.committedAt);
    setPending((p) => p.filter((m) => !undone.includes(m)));
    return (result) => {
      ended();
      const ok = result?.ok && result.batch === kept.batch && result.committedAt !== undefined;
      setUndoing((u) => (u === shown ? (ok ? { ...shown, committedAt: result.committedAt } : null) : u));
      if (!ok) setPending((p) => [...p, ...undone]);
    };
  };

  return (
    <section className="deadlines-screen" data-view={view} data-scope={`${scope.programId ?? ''}/${scope.department ?? ''}`} data-ready={pageReady ? 'true' : 'false'} data-total={total} data-selected={selected.size}>
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <span role="status" className="flash" data-testid="deadlines-status">{message}</span>
      </div>
      <div className="toolbar">
        <div role="tablist" className="tabs">
          {DEADLINE_VIEWS.map((v) => <button key={v} type="button" role="tab" aria-selected={view === v} data-view={v} onClick={() => setView(v)}>{t(`views.${v}`)}</button>)}
        </div>
        <div className="inline-form">
          <select data-filter="program" aria-label={t('scopeProgram')} value={scope.programId ?? ''} onChange={(e) => setScope({ programId: e.target.value || null })}>
            <option value="">{t('scopeProgram')}: {t('scopeAny')}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa}</option>)}
          </select>
          <select data-filter="department" aria-label={t('scopeDepartment')} value={scope.department ?? ''} onChange={(e) => setScope({ department: e.target.value || null })}>
            <option value="">{t('scopeDepartment')}: {t('scopeAny')}</option>
            {(departments ?? []).map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </div>
        <div className="button-row">
          <span className="muted">{t('selected', { count: selected.size })}</span>
          <button type="button" data-action="select-all" disabled={total === 0 || undoRunning} onClick={() => void selectAll()}>{t('selectAll')}</button>
          <button type="button" data-action="bulk-done" disabled={selected.size === 0 || busy} onClick={() => void mark(selected, 'done')}>{t('markDone')}</button>
          <button type="button" disabled={selected.size === 0 || busy} onClick={() => void mark(selected, 'passed')}>{t('markPassed')}</button>
          <IcsExport today={today} view={view} scope={scope} selected={selected} planningEvents={planningEvents} empty={total === 0 && planningEvents.length === 0} shown={pageReady} onMessage={setMessage} />
          <MarkJobProgress runner={markRunner} lang={lang} />
          <UndoButton onMessage={setMessage} waiting={busy} onStart={onUndoStart} />
        </div>
      </div>

      {pageReady && total === 0 && <p className="muted">{t('none')}</p>}
      {page?.groups.map(({ bucket, items, total: count }) => (
        <div key={bucket} className="deadline-group">
          <h2 className={bucket === 'overdue' ? 'danger-text' : undefined}>{t(`buckets.${bucket}`)} <span className="muted">({count})</span></h2>
          <GroupRows bucket={bucket} items={items} projects={page.projects} selected={selected} today={today} labels={labels} onToggle={toggle} onMark={mark}
            more={count > items.length ? <button type="button" className="linklike more" onClick={() => setLimit((l) => l + 500)}>{t('showMore', { count: count - items.length })}</button> : null} />
        </div>
      ))}

      <h2>{t('calendar')}</h2>
      <div className="inline-form calendar-nav">
        <button type="button" data-action="prev-month" aria-label={t('prevMonth')} onClick={() => setMonth((m) => shiftMonth(m, -1))}>◀</button>
        <strong data-testid="calendar-month" data-month={`${month.year}-${String(month.month).padStart(2, '0')}`} data-ready={monthItems?.query === `${monthStart}/${monthEnd}` ? 'true' : 'false'}>{t('month', { year: month.year, month: month.month })}</strong>
        <button type="button" data-action="next-month" aria-label={t('nextMonth')} onClick={() => setMonth((m) => shiftMonth(m, 1))}>▶</button>
        <button type="button" onClick={() => setMonth({ year: splitIsoDate(today).year, month: splitIsoDate(today).month })}>{t('thisMonth')}</button>
      </div>
      {monthItems && <MonthCalendar month={month} items={monthItems.items} counts={monthItems.countByDate} projects={monthItems.projects} today={today} lang={lang} events={monthEvents} />}
      <TrackedCalls calls={planning?.trackedCalls ?? []} lang={lang} />

      <TemplatesManager lang={lang} />
    </section>
  );
}

/** The marks' job line, subscribed here so that the job's progress re-renders only this. */
function MarkJobProgress({ runner, lang }: { runner: JobRunner; lang: Language }) {
  return <JobProgress state={useJobState(runner)} runner={runner} lang={lang} testId="mark-job" />;
}

/**
 * The .ics button and its job line: a component of its own, so the job's progress re-renders only these and not the
 * screen's lists. The file is read and written in the .ics Worker (ics-jobs.ts); the page sends the query.
 */
function IcsExport({ today, view, scope, selected, planningEvents, empty, shown, onMessage }: {
  today: IsoDate; view: DeadlineView; scope: DeadlineScope; selected: Selection; planningEvents: readonly CalendarEvent[]; empty: boolean;
  /** The screen shows the view asked for: the Worker may read ahead now without delaying the screen's own reads. */
  shown: boolean;
  onMessage: (message: string) => void;
}) {
  const { t } = useTranslation('deadlines');
  const lang = useLang();
  const icsJob = useJob();
  const writeIcs = useIcsExport(shown);
  const exportIcs = async () => {
    const request: IcsRequest = { today, view, scope, ids: [...selected.keys()], extra: planningEvents.filter((e) => e.date >= today), calendarName: t('title'), lang };
    await icsJob.runner.run({ ja: 'カレンダー(.ics)に出力しています', en: 'Writing the calendar (.ics)' }, async (job) => {
      const { parts, milestones } = await writeIcs(request, job);
      if (parts.length === 0) return;
      const res = await desktopApi.saveFile({ title: t('exportIcs'), suggestedName: `deadlines-${today}.ics`, filters: [{ name: 'iCalendar', extensions: ['ics'] }], bytes: parts });
      if (res.saved) onMessage(t('exported', { count: milestones }));
    });
  };
  return (
    <>
      <button type="button" className="primary" data-action="export-ics" disabled={icsJob.state.phase === 'running' || empty} onClick={() => void exportIcs()}>{t('exportIcs')}</button>
      <JobProgress state={icsJob.state} runner={icsJob.runner} lang={lang} testId="ics-job" />
    </>
  );
}

/** Selected items, each with the bucket of the view it is counted in. */
type Selection = ReadonlyMap<string, DeadlineBucket>;
const NONE: Selection = new Map();

/** Rows a group puts in the DOM at first, and how many more each time the end of those comes near the view. */
const ROWS_FIRST = 40;
const ROWS_STEP = 80;

/**
 * A group's table: the page read holds up to 200 items a group (more after "show more"), but creating and laying out
 * them all was most of a tab switch at 50,000 projects while a window shows a few dozen; the rest are added as the
 * user scrolls towards them, and "show more" comes once every item read is in.
 */
function GroupRows({ bucket, items, projects, selected, today, labels, onToggle, onMark, more }: {
  bucket: DeadlineBucket; items: Milestone[]; projects: Map<string, Project>; selected: Selection; today: IsoDate; labels: RowLabels;
  onToggle: (id: string, bucket: DeadlineBucket) => void; onMark: (items: Selection, status: MilestoneStatus) => Promise<void>; more: ReactNode;
}) {
  const { t } = useTranslation('deadlines');
  const [shown, setShown] = useState(ROWS_FIRST);
  const end = useRef<HTMLDivElement>(null);
  const partial = shown < items.length;
  useEffect(() => {
    const el = end.current;
    if (!partial || !el) return;
    // Called once at once with where the end is, then as it moves: rows are added until it is out of reach again.
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + ROWS_STEP);
    }, { rootMargin: '600px 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [partial, shown]);
  return (
    <>
      <table className="data deadline-table">
        <thead><tr><th /><th>{t('due')}</th><th>{t('daysLeft')}</th><th>{t('project')}</th><th>{t('kind')}</th><th>{t('item')}</th><th /></tr></thead>
        <tbody>
          {items.slice(0, shown).map((m) => (
            <DeadlineRow key={m.id} m={m} project={projects.get(m.projectId)!} bucket={bucket} checked={selected.has(m.id)} today={today}
              labels={labels} onToggle={onToggle} onMark={onMark} />
          ))}
        </tbody>
      </table>
      {partial ? <div ref={end} className="rows-end" data-rows-shown={shown} /> : more}
    </>
  );
}

interface RowLabels {
  markDone: string;
  markPassed: string;
  todayWord: string;
  days: (n: number) => string;
  daysOver: (n: number) => string;
  kind: (k: Milestone['kind']) => string;
}

/** One open item; memoised, so a selection change or a progress step re-renders only the rows it changed. */
const DeadlineRow = memo(function DeadlineRow({ m, project: p, bucket, checked, today, labels, onToggle, onMark }: {
  m: Milestone; project: Project; bucket: DeadlineBucket; checked: boolean; today: IsoDate; labels: RowLabels;
  onToggle: (id: string, bucket: DeadlineBucket) => void; onMark: (items: Selection, status: MilestoneStatus) => Promise<void>;
}) {
  const overdue = bucket === 'overdue';
  const pass = PASS_KINDS.has(m.kind);
  const d = daysBetween(today, m.dueDate);
  return (
    <tr data-milestone={m.id} data-kind={m.kind} className={overdue ? 'overdue' : undefined}>
      <td><input type="checkbox" aria-label={m.title} checked={checked} onChange={() => onToggle(m.id, bucket)} /></td>
      <td className="nowrap" title={formatWarekiShort(m.dueDate)}>{m.dueDate}</td>
      <td className="nowrap">{d === 0 ? labels.todayWord : d < 0 ? labels.daysOver(-d) : labels.days(d)}</td>
      <td><a href={hrefFor('projects', p.id)}>{p.code}</a> <span className="muted">{p.title}</span></td>
      <td>{labels.kind(m.kind)}</td>
      <td>{m.title}</td>
      <td className="nowrap">
        <button type="button" data-action={pass ? 'mark-passed' : 'mark-done'} onClick={() => void onMark(new Map([[m.id, bucket]]), pass ? 'passed' : 'done')}>
          {pass ? labels.markPassed : labels.markDone}
        </button>
      </td>
    </tr>
  );
});

/** `f` with its answers kept per argument (for the rows' words: a few distinct values, hundreds of rows). */
function memoPerArgument<K, V>(f: (k: K) => V): (k: K) => V {
  const kept = new Map<K, V>();
  return (k) => {
    if (!kept.has(k)) kept.set(k, f(k));
    return kept.get(k)!;
  };
}

function shiftMonth(m: { year: number; month: number }, by: number): { year: number; month: number } {
  const d = splitIsoDate(addMonths(makeIsoDate(m.year, m.month, 1)!, by));
  return { year: d.year, month: d.month };
}
