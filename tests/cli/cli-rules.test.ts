// The CLI applies the project rules the app does (shared/portfolio/project-validation.ts, through import-records):
// the cases of the shared table that a sheet can express, written as an office sheet and checked in-process.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/commands';
import type { CliIo } from '../../cli/commands';
import { writeWorkbookBytes } from '../../shared/excel/sheetjs';
import { RULE_CASES, VALID_INPUT, caseInput } from '../shared/portfolio/project-rules-cases';
import { normalizeProjectInput, validateProject } from '../../shared/portfolio/project-validation';
import type { RuleCase } from '../shared/portfolio/project-rules-cases';

const HEADER = ['管理番号', '課題名', '研究代表者', '事業名', '開始日', '終了日'];
const NOW = new Date('2025-06-01T00:00:00Z');

/** The rules whose breaking a plain office sheet can carry (a program name, not an id; dates the pipeline reads). */
const SHEET_CASES = RULE_CASES.filter((c) => ['code-length', 'text-length', 'program-or-funder'].includes(c.rule));

function sheetRow(c: RuleCase | null, code: string): string[] {
  const p = c ? caseInput(c, code) : { ...VALID_INPUT, code };
  return [p.code, p.title, p.pi, c?.rule === 'program-or-funder' ? '' : '基盤研究(C)', p.startDate ?? '', p.endDate ?? ''];
}

function check(rows: string[][]): { code: number; out: { projects: number; problems: { row: number; severity: string; message: string }[] } } {
  const bytes = writeWorkbookBytes([{ name: '課題一覧', rows: [HEADER, ...rows] }]);
  const io: CliIo & { out: string } = { out: '', readFile: () => bytes, writeFile: () => undefined, stdout: (t) => void (io.out += t), stderr: () => undefined };
  const code = runCli(['check', 'rules.xlsx'], io, NOW);
  return { code, out: JSON.parse(io.out) };
}

describe('cli check and the project rules', () => {
  it('the sheet is read as written (the test’s own premise)', () => {
    expect(check([sheetRow(null, 'OK-1')])).toMatchObject({ code: 0, out: { projects: 1 } });
  });

  it.each(SHEET_CASES.map((c) => [c.rule, c] as const))('%s', (_, c) => {
    const { code, out } = check([sheetRow(null, 'OK-1'), sheetRow(c, 'R-2')]);
    // The rules module's own message for this row, with the table's severity.
    const expected = validateProject(normalizeProjectInput(caseInput(c, 'R-2')), { codeTaken: () => false }).find((p) => p.rule === c.rule)!;
    expect(out.problems.filter((p) => p.row === 3 && p.message === expected.message.en).map((p) => p.severity)).toEqual([c.severity]);
    expect(out.projects).toBe(c.severity === 'error' ? 1 : 2);
    expect(code).toBe(c.severity === 'error' ? 1 : 0);
  });
});
