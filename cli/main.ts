// Command-line twin of the import wizard for batch work: check, convert, report and ics run the very pipeline the
// Worker runs (shared/excel/import-pipeline.ts) on an office sheet or a standard workbook.
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './commands';

const io = {
  readFile: (path: string) => new Uint8Array(readFileSync(path)),
  writeFile: (path: string, data: Uint8Array | string) => writeFileSync(path, data),
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

process.exitCode = runCli(process.argv.slice(2), io, new Date());
