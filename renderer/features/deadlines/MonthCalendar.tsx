// A month grid of deadlines (Sunday first, as Japanese office calendars are), national holidays named.
import { useTranslation } from 'react-i18next';
import type { IsoDate, Milestone, Project } from '../../../shared/domain/types';
import { addDays, daysInMonth, makeIsoDate, splitIsoDate } from '../../../shared/calendar/fiscal-year';
import { holidayName } from '../../../shared/calendar/working-days';
import { navigate } from '../../app/routes';
import type { CalendarEvent } from '../../../shared/calendar/icalendar';

interface Props {
  month: { year: number; month: number };
  /** At most a few items per day; `counts` says how many each day holds in all. */
  items: Milestone[];
  counts?: ReadonlyMap<IsoDate, number>;
  projects: Map<string, Project>;
  today: IsoDate;
  lang: 'ja' | 'en';
  /** Tracked calls' and pending applications' dates (shared/planning/call-events.ts), shown beside the milestones. */
  events?: readonly CalendarEvent[];
}

export function MonthCalendar({ month, items, counts, projects, today, lang, events = [] }: Props) {
  const { t } = useTranslation('deadlines');
  const first = makeIsoDate(month.year, month.month, 1)!;
  const { year, month: m, day } = splitIsoDate(first);
  const lead = new Date(Date.UTC(year, m - 1, day)).getUTCDay();
  const days = daysInMonth(month.year, month.month);
  const cells: (IsoDate | null)[] = [...Array.from({ length: lead }, () => null), ...Array.from({ length: days }, (_, i) => addDays(first, i))];
  while (cells.length % 7 !== 0) cells.push(null);
  const byDate = new Map<string, Milestone[]>();
  for (const it of items) {
    const l = byDate.get(it.dueDate);
    if (l) l.push(it);
    else byDate.set(it.dueDate, [it]);
  }
  const eventsByDate = new Map<string, CalendarEvent[]>();
  for (const e of events) eventsByDate.set(e.date, [...(eventsByDate.get(e.date) ?? []), e]);
  const weekdays = t('weekdays', { returnObjects: true }) as string[];

  return (
    <div className="month-calendar" role="grid" aria-label={t('calendar')}>
      <div className="mc-row mc-head" role="row">
        {weekdays.map((w, i) => <div key={w} role="columnheader" className={i === 0 ? 'sun' : i === 6 ? 'sat' : undefined}>{w}</div>)}
      </div>
      {Array.from({ length: cells.length / 7 }, (_, w) => (
        <div className="mc-row" role="row" key={w}>
          {cells.slice(w * 7, w * 7 + 7).map((d, i) => {
            if (!d) return <div key={i} role="gridcell" className="mc-cell empty" />;
            const holiday = holidayName(d, lang);
            const list = byDate.get(d) ?? [];
            return (
              <div key={d} role="gridcell" data-date={d} className={`mc-cell${d === today ? ' today' : ''}${holiday || i === 0 ? ' sun' : i === 6 ? ' sat' : ''}`}>
                <div className="mc-day">{Number(d.slice(8))}{holiday && <span className="mc-holiday">{holiday}</span>}</div>
                {list.map((it) => {
                  const p = projects.get(it.projectId);
                  return (
                    <button type="button" key={it.id} className={`mc-item status-${it.status}${it.status === 'planned' && it.dueDate < today ? ' overdue' : ''}`}
                      title={`${p?.code ?? ''} ${it.title}`} onClick={() => navigate('projects', it.projectId)}>
                      {p?.code} {it.title}
                    </button>
                  );
                })}
                {(counts?.get(d) ?? 0) > list.length && <span className="mc-more muted small" data-more={d}>{t('moreOnDay', { count: counts!.get(d)! - list.length })}</span>}
                {(eventsByDate.get(d) ?? []).map((e) => (
                  <button type="button" key={e.id} className="mc-item planning" data-event={e.id} title={e.summary} onClick={() => navigate(e.id.startsWith('call-') ? 'deadlines' : 'applications')}>
                    {e.summary}
                  </button>
                ))}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
