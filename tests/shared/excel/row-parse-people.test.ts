// Row parsing, validation and the plan for an office sheet's people (issue 17): the PI and each 研究分担者 become
// researchers and members; エフォート goes to the right people for the row's fiscal years; researcher numbers are kept
// and warned on; the same person on two rows is one researcher.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { inferColumns } from '../../../shared/excel/column-infer';
import { buildImportPlan } from '../../../shared/excel/import-plan';
import { createProgramResolver } from '../../../shared/excel/program-resolve';
import { parseTableRows } from '../../../shared/excel/row-parse';
import { validateRows } from '../../../shared/excel/row-validate';
import type { Cell, SheetGrid } from '../../../shared/excel/sheetjs';
import { detectHeader } from '../../../shared/excel/table-detect';

const resolver = createProgramResolver(BUILTIN_CATALOG.programs);

function stages(rows: Cell[][]) {
  const grid: SheetGrid = { name: 'S', hidden: false, rows, merges: [] };
  const header = detectHeader(grid, 0)!;
  const columns = header.headers.map((_, c) => rows.slice(header.headerRow + 1).map((r) => r[c] ?? null));
  const { mapping } = inferColumns(header.headers, columns, header.titleFiscalYear);
  const read = parseTableRows(grid, header, mapping, resolver);
  const parsedPeople = read.rows.map((r) => r.people.map((p) => ({ ...p, effort: [...p.effort] })));
  validateRows(read.rows, read.columnOf);
  const plan = buildImportPlan('S', read.rows, read.skipped, read.tableProblems, read.columnOf('code'));
  return { mapping, read, parsedPeople, plan };
}

const HEAD = ['管理番号', '課題名', '研究代表者', '研究者番号', '研究分担者', 'エフォート', '研究期間'];

describe('column inference of people columns', () => {
  it('maps 研究分担者, 研究者番号 and エフォート (and the co-investigators\' effort) from their headers', () => {
    const { mapping } = stages([[...HEAD, '分担者エフォート'], ['A-1', '課題', '山田 太郎', '90050426', '佐藤 花子', '40', 'R7.4.1～R8.3.31', '10']]);
    expect(mapping.map((m) => m.field)).toEqual(['code', 'title', 'pi', 'piResearcherNumber', 'coInvestigators', 'effort', 'period', 'coInvestigatorEffort']);
  });
});

