// The Applications and Requests sheets: written by the export and read back through real xlsx bytes, and read as an
// office fills them in (Japanese labels, program by name, percentages, bad rows reported per cell).
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { applicationRecordsFromImport, applicationsSheets, readApplicationsSheets } from '../../../shared/excel/applications-sheet';
import { createProgramResolver } from '../../../shared/excel/program-resolve';
import { readWorkbookGrids, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import { makeApplication } from '../planning/fixtures';

const programs = BUILTIN_CATALOG.programs;
const resolver = createProgramResolver(programs);
const apps = [
  makeApplication('a1', { code: 'AP-1', status: 'awarded', resultDate: '2026-03-10', projectId: 'p1', probabilityOverride: null, requested: [{ fiscalYear: 2027, directYen: 8_000_000, indirectYen: 2_400_000 }, { fiscalYear: 2026, directYen: 10_000_000, indirectYen: 3_000_000 }] }),
  makeApplication('a2', { code: 'AP-2', programId: null, funderName: '+財団', role: 'partner', status: 'planned', probabilityOverride: 0.35, internalDeadline: '2026-05-13', notes: 'メモ' }),
  makeApplication('a3', { code: 'AP-3', deletedAt: '2026-01-01T00:00:00Z' }),
];

describe('Applications and Requests sheets', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`round-trip every field (${lang})`, () => {
      const { sheets, codeById } = applicationsSheets({ applications: apps, programs, projectCodeById: new Map([['p1', 'P-001']]), lang });
      expect([...codeById.values()]).toEqual(['AP-1', 'AP-2']);
      const read = readApplicationsSheets(readWorkbookGrids(writeWorkbookBytes(sheets)).sheets, resolver);
      expect(read.problems).toEqual([]);
      const back = applicationRecordsFromImport(read, new Set(['P-001']), 'now');
      const strip = ({ id: _i, createdAt: _c, updatedAt: _u, callId: _k, projectId: _p, ...rest }: (typeof apps)[number]) => rest;
      expect(back.map(strip)).toEqual(apps.slice(0, 2).map((a) => ({ ...strip(a), requested: [...a.requested].sort((x, y) => x.fiscalYear - y.fiscalYear) })));
      expect(back[0]!.projectId).toBe('P-001');
      expect(back[1]!.projectId).toBeNull();
    });
  }

  it('reads an office-made sheet and reports bad rows per cell', () => {
    const rows: Cell[][] = [
      ['応募管理番号', '課題名', '事業名', '状態', '代表/分担', 'e-Rad締切', '採択見込み（%）'],
      ['X-1', '課題1', '次世代がん医療加速化研究事業', '申請中', '分担', 'R8.5.20', '40%'],
      ['X-2', '課題2', '財団A', '不明な状態', '', '', ''],
      ['X-3', '課題3', '財団B', '採択', '', '2026/2/30', ''],
      ['X-1', '課題1再', '財団C', '申請中', '', '', ''],
      ['X-4', '課題4', '財団D', '辞退', '？', '', '150'],
    ];
    const requests: Cell[][] = [
      ['応募管理番号', '年度', '直接経費（円）', '間接経費（円）'],
      ['X-1', '令和8年度', '1,000,000円', 300_000],
      ['X-1', 2026, 1, 1],
      ['X-2', 2026, 1, 1],
      ['X-9', 2026, 1, 1],
      ['X-1', 2027, '未定', ''],
    ];
    const grids = readWorkbookGrids(writeWorkbookBytes([{ name: '応募', rows }, { name: '申請額', rows: requests }])).sheets;
    const read = readApplicationsSheets(grids, resolver);
    expect(read.applications.map((a) => a.code)).toEqual(['X-1']);
    expect(read.applications[0]).toMatchObject({ fields: { programId: 'next-gen-cancer', funderName: '', status: 'submitted', role: 'partner', eradDeadline: '2026-05-20', probabilityOverride: 0.4 } });
    expect(read.applications[0]!.requested).toEqual([{ fiscalYear: 2026, directYen: 1_000_000, indirectYen: 300_000 }]);
    const at = (sheet: string, row: number) => read.problems.filter((p) => p.sheet === sheet && p.row === row).map((p) => `${p.column}:${p.severity}`);
    expect(at('応募', 3)).toEqual(['D:error']);
    expect(at('応募', 4)).toEqual(['F:error']);
    expect(at('応募', 5)).toEqual(['A:error']);
    expect(at('応募', 6)).toEqual(['E:warning', 'G:error']);
    expect(at('申請額', 3)).toEqual(['B:error']);
    expect(at('申請額', 4)).toEqual(['A:error']);
    expect(at('申請額', 5)).toEqual(['A:error']);
    expect(at('申請額', 6)).toEqual(['C:warning']);
  });
});
