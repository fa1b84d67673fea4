// Scores an import against a corpus layout's expected records: field values imported right / field values expected,
// with every miss listed. Pure, so the CLI script, the Vitest corpus test and the wizard e2e test share one yardstick.
// Text is compared after NFKC and with all whitespace removed (a full-width space, a half-width one or none: the same name).

/** Project fields a corpus layout can state (contract item 4). */
export const SCORED_FIELDS = [
  'title',
  'pi',
  'department',
  'funderName',
  'startDate',
  'endDate',
  'amedNumber',
  'piPosition',
  'piResearcherNumber',
  'coInvestigators',
] as const;

export type ScoredField = (typeof SCORED_FIELDS)[number];

export type ExpectedFields = Partial<Record<Exclude<ScoredField, 'coInvestigators'>, string>> & { coInvestigators?: string[] };

/** One project as the sheet states it. Matched by `code` when the layout has an ID column, else by title. */
export interface ExpectedProject extends ExpectedFields {
  code?: string;
  title: string;
}

/** One fiscal year's money of a project; `project` is the project's code, or its title when it has no code. */
export interface ExpectedBudgetLine {
  project: string;
  fiscalYear: number;
  directYen: number;
  indirectYen: number;
}

/** One researcher on a project as the sheet states them; `project` as for budget lines. */
export interface ExpectedMember {
  project: string;
  name: string;
  role: 'pi' | 'co-investigator' | 'other';
  researcherNumber?: string;
  /** Percent by fiscal year, every year the effort applies to. */
  effort?: Readonly<Record<number, number>>;
}

export interface ExpectedRecords {
  projects: ExpectedProject[];
  budgetLines: ExpectedBudgetLine[];
  /** Members (researchers with role and effort), scored when a layout states them. */
  members?: ExpectedMember[];
}

/** What an import produced, in the shape of `ParsedImport` (fields loose: the pipeline adds fields over time). */
export interface ActualRecords {
  projects: { code: string; fields: Readonly<Record<string, unknown>> }[];
  budgetLines: { code: string; fiscalYear: number; directYen: number | null; indirectYen: number | null }[];
  /** Members joined with their researcher: project code, name, number, role, effort. */
  members?: { code: string; name: string; researcherNumber: string; role: string; effort: { fiscalYear: number; percent: number }[] }[];
}

export interface Miss {
  /** The expected project's code, or its title. */
  project: string;
  /** A project field, 'code' (project not found), or 'directYen'/'indirectYen' of a budget line. */
  field: string;
  fiscalYear?: number;
  expected: unknown;
  actual: unknown;
}

export interface Score {
  right: number;
  expected: number;
  misses: Miss[];
  /** Codes of imported projects no expected project matches (a 小計 row taken for a project, a split row, …). */
  unexpectedProjects: string[];
  /** Imported budget lines with money for a year the sheet does not state for that project. */
  unexpectedBudgetLines: { code: string; fiscalYear: number }[];
}

/** The `actual` of a miss whose project was not imported at all. */
export const NOT_IMPORTED = 'project not imported';

/** NFKC, then every whitespace character removed. */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

function sameText(expected: string, actual: unknown): boolean {
  return typeof actual === 'string' && normalizeText(actual) === normalizeText(expected);
}

function sameNames(expected: readonly string[], actual: unknown): boolean {
  if (!Array.isArray(actual) || actual.length !== expected.length) return false;
  const a = actual.map((n) => (typeof n === 'string' ? normalizeText(n) : '\u0000')).sort();
  const e = expected.map(normalizeText).sort();
  return a.every((n, i) => n === e[i]);
}

/** The key a project is matched and reported by. */
export function projectKey(project: ExpectedProject): string {
  return project.code ?? project.title;
}

