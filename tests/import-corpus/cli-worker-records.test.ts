// Issue 13's "the CLI and the wizard give the same records": for every corpus file, the records `check --records`
// prints equal those of `runImportPipeline` and those the wizard's import Worker API commits (its load, then its commit,
// which hands the store's import commit the records it keeps), file name and all. A comma-separated text renamed .xlsx
// is refused by both.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { runImportPipeline } from '../../shared/excel/import-pipeline';
import { createImportWorkerApi } from '../../renderer/features/import-export/import-worker-api';
import type { ParsedImport } from '../../shared/excel/import-types';
import { cliCheckRecords } from './cli-check';
import { plainControl } from './control';
import { CORPUS } from './corpus';

// The store's commit, stood in for: what the Worker would write is what it hands over (no database needed here).
const committed = vi.hoisted(() => ({ parsed: null as ParsedImport | null }));
vi.mock('../../renderer/store/import-commit', async (original) => ({
  ...(await original<object>()),
  commitImport: (parsed: ParsedImport) => {
    committed.parsed = parsed;
    return Promise.resolve({ added: 0, updated: 0, unchanged: 0, skipped: 0, skippedReasons: [], budgetLinesWritten: 0, milestonesWritten: 0 });
  },
}));

const programs = BUILTIN_CATALOG.programs;
const dir = mkdtempSync(path.join(tmpdir(), 'gp-cli-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Records = { projects: unknown[]; budgetLines: unknown[]; milestones: unknown[]; researchers?: unknown[]; memberships?: unknown[] };

function cliCheck(file: string): { exit: number; records: Records | null; stderr: string } {
  const { exit, json, stderr } = cliCheckRecords(file);
  return { exit, records: (json as { records?: Records } | null)?.records ?? null, stderr };
}

/** The records as JSON carries them (the CLI's output drops undefined fields). */
const plain = (r: Records): Records => JSON.parse(JSON.stringify(r)) as Records;

async function workerRecords(bytes: Uint8Array, fileName: string): Promise<Records> {
  const api = createImportWorkerApi();
  const head = await api.load(bytes, fileName, [...programs], []);
  if (!head.ok) throw new Error(`the Worker refused ${fileName}: ${head.message.en}`);
  committed.parsed = null;
  await api.commit('', fileName, () => undefined);
  const { projects, budgetLines, milestones } = committed.parsed!;
  return { projects, budgetLines, milestones };
}

describe('the CLI, the pipeline and the import Worker read every corpus file alike', () => {
  it.each([plainControl, ...CORPUS].map((l) => [l.id, l] as const))('%s', async (_id, layout) => {
    const bytes = layout.build();
    const file = path.join(dir, layout.fileName);
    writeFileSync(file, bytes);
    const cli = cliCheck(file);
    expect(cli.stderr).toBe('');
    expect(cli.records).not.toBeNull();
    expect(cli.records!.projects.length).toBeGreaterThan(0);
    const run = runImportPipeline(bytes, { programs, fileName: layout.fileName });
    if (!run.ok) throw new Error(run.message.en);
    const { projects, budgetLines, milestones, planning } = run.result;
    // The people (researchers, members) the CLI adds when the file names any are the pipeline's too.
    const { researchers, memberships, ...projectRecords } = cli.records!;
    expect(projectRecords).toEqual(plain({ projects, budgetLines, milestones }));
    expect(JSON.parse(JSON.stringify({ researchers, memberships }))).toEqual(JSON.parse(JSON.stringify({ researchers: planning?.researchers, memberships: planning?.memberships })));
    expect(plain(await workerRecords(bytes, layout.fileName))).toEqual(projectRecords);
  });

  it('refuses a comma-separated text renamed .xlsx in the Worker as in the CLI', async () => {
    const bytes = new TextEncoder().encode('管理番号,課題名,研究代表者\nA-1,テスト課題,山田 太郎\n');
    const file = path.join(dir, 'renamed.xlsx');
    writeFileSync(file, bytes);
    const cli = cliCheck(file);
    expect(cli.exit).toBe(2);
    expect(cli.stderr).toContain('not an Excel workbook');
    const head = await createImportWorkerApi().load(bytes, 'renamed.xlsx', [...programs], []);
    expect(head).toMatchObject({ ok: false, refused: true });
    if (!head.ok) expect(cli.stderr).toContain(head.message.en);
    // The same bytes named .csv are a table, so the refusal comes from the name.
    expect((await createImportWorkerApi().load(bytes, 'list.csv', [...programs], [])).ok).toBe(true);
  });
});
