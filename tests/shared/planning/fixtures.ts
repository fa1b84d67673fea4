// Small builders for planning tests.
import type { Application, Membership, Researcher } from '../../../shared/domain/planning';

export function makeApplication(id: string, patch: Partial<Application> = {}): Application {
  return {
    id, code: `A-${id}`, title: `応募 ${id}`, callName: '令和8年度 公募', callId: null, programId: 'next-gen-cancer', trackId: null, funderName: '',
    pi: '山田 太郎', department: '医学研究科', eradDeadline: '2026-05-20', internalDeadline: null, submittedDate: null,
    requested: [], role: 'lead', status: 'submitted', resultDate: null, probabilityOverride: null, projectId: null, notes: '',
    deletedAt: null, createdAt: '2026-04-01T00:00:00Z', updatedAt: '2026-04-01T00:00:00Z', ...patch,
  };
}

export function makeResearcher(id: string, patch: Partial<Researcher> = {}): Researcher {
  return {
    id, name: `研究者 ${id}`, nameReading: '', eradResearcherNumber: '', researchmapId: '', department: '医学研究科', position: '教授', notes: '',
    deletedAt: null, createdAt: '2026-04-01T00:00:00Z', updatedAt: '2026-04-01T00:00:00Z', ...patch,
  };
}

export function makeMembership(id: string, researcherId: string, on: { projectId?: string; applicationId?: string }, effort: Record<number, number>, patch: Partial<Membership> = {}): Membership {
  return {
    id, researcherId, projectId: on.projectId ?? null, applicationId: on.applicationId ?? null, role: 'co-investigator',
    effort: Object.entries(effort).map(([fy, percent]) => ({ fiscalYear: Number(fy), percent })), ...patch,
  };
}
