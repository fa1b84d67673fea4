// Deadlines as an iCalendar file (RFC 5545) so staff can put them in Outlook/Google Calendar; used by the Deadlines
// screen and the CLI. All-day events only: grant deadlines are dates, and a time zone would shift them.
import type { IsoDate } from '../domain/types';
import { addDays } from './fiscal-year';

export interface CalendarEvent {
  /** Stable key (a milestone id): the same milestone always gets the same UID, so a re-import updates, not duplicates. */
  id: string;
  /** All-day date of the event. */
  date: IsoDate;
  summary: string;
  description?: string;
  /** e.g. the project code, shown by some clients. */
  categories?: string[];
  /** Done items can be exported as cancelled/completed so calendars show them struck through. */
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

export interface ICalendarOptions {
  /** Used for DTSTAMP; default now. */
  now?: Date;
  calendarName?: string;
  /** Domain part of the UIDs. */
  uidDomain?: string;
}

export const ICAL_PRODID = '-//Grant Portfolio//Deadlines//JA';

const NEEDS_ESCAPE = /[\\;,\r\n]/;

/** Escapes TEXT values: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** UTF-8 length of one code point (shared/ has no TextEncoder: it runs without DOM typings). */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Whether `line` is at most 75 octets in UTF-8 (most lines are: they skip the fold's walk over code points). */
function fitsOneLine(line: string): boolean {
  if (line.length > 75) return false;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // At most: a surrogate pair (4 octets) counts 6 here, so a near-full line with one takes the exact walk below.
    octets += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return octets <= 75;
}

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1): continuation lines start with a space, which counts toward their
 * 75. Splits only between characters (code points), never inside a UTF-8 sequence. Returns lines joined by CRLF.
 */
export function foldLine(line: string): string {
  if (fitsOneLine(line)) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry a leading space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.map((l, i) => (i === 0 ? l : ` ${l}`)).join('\r\n');
}

function dateValue(date: IsoDate): string {
  return date.replace(/-/g, '');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** UID derived from the event id only, so exports of the same milestone agree across runs and machines. */
export function eventUid(id: string, domain = 'grant-portfolio.local'): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, '_')}@${domain}`;
}

const crlf = (lines: readonly string[]) => lines.map((l) => `${foldLine(l)}\r\n`).join('');

/** The calendar's opening lines (a file is head + events + ICALENDAR_TAIL; big files are written a slice at a time). */
export function icalendarHead(opts: ICalendarOptions = {}): string {
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${ICAL_PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (opts.calendarName) lines.push(`X-WR-CALNAME:${escapeText(opts.calendarName)}`);
  return crlf(lines);
}

/** The VEVENTs of `events`; give every slice of one file the same `now` (its DTSTAMP). */
export function icalendarEvents(events: readonly CalendarEvent[], opts: ICalendarOptions & { now: Date }): string {
  const dtstamp = stamp(opts.now);
  const lines: string[] = [];
  for (const e of events) {
    lines.push('BEGIN:VEVENT');
    lines.push(`UID:${eventUid(e.id, opts.uidDomain)}`);
    lines.push(`DTSTAMP:${dtstamp}`);
    lines.push(`DTSTART;VALUE=DATE:${dateValue(e.date)}`);
    lines.push(`DTEND;VALUE=DATE:${dateValue(addDays(e.date, 1))}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.categories && e.categories.length > 0) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push('TRANSP:TRANSPARENT');
    lines.push('END:VEVENT');
  }
  return crlf(lines);
}

export const ICALENDAR_TAIL = 'END:VCALENDAR\r\n';

/** Builds a VCALENDAR of all-day VEVENTs (DTEND the day after DTSTART, exclusive). Lines end with CRLF. */
export function toICalendar(events: readonly CalendarEvent[], opts: ICalendarOptions = {}): string {
  return icalendarHead(opts) + icalendarEvents(events, { ...opts, now: opts.now ?? new Date() }) + ICALENDAR_TAIL;
}
