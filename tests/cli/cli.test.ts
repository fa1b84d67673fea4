// The command-line twin: check's JSON and exit codes, convert/report/ics outputs, refusals with the reason on stderr.
// Most cases run in-process (runCli); one runs the real `npm run -s cli` to prove the script wiring.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/commands';
import type { CliIo } from '../../cli/commands';
import { readWorkbookGrids, writeWorkbookBytes } from '../../shared/excel/sheetjs';
import { MESSY_ROWS, messyOfficeWorkbook, rangeLayoutSheets } from '../shared/excel/fixtures';
import { awardListSheets, encodeCp932, kakenRows, ledgerSheets, toCsv } from '../shared/excel/issue-layouts';

const dir = mkdtempSync(path.join(tmpdir(), 'gp-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

function io(): CliIo & { out: string; err: string; files: Map<string, Uint8Array | string> } {
  const self = {
    out: '', err: '', files: new Map<string, Uint8Array | string>(),
    readFile: (p: string) => new Uint8Array(readFileSync(p)),
    writeFile: (p: string, d: Uint8Array | string) => {
      self.files.set(p, d);
      writeFileSync(p, d);
    },
    stdout: (t: string) => {
      self.out += t;
    },
    stderr: (t: string) => {
      self.err += t;
    },
  };
  return self;
}

const NOW = new Date('2025-06-01T00:00:00Z');
writeFileSync(file('messy.xlsx'), messyOfficeWorkbook());
writeFileSync(file('clean.xlsx'), writeWorkbookBytes([{ name: 'S', rows: rangeLayoutSheets()[0]!.rows.filter((_, i) => i !== 2) }]));

describe('cli check', () => {
  it('prints one JSON object with counts and per-row problems, exit 1 when a row has an error', () => {
    const t = io();
    expect(runCli(['check', file('messy.xlsx')], t, NOW)).toBe(1);
    const out = JSON.parse(t.out) as { sheet: string; projects: number; budgetLines: number; milestones: number; problems: { sheet: string; row: number; column: string | null; severity: string; message: string }[] };
    expect(out).toMatchObject({ sheet: '課題一覧', projects: 5, budgetLines: 7, milestones: 2 });
    expect(out.problems.find((p) => p.row === MESSY_ROWS.badDate && p.severity === 'error')).toMatchObject({ sheet: '課題一覧', column: 'F' });
    expect(Object.keys(out.problems[0]!).sort()).toEqual(['column', 'message', 'row', 'severity', 'sheet']);
    expect(t.out.trim().split('\n')).toHaveLength(1);
  });
  it('exits 0 when no row has an error', () => {
    const t = io();
    expect(runCli(['check', file('clean.xlsx')], t, NOW)).toBe(0);
    expect(JSON.parse(t.out)).toMatchObject({ projects: 2, budgetLines: 4 });
  });
  it('honours --sheet', () => {
    const t = io();
    expect(runCli(['check', file('messy.xlsx'), '--sheet', '表紙'], t, NOW)).toBe(1);
    expect(JSON.parse(t.out)).toMatchObject({ sheet: '表紙', projects: 0 });
  });
  it('exits 2 with the reason on stderr for a missing, unreadable or refused file', () => {
    const missing = io();
    expect(runCli(['check', file('nope.xlsx')], missing, NOW)).toBe(2);
    expect(missing.err).toContain('Cannot read');
    writeFileSync(file('empty.xlsx'), new Uint8Array());
    const empty = io();
    expect(runCli(['check', file('empty.xlsx')], empty, NOW)).toBe(2);
    expect(empty.err).toContain('empty');
    writeFileSync(file('renamed.xlsx'), new TextEncoder().encode('管理番号,課題名\nA-1,テキスト\n'));
    const renamed = io();
    expect(runCli(['check', file('renamed.xlsx')], renamed, NOW)).toBe(2);
    expect(renamed.err).toContain('not an Excel workbook');
    const usage = io();
    expect(runCli(['frobnicate'], usage, NOW)).toBe(2);
    expect(usage.err).toContain('Usage');
  });
});

describe('cli check: mapping and records', () => {
  it('prints the mapping, the unmapped columns and, with --records, the parsed records', () => {
    writeFileSync(file('list.csv'), new TextEncoder().encode('管理番号,課題名,研究開発期間（開始）,研究開発期間（終了）,令和7年度直接経費,令和7年度間接経費,キーワード\nK-1,CSVの課題,R7.4.1,R9.3.31,"1,000",300,脳\n'));
    const t = io();
    expect(runCli(['check', file('list.csv'), '--records'], t, NOW)).toBe(0);
    const out = JSON.parse(t.out) as { mapping: unknown[]; unmappedColumns: unknown[]; records: { projects: { code: string; fields: Record<string, unknown> }[]; budgetLines: unknown[]; milestones: unknown[] } };
    expect(out.mapping).toEqual([
      { column: 'A', header: '管理番号', field: 'code' },
      { column: 'B', header: '課題名', field: 'title' },
      { column: 'C', header: '研究開発期間(開始)', field: 'start' },
      { column: 'D', header: '研究開発期間(終了)', field: 'end' },
      { column: 'E', header: '令和7年度直接経費', field: 'direct', fiscalYear: 2025 },
      { column: 'F', header: '令和7年度間接経費', field: 'indirect', fiscalYear: 2025 },
    ]);
    expect(out.unmappedColumns).toEqual([{ column: 'G', header: 'キーワード' }]);
    expect(out.records.projects[0]).toMatchObject({ code: 'K-1', fields: { startDate: '2025-04-01', endDate: '2027-03-31' } });
    expect(out.records.budgetLines).toEqual([{ code: 'K-1', sheet: 'list', row: 2, fiscalYear: 2025, directYen: 1000, indirectYen: 300 }]);
    const plain = io();
    runCli(['check', file('list.csv')], plain, NOW);
    expect(JSON.parse(plain.out)).not.toHaveProperty('records');
  });
});

describe('cli check on the three files of issue 13', () => {
  it('imports the award list, the merged-header ledger and the KAKEN CSV fully, with no row errors', () => {
    writeFileSync(file('award.xlsx'), writeWorkbookBytes(awardListSheets()));
    writeFileSync(file('ledger.xlsx'), writeWorkbookBytes(ledgerSheets()));
    writeFileSync(file('kaken.csv'), encodeCp932(toCsv(kakenRows())));
    const counts: Record<string, [number, number]> = {};
    for (const name of ['award.xlsx', 'ledger.xlsx', 'kaken.csv']) {
      const t = io();
      expect(runCli(['check', file(name), '--records'], t, NOW), name).toBe(0);
      const out = JSON.parse(t.out) as { projects: number; budgetLines: number; records: { projects: unknown[] } };
      expect(out.records.projects).toHaveLength(out.projects);
      counts[name] = [out.projects, out.budgetLines];
    }
    expect(counts).toEqual({ 'award.xlsx': [13, 0], 'ledger.xlsx': [5, 5], 'kaken.csv': [2, 4] });
  });
});

describe('cli convert, report, ics', () => {
  it('convert writes the standard workbook (English headers by default, Japanese with --lang ja)', () => {
    expect(runCli(['convert', file('messy.xlsx'), file('std.xlsx')], io(), NOW)).toBe(1);
    const en = readWorkbookGrids(new Uint8Array(readFileSync(file('std.xlsx')))).sheets;
    expect(en.map((s) => s.name)).toEqual(['Projects', 'Budgets', 'Milestones', 'Applications', 'Requests', 'Researchers', 'Members']);
    expect(en[0]!.rows[0]![0]).toBe('Project ID');
    expect(en[1]!.rows).toContainEqual(['A-001', 2025, 10_000_000, 3_000_000]);
    expect(runCli(['convert', file('messy.xlsx'), file('std-ja.xlsx'), '--lang', 'ja'], io(), NOW)).toBe(1);
    const ja = readWorkbookGrids(new Uint8Array(readFileSync(file('std-ja.xlsx')))).sheets;
    expect(ja[0]!.rows[0]!.slice(0, 2)).toEqual(['管理番号', '課題名']);
    // The converted workbook checks clean and reads back the same counts.
    const t = io();
    expect(runCli(['check', file('std.xlsx')], t, NOW)).toBe(0);
    expect(JSON.parse(t.out)).toMatchObject({ sheet: 'Projects', projects: 5, budgetLines: 7, milestones: 2 });
  });

  it('report writes the reports workbook (English by default, Japanese with --lang ja)', () => {
    expect(runCli(['report', file('clean.xlsx'), file('rep.xlsx')], io(), NOW)).toBe(0);
    const en = readWorkbookGrids(new Uint8Array(readFileSync(file('rep.xlsx')))).sheets;
    expect(en.map((s) => s.name)).toEqual(['By program', 'By department', 'Schedule', 'Risks', 'Catalog', 'Success rates', 'Forecast', 'Forecast by group']);
    expect(runCli(['report', file('clean.xlsx'), file('rep-ja.xlsx'), '--lang', 'ja'], io(), NOW)).toBe(0);
    const ja = readWorkbookGrids(new Uint8Array(readFileSync(file('rep-ja.xlsx')))).sheets;
    expect(ja[0]!.rows).toContainEqual(['次世代がん医療加速化研究事業', 2025, '令和7年度', 12_500_000, 3_750_000, 16_250_000, 1]);
    expect(ja[1]!.rows).toContainEqual(['理学研究科', 2026, '令和8年度', 1_000_000, 300_000, 1_300_000, 1]);
    // The schedule covers the current fiscal year (FY2025 on 2025-06-01): the B-001 stage gate on 2026-03-31.
    expect(ja[2]!.rows.slice(2).map((r) => r.slice(0, 2))).toEqual([[{ kind: 'date', iso: '2026-03-31' }, 'B-001']]);
  });

  it('ics writes the milestones as all-day events', () => {
    expect(runCli(['ics', file('clean.xlsx'), file('m.ics')], io(), NOW)).toBe(0);
    const ics = readFileSync(file('m.ics'), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260331');
    expect(ics).toContain('SUMMARY:[B-001] ステージゲート評価');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('runs through npm run -s cli with the documented exit codes', () => {
    const ok = spawnSync('npm', ['run', '-s', 'cli', '--', 'check', file('clean.xlsx')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ projects: 2 });
    const bad = spawnSync('npm', ['run', '-s', 'cli', '--', 'check', file('messy.xlsx')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    const refused = spawnSync('npm', ['run', '-s', 'cli', '--', 'check', file('empty.xlsx')], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('empty');
    expect(execFileSync('npm', ['run', '-s', 'cli', '--', 'check', file('clean.xlsx')], { encoding: 'utf8' }).trim().startsWith('{')).toBe(true);
  }, 60_000);
});
