// Pure helpers for the Electronegativity gate: read its SARIF output (its CSV writer mangles descriptions that contain
// commas) and the accepted findings listed in docs/security.md.

/** Turns Electronegativity's SARIF document into finding objects. */
export function parseFindingsSarif(text) {
  const doc = JSON.parse(text);
  const results = doc?.runs?.[0]?.results;
  if (!Array.isArray(results)) throw new Error('Electronegativity output has no results array');
  return results.map((r) => {
    const loc = r.locations?.[0]?.physicalLocation;
    return {
      check: String(r.ruleId ?? ''),
      file: String(loc?.artifactLocation?.uri ?? 'N/A'),
      location: loc?.region ? `${loc.region.startLine}:${loc.region.startColumn}` : '0:0',
      severity: String(r.level ?? ''),
      description: String(r.message?.text ?? ''),
    };
  });
}

/**
 * Reads the "Accepted Electronegativity findings" table of docs/security.md: rows `| CHECK_ID | file | reason |`.
 * A row without a written reason does not count as accepted.
 */
export function parseAcceptedFindings(markdown) {
  const start = markdown.indexOf('## Accepted Electronegativity findings');
  if (start < 0) return [];
  const section = markdown.slice(start).split(/\n## /)[0];
  const accepted = [];
  for (const line of section.split('\n')) {
    const m = /^\|\s*`?([A-Z_]+)`?\s*\|\s*`?([^|`]+?)`?\s*\|\s*(.*?)\s*\|\s*$/.exec(line);
    if (m && m[3].replace(/[-\s]/g, '') !== '') accepted.push({ check: m[1], file: m[2].trim(), reason: m[3] });
  }
  return accepted;
}

/** Splits findings into those explained in docs/security.md and those that are not. */
export function classifyFindings(findings, accepted) {
  const isAccepted = (f) => accepted.some((a) => a.check === f.check && (a.file === f.file || a.file === '*'));
  return { unexplained: findings.filter((f) => !isAccepted(f)), explained: findings.filter(isAccepted) };
}
