// Entry point of `npm run sync:setup`: wires runSyncSetup to the real terminal, files, environment and network.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { runSyncSetup } from './sync-setup';

function prompt(question: string, hidden: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question);
    };
  }
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

process.exitCode = await runSyncSetup(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  prompt: process.stdin.isTTY ? prompt : undefined,
  fetch,
});
