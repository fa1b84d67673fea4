// The program form's conversions: amounts and years as offices type them, field problems, and extra fields kept.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { draftToProgram, emptyTrackDraft, newProgramDraft, parseYearInput, parseYenInput, programToDraft } from '../../../shared/catalog/program-form';
import type { CatalogProgram } from '../../../shared/catalog/schema';

describe('parseYenInput', () => {
  it.each([
    ['3600000000', 3_600_000_000],
    ['3,600,000,000円', 3_600_000_000],
    ['３６億', 3_600_000_000],
    ['36億円', 3_600_000_000],
    ['1.2億', 120_000_000],
    ['1億2000万', 120_000_000],
    ['500万', 5_000_000],
    ['1,200万円', 12_000_000],
    ['', null],
    ['未定', null],
  ])('%s → %s', (text, yen) => expect(parseYenInput(text)).toBe(yen));
  it.each(['三十六億', '36億X', 'abc', '-3', '▲1億'])('refuses %s', (text) => expect(parseYenInput(text)).toBe('invalid'));
});

describe('parseYearInput', () => {
  it('reads western and wareki years', () => {
    expect(parseYearInput('2025')).toBe(2025);
    expect(parseYearInput('令和7')).toBe(2025);
    expect(parseYearInput('R4年度')).toBe(2022);
    expect(parseYearInput('')).toBeNull();
    expect(parseYearInput('来年')).toBe('invalid');
  });
});

/** A minimal stored program for building drafts. */
function storedProgram(): CatalogProgram {
  return {
    id: 'old', parentId: null, nameJa: '旧版の事業', nameEn: '', abbreviation: null, managedBy: 'JSPS', division: null,
    budgetYen: { request: null, previous: null, supplementary: null, note: null }, period: { startFiscalYear: null, endFiscalYear: null },
    researchPeriodYears: null, tracks: [], summaryJa: '', summaryEn: '',
  };
}

describe('draftToProgram', () => {
  it('round-trips a built-in program through the draft, keeping its extra fields', () => {
    for (const p of BUILTIN_CATALOG.programs) {
      const r = draftToProgram(programToDraft(p), p);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.program).toEqual(p);
    }
  });
  it('builds a new program with tracks, gates and generated track ids', () => {
    const draft = { ...newProgramDraft(), id: 'office-x', nameJa: '民間財団助成', managedBy: '○○財団', request: '1,000万', startFiscalYear: '令和7', endFiscalYear: '2027' };
    draft.tracks = [
      { ...emptyTrackDraft(), nameJa: '一般', durationYears: '2', maxAnnualYen: '500万', gates: [{ afterYear: '1', nameJa: '', nameEn: '', note: '中間報告' }] },
      { ...emptyTrackDraft(), nameJa: '若手', durationYears: '1' },
    ];
    const r = draftToProgram(draft, null, new Set(['office-x/track-1']));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.program).toMatchObject({ id: 'office-x', parentId: null, budgetYen: { request: 10_000_000, previous: null }, period: { startFiscalYear: 2025, endFiscalYear: 2027 } });
    expect(r.program.tracks.map((t) => t.id)).toEqual(['office-x/track-2', 'office-x/track-3']);
    expect(r.program.tracks[0]).toMatchObject({ durationYears: 2, maxAnnualYen: 5_000_000, stageGates: [{ afterYear: 1, note: '中間報告' }] });
  });
  it('reports every field problem', () => {
    const draft = { ...newProgramDraft(), id: 'office-y', request: '三億', startFiscalYear: '2027', endFiscalYear: '2025', researchPeriodYears: '0' };
    draft.tracks = [{ ...emptyTrackDraft(), gates: [{ afterYear: '年目', nameJa: '', nameEn: '', note: '' }] }];
    const r = draftToProgram(draft, null);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field).sort()).toEqual(
      ['endFiscalYear', 'nameJa', 'request', 'researchPeriodYears', 'tracks.0.gates.0.afterYear', 'tracks.0.nameJa'].sort(),
    );
  });
  it('records what is left blank as not stated: no body, a gate with no year, an amount of unstated kind', () => {
    const draft = { ...newProgramDraft(), id: 'office-z', nameJa: '○○財団助成' };
    draft.tracks = [{ ...emptyTrackDraft(), nameJa: '一般', maxAnnualYen: '300万', gates: [{ afterYear: '', nameJa: '', nameEn: '', note: '' }, { afterYear: '2', nameJa: '', nameEn: '', note: '' }] }];
    const r = draftToProgram(draft, null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.program.managedBy).toBeNull();
    expect(r.program.tracks[0]).toMatchObject({ maxAnnualYen: 3_000_000, amountKind: null });
    // Dated gates first, then the one with no fixed year.
    expect(r.program.tracks[0]!.stageGates.map((g) => g.afterYear)).toEqual([2, null]);
  });
  it('stores the amount kind chosen, and reads a figure from an edition without kinds as a cap', () => {
    const legacy = { id: 'old/t', nameJa: '旧', nameEn: '', durationYears: 3, maxAnnualYen: 10_000_000, stageGates: [] };
    const draft = programToDraft({ ...storedProgram(), tracks: [legacy] });
    expect(draft.tracks[0]!.amountKind).toBe('maximum');
    draft.tracks[0]!.amountKind = 'about';
    const r = draftToProgram(draft, null);
    expect(r.ok && r.program.tracks[0]!.amountKind).toBe('about');
  });
  it('drops the name-source marks of a name the office retyped', () => {
    const satreps = BUILTIN_CATALOG.programs.find((p) => p.id === 'satreps')!;
    const draft = programToDraft(satreps);
    draft.nameEn = 'SATREPS (office wording)';
    draft.tracks[0]!.nameJa = '一般枠';
    const r = draftToProgram(draft, satreps);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.program.nameEnSource).toBeUndefined();
    expect(r.program.tracks[0]!.nameJaSource).toBeUndefined();
    expect(r.program.tracks[0]!.nameEnSource).toBe('ours'); // English name untouched
  });
});
