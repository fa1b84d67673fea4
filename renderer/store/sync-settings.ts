// This desktop's sync settings (which server, who signs in, whether sync is on, its replica id) and the "to review"
// list's reads, kept in the store like every other read; the password is never stored here.
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReviewItem } from '../../shared/sync/sync-docs';
import { parseDocId } from '../../shared/sync/sync-docs';
import { db, putSetting } from './db';
import type { GrantDatabase } from './db';

const CONFIG_KEY = 'syncConfig';
const REPLICA_KEY = 'syncReplica';

export interface SyncConfig {
  /** The office database's URL (server and database), without credentials. */
  url: string;
  user: string;
  enabled: boolean;
  /** The automatic backup before the first upload was taken. */
  backedUp: boolean;
}

export const EMPTY_SYNC_CONFIG: SyncConfig = { url: '', user: '', enabled: false, backedUp: false };

export async function loadSyncConfig(database: GrantDatabase = db): Promise<SyncConfig> {
  const row = await database.settings.get(CONFIG_KEY);
  return { ...EMPTY_SYNC_CONFIG, ...(row?.value as Partial<SyncConfig> | undefined) };
}

export function saveSyncConfig(config: SyncConfig): Promise<void> {
  return putSetting(CONFIG_KEY, config);
}

export function useSyncConfig(): SyncConfig | undefined {
  return useLiveQuery(() => loadSyncConfig(), []);
}

/** This install's replica id, made once (letters, digits and - only, as sync document ids require). */
export async function syncReplicaId(): Promise<string> {
  const row = await db.settings.get(REPLICA_KEY);
  if (typeof row?.value === 'string') return row.value;
  const id = crypto.randomUUID();
  await putSetting(REPLICA_KEY, id);
  return id;
}

/** A record waiting in "to review", with a name a person recognises. */
export interface ReviewEntry {
  docId: string;
  kind: string;
  key: string;
  /** The project's 管理番号 and title (for a project's budget line or milestone too), else the record's key. */
  label: string;
  items: ReviewItem[];
}

export function useSyncReviewCount(): number {
  return useLiveQuery(() => db.syncReview.count(), [], 0);
}

export function useSyncReview(): ReviewEntry[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.syncReview.toArray();
    const out: ReviewEntry[] = [];
    for (const r of rows) {
      const id = parseDocId(r.docId);
      if (!id || id.type === 'audit') continue;
      out.push({ docId: r.docId, kind: id.type, key: id.key, label: await labelOf(id.type, id.key), items: r.items });
    }
    return out;
  }, []);
}

async function labelOf(kind: string, key: string): Promise<string> {
  let projectId: string | null = null;
  let suffix = '';
  if (kind === 'project') projectId = key;
  else if (kind === 'budgetLine') {
    const line = await db.budgetLines.get(key);
    projectId = line?.projectId ?? null;
    suffix = line ? ` ${line.fiscalYear}` : '';
  } else if (kind === 'milestone') {
    const m = await db.milestones.get(key);
    projectId = m?.projectId ?? null;
    suffix = m ? ` ${m.title}` : '';
  }
  const project = projectId ? await db.projects.get(projectId) : undefined;
  return project ? `${project.code} ${project.title}${suffix}` : key;
}
