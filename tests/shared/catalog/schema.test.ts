// The catalog gate stays backward compatible: editions stored before "not stated", amount kinds, themes and name
// sources existed still load unchanged, and the new values are checked where they appear.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { MANAGED_BY_NOT_STATED, nameIsOurs, parseCatalogEdition } from '../../../shared/catalog/schema';

/** The built-in edition as an office stored it before issue 16: no new fields, every body a string, free-text nameEnSource. */
function oldEdition(): Record<string, unknown> {
  const copy = structuredClone(BUILTIN_CATALOG) as unknown as { edition: Record<string, unknown>; programs: Record<string, unknown>[] };
  delete copy.edition.themes;
  for (const p of copy.programs) {
    delete p.theme;
    delete p.nameEnSource;
    if (p.managedBy === null) p.managedBy = 'MEXT';
    for (const t of p.tracks as Record<string, unknown>[]) {
      delete t.amountKind;
      delete t.nameJaSource;
      delete t.nameEnSource;
      for (const g of t.stageGates as Record<string, unknown>[]) if (g.afterYear === null) g.afterYear = 1;
    }
  }
  (copy.programs.find((p) => p.id === 'b-cure') as Record<string, unknown>).nameEnSource = 'document (English expansion given under the title)';
  return copy;
}

describe('parseCatalogEdition, old and new', () => {
  it('loads an edition stored before the new fields, keeping its values as they were', () => {
    const r = parseCatalogEdition(oldEdition());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.catalog.edition.themes).toBeUndefined();
    expect(r.catalog.programs.find((p) => p.id === 'binds')?.managedBy).toBe('MEXT');
    expect(r.catalog.programs.find((p) => p.id === 'binds')?.theme).toBeUndefined();
    const sicorp = r.catalog.programs.find((p) => p.id === 'sicorp')!;
    expect(sicorp.tracks[0]!.amountKind).toBeUndefined();
    expect(r.catalog.programs.find((p) => p.id === 'b-cure')?.nameEnSource).toContain('document');
  });
  it('loads the built-in edition with bodies not stated, gates without a year and amount kinds', () => {
    const r = parseCatalogEdition(structuredClone(BUILTIN_CATALOG));
    expect(r.ok).toBe(true);
  });
  it('refuses an unknown amount kind, a gate year of 0 and the reserved filter value as a body', () => {
    const copy = structuredClone(BUILTIN_CATALOG);
    const sicorp = copy.programs.find((p) => p.id === 'sicorp')!;
    (sicorp.tracks[0] as Record<string, unknown>).amountKind = 'cap';
    const device = copy.programs.find((p) => p.id === 'medical-device-development')!;
    device.tracks[1]!.stageGates[0]!.afterYear = 0;
    copy.programs[0]!.managedBy = MANAGED_BY_NOT_STATED;
    const r = parseCatalogEdition(copy);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    const si = copy.programs.indexOf(sicorp);
    const di = copy.programs.indexOf(device);
    expect(paths).toEqual(expect.arrayContaining([`programs.${si}.tracks.0.amountKind`, `programs.${di}.tracks.1.stageGates.0.afterYear`, 'programs.0.managedBy']));
  });
  it('refuses a theme id that is not a slug', () => {
    const copy = structuredClone(BUILTIN_CATALOG);
    (copy.programs[0] as Record<string, unknown>).theme = '研究力強化';
    expect(parseCatalogEdition(copy).ok).toBe(false);
  });
  it('reads only "ours" as a name of ours', () => {
    expect(nameIsOurs('ours')).toBe(true);
    expect(nameIsOurs('document')).toBe(false);
    expect(nameIsOurs(undefined)).toBe(false);
    expect(nameIsOurs('document (English expansion given under the title)')).toBe(false);
  });
});
