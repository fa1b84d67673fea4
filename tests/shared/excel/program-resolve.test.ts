// The one reading of a row's program ID, name and track cells, shared by the projects and applications sheets.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { createProgramResolver, resolveProgramCells } from '../../../shared/excel/program-resolve';

const resolver = createProgramResolver(BUILTIN_CATALOG.programs);
const strict = { reportUnknownName: true };

describe('resolveProgramCells', () => {
  it('takes the ID first and the track by its Japanese name', () => {
    const r = resolveProgramCells(resolver, { idText: 'next-gen-cancer', name: '何か別の名前', trackText: '応用研究フェーズ' }, strict);
    expect(r).toEqual({ programId: 'next-gen-cancer', trackId: 'next-gen-cancer/applied', problems: [] });
  });

  it('falls back to the name when the ID is unknown, and says the ID was not found', () => {
    const r = resolveProgramCells(resolver, { idText: 'no-such-id', name: '次世代がん医療加速化研究事業', trackText: '' }, strict);
    expect(r.programId).toBe('next-gen-cancer');
    expect(r.problems.map((p) => p.column)).toEqual(['programId']);
  });

  it('reports an unknown name only when asked (an application may name an outside funder)', () => {
    const cells = { idText: '', name: '民間財団の助成', trackText: '' };
    expect(resolveProgramCells(resolver, cells, strict).problems.map((p) => p.column)).toEqual(['program']);
    expect(resolveProgramCells(resolver, cells, { reportUnknownName: false })).toEqual({ programId: null, trackId: null, problems: [] });
  });

  it('keeps the program and reports a track it does not have', () => {
    const r = resolveProgramCells(resolver, { idText: 'next-gen-cancer', name: '', trackText: '存在しないタイプ' }, strict);
    expect(r.programId).toBe('next-gen-cancer');
    expect(r.trackId).toBeNull();
    expect(r.problems[0]?.column).toBe('track');
    expect(r.problems[0]?.message.ja).toContain('存在しないタイプ');
  });
});
