// The planning write path on fake-indexeddb: applications validated and audited, 採択 in one transaction (project,
// budget lines, members) undone as one step, researchers kept with a warned-on number, settings read with defaults,
// and a backup round trip that keeps the planning tables (an older backup restores them empty).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { GrantDatabase, db } from '../../../renderer/store/db';
import { undoLast } from '../../../renderer/store/audit';
import { exportBackup, restoreBackup } from '../../../renderer/store/backup';
import {
  awardApplication, deleteApplication, loadPlanningData, loadPlanningSettings, saveApplication, saveMembership, savePlanningSettings, saveResearcher, saveTrackedCall, setApplicationStatus,
} from '../../../renderer/store/planning';
import type { ApplicationInput, ResearcherInput } from '../../../renderer/store/planning';
import { parseBackup } from '../../../shared/backup/backup-format';
import { buildPlanningReport } from '../../../shared/reports/planning-report';
import type { DesktopApi } from '../../../shared/api/desktop-api';

function app(patch: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    code: 'APP-1', title: '新規創薬研究', callName: '2026年度 公募', callId: null, programId: null, trackId: null, funderName: 'JST', pi: '山田', department: '医学部',
    eradDeadline: '2026-05-20', internalDeadline: null, submittedDate: null, role: 'lead', status: 'planned', resultDate: null, probabilityOverride: null, projectId: null, notes: '',
    requested: [{ fiscalYear: 2026, directYen: 10_000_000, indirectYen: 3_000_000 }, { fiscalYear: 2027, directYen: 8_000_000, indirectYen: 2_400_000 }],
    ...patch,
  };
}

function researcher(patch: Partial<ResearcherInput> = {}): ResearcherInput {
  return { name: '佐藤 花子', nameReading: 'さとう はなこ', eradResearcherNumber: '', researchmapId: '', department: '工学部', position: '教授', notes: '', ...patch };
}

