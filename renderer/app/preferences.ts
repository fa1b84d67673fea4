// The office's preferences (user name for the audit log, amount unit, reminder window), stored in the database.
import { useLiveQuery } from 'dexie-react-hooks';
import type { YenUnit } from '../../shared/money/yen';
import { db, putSetting } from '../store/db';

export interface Preferences {
  userName: string;
  amountUnit: YenUnit;
  /** Days ahead that a deadline triggers a desktop notification. */
  reminderDays: number;
  /** Year-end closure skipped by working-day arithmetic, as MM-DD inclusive. */
  closureStart: string;
  closureEnd: string;
  /** How many automatic backups to keep. */
  backupsToKeep: number;
}

export const DEFAULT_PREFERENCES: Preferences = {
  userName: '',
  amountUnit: 'thousand',
  reminderDays: 14,
  closureStart: '12-29',
  closureEnd: '01-03',
  backupsToKeep: 10,
};

const KEY = 'preferences';

export async function loadPreferences(): Promise<Preferences> {
  const row = await db.settings.get(KEY);
  return { ...DEFAULT_PREFERENCES, ...((row?.value as Partial<Preferences> | undefined) ?? {}) };
}

export async function savePreferences(patch: Partial<Preferences>): Promise<void> {
  const current = await loadPreferences();
  await putSetting(KEY, { ...current, ...patch });
}

/** Live preferences; defaults while the database is opening. */
export function usePreferences(): Preferences {
  return useLiveQuery(loadPreferences, [], DEFAULT_PREFERENCES);
}
