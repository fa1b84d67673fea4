// The Researchers and Members sheets: written by the export, read back through real xlsx bytes, and read as offices
// write them (Japanese headers, names only, 40%, packed duplicates, bad numbers warned not refused).
import { describe, expect, it } from 'vitest';
import { membersRecordsFromImport, membersSheets, parsePercentCell, readMembersSheets } from '../../../shared/excel/members-sheet';
import { readWorkbookGrids, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell, SheetSpec } from '../../../shared/excel/sheetjs';
import { makeMembership, makeResearcher } from '../planning/fixtures';

const researchers = [
  makeResearcher('r1', { name: '山田 太郎', nameReading: 'やまだ たろう', eradResearcherNumber: '90050426', researchmapId: 'yamada', position: '教授' }),
  makeResearcher('r2', { name: '=佐藤 花子', eradResearcherNumber: '' }),
  makeResearcher('r3', { name: '削除 済', deletedAt: '2026-01-01T00:00:00Z' }),
];
const memberships = [
  makeMembership('m1', 'r1', { projectId: 'p1' }, { 2027: 30, 2026: 40 }, { role: 'pi' }),
  makeMembership('m2', 'r2', { projectId: 'p1' }, {}),
  makeMembership('m3', 'r1', { applicationId: 'a1' }, { 2026: 10 }),
  makeMembership('m4', 'r3', { projectId: 'p1' }, { 2026: 10 }),
  makeMembership('m5', 'r1', { projectId: 'trashed' }, { 2026: 10 }),
];

function roundTrip(lang: 'en' | 'ja') {
  const sheets = membersSheets({ researchers, memberships, projectCodeById: new Map([['p1', 'P-001']]), applicationCodeById: new Map([['a1', 'AP-1']]), lang });
  return readWorkbookGrids(writeWorkbookBytes(sheets)).sheets;
}

describe('Members and Researchers sheets', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`round-trip researchers, roles and effort per fiscal year (${lang})`, () => {
      const read = readMembersSheets(roundTrip(lang));
      expect(read.problems).toEqual([]);
      const { researchers: rs, memberships: ms } = membersRecordsFromImport(read, 'now');
      expect(rs.map((r) => [r.id, r.name, r.nameReading, r.eradResearcherNumber, r.researchmapId, r.position])).toEqual([
        ['90050426', '山田 太郎', 'やまだ たろう', '90050426', 'yamada', '教授'],
        ['name:=佐藤花子', '=佐藤 花子', '', '', '', '教授'],
      ]);
      expect(ms.map((m) => [m.projectId, m.applicationId, m.researcherId, m.role, m.effort])).toEqual([
        ['P-001', null, '90050426', 'pi', [{ fiscalYear: 2026, percent: 40 }, { fiscalYear: 2027, percent: 30 }]],
        ['P-001', null, 'name:=佐藤花子', 'co-investigator', []],
        [null, 'AP-1', '90050426', 'co-investigator', [{ fiscalYear: 2026, percent: 10 }]],
      ]);
    });
  }

  it('reads an office-made Members sheet: names only, 40%, fractions, and researchers found by name or added', () => {
    const rows: Cell[][] = [
      ['管理番号', '研究者番号', '研究者名', '役割', '年度', 'エフォート'],
      ['P-1', '００１２３４５６', '鈴木 一郎', '研究代表者', '令和8年度', '40%'],
      ['P-1', '00123456', '鈴木一郎（旧姓）', '代表者', 2027, 0.35],
      ['P-2', '', '山田 太郎', '分担者', 'R8', 30],
      ['P-2', '', '新人 研究者', '謎の役', 2026, 10],
      ['P-3', '1234', '番号 不正', 'その他', 2026, 5],
      ['P-3', '', '', 'その他', 2026, 5],
      ['P-4', '', '山田 太郎', '', 2026, 120],
      ['P-4', '', '山田 太郎', '', 2026, ''],
      ['例-1', '', '例 太郎', '', 2026, 50],
    ];
    const sheets: SheetSpec[] = [
      { name: '研究者', rows: [['氏名', '研究者番号'], ['山田 太郎', '90050426']] },
      { name: 'メンバー', rows },
    ];
    const read = readMembersSheets(readWorkbookGrids(writeWorkbookBytes(sheets)).sheets);
    const { memberships: ms, researchers: rs } = membersRecordsFromImport(read, 'now');
    expect(rs.map((r) => r.id)).toEqual(['90050426', '00123456', 'name:新人研究者', '1234']);
    expect(ms.find((m) => m.projectId === 'P-1')).toMatchObject({ researcherId: '00123456', role: 'pi', effort: [{ fiscalYear: 2026, percent: 40 }, { fiscalYear: 2027, percent: 35 }] });
    expect(ms.find((m) => m.projectId === 'P-2' && m.researcherId === '90050426')).toMatchObject({ role: 'co-investigator', effort: [{ fiscalYear: 2026, percent: 30 }] });
    expect(ms.find((m) => m.researcherId === 'name:新人研究者')).toMatchObject({ role: 'co-investigator' });
    const at = (row: number) => read.problems.filter((p) => p.row === row).map((p) => `${p.column}:${p.severity}`);
    expect(at(5)).toEqual(['D:warning']);
    expect(at(6)).toEqual(['B:warning']);
    expect(at(7)).toEqual(['C:error']);
    expect(at(8)).toEqual(['F:error']);
    expect(at(9)).toEqual(['F:warning']);
    expect(ms.some((m) => m.projectId === '例-1')).toBe(false);
  });

  it('reports a Members sheet it cannot use, and reads a workbook without the sheets as having none', () => {
    const read = readMembersSheets(readWorkbookGrids(writeWorkbookBytes([{ name: 'Members', rows: [['Foo', 'Bar'], ['x', 'y']] }])).sheets);
    expect(read.problems).toMatchObject([{ sheet: 'Members', row: 1, severity: 'error' }]);
    expect(readMembersSheets(readWorkbookGrids(writeWorkbookBytes([{ name: 'Projects', rows: [['Project ID']] }])).sheets)).toEqual({ researchers: [], memberships: [], problems: [] });
  });

  it('parses percentages', () => {
    expect(parsePercentCell('４０％')).toEqual({ kind: 'value', value: 40 });
    expect(parsePercentCell(0.25)).toEqual({ kind: 'value', value: 25 });
    expect(parsePercentCell(33.333)).toEqual({ kind: 'value', value: 33.33 });
    expect(parsePercentCell('abc').kind).toBe('error');
    expect(parsePercentCell(null)).toEqual({ kind: 'empty' });
  });
});
