// Desktop reminders for deadlines within the user's reminder window: at most one per item per day, remembered in
// db.notificationLog so a restart does not repeat them. Also the start-up housekeeping (trash purge) and its timer.
import type { NotificationRequest } from '../../shared/api/desktop-api';
import type { IsoDate } from '../../shared/domain/types';
import { addDays, todayIso } from '../../shared/calendar/fiscal-year';
import { milestoneSummary } from '../../shared/portfolio/deadlines';
import { db } from './db';
import { loadPreferences } from './preferences';
import { purgeTrash } from './projects';

/**
 * Notifies open milestones due from today through today + reminderDays (inclusive) not yet notified today.
 * Returns the number of notifications sent. Reads only that range through the [status+dueDate] index.
 */
export async function checkReminders(notify: (r: NotificationRequest) => Promise<void>, now: Date = new Date()): Promise<number> {
  const days = (await loadPreferences()).reminderDays;
  const today: IsoDate = todayIso(now);
  const due = await db.milestones.where('[status+dueDate]').between(['planned', today], ['planned', addDays(today, days)], true, true).toArray();
  let sent = 0;
  for (const m of due) {
    const key = `${m.id}|${today}`;
    if (await db.notificationLog.get(key)) continue;
    const project = await db.projects.get(m.projectId);
    if (!project || project.deletedAt) continue;
    // Log first: a crash between the two would rather miss one reminder than repeat it all day.
    await db.notificationLog.put({ key, at: now.toISOString() });
    const inDays = Math.round((Date.parse(m.dueDate) - Date.parse(today)) / 86_400_000);
    await notify({
      title: milestoneSummary(m, project),
      body: inDays === 0 ? `本日締切 / Due today (${m.dueDate})` : `${inDays}日後に締切 / Due in ${inDays} days (${m.dueDate})`,
    }).catch(() => undefined);
    sent++;
  }
  return sent;
}

/**
 * Runs the portfolio's background chores after the first paint (purge trash older than 30 days, reminders) and then
 * hourly (at most one reminder per item per day). Returns a stop function.
 */
export function startPortfolioHousekeeping(notify: (r: NotificationRequest) => Promise<void>): () => void {
  const run = () => {
    void purgeTrash().catch((e: unknown) => console.error('Trash purge failed', e));
    void checkReminders(notify).catch((e: unknown) => console.error('Reminder check failed', e));
  };
  const first = setTimeout(run, 1500);
  // Hourly, so a day change while the app stays open is noticed; the per-day log keeps it to one reminder a day.
  const daily = setInterval(run, 60 * 60 * 1000);
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
