// The backup file's name, format marks and tables, and which automatic snapshots to prune: what the app needs at
// start (the daily snapshot, the snapshot folder) without the file's checks (backup-format.ts), whose schemas are
// built when their module loads.
export const BACKUP_FORMAT = 'grant-portfolio-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The tables every backup has held since the first schema. */
export const CORE_BACKUP_TABLES = ['projects', 'budgetLines', 'milestones', 'programs', 'editions', 'settings', 'auditLog', 'importMappings', 'milestoneTemplates'] as const;
export type CoreBackupTable = (typeof CORE_BACKUP_TABLES)[number];

/**
 * The planning tables (issue 17, schema version 2). Optional in a backup: one written before they existed reads as
 * having none (parseBackup fills them with []), so an older backup restores with empty planning tables.
 */
export const PLANNING_BACKUP_TABLES = ['applications', 'trackedCalls', 'researchers', 'memberships'] as const;
export type PlanningBackupTable = (typeof PLANNING_BACKUP_TABLES)[number];

/** Tables a backup holds, in restore order. The notification log is transient and left out. */
export const BACKUP_TABLES = [...CORE_BACKUP_TABLES, ...PLANNING_BACKUP_TABLES] as const;

/** Backup file name with a sortable local timestamp, e.g. grant-portfolio-2026-11-28T0930-daily.json. */
export function backupFileName(reason: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return `grant-portfolio-${stamp}-${reason.replace(/[^a-z0-9-]/gi, '')}.json`;
}

/** Which snapshot files to delete so that only the newest `keep` remain (names sort by time). */
export function snapshotsToPrune(fileNames: readonly string[], keep: number): string[] {
  const ours = fileNames.filter((n) => /^grant-portfolio-\d{4}-\d{2}-\d{2}T\d{6}-[a-z0-9-]*\.json$/i.test(n)).sort();
  return ours.slice(0, Math.max(0, ours.length - Math.max(1, keep)));
}
