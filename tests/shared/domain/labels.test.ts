// The domain's one label table: complete in both languages, unambiguous for the import, and a milestone written with
// the names the screens show (or the names older versions wrote) comes back as the same kind and status.
import { describe, expect, it } from 'vitest';
import {
  MILESTONE_KIND_ALIASES, MILESTONE_KIND_LABELS, MILESTONE_STATUS_ALIASES, MILESTONE_STATUS_LABELS, PROJECT_STATUS_ALIASES, PROJECT_STATUS_LABELS,
  RISK_KIND_LABELS, labelsIn, milestoneKindFromText, milestoneStatusFromText, projectStatusFromText,
} from '../../../shared/domain/labels';
import type { Bilingual } from '../../../shared/domain/message';
import { MILESTONE_KINDS, MILESTONE_STATUSES, PROJECT_STATUSES } from '../../../shared/domain/types';
import type { Milestone, MilestoneKind, MilestoneStatus } from '../../../shared/domain/types';
import { fold } from '../../../shared/text/fold';
import { RISK_KINDS } from '../../../shared/portfolio/risk-flags';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { runImportPipeline } from '../../../shared/excel/import-pipeline';
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { standardWorkbookSheets } from '../../../shared/excel/standard-workbook';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';
import { makeMilestone, makeProject } from '../portfolio/fixtures';

const tables = [
  { name: 'project statuses', keys: PROJECT_STATUSES, labels: PROJECT_STATUS_LABELS as Record<string, Bilingual>, aliases: PROJECT_STATUS_ALIASES as Record<string, readonly string[]>, fromText: projectStatusFromText as (t: string) => string | null },
  { name: 'milestone kinds', keys: MILESTONE_KINDS, labels: MILESTONE_KIND_LABELS as Record<string, Bilingual>, aliases: MILESTONE_KIND_ALIASES as Record<string, readonly string[]>, fromText: milestoneKindFromText as (t: string) => string | null },
  { name: 'milestone statuses', keys: MILESTONE_STATUSES, labels: MILESTONE_STATUS_LABELS as Record<string, Bilingual>, aliases: MILESTONE_STATUS_ALIASES as Record<string, readonly string[]>, fromText: milestoneStatusFromText as (t: string) => string | null },
];

describe.each(tables)('$name', ({ keys, labels, aliases, fromText }) => {
  it('names every domain key in Japanese and in English, and nothing else', () => {
    expect(Object.keys(labels).sort()).toEqual([...keys].sort());
    expect(Object.keys(labelsIn(labels, 'ja')).sort()).toEqual(Object.keys(labelsIn(labels, 'en')).sort());
    for (const key of keys) {
      expect(labels[key]!.ja.trim(), key).not.toBe('');
      expect(labels[key]!.en.trim(), key).not.toBe('');
      expect(labels[key]!.ja, key).toMatch(/[\u3000-\u9fff]/);
    }
  });

  it('gives every name and alias to exactly one key, so the import cannot confuse two', () => {
    const owner = new Map<string, string>();
    for (const key of keys) {
      for (const name of new Set([key, labels[key]!.ja, labels[key]!.en, ...aliases[key]!].map(fold))) {
        expect(owner.get(name) ?? key, `"${name}" names ${owner.get(name)} and ${key}`).toBe(key);
        owner.set(name, key);
      }
    }
  });

  it('reads each key back from its key, its names and its aliases, in any width and spacing', () => {
    for (const key of keys) {
      for (const text of [key, labels[key]!.ja, labels[key]!.en, ` ${labels[key]!.en.toUpperCase()} `, ...aliases[key]!]) expect(fromText(text), text).toBe(key);
    }
    expect(fromText('no such name')).toBeNull();
  });
});

describe('risk kinds', () => {
  it('have a short name in both languages for every kind the flags produce', () => {
    expect(Object.keys(RISK_KIND_LABELS).sort()).toEqual([...RISK_KINDS].sort());
    for (const k of RISK_KINDS) expect(RISK_KIND_LABELS[k].ja && RISK_KIND_LABELS[k].en, k).toBeTruthy();
  });
});

describe('spellings written before the labels were one table', () => {
  it('still import as the same kind or status', () => {
    expect(milestoneKindFromText('年次報告')).toBe('annual-report');
    expect(milestoneKindFromText('ステージゲート')).toBe('stage-gate');
    expect(milestoneKindFromText('成果報告')).toBe('outcome-report');
    expect(milestoneKindFromText('学内')).toBe('internal');
    expect(milestoneStatusFromText('条件付き通過')).toBe('conditionally-passed');
    expect(projectStatusFromText('継続')).toBe('active');
  });
});

describe('a milestone through the standard workbook', () => {
  const project = makeProject('p', { code: 'A-001', title: 'Round trip' });
  const milestones: Milestone[] = [];
  MILESTONE_KINDS.forEach((kind, i) => {
    const status = MILESTONE_STATUSES[i % MILESTONE_STATUSES.length]!;
    milestones.push(makeMilestone(`m${i}`, 'p', { kind, status, title: `item ${i}`, dueDate: `2026-0${(i % 9) + 1}-15` }));
  });

  const importBack = (rows: readonly (readonly [string, string])[], lang: WorkbookLanguage) => {
    const sheets = standardWorkbookSheets({ projects: [project], budgetLines: [], milestones: [], programs: [], lang });
    for (const [i, [kind, status]] of rows.entries()) sheets[2]!.rows.push(['A-001', kind, `item ${i}`, { kind: 'date', iso: '2026-03-31' }, status, null, null]);
    const run = runImportPipeline(writeWorkbookBytes(sheets), { programs: BUILTIN_CATALOG.programs });
    if (!run.ok) throw new Error(run.message.en);
    return run.result;
  };

  it.each(['ja', 'en'] as const)('exported in %s, imports back as the same kinds and statuses', (lang) => {
    const sheets = standardWorkbookSheets({ projects: [project], budgetLines: [], milestones, programs: [], lang });
    const run = runImportPipeline(writeWorkbookBytes(sheets), { programs: BUILTIN_CATALOG.programs });
    if (!run.ok) throw new Error(run.message.en);
    expect(run.result.problems.filter((p) => p.sheet === sheets[2]!.name)).toEqual([]);
    expect(run.result.milestones.map((m) => [m.kind, m.status])).toEqual(milestones.map((m) => [m.kind, m.status]));
  });

  it.each(['ja', 'en'] as const)('typed with the screen names (%s), imports as that kind, not as other', (lang) => {
    const screenKinds = labelsIn(MILESTONE_KIND_LABELS, lang);
    const screenStatuses = labelsIn(MILESTONE_STATUS_LABELS, lang);
    const pairs = MILESTONE_KINDS.map((k, i): [MilestoneKind, MilestoneStatus] => [k, MILESTONE_STATUSES[i % MILESTONE_STATUSES.length]!]);
    const result = importBack(pairs.map(([k, s]) => [screenKinds[k], screenStatuses[s]] as const), lang);
    expect(result.milestones.map((m) => [m.kind, m.status])).toEqual(pairs);
  });

  it('typed with the old workbook names, imports as the same kinds', () => {
    const result = importBack([['年次報告', '条件付き通過'], ['ステージゲート', '通過']], 'ja');
    expect(result.milestones.map((m) => [m.kind, m.status])).toEqual([['annual-report', 'conditionally-passed'], ['stage-gate', 'passed']]);
    expect(result.problems.filter((p) => p.sheet === 'マイルストーン')).toEqual([]);
  });
});
