// The project rules as cases, one per rule, that every path's tests walk through (form logic, import records and the
// import plan, backup restore, CLI): the same input must meet the same verdict wherever it enters.
import type { ProjectInput, ProjectRuleId, RuleSeverity } from '../../../shared/portfolio/project-validation';

export interface RuleCase {
  rule: ProjectRuleId;
  severity: RuleSeverity;
  /** What breaks the rule, over VALID_INPUT. */
  patch: Partial<ProjectInput>;
  /** Judged only where the catalog is known (the form, the CLI); a restore carries its own programs. */
  catalogOnly?: boolean;
}

/** A project every rule accepts; `next-gen-cancer` and its track are in the built-in catalog. */
export const VALID_INPUT: ProjectInput = {
  code: 'R-2025-001', title: '次世代がん治療の探索研究', pi: '山田 太郎', piPosition: '教授', piResearcherNumber: '01234567', department: '医学研究科',
  coInvestigators: [], partners: [], programId: 'next-gen-cancer', trackId: 'next-gen-cancer/exploratory', funderName: 'AMED',
  amedNumber: '', eradNumber: '', startDate: '2025-04-01', endDate: '2028-03-31', status: 'active', tags: [], notes: '',
};

/** Every rule but code-unique, which needs a second record and is tested per path. */
export const RULE_CASES: readonly RuleCase[] = [
  { rule: 'code-required', severity: 'error', patch: { code: '' } },
  { rule: 'code-length', severity: 'error', patch: { code: `R-${'9'.repeat(59)}` } },
  { rule: 'title-required', severity: 'error', patch: { title: '' } },
  { rule: 'text-length', severity: 'error', patch: { pi: '山'.repeat(501) } },
  { rule: 'date-valid', severity: 'error', patch: { startDate: '2025-02-30' } },
  { rule: 'end-after-start', severity: 'error', patch: { startDate: '2025-04-01', endDate: '2025-03-31' } },
  { rule: 'status-known', severity: 'error', patch: { status: 'paused' as ProjectInput['status'] } },
  { rule: 'program-known', severity: 'error', patch: { programId: 'no-such-program', trackId: null }, catalogOnly: true },
  { rule: 'track-needs-program', severity: 'error', patch: { programId: null, trackId: 'next-gen-cancer/exploratory' } },
  { rule: 'track-of-program', severity: 'error', patch: { trackId: 'next-gen-cancer/no-such-track' }, catalogOnly: true },
  { rule: 'program-or-funder', severity: 'warning', patch: { programId: null, trackId: null, funderName: '' } },
  { rule: 'researcher-number-format', severity: 'warning', patch: { piResearcherNumber: '1234567' } },
];

export const caseInput = (c: RuleCase, code = VALID_INPUT.code): ProjectInput => ({ ...VALID_INPUT, code, ...c.patch });
