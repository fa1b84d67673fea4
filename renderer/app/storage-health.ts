// Keeps the user told about the state of their data: persistent storage, a full disk, or another window upgrading
// the database. Errors from IndexedDB become plain-language messages instead of silent failures.
import { useEffect, useState } from 'react';
import type { Bilingual } from '../../shared/domain/message';
import { onVersionChange } from '../store/db';

export type HealthNotice = { kind: 'quota' | 'version-change' | 'storage-error'; detail: string };

const listeners = new Set<(n: HealthNotice) => void>();

export function reportHealth(notice: HealthNotice): void {
  listeners.forEach((l) => l(notice));
}

/** True for the errors a full disk or an exhausted browser quota produce (native or wrapped by Dexie). */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string }; message?: string } | null;
  if (!e) return false;
  return e.name === 'QuotaExceededError' || e.inner?.name === 'QuotaExceededError' || /quota|disk (is )?full|no space/i.test(e.message ?? '');
}

/** A user-facing description of a storage failure, in both languages. */
export function describeStorageError(error: unknown): Bilingual {
  if (isQuotaError(error)) {
    return {
      ja: '保存領域が不足しているため保存できませんでした。ディスクの空き容量を増やしてから、もう一度お試しください。データは変更されていません。',
      en: 'Not saved: the disk or the storage quota is full. Free some space and try again. Your data was not changed.',
    };
  }
  const message = (error as { message?: string } | null)?.message ?? String(error);
  return { ja: `保存中にエラーが発生しました（${message}）。データは変更されていません。`, en: `Saving failed (${message}). Your data was not changed.` };
}

/** Asks the browser not to evict our storage under pressure; returns whether storage is persistent. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

/** Installs the global listeners once: unhandled storage failures and version changes become notices. */
export function installHealthListeners(): void {
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    const name = (reason as { name?: string } | null)?.name ?? '';
    if (isQuotaError(reason)) reportHealth({ kind: 'quota', detail: String((reason as Error).message ?? reason) });
    else if (/Dexie|IDB|Database|Transaction|Abort/i.test(name)) reportHealth({ kind: 'storage-error', detail: String((reason as Error).message ?? reason) });
  });
  onVersionChange(() => reportHealth({ kind: 'version-change', detail: '' }));
}

export function useHealthNotices(): [HealthNotice[], (n: HealthNotice) => void] {
  const [notices, setNotices] = useState<HealthNotice[]>([]);
  useEffect(() => {
    const l = (n: HealthNotice) => setNotices((prev) => (prev.some((p) => p.kind === n.kind) ? prev : [...prev, n]));
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return [notices, (n) => setNotices((prev) => prev.filter((p) => p !== n))];
}
