import { describe, expect, it } from 'vitest';
import { escapeText, eventUid, foldLine, toICalendar } from '../../../shared/calendar/icalendar';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar', () => {
  it('writes all-day events with CRLF lines, DTEND the next day, DTSTAMP, PRODID and VERSION', () => {
    const text = toICalendar([{ id: 'm-1', date: '2026-03-31', summary: '[A-2025-001] ステージゲート評価（1年目）' }], { now: new Date('2025-11-28T01:02:03Z') });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('DTSTART;VALUE=DATE:20260331');
    expect(lines).toContain('DTEND;VALUE=DATE:20260401');
    expect(lines).toContain('DTSTAMP:20251128T010203Z');
    expect(lines).toContain('SUMMARY:[A-2025-001] ステージゲート評価（1年目）');
  });

  it('rolls DTEND over month and year ends', () => {
    const text = toICalendar([{ id: 'x', date: '2025-12-31', summary: 's' }]);
    expect(text).toContain('DTEND;VALUE=DATE:20260101');
  });

  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting multibyte characters', () => {
    const long = 'SUMMARY:' + 'ステージゲート評価'.repeat(10);
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    parts.slice(1).forEach((p) => expect(p.startsWith(' ')).toBe(true));
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(long);
    // No replacement characters: every part is valid UTF-8 on its own.
    for (const p of parts) expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(p))).toBe(p);
    expect(foldLine('short')).toBe('short');
  });

  it('folds exactly at the 75-octet edge, whatever mix of 1-, 3- and 4-octet characters a line holds', () => {
    // Lines one octet either side of 75, ending in ASCII, kana (3 octets) or an emoji (4 octets, a surrogate pair).
    for (const tail of ['a', 'ア', '😀']) {
      for (let size = 70; size <= 80; size++) {
        const head = 'x'.repeat(Math.max(0, size - octets(tail)));
        const line = head + tail;
        const parts = foldLine(line).split('\r\n');
        expect(parts.length).toBe(octets(line) <= 75 ? 1 : 2);
        for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
        expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
      }
    }
    // 25 emoji are 50 UTF-16 units but 100 octets: folded, never split inside a pair.
    const emoji = '😀'.repeat(25);
    expect(foldLine(emoji).split('\r\n').map((p) => octets(p))).toEqual([72, 29]);
  });

  it('leaves text without special characters as it is', () => {
    const plain = '[A-2025-001] ステージゲート評価（2年目経過時）';
    expect(escapeText(plain)).toBe(plain);
    expect(escapeText('a\r\nb\rc')).toBe('a\\nb\\nc');
  });

  it('derives stable UIDs from the milestone id', () => {
    const a = toICalendar([{ id: 'abc-1', date: '2026-01-01', summary: 'x' }], { now: new Date('2025-01-01T00:00:00Z') });
    const b = toICalendar([{ id: 'abc-1', date: '2026-01-01', summary: 'x' }], { now: new Date('2025-06-01T00:00:00Z') });
    const uid = (t: string) => t.split('\r\n').find((l) => l.startsWith('UID:'));
    expect(uid(a)).toBe(uid(b));
    expect(uid(a)).toBe(`UID:${eventUid('abc-1')}`);
    expect(eventUid('abc-2')).not.toBe(eventUid('abc-1'));
  });
});
