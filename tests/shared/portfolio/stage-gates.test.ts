import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { generateStageGates, missingDrafts, stageGateDueDate, undatedGates } from '../../../shared/portfolio/stage-gates';

const practical = BUILTIN_CATALOG.programs.find((p) => p.id === 'medical-device-development')!.tracks.find((t) => t.id === 'medical-device-development/practical')!;

describe('stage gates', () => {
  it('falls on the last day of project year N', () => {
    expect(stageGateDueDate('2025-04-01', 1)).toBe('2026-03-31');
    expect(stageGateDueDate('2025-04-01', 2)).toBe('2027-03-31');
    expect(stageGateDueDate('2025-10-15', 1)).toBe('2026-10-14');
    expect(stageGateDueDate('2024-02-29', 1)).toBe('2025-02-27');
    expect(stageGateDueDate(null, 1)).toBeNull();
    expect(stageGateDueDate('2025-04-01', 0)).toBeNull();
  });

  it('drafts the practical track’s two gates with the catalog notes as text', () => {
    const drafts = generateStageGates({ id: 'p1', startDate: '2025-04-01' }, practical);
    expect(drafts.map((d) => d.dueDate)).toEqual(['2026-03-31', '2027-03-31']);
    expect(drafts.every((d) => d.kind === 'stage-gate' && d.status === 'planned' && d.origin === 'catalog' && d.projectId === 'p1')).toBe(true);
    expect(drafts[0]!.notes).toContain('SG：1年目の8割程度');
    expect(drafts[1]!.notes).toContain('SG：1年目の5割程度');
    expect(drafts[0]!.title).toBe(practical.stageGates[0]!.nameJa);
  });

  it('drafts nothing without a track or a start date, and never duplicates', () => {
    expect(generateStageGates({ id: 'p1', startDate: '2025-04-01' }, null)).toEqual([]);
    expect(generateStageGates({ id: 'p1', startDate: null }, practical)).toEqual([]);
    const drafts = generateStageGates({ id: 'p1', startDate: '2025-04-01' }, practical);
    expect(missingDrafts([drafts[0]!], drafts)).toEqual([drafts[1]]);
  });

  it('drafts a gate with no fixed year only on the date set for the project, and lists such gates to be dated', () => {
    const track = {
      stageGates: [
        { afterYear: 1, nameJa: '1年目SG', nameEn: '', note: null },
        { afterYear: null, nameJa: '中間SG', nameEn: 'Mid-term gate', note: '年次の記載なし' },
      ],
    };
    expect(undatedGates(track).map((u) => [u.index, u.gate.nameJa])).toEqual([[1, '中間SG']]);
    expect(undatedGates(practical)).toEqual([]);
    expect(generateStageGates({ id: 'p1', startDate: '2025-04-01' }, track).map((d) => d.title)).toEqual(['1年目SG']);
    const dated = generateStageGates({ id: 'p1', startDate: '2025-04-01' }, track, { 1: '2026-10-31' });
    expect(dated.map((d) => [d.title, d.dueDate])).toEqual([['1年目SG', '2026-03-31'], ['中間SG', '2026-10-31']]);
    expect(dated[1]!.notes).toBe('年次の記載なし / Mid-term gate');
    // A date set for a gate that has a fixed year is ignored: the catalog's rule decides that one.
    expect(generateStageGates({ id: 'p1', startDate: '2025-04-01' }, track, { 0: '2030-01-01' }).map((d) => d.dueDate)).toEqual(['2026-03-31']);
    // Without a start date, the undated gate still gets the office's date.
    expect(generateStageGates({ id: 'p1', startDate: null }, track, { 1: '2026-10-31' }).map((d) => d.title)).toEqual(['中間SG']);
  });
});
