import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without type declarations
import { classifyFindings, parseAcceptedFindings, parseFindingsSarif } from '../../scripts/lib/electronegativity-findings.mjs';

const sarif = JSON.stringify({
  runs: [{
    results: [
      { ruleId: 'PRELOAD_JS_CHECK', level: 'warning', message: { text: 'Review the use of preload scripts' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'main.ts' }, region: { startLine: 117, startColumn: 6 } } }] },
      { ruleId: 'NODE_INTEGRATION_JS_CHECK', level: 'error', message: { text: 'Disable nodeIntegration, please' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'main.ts' }, region: { startLine: 3, startColumn: 48 } } }] },
    ],
  }],
});

const md = `# Security
## Accepted Electronegativity findings
| check | file | reason |
|---|---|---|
| PRELOAD_JS_CHECK | main.ts | The preload exposes one typed object. |
| SANDBOX_JS_CHECK | main.ts |  |
## Next section
| NODE_INTEGRATION_JS_CHECK | main.ts | not in the section |
`;

describe('Electronegativity gate', () => {
  it('reads SARIF results', () => {
    const f = parseFindingsSarif(sarif);
    expect(f).toHaveLength(2);
    expect(f[0]).toMatchObject({ check: 'PRELOAD_JS_CHECK', file: 'main.ts', location: '117:6', description: 'Review the use of preload scripts' });
  });
  it('accepts only findings listed with a reason in the section', () => {
    const accepted = parseAcceptedFindings(md);
    expect(accepted.map((a: { check: string }) => a.check)).toEqual(['PRELOAD_JS_CHECK']);
    const { unexplained, explained } = classifyFindings(parseFindingsSarif(sarif), accepted);
    expect(explained.map((f: { check: string }) => f.check)).toEqual(['PRELOAD_JS_CHECK']);
    expect(unexplained.map((f: { check: string }) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
  });
});
