// The backup restore's gate from the shared project-rules cases: a backup holding a project that breaks an error
// rule is refused with the project's path, one that only draws a warning restores; an older backup without the PI
// fields gets their defaults.
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../shared/backup/backup-format';
import { BACKUP_FORMAT } from '../../../shared/backup/backup-names';
import type { ProjectInput } from '../../../shared/portfolio/project-validation';
import { RULE_CASES, VALID_INPUT, caseInput } from '../portfolio/project-rules-cases';

function backupWith(inputs: ProjectInput[]) {
  return {
    format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: 1, appVersion: '0.1.0', createdAt: '2026-01-01T00:00:00Z',
    tables: {
      projects: inputs.map((p, i) => ({ ...p, id: `p${i}`, archived: false, deletedAt: null, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' })),
      budgetLines: [], milestones: [], programs: [], editions: [], settings: [], auditLog: [], importMappings: [], milestoneTemplates: [],
    },
  };
}

describe('restore gate and the project rules', () => {
  // A backup carries its own programs, so the catalog rules are not the restore's.
  it.each(RULE_CASES.filter((c) => !c.catalogOnly).map((c) => [c.rule, c] as const))('%s', (_, c) => {
    const r = parseBackup(backupWith([{ ...VALID_INPUT, code: 'OK-1' }, caseInput(c)]), 1);
    expect(r.ok).toBe(c.severity === 'warning');
    if (!r.ok) expect(r.problems.every((p) => p.path.startsWith('tables.projects.1.'))).toBe(true);
  });

  it('code-unique: two projects with one 管理番号 are refused', () => {
    expect(parseBackup(backupWith([VALID_INPUT, { ...VALID_INPUT, title: '別' }]), 1).ok).toBe(false);
  });

  it('an older backup without piPosition/piResearcherNumber restores with their defaults', () => {
    const { piPosition: _p, piResearcherNumber: _r, ...old } = VALID_INPUT;
    const r = parseBackup(backupWith([old as ProjectInput]), 1);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.backup.tables.projects[0]).toMatchObject({ piPosition: '', piResearcherNumber: '' });
  });
});
