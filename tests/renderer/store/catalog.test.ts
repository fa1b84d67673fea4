// The catalog's read path on fake-indexeddb: the office's programs read a page per request come back exactly as one
// getAll gives them, and a live query over the paged read still sees programs added after its last page.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredProgram } from '../../../renderer/store/catalog';
import { catalogRevision, mergePrograms, programsRead, readStoredPrograms } from '../../../renderer/store/catalog';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { GrantDatabase } from '../../../renderer/store/db';

let n = 0;
let database: GrantDatabase;
afterEach(async () => {
  await database?.delete();
});
const fresh = () => (database = new GrantDatabase(`catalog-read-${n++}-${Date.now()}`));

function program(i: number): StoredProgram {
  return {
    id: `office-${String(i).padStart(5, '0')}`, parentId: null, nameJa: `事業 ${i}`, nameEn: `Program ${i}`, abbreviation: null, managedBy: 'JST', division: null,
    budgetYen: { request: i, previous: null, supplementary: null, note: null }, period: { startFiscalYear: null, endFiscalYear: null },
    researchPeriodYears: null, summaryJa: '', summaryEn: '', tracks: [], editionId: 'ed', updatedAt: '2026-12-03T00:00:00.000Z',
  };
}

describe('readStoredPrograms', () => {
  it('reads more programs than a page holds, in key order, as toArray does', async () => {
    fresh();
    // 1,234 rows: several full pages and a last partial one; added out of order so the order comes from the keys.
    const rows = Array.from({ length: 1234 }, (_, i) => program((i * 7919) % 1234));
    await database.programs.bulkAdd(rows);
    const read = await readStoredPrograms(database);
    expect(read).toHaveLength(1234);
    expect(read).toEqual(await database.programs.toArray());
  });

  it('reads an empty table and a table of exactly one page', async () => {
    fresh();
    expect(await readStoredPrograms(database)).toEqual([]);
    await database.programs.bulkAdd(Array.from({ length: 250 }, (_, i) => program(i)));
    expect((await readStoredPrograms(database)).map((p) => p.id)).toEqual((await database.programs.toArray()).map((p) => p.id));
  });

  it('answers again in a live query when a program is added after the last page read', async () => {
    fresh();
    await database.programs.bulkAdd(Array.from({ length: 600 }, (_, i) => program(i)));
    const seen: number[] = [];
    const grew = new Promise<void>((resolve) => {
      const sub = liveQuery(() => readStoredPrograms(database)).subscribe((rows) => {
        seen.push(rows.length);
        if (rows.length === 601) {
          sub.unsubscribe();
          resolve();
        }
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    await database.programs.add(program(99_999));
    await grew;
    expect(seen[0]).toBe(600);
    expect(seen.at(-1)).toBe(601);
  });
});

describe('what the Programs screen shows of the catalog', () => {
  it('the newest write among the office programs is the revision; built-in entries have none', () => {
    expect(catalogRevision(mergePrograms(BUILTIN_CATALOG.programs, []))).toBeNull();
    const rows = [program(1), { ...program(2), updatedAt: '2026-12-04T07:00:00.000Z' }, program(3)];
    expect(catalogRevision(mergePrograms(BUILTIN_CATALOG.programs, rows))).toBe('2026-12-04T07:00:00.000Z');
  });

  it('a merge copies the rows given unless it may adopt them (a fresh read); either way the entries are the same', () => {
    const rows = [program(1), program(2)];
    const copied = mergePrograms(BUILTIN_CATALOG.programs, rows);
    expect(rows[0]).not.toHaveProperty('source');
    const adopted = mergePrograms(BUILTIN_CATALOG.programs, rows, true);
    expect(adopted.at(-1)).toBe(rows[1]);
    expect(adopted).toEqual(copied);
    expect(adopted.at(-1)).toMatchObject({ source: 'office', overridesBuiltin: false });
  });

  it('a read list counts as read even when the office has no programs of its own', () => {
    expect(programsRead(mergePrograms(BUILTIN_CATALOG.programs, []))).toBe(true);
  });
});
