// Merging an import's planning records into the stored ones: researchers by number, else by folded name (two people
// of one name with different numbers stay two), members by project and researcher with effort years laid over.
import { describe, expect, it } from 'vitest';
import type { Membership, Researcher } from '../../../shared/domain/planning';
import type { ImportedPlanning } from '../../../shared/excel/import-types';
import { mergeImportedPlanning } from '../../../shared/planning/import-merge';

const stored = (id: string, name: string, number: string): Researcher => ({
  id, name, nameReading: '', eradResearcherNumber: number, researchmapId: '', department: '', position: '', notes: '', deletedAt: null, createdAt: 't', updatedAt: 't',
});
const imported = (key: string, name: string, number: string, department = '') => ({ key, name, nameReading: '', eradResearcherNumber: number, researchmapId: '', department, position: '', sheet: 'S', row: 2 });

describe('mergeImportedPlanning', () => {
  it('finds researchers by number, else by folded name, fills in what the import says, and adds the rest', () => {
    let n = 0;
    const planning: ImportedPlanning = {
      applications: [],
      researchers: [imported('90050426', '山田太郎', '90050426', '医学部'), imported('name:佐藤花子', '佐藤 花子', ''), imported('00828478', '佐藤 花子', '00828478'), imported('name:新人', '新人', '')],
      memberships: [
        { code: 'P-1', applicationCode: '', researcherKey: '90050426', role: 'pi', effort: [{ fiscalYear: 2026, percent: 50 }], sheet: 'S', row: 2 },
        { code: 'P-9', applicationCode: '', researcherKey: 'name:新人', role: 'other', effort: [], sheet: 'S', row: 3 },
      ],
    };
    const member: Membership = { id: 'm1', projectId: 'p1', applicationId: null, researcherId: 'r1', role: 'pi', effort: [{ fiscalYear: 2025, percent: 30 }, { fiscalYear: 2026, percent: 30 }] };
    const out = mergeImportedPlanning(planning, { researchers: [stored('r1', '山田 太郎', '90050426'), stored('r2', '佐藤　花子', '11111111')], applications: [], memberships: [member] }, {
      now: 'n', newId: () => `new${++n}`, projectIdByCode: new Map([['P-1', 'p1']]),
    });
    // r1 by number (its stored spelling kept, department filled); 佐藤 花子 without a number is r2 by name (nothing to
    // change); with another number she is someone else (new); 新人 is new.
    expect(out.researchers.map((r) => [r.id, r.name, r.eradResearcherNumber, r.department])).toEqual([
      ['r1', '山田 太郎', '90050426', '医学部'], ['new1', '佐藤 花子', '00828478', ''], ['new2', '新人', '', ''],
    ]);
    expect(out.memberships).toEqual([{ id: 'm1', projectId: 'p1', applicationId: null, researcherId: 'r1', role: 'pi', effort: [{ fiscalYear: 2025, percent: 30 }, { fiscalYear: 2026, percent: 50 }] }]);
    expect(out.skippedMembers).toBe(1);
  });
});
