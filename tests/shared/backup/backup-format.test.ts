import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../shared/backup/backup-format';
import { BACKUP_FORMAT } from '../../../shared/backup/backup-names';

function project(id: string, code: string) {
  return {
    id, code, title: 't', pi: 'p', department: 'd', piPosition: '', piResearcherNumber: '', coInvestigators: [], partners: [], programId: null, trackId: null, funderName: '',
    amedNumber: '', eradNumber: '', startDate: '2025-04-01', endDate: null, status: 'active', tags: [], notes: '', archived: false,
    deletedAt: null, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z',
  };
}

function backup(overrides: Record<string, unknown> = {}, tables: Record<string, unknown[]> = {}) {
  return {
    format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: 1, appVersion: '0.1.0', createdAt: '2026-01-01T00:00:00Z',
    tables: {
      projects: [project('p1', 'A-1')],
      budgetLines: [{ id: 'b1', projectId: 'p1', fiscalYear: 2025, directYen: 100, indirectYen: 30 }],
      milestones: [], programs: [], editions: [], settings: [{ key: 'preferences', value: {} }], auditLog: [], importMappings: [], milestoneTemplates: [],
      ...tables,
    },
    ...overrides,
  };
}

describe('parseBackup', () => {
  it('accepts a well-formed backup', () => {
    const r = parseBackup(backup(), 1);
    expect(r.ok).toBe(true);
  });
  it('restores a backup written before the PI position and researcher number existed; an odd number is only a warning', () => {
    const { piPosition: _p, piResearcherNumber: _n, ...old } = project('p1', 'A-1');
    const r = parseBackup(backup({}, { projects: [old] }), 1);
    expect(r.ok && r.backup.tables.projects[0]).toMatchObject({ piPosition: '', piResearcherNumber: '' });
    expect(parseBackup(backup({}, { projects: [{ ...project('p1', 'A-1'), piResearcherNumber: '00828478' }] }), 1).ok).toBe(true);
    // The project rules make a researcher number that is not 8 digits a warning, so a restore keeps it as written.
    const odd = parseBackup(backup({}, { projects: [{ ...project('p1', 'A-1'), piResearcherNumber: '1234' }] }), 1);
    expect(odd.ok && odd.backup.tables.projects[0]?.piResearcherNumber).toBe('1234');
    expect(parseBackup(backup({}, { projects: [{ ...project('p1', 'A-1'), piResearcherNumber: 1234 }] }), 1).ok).toBe(false);
  });
  it('refuses other files, wrong shapes and newer schemas with a reason', () => {
    expect(parseBackup({ hello: 1 }, 1)).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/Not a Grant Portfolio backup/) }] });
    expect(parseBackup(null, 1).ok).toBe(false);
    expect(parseBackup(backup({ schemaVersion: 99 }), 1)).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/newer version/) }] });
    expect(parseBackup(backup({ formatVersion: 2 }), 1).ok).toBe(false);
    const badAmount = parseBackup(backup({}, { budgetLines: [{ id: 'b1', projectId: 'p1', fiscalYear: 2025, directYen: -5, indirectYen: 0 }] }), 1);
    expect(badAmount.ok).toBe(false);
    const badDate = parseBackup(backup({}, { projects: [{ ...project('p1', 'A-1'), startDate: '2025/04/01' }] }), 1);
    expect(badDate.ok).toBe(false);
  });
  it('refuses duplicate keys and dangling references', () => {
    const dupCode = parseBackup(backup({}, { projects: [project('p1', 'A-1'), project('p2', 'A-1')], budgetLines: [] }), 1);
    expect(dupCode).toMatchObject({ ok: false, problems: [{ message: 'duplicate code A-1' }] });
    const dangling = parseBackup(backup({}, { budgetLines: [{ id: 'b1', projectId: 'nope', fiscalYear: 2025, directYen: 1, indirectYen: 0 }] }), 1);
    expect(dangling).toMatchObject({ ok: false, problems: [{ message: 'unknown project nope' }] });
  });
});

describe('parseBackup: planning tables (optional, for backups made before them)', () => {
  const stamps = { deletedAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
  const application = (id: string, patch: Record<string, unknown> = {}) => ({
    id, code: `AP-${id}`, title: 't', callName: 'c', callId: null, programId: null, trackId: null, funderName: 'f', pi: '', department: '',
    eradDeadline: '2026-05-20', internalDeadline: null, submittedDate: null, requested: [{ fiscalYear: 2026, directYen: 100, indirectYen: 30 }],
    role: 'lead', status: 'submitted', resultDate: null, probabilityOverride: null, projectId: null, notes: '', ...stamps, ...patch,
  });
  const researcher = (id: string) => ({ id, name: 'n', nameReading: '', eradResearcherNumber: '10050426', researchmapId: '', department: '', position: '', notes: '', ...stamps });
  const membership = (id: string, patch: Record<string, unknown> = {}) => ({ id, projectId: 'p1', applicationId: null, researcherId: 'r1', role: 'pi', effort: [{ fiscalYear: 2026, percent: 40 }], ...patch });
  const call = { id: 'c1', name: '公募', programId: null, trackId: null, funderName: 'f', fiscalYear: 2026, openingDate: null, deadline: '2026-05-20', expectedAwards: 3, supportYen: null, url: '', notes: '', ...stamps };

  it('reads a backup without them as having none', () => {
    const r = parseBackup(backup(), 1);
    if (!r.ok) throw new Error('refused');
    expect(r.backup.tables).toMatchObject({ applications: [], trackedCalls: [], researchers: [], memberships: [] });
  });
  it('keeps them, a failing check digit included, when present and consistent', () => {
    const r = parseBackup(backup({}, { applications: [application('a1', { callId: 'c1' })], trackedCalls: [call], researchers: [researcher('r1')], memberships: [membership('m1'), membership('m2', { projectId: null, applicationId: 'a1' })] }), 1);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.backup.tables.memberships).toHaveLength(2);
    expect(r.backup.tables.researchers![0]!.eradResearcherNumber).toBe('10050426');
  });
  it('refuses bad rows, duplicate codes and dangling references', () => {
    expect(parseBackup(backup({}, { applications: [application('a1', { status: 'maybe' })] }), 1).ok).toBe(false);
    expect(parseBackup(backup({}, { applications: [application('a1', { probabilityOverride: 1.5 })] }), 1).ok).toBe(false);
    expect(parseBackup(backup({}, { applications: [application('a1'), application('a2', { code: 'AP-a1' })] }), 1)).toMatchObject({ ok: false, problems: [{ message: 'duplicate code AP-a1' }] });
    expect(parseBackup(backup({}, { applications: [application('a1', { projectId: 'nope' })] }), 1)).toMatchObject({ ok: false, problems: [{ message: 'unknown project nope' }] });
    expect(parseBackup(backup({}, { researchers: [researcher('r1')], memberships: [membership('m1', { applicationId: 'a1' })] }), 1)).toMatchObject({ ok: false });
    expect(parseBackup(backup({}, { memberships: [membership('m1')] }), 1)).toMatchObject({ ok: false, problems: [{ message: 'unknown researcher r1' }] });
    expect(parseBackup(backup({}, { researchers: [researcher('r1')], memberships: [membership('m1', { effort: [{ fiscalYear: 2026, percent: 140 }] })] }), 1).ok).toBe(false);
  });
});
