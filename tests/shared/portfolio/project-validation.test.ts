// The project rules module itself: each case of the shared table breaks exactly its rule, with the table's severity,
// and the defaults are the ones every path fills in.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import {
  PROJECT_RULES, catalogChecks, completeProjectInput, defaultProjectFields, normalizeProjectInput, validateProject,
} from '../../../shared/portfolio/project-validation';
import { RULE_CASES, VALID_INPUT, caseInput } from './project-rules-cases';

const catalog = catalogChecks(BUILTIN_CATALOG.programs);

describe('project rules', () => {
  it('accept the valid input', () => {
    expect(validateProject(normalizeProjectInput(VALID_INPUT), { ...catalog, codeTaken: () => false })).toEqual([]);
  });

  it.each(RULE_CASES.map((c) => [c.rule, c] as const))('%s: broken by its case alone, with the table’s severity', (_, c) => {
    const found = validateProject(normalizeProjectInput(caseInput(c)), { ...catalog, codeTaken: () => false });
    expect(found.map((p) => [p.rule, p.severity])).toEqual([[c.rule, c.severity]]);
    expect(found[0]!.message.ja).not.toBe('');
    expect(found[0]!.message.en).not.toBe('');
  });

  it('code-unique is judged by the caller’s context', () => {
    const found = validateProject(VALID_INPUT, { codeTaken: (c) => c === VALID_INPUT.code });
    expect(found.map((p) => [p.rule, p.severity])).toEqual([['code-unique', 'error']]);
  });

  it('catalog rules are left out without a catalog', () => {
    for (const c of RULE_CASES.filter((x) => x.catalogOnly)) expect(validateProject(caseInput(c), { codeTaken: () => false })).toEqual([]);
  });

  it('cover every rule of the table, with the same severity', () => {
    const tested = new Map(RULE_CASES.map((c) => [c.rule, c.severity]));
    tested.set('code-unique', 'error');
    expect(new Map(PROJECT_RULES.map((r) => [r.rule, r.severity]))).toEqual(tested);
  });

  it('count the 60-character limit after NFKC and trimming', () => {
    const sixty = 'Ｒ'.repeat(60);
    expect(validateProject(normalizeProjectInput({ ...VALID_INPUT, code: ` ${sixty} ` }), { codeTaken: () => false })).toEqual([]);
    expect(validateProject(normalizeProjectInput({ ...VALID_INPUT, code: `${sixty}1` }), { codeTaken: () => false }).map((p) => p.rule)).toEqual(['code-length']);
  });

  it('default an absent field the same way for every path, the new PI fields included', () => {
    const d = defaultProjectFields();
    expect(d).toMatchObject({ status: 'active', piPosition: '', piResearcherNumber: '', programId: null, startDate: null, coInvestigators: [] });
    expect(completeProjectInput({ code: 'X', title: 't', status: undefined })).toEqual({ ...d, code: 'X', title: 't' });
    expect(defaultProjectFields()).not.toBe(d);
  });
});
