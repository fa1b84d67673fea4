// What the office calls each thing the domain names (project statuses, milestone kinds and statuses, risks), in Japanese
// and English: the one table behind the screens, the workbooks, the reports, the .ics and the import's lookups.
// Japanese names follow AMED's documents (ステージゲート評価, 実績報告書); older spellings stay readable as aliases.
import { fold } from '../text/fold';
import type { Bilingual, Language } from './message';
import { MILESTONE_KINDS, MILESTONE_STATUSES, PROJECT_STATUSES } from './types';
import type { MilestoneKind, MilestoneStatus, ProjectStatus } from './types';
import type { RiskKind } from '../portfolio/risk-flags';

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, Bilingual>> = {
  applying: { ja: '申請中', en: 'Applying' },
  active: { ja: '実施中', en: 'Active' },
  completed: { ja: '終了', en: 'Completed' },
  terminated: { ja: '中止', en: 'Terminated' },
};

export const MILESTONE_KIND_LABELS: Readonly<Record<MilestoneKind, Bilingual>> = {
  'stage-gate': { ja: 'ステージゲート評価', en: 'Stage-gate review' },
  'interim-evaluation': { ja: '中間評価', en: 'Interim evaluation' },
  'final-evaluation': { ja: '事後評価', en: 'Final evaluation' },
  'annual-report': { ja: '実績報告書', en: 'Annual report' },
  'outcome-report': { ja: '成果報告書', en: 'Outcome report' },
  contract: { ja: '契約', en: 'Contract' },
  internal: { ja: '学内締切', en: 'Internal deadline' },
  other: { ja: 'その他', en: 'Other' },
};

export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, Bilingual>> = {
  planned: { ja: '予定', en: 'Planned' },
  submitted: { ja: '提出済', en: 'Submitted' },
  passed: { ja: '通過', en: 'Passed' },
  'conditionally-passed': { ja: '条件付通過', en: 'Passed with conditions' },
  failed: { ja: '不通過', en: 'Failed' },
  done: { ja: '完了', en: 'Done' },
};

/** Short names of the risk flags, for badges and counts (the flags carry a full sentence of their own). */
export const RISK_KIND_LABELS: Readonly<Record<RiskKind, Bilingual>> = {
  'past-program-period': { ja: '事業期間超過', en: 'Past program period' },
  'overdue-stage-gate': { ja: 'SG期限切れ', en: 'Stage gate overdue' },
  'no-budget-current-fy': { ja: '今年度予算なし', en: 'No budget this FY' },
  'indirect-over-30': { ja: '間接経費30%超', en: 'Indirect > 30%' },
  'no-milestones': { ja: 'マイルストーンなし', en: 'No milestones' },
};

/**
 * Other spellings an import accepts besides the stored key and the names above: the names earlier versions wrote
 * into workbooks (年次報告, ステージゲート, 条件付き通過 …) and the words offices use in their own sheets.
 */
export const PROJECT_STATUS_ALIASES: Readonly<Record<ProjectStatus, readonly string[]>> = {
  applying: ['応募中', '審査中', '採択前', '申請'],
  active: ['継続', '継続中', '進行中', '採択', '実施', '新規'],
  completed: ['完了', '修了', '終了済'],
  terminated: ['廃止', '打切り', '打ち切り', '辞退'],
};

export const MILESTONE_KIND_ALIASES: Readonly<Record<MilestoneKind, readonly string[]>> = {
  'stage-gate': ['ステージゲート', 'SG', 'SG評価', 'Stage gate'],
  'interim-evaluation': ['中間評価会'],
  'final-evaluation': ['事後評価会'],
  'annual-report': ['年次報告', '年次報告書', '実績報告', '委託研究開発実績報告書'],
  'outcome-report': ['成果報告', '委託研究開発成果報告書'],
  contract: ['委託研究開発契約', '契約締結'],
  internal: ['学内', '学内締め切り'],
  other: [],
};

export const MILESTONE_STATUS_ALIASES: Readonly<Record<MilestoneStatus, readonly string[]>> = {
  planned: ['未着手'],
  submitted: ['提出済み', '提出'],
  passed: ['合格'],
  'conditionally-passed': ['条件付き通過', '条件付き合格', '条件付合格'],
  failed: ['不合格'],
  done: ['完了済', '済'],
};

/** Each table's names in one language, keyed as the domain keys them (for i18n string tables and pickers). */
export function labelsIn<K extends string>(table: Readonly<Record<K, Bilingual>>, lang: Language): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(table) as K[]) out[key] = table[key][lang];
  return out;
}

function lookup<K extends string>(keys: readonly K[], labels: Readonly<Record<K, Bilingual>>, aliases: Readonly<Record<K, readonly string[]>>): (text: string) => K | null {
  const index = new Map<string, K>();
  for (const key of keys) for (const name of [key, labels[key].ja, labels[key].en, ...aliases[key]]) index.set(fold(name), key);
  return (text) => index.get(fold(text)) ?? null;
}

/** A project status written as its key, its Japanese or English name, or an alias; null when it names none. */
export const projectStatusFromText = lookup(PROJECT_STATUSES, PROJECT_STATUS_LABELS, PROJECT_STATUS_ALIASES);
/** A milestone kind written as its key, its Japanese or English name, or an alias; null when it names none. */
export const milestoneKindFromText = lookup(MILESTONE_KINDS, MILESTONE_KIND_LABELS, MILESTONE_KIND_ALIASES);
/** A milestone status written as its key, its Japanese or English name, or an alias; null when it names none. */
export const milestoneStatusFromText = lookup(MILESTONE_STATUSES, MILESTONE_STATUS_LABELS, MILESTONE_STATUS_ALIASES);
