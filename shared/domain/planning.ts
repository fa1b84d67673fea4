// Planning records beside the projects: applications (応募), the calls the office tracks (公募), researchers and their
// memberships with effort (エフォート). Kept apart from types.ts so a project stays what it is; an application links to
// the project it becomes when awarded (see docs/planning.md, "Applications and projects").
import type { IsoDate } from './types';

/** 応募予定 / 申請中 / 採択 / 不採択 / 辞退. Only awarded and rejected are "decided" for success rates. */
export const APPLICATION_STATUSES = ['planned', 'submitted', 'awarded', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses still waiting for a result: they count in the forecast as expected funding. */
export const PENDING_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['planned', 'submitted'];

/** The university's role in the application: 代表 (lead institution) or 分担 (partner). */
export const APPLICATION_ROLES = ['lead', 'partner'] as const;
export type ApplicationRole = (typeof APPLICATION_ROLES)[number];

/** Amount requested (or expected) for one western fiscal year, whole yen. */
export interface RequestedAmount {
  fiscalYear: number;
  directYen: number;
  indirectYen: number;
}

export interface Application {
  /** Internal key (stable, never shown). */
  id: string;
  /** The office's own reference for the application; unique among live applications. */
  code: string;
  title: string;
  /** 公募名 as the call names itself. */
  callName: string;
  /** A tracked call this answers, or null. */
  callId: string | null;
  /** Catalog program and track, or null for an outside funder (then funderName says who). */
  programId: string | null;
  trackId: string | null;
  funderName: string;
  /** Applicant (研究代表者 of the application) as written, and their department: the success-rate grouping. */
  pi: string;
  department: string;
  /** e-Rad submission deadline (the funder's). The internal deadline is derived from it (shared/planning/internal-deadline.ts). */
  eradDeadline: IsoDate | null;
  /** Stored internal deadline when the office set one by hand; null = derived by the office's rule. */
  internalDeadline: IsoDate | null;
  submittedDate: IsoDate | null;
  requested: RequestedAmount[];
  role: ApplicationRole;
  status: ApplicationStatus;
  /** Date the result (採択/不採択) was announced. */
  resultDate: IsoDate | null;
  /** Probability of award for the forecast, 0–1; null = the office's own rate (see shared/planning/forecast.ts). */
  probabilityOverride: number | null;
  /** The project this application became (set when awarded; may be set earlier for an application tied to a project). */
  projectId: string | null;
  notes: string;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A call (公募) the office follows, shown on the Deadlines screen and in the calendar. */
export interface TrackedCall {
  id: string;
  name: string;
  programId: string | null;
  trackId: string | null;
  funderName: string;
  /** Fiscal year the call is for (公募年度). */
  fiscalYear: number | null;
  openingDate: IsoDate | null;
  /** e-Rad deadline of the call. */
  deadline: IsoDate | null;
  /** 採択予定件数, when the call states it. */
  expectedAwards: number | null;
  /** Per-year support size; null = take it from the catalog's track (maxAnnualYen). */
  supportYen: number | null;
  url: string;
  notes: string;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Researcher {
  id: string;
  name: string;
  /** Reading (よみ), kana. */
  nameReading: string;
  /** e-Rad 研究者番号: 8 digits kept as text (leading zeros matter); '' when unknown. */
  eradResearcherNumber: string;
  researchmapId: string;
  department: string;
  position: string;
  notes: string;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** 研究代表者 / 研究分担者 / その他. */
export const MEMBER_ROLES = ['pi', 'co-investigator', 'other'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Effort (エフォート) for one western fiscal year, percent of the researcher's working time (0–100). */
export interface EffortShare {
  fiscalYear: number;
  percent: number;
}

/**
 * A researcher on a project or on an application (exactly one of projectId and applicationId is set). When an
 * application is awarded its memberships are copied onto the project, so the application keeps its own as history.
 */
export interface Membership {
  id: string;
  projectId: string | null;
  applicationId: string | null;
  researcherId: string;
  role: MemberRole;
  effort: EffortShare[];
}

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, { en: string; ja: string }>> = {
  planned: { en: 'planned', ja: '応募予定' },
  submitted: { en: 'submitted', ja: '申請中' },
  awarded: { en: 'awarded', ja: '採択' },
  rejected: { en: 'rejected', ja: '不採択' },
  withdrawn: { en: 'withdrawn', ja: '辞退' },
};

export const APPLICATION_ROLE_LABELS: Readonly<Record<ApplicationRole, { en: string; ja: string }>> = {
  lead: { en: 'lead', ja: '代表' },
  partner: { en: 'partner', ja: '分担' },
};

export const MEMBER_ROLE_LABELS: Readonly<Record<MemberRole, { en: string; ja: string }>> = {
  pi: { en: 'PI', ja: '研究代表者' },
  'co-investigator': { en: 'co-investigator', ja: '研究分担者' },
  other: { en: 'other', ja: 'その他' },
};
