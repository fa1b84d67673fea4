// The office's yearly deadline templates (成果報告書 5/31 …), kept in db.milestoneTemplates.
import type { Bilingual } from '../../shared/domain/message';
import { validateTemplate } from '../../shared/portfolio/templates';
import type { MilestoneTemplate } from '../../shared/portfolio/templates';
import { newId } from './audit';
import { db } from './db';

export type TemplateSave = { ok: true; template: MilestoneTemplate } | { ok: false; problems: Bilingual[] };

export async function saveTemplate(input: Omit<MilestoneTemplate, 'id'> & { id?: string }): Promise<TemplateSave> {
  const problems = validateTemplate(input);
  if (problems.length > 0) return { ok: false, problems };
  const template: MilestoneTemplate = { ...input, id: input.id ?? newId(), title: input.title.trim() };
  await db.milestoneTemplates.put(template);
  return { ok: true, template };
}

export async function deleteTemplate(id: string): Promise<void> {
  await db.milestoneTemplates.delete(id);
}

export function loadTemplates(): Promise<MilestoneTemplate[]> {
  return db.milestoneTemplates.toArray();
}
