// `npm run import-corpus`: writes every corpus file to a temp folder, runs it through the CLI path in-process
// (`check <file> --records`, the proposed mapping untouched) and prints, per file and in total, the share of
// expected field values imported right, every miss, and every column the importer could not map.
// Exit 1 below 100%, or when anything unexpected was imported or a row has an error; 0 otherwise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliCheckRecords } from './cli-check';
import { plainControl } from './control';
import { CORPUS } from './corpus';
import { actualFromParsed } from './records';
import { describeScore, formatShare, scoreRecords, totalScore } from './score';
import type { Score } from './score';

interface CheckJson {
  problems?: { severity: string; row: number; column: string | null; message: string }[];
  unmappedColumns?: { column: string; header: string }[];
  records?: { projects: unknown[]; budgetLines: unknown[] };
}

function check(file: string): { exit: number; json: CheckJson | null; stderr: string } {
  const { exit, json, stderr } = cliCheckRecords(file);
  return { exit, json: json as CheckJson | null, stderr };
}

function main(): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'gp-import-corpus-'));
  const scores: Score[] = [];
  let failed = false;
  try {
    // The control file first: when it is not 100%, the CLI path itself is broken, not the corpus's import.
    for (const layout of [plainControl, ...CORPUS]) {
      const control = layout === plainControl;
      const file = path.join(dir, layout.fileName);
      writeFileSync(file, layout.build());
      const { exit, json, stderr } = check(file);
      const records = json?.records;
      const score = scoreRecords(layout.expected, actualFromParsed(records ?? { projects: [], budgetLines: [] }));
      if (!control) scores.push(score);
      const errors = (json?.problems ?? []).filter((p) => p.severity === 'error');
      failed ||= score.right < score.expected || score.unexpectedProjects.length > 0 || score.unexpectedBudgetLines.length > 0 || errors.length > 0;
      console.log(`${layout.id.padEnd(30)} ${formatShare(score.right, score.expected).padStart(18)}  ${layout.fileName}${control ? ' (control, not in the total)' : ''}`);
      if (!records) console.log(`    no records from the CLI (exit ${exit})${stderr ? `: ${stderr.split('\n')[0]}` : ''}`);
      for (const line of describeScore(score)) console.log(`    miss: ${line}`);
      for (const p of errors) console.log(`    error: row ${p.row}${p.column ? ` ${p.column}` : ''}: ${p.message}`);
      const unmapped = json?.unmappedColumns;
      if (unmapped === undefined) console.log('    unmapped columns: (not reported by the CLI)');
      else if (unmapped.length) console.log(`    unmapped columns: ${unmapped.map((u) => `${u.column} ${u.header}`).join(' | ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const total = totalScore(scores);
  console.log(`${'TOTAL'.padEnd(30)} ${formatShare(total.right, total.expected).padStart(18)}  ${CORPUS.length} files, proposed mapping untouched`);
  return failed ? 1 : 0;
}

process.exitCode = main();
