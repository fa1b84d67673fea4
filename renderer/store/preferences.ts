// The office's preferences (user name for the audit log, amount unit, reminder window, year-end closure, backups
// kept) and the Projects list's columns: read here only, with one set of defaults, whoever needs them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { YenUnit } from '../../shared/money/yen';
import { db, putSetting } from './db';
import type { GrantDatabase } from './db';

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
const COLUMNS_KEY = 'projects.columns';

/** The stored preferences over the defaults (`database`: tests pass their own). */
export async function loadPreferences(database: GrantDatabase = db): Promise<Preferences> {
  const row = await database.settings.get(KEY);
  return { ...DEFAULT_PREFERENCES, ...((row?.value as Partial<Preferences> | undefined) ?? {}) };
}

export async function savePreferences(patch: Partial<Preferences>): Promise<void> {
  const current = await loadPreferences();
  await putSetting(KEY, { ...current, ...patch });
}

/** Live preferences; defaults while the database is opening. */
export function usePreferences(): Preferences {
  return useLiveQuery(() => loadPreferences(), [], DEFAULT_PREFERENCES);
}

/** The Projects list's chosen column ids (null: the list's defaults), undefined while loading. */
export function useProjectColumns(): string[] | null | undefined {
  return useLiveQuery(async () => ((await db.settings.get(COLUMNS_KEY))?.value as string[] | undefined) ?? null, []);
}

export async function saveProjectColumns(columns: readonly string[]): Promise<void> {
  await putSetting(COLUMNS_KEY, [...columns]);
}