/** Scores one file's import. */
export function scoreRecords(expected: ExpectedRecords, actual: ActualRecords): Score {
  const score: Score = { right: 0, expected: 0, misses: [], unexpectedProjects: [], unexpectedBudgetLines: [] };
  const used = new Set<number>();
  /** Expected key → the code the import gave that project. */
  const codes = new Map<string, string>();
  const tally = (ok: boolean, miss: Miss) => {
    score.expected += 1;
    if (ok) score.right += 1;
    else score.misses.push(miss);
  };

  for (const project of expected.projects) {
    const key = projectKey(project);
    const index = actual.projects.findIndex((p, i) =>
      !used.has(i) && (project.code !== undefined ? sameText(project.code, p.code) : sameText(project.title, p.fields.title)),
    );
    const found = index >= 0 ? actual.projects[index]! : undefined;
    if (found) {
      used.add(index);
      codes.set(key, found.code);
    }
    if (project.code !== undefined) tally(Boolean(found), { project: key, field: 'code', expected: project.code, actual: null });
    for (const field of SCORED_FIELDS) {
      const want = project[field];
      if (want === undefined) continue;
      const got = found?.fields[field];
      const ok = found !== undefined && (Array.isArray(want) ? sameNames(want, got) : sameText(want, got));
      tally(ok, { project: key, field, expected: want, actual: found ? (got ?? null) : NOT_IMPORTED });
    }
  }

  const stated = new Set<string>();
  for (const line of expected.budgetLines) {
    const code = codes.get(line.project);
    stated.add(`${code ?? ''}\u0000${line.fiscalYear}`);
    const got = code === undefined ? undefined : actual.budgetLines.find((b) => normalizeText(b.code) === normalizeText(code) && b.fiscalYear === line.fiscalYear);
    const absent = code === undefined ? NOT_IMPORTED : 'no budget line';
    for (const field of ['directYen', 'indirectYen'] as const) {
      tally(got !== undefined && got[field] === line[field], { project: line.project, field, fiscalYear: line.fiscalYear, expected: line[field], actual: got ? got[field] : absent });
    }
  }

  for (const member of expected.members ?? []) {
    const code = codes.get(member.project);
    const key = `${member.project} ${member.name}`;
    const got = code === undefined ? undefined : actual.members?.find((m) => normalizeText(m.code) === normalizeText(code) && sameText(member.name, m.name));
    const absent = code === undefined ? NOT_IMPORTED : 'no member';
    tally(got !== undefined, { project: key, field: 'member', expected: member.name, actual: got ? got.name : absent });
    tally(got?.role === member.role, { project: key, field: 'role', expected: member.role, actual: got ? got.role : absent });
    if (member.researcherNumber !== undefined) tally(got?.researcherNumber === member.researcherNumber, { project: key, field: 'researcherNumber', expected: member.researcherNumber, actual: got ? got.researcherNumber : absent });
    if (member.effort !== undefined) {
      const want = Object.entries(member.effort).map(([fy, percent]) => ({ fiscalYear: Number(fy), percent })).sort((a, b) => a.fiscalYear - b.fiscalYear);
      const have = got ? [...got.effort].sort((a, b) => a.fiscalYear - b.fiscalYear) : null;
      tally(JSON.stringify(have) === JSON.stringify(want), { project: key, field: 'effort', expected: want, actual: have ?? absent });
    }
  }

  // A second record of a matched project (the same code from another year's sheet) is not a project of its own.
  const matchedCodes = new Set(codes.values());
  for (const p of actual.projects) if (!matchedCodes.has(p.code)) score.unexpectedProjects.push(p.code);
  for (const b of actual.budgetLines) {
    if (!matchedCodes.has(b.code) || stated.has(`${b.code}\u0000${b.fiscalYear}`)) continue;
    if ((b.directYen ?? 0) !== 0 || (b.indirectYen ?? 0) !== 0) score.unexpectedBudgetLines.push({ code: b.code, fiscalYear: b.fiscalYear });
  }
  return score;
}

/** Sums per-file scores. */
export function totalScore(scores: readonly Score[]): { right: number; expected: number } {
  return scores.reduce((t, s) => ({ right: t.right + s.right, expected: t.expected + s.expected }), { right: 0, expected: 0 });
}

/** `97.5% (39/40)`; a share is rounded down so 99.96% never prints as 100%. */
export function formatShare(right: number, expected: number): string {
  const pct = expected === 0 ? 100 : Math.floor((right / expected) * 1000) / 10;
  return `${pct.toFixed(1)}% (${right}/${expected})`;
}

/** One line per miss and per unexpected record, for a test failure message or the script's output. */
export function describeScore(score: Score): string[] {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  /** A project that was not imported at all is one line, not one per value. */
  const lost = new Map<string, number>();
  for (const m of score.misses) if (m.actual === NOT_IMPORTED || m.field === 'code') lost.set(m.project, (lost.get(m.project) ?? 0) + 1);
  return [
    ...[...lost].map(([p, n]) => `${p}: not imported (${n} values)`),
    ...score.misses
      .filter((m) => !lost.has(m.project))
      .map((m) => `${m.project}${m.fiscalYear !== undefined ? ` FY${m.fiscalYear}` : ''} ${m.field}: expected ${show(m.expected)}, got ${show(m.actual)}`),
    ...score.unexpectedProjects.map((c) => `unexpected project ${c}`),
    ...score.unexpectedBudgetLines.map((b) => `unexpected budget line ${b.code} FY${b.fiscalYear}`),
  ];
}
