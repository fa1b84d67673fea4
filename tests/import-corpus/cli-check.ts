// The corpus runner and the CLI/Worker equality test both run `check <file> --records` in-process: one way to call
// the CLI and read its JSON, so the two always look at the same output.
import { readFileSync } from 'node:fs';
import { runCli } from '../../cli/commands';
import type { CliIo } from '../../cli/commands';

/** The CLI's exit code, its stdout parsed as JSON (null when empty or not JSON) and its stderr, trimmed. */
export function cliCheckRecords(file: string): { exit: number; json: unknown; stderr: string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    readFile: (p) => new Uint8Array(readFileSync(p)),
    writeFile: () => {
      throw new Error('check writes no file');
    },
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
  };
  const exit = runCli(['check', file, '--records'], io, new Date());
  let json: unknown = null;
  try {
    json = out.trim() ? (JSON.parse(out) as unknown) : null;
  } catch {
    json = null;
  }
  return { exit, json, stderr: err.trim() };
}
