import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { funderKey, programEndFiscalYear, programKey, programKeyLabel, programLookup, trackSupportYen } from '../../../shared/planning/program-context';

const programs = programLookup(BUILTIN_CATALOG.programs);

describe('program context for the planning rules', () => {
  it('takes the period end from the program, else its parent, else none', () => {
    expect(programEndFiscalYear(programs, 'b-cure')).toBe(2025);
    expect(programEndFiscalYear(programs, 'tohoku-medical-megabank')).toBe(2025); // sub-program of b-cure
    expect(programEndFiscalYear(programs, 'grifin')).toBe(2025); // two levels down
    expect(programEndFiscalYear(programs, 'translational-research')).toBeNull(); // 令和3年度～ (open-ended)
    expect(programEndFiscalYear(programs, 'no-such-program')).toBeNull();
  });
  it('groups by managing body, else the funder name as written', () => {
    expect(funderKey(programs, { programId: 'next-gen-cancer', funderName: '次世代がん' })).toBe('AMED');
    expect(funderKey(programs, { programId: 'binds', funderName: 'BINDS' })).toBe('BINDS'); // the catalog names no body
    expect(funderKey(programs, { programId: null, funderName: ' JSPS ' })).toBe('JSPS');
  });
  it('keys programs by id, outside funders by name, and labels both', () => {
    expect(programKey({ programId: 'binds', funderName: 'x' })).toBe('binds');
    expect(programKey({ programId: null, funderName: 'ＪＳＴ ' })).toBe('funder:JST');
    expect(programKey({ programId: null, funderName: '' })).toBe('');
    expect(programKeyLabel(programs, 'funder:JST', 'en')).toBe('JST');
    expect(programKeyLabel(programs, 'next-gen-cancer', 'ja')).toBe('次世代がん医療加速化研究事業');
    expect(programKeyLabel(programs, '', 'ja')).toBe('（不明）');
  });
  it('reads a track’s support size from the catalog', () => {
    expect(trackSupportYen(programs, 'satreps', 'satreps/standard')).toBe(32_000_000);
    expect(trackSupportYen(programs, 'satreps', 'nope')).toBeNull();
  });
});
