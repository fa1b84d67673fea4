// `npm run security`: runs Doyensec's Electronegativity over electron/ and fails on any finding that docs/security.md
// does not list with a written reason. The tool itself exits 0 whatever it finds, so its SARIF output is what we read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { classifyFindings, parseAcceptedFindings, parseFindingsSarif } from './lib/electronegativity-findings.mjs';

// The only check excluded: it downloads Electron's release list, and the build machines have no internet.
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const dir = mkdtempSync(path.join(tmpdir(), 'gp-electronegativity-'));
const sarif = path.join(dir, 'findings.sarif');

const run = spawnSync(
  process.execPath,
  ['node_modules/@doyensec/electronegativity/dist/index.js', '-i', 'electron', '-r', '-v', 'false', '-e', electronVersion, '-x', EXCLUDED.join(','), '-o', sarif],
  { encoding: 'utf8', timeout: 300_000 },
);
if (run.status !== 0 || !existsSync(sarif)) {
  console.error('Electronegativity did not run:', run.error?.message ?? run.stderr);
  process.exit(2);
}
const findings = parseFindingsSarif(readFileSync(sarif, 'utf8'));
rmSync(dir, { recursive: true, force: true });
const accepted = parseAcceptedFindings(readFileSync('docs/security.md', 'utf8'));
const { unexplained, explained } = classifyFindings(findings, accepted);

console.log(`Electronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''}: ${findings.length} finding(s), ${explained.length} explained in docs/security.md.`);
for (const f of explained) console.log(`  ok   ${f.check} ${f.file}:${f.location}`);
if (unexplained.length) {
  console.error(`${unexplained.length} finding(s) not explained in docs/security.md:`);
  for (const f of unexplained) console.error(`  FAIL ${f.check} ${f.severity} ${f.file}:${f.location} — ${f.description}`);
  process.exit(1);
}
