// Every screen string exists in both languages: a key present in Japanese but not in English (or the reverse) would
// show a raw key to the user.
import { describe, expect, it } from 'vitest';
import { commonStrings } from '../../../renderer/i18n/common-strings';
import { featureStrings } from '../../../renderer/i18n/feature-strings';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe.each(Object.entries({ common: commonStrings, ...featureStrings }))('string table %s', (_name, table) => {
  it('has the same keys in Japanese and English', () => {
    expect(keyPaths(table.en).sort()).toEqual(keyPaths(table.ja).sort());
  });
});
