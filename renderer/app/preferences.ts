// Preferences moved to the store (renderer/store/preferences.ts); this re-export remains only for the import wizard
// (renderer/features/import-export/), whose owner switches its import and then deletes this file.
export { DEFAULT_PREFERENCES, loadPreferences, savePreferences, usePreferences } from '../store/preferences';
export type { Preferences } from '../store/preferences';
