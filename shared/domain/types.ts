// The office's own records as stored and exchanged: one definition shared by the store, the importer, the CLI and the UI.
// Dates are ISO calendar dates (YYYY-MM-DD, no time zone); amounts are whole yen; fiscal years are western (2025 = 令和7年度).

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export const PROJECT_STATUSES = ['applying', 'active', 'completed', 'terminated'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface Project {
  /** Internal key (stable, never shown). */
  id: string;
  /** The office's own ID (管理番号); unique among live projects. */
  code: string;
  title: string;
  pi: string;
  /** 職名/役職 of the PI (教授, 准教授 …); '' when unknown. */
  piPosition: string;
  /** The PI's e-Rad 研究者番号 (8 digits as text, leading zeros kept); '' when unknown. */
  piResearcherNumber: string;
  department: string;
  coInvestigators: string[];
  /** 分担機関 and 再委託先, one entry each. */
  partners: string[];
  /** Catalog program id, or null when unmapped. */
  programId: string | null;
  trackId: string | null;
  /** Funder's name as written, kept for unmapped projects and for display. */
  funderName: string;
  amedNumber: string;
  eradNumber: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  status: ProjectStatus;
  tags: string[];
  notes: string;
  archived: boolean;
  /** Set when moved to the trash (ISO timestamp); purged 30 days later. */
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetLine {
  id: string;
  projectId: string;
  /** Western fiscal year (April–March): 2025 = 令和7年度. */
  fiscalYear: number;
  /** 直接経費, whole yen. */
  directYen: number;
  /** 間接経費, whole yen. */
  indirectYen: number;
}

export const MILESTONE_KINDS = [
  'stage-gate',
  'interim-evaluation',
  'final-evaluation',
  'annual-report',
  'outcome-report',
  'contract',
  'internal',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MILESTONE_STATUSES = ['planned', 'submitted', 'passed', 'conditionally-passed', 'failed', 'done'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface Milestone {
  id: string;
  projectId: string;
  kind: MilestoneKind;
  title: string;
  dueDate: IsoDate;
  status: MilestoneStatus;
  /** Date the item was done, passed or submitted. */
  doneDate: IsoDate | null;
  notes: string;
  /** Where it came from: a catalog rule, a template, or the user. */
  origin: 'catalog' | 'template' | 'user' | 'import';
}

export interface AuditEntry {
  seq?: number;
  at: string;
  user: string;
  entity: 'project' | 'budget' | 'milestone' | 'program' | 'settings' | 'import' | 'application' | 'call' | 'researcher' | 'membership';
  entityId: string;
  /** Project the change belongs to, for the per-project log. */
  projectId: string | null;
  action: 'create' | 'update' | 'delete' | 'restore' | 'import' | 'undo';
  summary: string;
  before: unknown;
  after: unknown;
  /** Entries written by one user action share a batch id; "undo" reverts the whole batch. */
  batch?: string;
  /** On an 'undo' entry: the seq of the entry it reverted. */
  undoneSeq?: number;
}