describe('row parsing of people', () => {
  it('splits co-investigators on ・ (not inside a katakana name), line breaks, commas and slashes, and gives 代表/分担 effort for every year of the period', () => {
    const { parsedPeople } = stages([HEAD, ['A-1', '課題', '山田　太郎', '90050426', '佐藤 花子・ジョン・スミス\n鈴木 一郎, 田中/高橋', '代表40/分担10', 'R7.4.1～R9.3.31']]);
    expect(parsedPeople[0]!.map((p) => [p.name, p.role, p.effort])).toEqual([
      ['山田 太郎', 'pi', [{ fiscalYear: 2025, percent: 40 }, { fiscalYear: 2026, percent: 40 }]],
      ...['佐藤 花子', 'ジョン・スミス', '鈴木 一郎', '田中', '高橋'].map((n) => [n, 'co-investigator', [{ fiscalYear: 2025, percent: 10 }, { fiscalYear: 2026, percent: 10 }]]),
    ]);
    expect(parsedPeople[0]![0]!.researcherNumber).toBe('90050426');
  });

  it('gives effort by name (a family name is enough) for the row\'s 年度, and warns on a name that is no one', () => {
    const { plan, parsedPeople } = stages([
      ['管理番号', '課題名', '研究代表者', '研究分担者', 'エフォート', '年度'],
      ['A-1', '課題', '佐藤 花子', '山田 太郎\n田中 次郎', '佐藤30、山田 太郎 20、木村5', 'R8'],
    ]);
    expect(parsedPeople[0]!.map((p) => [p.name, p.effort])).toEqual([
      ['佐藤 花子', [{ fiscalYear: 2026, percent: 30 }]],
      ['山田 太郎', [{ fiscalYear: 2026, percent: 20 }]],
      ['田中 次郎', []],
    ]);
    expect(plan.problems.filter((p) => p.column === 'E').map((p) => p.message.ja)).toEqual([expect.stringContaining('「木村」はこの行の研究者に当たらない')]);
  });

  it('reads a percentage cell (0.3) as 30 %, and warns (importing no effort) on text that is no percentage or a row with no year', () => {
    const { parsedPeople, plan } = stages([
      ['管理番号', '課題名', '研究代表者', 'エフォート', '研究期間'],
      ['A-1', '一', '森 由美', 0.3, 'R7.4.1～R8.3.31'],
      ['A-2', '二', '森 由美', '多め', 'R7.4.1～R8.3.31'],
      ['A-3', '三', '石井 翔太', '20', null],
    ]);
    expect(parsedPeople.map((row) => row[0]!.effort)).toEqual([[{ fiscalYear: 2025, percent: 30 }], [], []]);
    expect(plan.problems.filter((p) => p.column === 'D').map((p) => p.row)).toEqual([3, 4]);
  });

  it('takes name, department, position and number from KAKEN\'s packed 研究分担者 entries', () => {
    const { parsedPeople } = stages([
      ['研究課題/領域番号', '研究課題名', '研究代表者', '研究分担者'],
      ['20H00028', '課題', '高橋 美咲  東都大学, 大学院医学系研究科, 准教授 (00828478)', '佐々木 拓也  東都大学, 大学院医学系研究科, 講師 (30512345)井上 直子  西海大学, 薬学部, 教授 (50298765)'],
    ]);
    expect(parsedPeople[0]!.map((p) => [p.name, p.role, p.department, p.position, p.researcherNumber])).toEqual([
      ['高橋 美咲', 'pi', '大学院医学系研究科', '准教授', '00828478'],
      ['佐々木 拓也', 'co-investigator', '大学院医学系研究科', '講師', '30512345'],
      ['井上 直子', 'co-investigator', '薬学部', '教授', '50298765'],
    ]);
  });
});

describe('validation and the plan of people', () => {
  it('keeps a researcher number whose check digit our rule doubts, with a warning on its column', () => {
    const { plan } = stages([HEAD, ['A-1', '課題', '高橋 健', '10050426', '', '', 'R7.4.1～R8.3.31']]);
    expect(plan.projects[0]!.fields.piResearcherNumber).toBe('10050426');
    expect(plan.problems.filter((p) => p.column === 'D').map((p) => p.severity)).toEqual(['warning']);
    expect(plan.planning!.researchers.map((r) => r.eradResearcherNumber)).toEqual(['10050426']);
  });

  it('makes one researcher of a name written with its number on one row and without on another, and leaves out rows with errors', () => {
    const { plan } = stages([
      HEAD,
      ['A-1', '一', '佐藤 花子', '00828478', '山田 太郎', '代表30/分担10', 'R7.4.1～R8.3.31'],
      ['A-2', '二', '山田太郎', '', '佐藤花子', '代表20/分担5', 'R7.4.1～R8.3.31'],
      ['', '三', '木村 一', '', '', '', 'R7.4.1～R8.3.31'],
    ]);
    expect(plan.planning!.researchers.map((r) => [r.key, r.name])).toEqual([['00828478', '佐藤 花子'], ['name:山田太郎', '山田 太郎']]);
    expect(plan.planning!.memberships.map((m) => [m.code, m.researcherKey, m.role, m.effort[0]?.percent])).toEqual([
      ['A-1', '00828478', 'pi', 30],
      ['A-1', 'name:山田太郎', 'co-investigator', 10],
      ['A-2', 'name:山田太郎', 'pi', 20],
      ['A-2', '00828478', 'co-investigator', 5],
    ]);
  });

  it('carries no planning for a sheet that names no people', () => {
    expect(stages([['管理番号', '課題名'], ['A-1', '一']]).plan.planning).toBeUndefined();
  });
});
