// Automatic snapshots' names sort by time, and pruning keeps the newest and leaves other files alone.
import { describe, expect, it } from 'vitest';
import { backupFileName, snapshotsToPrune } from '../../../shared/backup/backup-names';

describe('snapshot names', () => {
  it('sort by time and prune the oldest', () => {
    const a = backupFileName('daily', new Date(2026, 0, 2, 9, 5, 1));
    expect(a).toBe('grant-portfolio-2026-01-02T090501-daily.json');
    const names = [a, 'grant-portfolio-2026-01-01T000000-daily.json', 'grant-portfolio-2026-01-03T000000-before-import.json', 'notes.txt'];
    expect(snapshotsToPrune(names, 2)).toEqual(['grant-portfolio-2026-01-01T000000-daily.json']);
    expect(snapshotsToPrune(names, 10)).toEqual([]);
  });
});
