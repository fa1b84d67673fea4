// The import corpus through the wizard, as a user with no time for mappings would do it: choose the file, commit
// without touching the mapping, then read what was stored straight from IndexedDB and score it with the same
// scorer as `npm run import-corpus`. Each file gets a fresh profile, so one file's projects never meet another's.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession } from './harness';
import { dumpStores } from './idb';
import { plainControl } from '../import-corpus/control';
import { CORPUS } from '../import-corpus/corpus';
import type { CorpusLayout } from '../import-corpus/layout';
import { actualFromStores } from '../import-corpus/records';
import { describeScore, formatShare, scoreRecords } from '../import-corpus/score';
import type { Score } from '../import-corpus/score';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const MIME: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

/** Puts one file through the wizard with the proposed mapping, commits it, and scores what IndexedDB then holds. */
async function importThroughWizard(layout: CorpusLayout): Promise<Score> {
  app = await startApp({ locale: 'ja-JP' });
  const page = app.page;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.click('nav a[data-screen="importExport"]');
  const ext = layout.fileName.slice(layout.fileName.lastIndexOf('.') + 1).toLowerCase();
  await page.setInputFiles('#import-file', { name: layout.fileName, mimeType: MIME[ext] ?? 'application/octet-stream', buffer: Buffer.from(layout.build()) });
  await page.waitForSelector('[data-testid="import-counts"], [data-testid="import-refused"]');
  expect(await page.locator('[data-testid="import-refused"]').count(), 'the file is refused').toBe(0);

  const start = page.locator('[data-testid="import-start"]');
  if (!(await start.isEnabled())) {
    const counts = await page.locator('[data-testid="import-counts"]').textContent();
    throw new Error(`${layout.fileName}: the wizard has nothing to import (${counts ?? ''})`);
  }
  await start.click();
  await page.click('[data-testid="import-confirm"]');
  await page.waitForSelector('[data-testid="import-done"]');

  const stored = await dumpStores(page, ['projects', 'budgetLines', 'researchers', 'memberships']);
  expect(pageErrors).toEqual([]);
  return scoreRecords(layout.expected, actualFromStores(stored.projects ?? [], stored.budgetLines ?? [], stored.researchers ?? [], stored.memberships ?? []));
}

function expectFull(score: Score): void {
  expect({ share: formatShare(score.right, score.expected), misses: describeScore(score) }).toEqual({ share: formatShare(score.expected, score.expected), misses: [] });
}

describe('import corpus through the wizard', () => {
  it('scores a plain sheet the importer has always read at 100% (the path from wizard to store to scorer is sound)', async () => {
    expectFull(await importThroughWizard(plainControl));
  });

  it.each(CORPUS.map((l) => [l.id, l] as const))('%s: committed with the proposed mapping, stored right', async (_id, layout) => {
    expectFull(await importThroughWizard(layout));
  });
});
