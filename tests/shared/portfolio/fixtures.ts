// Small builders for portfolio tests.
import type { BudgetLine, Milestone, Project } from '../../../shared/domain/types';

export function makeProject(id: string, patch: Partial<Project> = {}): Project {
  return {
    id, code: `C-${id}`, title: `課題 ${id}`, pi: '山田 太郎', department: '医学研究科', piPosition: '', piResearcherNumber: '', coInvestigators: [], partners: [],
    programId: null, trackId: null, funderName: 'AMED', amedNumber: '', eradNumber: '', startDate: '2025-04-01', endDate: '2028-03-31',
    status: 'active', tags: [], notes: '', archived: false, deletedAt: null, createdAt: '2025-04-01T00:00:00Z', updatedAt: '2025-04-01T00:00:00Z',
    ...patch,
  };
}

export function makeLine(projectId: string, fiscalYear: number, directYen: number, indirectYen = Math.floor(directYen * 0.3)): BudgetLine {
  return { id: `${projectId}-${fiscalYear}`, projectId, fiscalYear, directYen, indirectYen };
}

export function makeMilestone(id: string, projectId: string, patch: Partial<Milestone> = {}): Milestone {
  return { id, projectId, kind: 'other', title: id, dueDate: '2026-03-31', status: 'planned', doneDate: null, notes: '', origin: 'user', ...patch };
}
