// The portfolio write path on fake-indexeddb: validation, trash and purge, audit entries in the same transaction,
// undo of whole actions, stage gates on creation, budgets, internal deadlines and reminders.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, deleteProject, listTrash, purgeTrash, restoreProject, saveProject } from '../../../renderer/store/projects';
import type { ProjectInput } from '../../../renderer/store/projects';
import { peekUndo, projectLog, undoLast } from '../../../renderer/store/audit';
import { saveBudgetLine } from '../../../renderer/store/budgets';
import { addInternalDeadline, addMilestone, generateGatesFor, setMilestonesStatus } from '../../../renderer/store/milestones';
import { savePreferences } from '../../../renderer/store/preferences';
import { saveTemplate } from '../../../renderer/store/templates';
import { checkReminders } from '../../../renderer/store/notifications';

function input(patch: Partial<ProjectInput> = {}): ProjectInput {
  return { ...blankProjectInput(), code: 'A-2025-001', title: '新規医療機器の開発', funderName: 'AMED', startDate: '2025-04-01', endDate: '2028-03-31', status: 'active', ...patch };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('projects store', () => {
  it('creates a project with its track’s stage gates and logs both, with the user’s name', async () => {
    await db.settings.put({ key: 'preferences', value: { userName: '研究推進課 山田' } });
    const r = await saveProject(input({ programId: 'medical-device-development', trackId: 'medical-device-development/practical' }));
    if (!r.ok) throw new Error('save failed');
    expect(r.milestonesAdded).toBe(2);
    const gates = await db.milestones.where('projectId').equals(r.project.id).sortBy('dueDate');
    expect(gates.map((g) => g.dueDate)).toEqual(['2026-03-31', '2027-03-31']);
    const log = await projectLog(r.project.id);
    expect(log).toHaveLength(3);
    expect(new Set(log.map((e) => e.batch)).size).toBe(1);
    expect(log.every((e) => e.user === '研究推進課 山田')).toBe(true);
    expect(r.project.funderName).toBe('AMED');
  });

  it('saves an edit while a read of the milestones and budget lines is still open (its transaction takes only the tables it writes)', async () => {
    const r = await saveProject(input(), { generateMilestones: false });
    if (!r.ok) throw new Error('save failed');
    let saved = false;
    // A read kept open by one request after another, as the project-list Worker's walk of the milestones' projectId
    // index is: a save scoped to every audited table could start only after it ended.
    const read = db.transaction('r', [db.milestones, db.budgetLines], async () => {
      for (let i = 0; i < 300 && !saved; i++) await db.milestones.count();
      return saved;
    });
    const save = saveProject(input({ title: '改題' }), { id: r.project.id }).then((x) => ((saved = true), x));
    expect(await read).toBe(true);
    expect((await save).ok).toBe(true);
    expect((await db.projects.get(r.project.id))?.title).toBe('改題');
    expect((await projectLog(r.project.id)).map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('refuses a duplicate 管理番号 and end before start, writing nothing', async () => {
    await saveProject(input());
    const r = await saveProject(input({ title: 'other', endDate: '2024-03-31' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field).sort()).toEqual(['code', 'endDate']);
    expect(await db.projects.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(1);
  });

  it('applies office templates on creation', async () => {
    await saveTemplate({ kind: 'outcome-report', title: '成果報告書', month: 5, day: 31, programId: null });
    const r = await saveProject(input({ endDate: '2027-03-31' }));
    if (!r.ok) throw new Error('save failed');
    const ms = await db.milestones.where('projectId').equals(r.project.id).sortBy('dueDate');
    expect(ms.map((m) => m.dueDate)).toEqual(['2026-05-31', '2027-05-31']);
  });

  it('moves to the trash, restores, and purges only what is older than 30 days with its budgets and milestones', async () => {
    const a = await saveProject(input({ programId: 'medical-device-development', trackId: 'medical-device-development/practical' }));
    const b = await saveProject(input({ code: 'B-1' }));
    if (!a.ok || !b.ok) throw new Error('save failed');
    await saveBudgetLine(a.project.id, 2025, 1_000_000, 300_000);
    await deleteProject(a.project.id, new Date('2025-01-01T00:00:00Z'));
    await deleteProject(b.project.id, new Date());
    expect((await listTrash()).map((p) => p.code)).toEqual(['B-1', 'A-2025-001']);
    await restoreProject(b.project.id);
    expect((await db.projects.get(b.project.id))!.deletedAt).toBeNull();
    expect(await purgeTrash()).toBe(1);
    expect(await db.projects.get(a.project.id)).toBeUndefined();
    expect(await db.budgetLines.where('projectId').equals(a.project.id).count()).toBe(0);
    expect(await db.milestones.where('projectId').equals(a.project.id).count()).toBe(0);
    expect(await db.projects.count()).toBe(1);
  });

  it('names the trash when a trashed project holds the code', async () => {
    const a = await saveProject(input());
    if (!a.ok) throw new Error('save failed');
    await deleteProject(a.project.id);
    const r = await saveProject(input());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message.ja).toContain('ゴミ箱');
  });
});

describe('undo', () => {
  it('reverts an edit, then the creation with its generated gates, each logged as undo', async () => {
    const r = await saveProject(input({ programId: 'medical-device-development', trackId: 'medical-device-development/practical' }));
    if (!r.ok) throw new Error('save failed');
    const edited = await saveProject(input({ programId: 'medical-device-development', trackId: 'medical-device-development/practical', title: '改題' }), { id: r.project.id });
    expect(edited.ok).toBe(true);
    expect((await peekUndo())?.summary).toContain('title');
    const u1 = await undoLast();
    expect(u1.ok).toBe(true);
    expect((await db.projects.get(r.project.id))!.title).toBe('新規医療機器の開発');
    const u2 = await undoLast();
    expect(u2.ok && u2.count).toBe(3);
    expect(await db.projects.count()).toBe(0);
    expect(await db.milestones.count()).toBe(0);
    expect(await undoLast()).toEqual({ ok: false, reason: 'nothing' });
    const undos = await db.auditLog.where('projectId').equals(r.project.id).filter((e) => e.action === 'undo').toArray();
    expect(undos).toHaveLength(4);
  });

  it('restores a deleted project and reverts a bulk status change as one step', async () => {
    const r = await saveProject(input({ programId: 'medical-device-development', trackId: 'medical-device-development/practical' }));
    if (!r.ok) throw new Error('save failed');
    const ids = (await db.milestones.toArray()).map((m) => m.id);
    await setMilestonesStatus(ids, 'passed', '2026-03-30');
    expect((await db.milestones.toArray()).every((m) => m.status === 'passed' && m.doneDate === '2026-03-30')).toBe(true);
    await undoLast();
    expect((await db.milestones.toArray()).every((m) => m.status === 'planned' && m.doneDate === null)).toBe(true);
    await deleteProject(r.project.id);
    await undoLast();
    expect((await db.projects.get(r.project.id))!.deletedAt).toBeNull();
  });

  it('keeps data and log together: a failing change leaves neither', async () => {
    const r = await saveProject(input());
    if (!r.ok) throw new Error('save failed');
    const logBefore = await db.auditLog.count();
    const spy = vi.spyOn(db.auditLog, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(saveBudgetLine(r.project.id, 2025, 5_000_000, 1_500_000)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await db.budgetLines.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(logBefore);
  });

  it('reports a conflict instead of half-reverting when the code was taken meanwhile', async () => {
    const r = await saveProject(input());
    if (!r.ok) throw new Error('save failed');
    await saveProject(input({ code: 'A-NEW' }), { id: r.project.id });
    await saveProject(input({ code: 'A-2025-001', title: 'another' }));
    // Undo the newest (the second project's creation) first, then the rename can be reverted.
    const u1 = await undoLast();
    expect(u1.ok).toBe(true);
    await saveProject(input({ code: 'A-2025-001', title: 'another' }));
    await db.auditLog.where('projectId').notEqual(r.project.id).delete();
    // The rename is now the latest undoable entry, but its old code is taken.
    const u2 = await undoLast();
    expect(u2.ok).toBe(false);
    expect((await db.projects.get(r.project.id))!.code).toBe('A-NEW');
  });
});

describe('budgets, milestones, reminders', () => {
  it('upserts one budget line per project and fiscal year', async () => {
    const r = await saveProject(input());
    if (!r.ok) throw new Error('save failed');
    await saveBudgetLine(r.project.id, 2025, 10_000_000, 3_000_000);
    await saveBudgetLine(r.project.id, 2025, 12_000_000, 3_600_000);
    const lines = await db.budgetLines.where('projectId').equals(r.project.id).toArray();
    expect(lines).toHaveLength(1);
    expect(lines[0]!.directYen).toBe(12_000_000);
    expect((await saveBudgetLine(r.project.id, 2025, -1, 0)).ok).toBe(false);
  });

  it('adds an internal deadline N working days before a milestone and regenerates gates without duplicates', async () => {
    const r = await saveProject(input({ programId: 'medical-device-development', trackId: 'medical-device-development/practical', startDate: '2024-05-08' }));
    if (!r.ok) throw new Error('save failed');
    expect(await generateGatesFor(r.project.id)).toBe(0);
    const gate = (await db.milestones.where('projectId').equals(r.project.id).sortBy('dueDate'))[0]!;
    expect(gate.dueDate).toBe('2025-05-07');
    const internal = await addInternalDeadline(gate.id, 3);
    expect(internal?.dueDate).toBe('2025-04-30');
    expect(internal?.kind).toBe('internal');
  });

  it('counts working days around the year-end closure set in Settings (stored in the preferences)', async () => {
    const r = await saveProject(input());
    if (!r.ok) throw new Error('save failed');
    const report = await addMilestone({ projectId: r.project.id, kind: 'annual-report', title: '報告', dueDate: '2026-01-06', status: 'planned', doneDate: null, notes: '', origin: 'user' });
    // Default closure 12/29–1/3: two working days before Tue 6 Jan are Mon 5 Jan and Fri 26 Dec.
    expect((await addInternalDeadline(report.id, 2))?.dueDate).toBe('2025-12-26');
    // An office closed 12/30–1/2 works on Mon 29 Dec.
    await savePreferences({ closureStart: '12-30', closureEnd: '01-02' });
    expect((await addInternalDeadline(report.id, 2))?.dueDate).toBe('2025-12-29');
  });

  it('adds a gate with no fixed year only on the date the office sets for the project', async () => {
    const r = await saveProject(input({ programId: 'smart-bio-drug-discovery', trackId: 'smart-bio-drug-discovery/composite' }));
    if (!r.ok) throw new Error('save failed');
    expect(r.milestonesAdded).toBe(0);
    expect(await generateGatesFor(r.project.id)).toBe(0);
    expect(await generateGatesFor(r.project.id, { 0: '2026-10-30' })).toBe(1);
    expect(await generateGatesFor(r.project.id, { 0: '2026-10-30' })).toBe(0);
    const gates = await db.milestones.where('projectId').equals(r.project.id).toArray();
    expect(gates.map((g) => [g.kind, g.title, g.dueDate])).toEqual([['stage-gate', 'ステージゲート評価（研究期間の途中）', '2026-10-30']]);
  });

  it('notifies items due within the reminder window once per day', async () => {
    const r = await saveProject(input({ programId: 'medical-device-development', trackId: 'medical-device-development/practical' }));
    if (!r.ok) throw new Error('save failed');
    await db.settings.put({ key: 'preferences', value: { reminderDays: 10 } });
    const sent: string[] = [];
    const notify = async (n: { title: string }) => void sent.push(n.title);
    expect(await checkReminders(notify, new Date(2026, 2, 25, 9))).toBe(1);
    expect(await checkReminders(notify, new Date(2026, 2, 25, 15))).toBe(0);
    expect(await checkReminders(notify, new Date(2026, 2, 26, 9))).toBe(1);
    expect(await checkReminders(notify, new Date(2026, 2, 1, 9))).toBe(0);
    expect(sent[0]).toContain('[A-2025-001]');
  });
});

describe('risk inputs', () => {
  it('give the same flags from the milestone facts (gates, which projects have any) as from every milestone', async () => {
    const { loadMilestoneFacts } = await import('../../../renderer/store/risks');
    const { computeRiskFlags } = await import('../../../shared/portfolio/risk-flags');
    const { BUILTIN_CATALOG } = await import('../../../shared/catalog/builtin');
    const a = await saveProject(input({ code: 'R-1', programId: 'medical-device-development', trackId: 'medical-device-development/practical' }));
    const b = await saveProject(input({ code: 'R-2' }));
    await saveProject(input({ code: 'R-3', programId: 'b-cure', endDate: '2029-03-31' }));
    if (!a.ok || !b.ok) throw new Error('save failed');
    await saveTemplate({ kind: 'annual-report', title: '実績報告書', month: 5, day: 31, programId: null });
    const { generateTemplatesFor } = await import('../../../renderer/store/milestones');
    await generateTemplatesFor(b.project.id);
    const base = { projects: await db.projects.toArray(), budgetLines: await db.budgetLines.toArray(), programs: BUILTIN_CATALOG.programs, today: '2026-11-28' };
    const full = computeRiskFlags({ ...base, milestones: await db.milestones.toArray() });
    const facts = await loadMilestoneFacts();
    expect(facts.stageGates.every((m) => m.kind === 'stage-gate')).toBe(true);
    const lean = computeRiskFlags({ ...base, milestoneFacts: facts });
    expect(lean).toEqual(full);
    expect(full.map((f) => f.kind)).toEqual(expect.arrayContaining(['overdue-stage-gate', 'no-milestones', 'past-program-period']));
  });
});

describe('the Timeline\'s marker read', () => {
  it('gives each asked project its milestones, in the order asked, none for a project without any', async () => {
    const { readMilestonesOf } = await import('../../../renderer/store/risks');
    const a = await saveProject(input({ code: 'M-1', programId: 'medical-device-development', trackId: 'medical-device-development/practical' }));
    const b = await saveProject(input({ code: 'M-2' }));
    if (!a.ok || !b.ok) throw new Error('save failed');
    const added = await addMilestone({ projectId: b.project.id, kind: 'other', title: '報告', dueDate: '2026-05-31', status: 'planned', doneDate: null, notes: '', origin: 'user' });
    const [ofB, ofNone, ofA] = await readMilestonesOf([b.project.id, 'no-such-project', a.project.id]);
    expect(ofB!.map((m) => m.id)).toEqual([added.id]);
    expect(ofNone).toEqual([]);
    expect(ofA!.map((m) => m.dueDate).sort()).toEqual(['2026-03-31', '2027-03-31']);
    expect(ofA!.every((m) => m.projectId === a.project.id)).toBe(true);
  });
});