const api = { saveSnapshot: async (r: { fileName: string }) => ({ saved: true, location: r.fileName }) } as unknown as DesktopApi;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('planning store', () => {
  it('saves an application with its audit entry and refuses a duplicate code, writing nothing', async () => {
    const r = await saveApplication(app());
    expect(r.ok).toBe(true);
    const dup = await saveApplication(app({ title: 'other' }));
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.problems.map((p) => p.field)).toEqual(['code']);
    expect(await db.applications.count()).toBe(1);
    const log = await db.auditLog.toArray();
    expect(log.map((e) => [e.entity, e.action])).toEqual([['application', 'create']]);
  });

  it('awards in one step: project, budget lines and members written; the application kept as history; one undo reverts it all', async () => {
    const r = await saveApplication(app());
    if (!r.ok) throw new Error('save failed');
    const who = await saveResearcher(researcher());
    if (!who.ok) throw new Error('researcher failed');
    await saveMembership({ projectId: null, applicationId: r.record.id, researcherId: who.record.id, role: 'pi', effort: [{ fiscalYear: 2026, percent: 40 }] });
    await setApplicationStatus(r.record.id, 'submitted', '2026-05-18');
    const award = await awardApplication(r.record.id, '2026-09-01');
    if (!award.ok) throw new Error(award.message.en);
    expect(award.project).toMatchObject({ code: 'APP-1', status: 'active', startDate: '2026-04-01', endDate: '2028-03-31' });
    expect(award.application).toMatchObject({ status: 'awarded', projectId: award.project.id, resultDate: '2026-09-01' });
    expect(award.application.requested).toHaveLength(2);
    const lines = await db.budgetLines.where('projectId').equals(award.project.id).sortBy('fiscalYear');
    expect(lines.map((l) => [l.fiscalYear, l.directYen])).toEqual([[2026, 10_000_000], [2027, 8_000_000]]);
    expect(await db.memberships.where('projectId').equals(award.project.id).count()).toBe(1);
    expect(await db.memberships.where('applicationId').equals(r.record.id).count()).toBe(1);
    expect((await awardApplication(r.record.id, '2026-09-02')).ok).toBe(false);

    const undo = await undoLast();
    expect(undo.ok).toBe(true);
    expect(await db.projects.count()).toBe(0);
    expect(await db.budgetLines.count()).toBe(0);
    expect(await db.memberships.where('projectId').equals(award.project.id).count()).toBe(0);
    expect((await db.applications.get(r.record.id))?.status).toBe('submitted');
  });

  it('moves an awarded application from expected to committed in the forecast, and counts it in the success rate', async () => {
    const r = await saveApplication(app({ status: 'submitted', probabilityOverride: 0.5 }));
    if (!r.ok) throw new Error('save failed');
    const report = async () => {
      const d = await loadPlanningData();
      return buildPlanningReport({ ...d, programs: [], fromFiscalYear: 2026 });
    };
    const before = (await report()).forecast.years[0]!;
    expect(before.expected.directYen).toBe(5_000_000);
    expect(before.committed.directYen).toBe(0);
    await awardApplication(r.record.id, '2026-09-01');
    const after = await report();
    expect(after.forecast.years[0]!.committed).toEqual({ directYen: 10_000_000, indirectYen: 3_000_000 });
    expect(after.forecast.years[0]!.expected.directYen).toBe(0);
    expect(after.overall).toMatchObject({ awarded: 1, decided: 1 });
  });

  it('keeps a researcher number as text and only warns on a bad check digit; refuses a number taken by another', async () => {
    const r = await saveResearcher(researcher({ eradResearcherNumber: '00012345' }));
    if (!r.ok) throw new Error('refused');
    expect(r.record.eradResearcherNumber).toBe('00012345');
    const other = await saveResearcher(researcher({ name: '別人', eradResearcherNumber: '00012345' }));
    expect(other.ok).toBe(false);
    const malformed = await saveResearcher(researcher({ name: '桁不足', eradResearcherNumber: '1234' }));
    expect(malformed.ok).toBe(true);
    if (malformed.ok) expect(malformed.warnings.map((w) => w.field)).toContain('eradResearcherNumber');
  });

  it('trashes and restores an application with audit entries', async () => {
    const r = await saveApplication(app());
    if (!r.ok) throw new Error('save failed');
    await deleteApplication(r.record.id);
    expect((await db.applications.get(r.record.id))?.deletedAt).not.toBeNull();
    await undoLast();
    expect((await db.applications.get(r.record.id))?.deletedAt).toBeNull();
  });

  it('reads planning settings with defaults and keeps what the office set', async () => {
    expect((await loadPlanningSettings()).internalDeadlineWorkingDays).toBe(5);
    const s = await loadPlanningSettings();
    await savePlanningSettings({ ...s, effortThresholdPercent: 80, internalDeadlineWorkingDays: 7 });
    expect(await loadPlanningSettings()).toMatchObject({ effortThresholdPercent: 80, internalDeadlineWorkingDays: 7 });
  });

  it('backs up and restores the planning tables; a backup made before them restores them empty', async () => {
    await saveApplication(app());
    await saveTrackedCall({ name: '2027年度 基盤研究', programId: null, trackId: null, funderName: 'JSPS', fiscalYear: 2027, openingDate: '2026-09-01', deadline: '2026-11-05', expectedAwards: null, supportYen: null, url: '', notes: '' });
    await saveResearcher(researcher());
    const file = await exportBackup(db);
    expect(file.tables.applications).toHaveLength(1);
    const parsed = parseBackup(JSON.parse(JSON.stringify(file)), db.verno);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await Promise.all(db.tables.map((t) => t.clear()));
    // The restored data is a database of its own (the app reloads onto it): opened here as the reloaded app would.
    const restored = new GrantDatabase(await restoreBackup(parsed.backup, { api, keep: 3, user: 't', database: db }));
    expect(await restored.applications.count()).toBe(1);
    expect(await restored.trackedCalls.count()).toBe(1);
    expect(await restored.researchers.count()).toBe(1);

    const old = JSON.parse(JSON.stringify({ ...file, schemaVersion: 1 })) as { tables: Record<string, unknown> };
    for (const t of ['applications', 'trackedCalls', 'researchers', 'memberships']) delete old.tables[t];
    const oldParsed = parseBackup(old, db.verno);
    if (!oldParsed.ok) throw new Error(JSON.stringify(oldParsed.problems));
    const again = new GrantDatabase(await restoreBackup(oldParsed.backup, { api, keep: 3, user: 't', database: restored }));
    expect(await again.applications.count()).toBe(0);
    expect(await again.researchers.count()).toBe(0);
    expect(await again.trackedCalls.count()).toBe(0);
    restored.close();
    again.close();
  });
});
