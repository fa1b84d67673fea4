// The one gate for a project the user (or an import) wants to save: trims text, then reports every problem in
// plain Japanese and English, so the form and the importer refuse the same things.
import type { IsoDate, Project, ProjectStatus } from '../domain/types';
import { PROJECT_STATUSES } from '../domain/types';
import type { Bilingual } from '../domain/message';
import { makeIsoDate } from '../calendar/fiscal-year';

export type ProjectInput = Omit<Project, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'archived'> & { archived?: boolean };

export interface ProjectProblem {
  field: keyof Project;
  message: Bilingual;
}

function isIsoDate(d: IsoDate): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m !== null && makeIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) === d;
}

const cleanList = (items: readonly string[]) => items.map((s) => s.trim()).filter(Boolean);

/** Trims fields and drops empty list entries; dates '' become null. */
export function normalizeProjectInput(input: ProjectInput): ProjectInput {
  return {
    ...input,
    code: input.code.normalize('NFKC').trim(),
    title: input.title.trim(),
    pi: input.pi.trim(),
    department: input.department.trim(),
    coInvestigators: cleanList(input.coInvestigators),
    partners: cleanList(input.partners),
    funderName: input.funderName.trim(),
    amedNumber: input.amedNumber.normalize('NFKC').trim(),
    eradNumber: input.eradNumber.normalize('NFKC').trim(),
    startDate: input.startDate ? input.startDate : null,
    endDate: input.endDate ? input.endDate : null,
    tags: [...new Set(cleanList(input.tags))],
    notes: input.notes,
  };
}

/**
 * Problems with a normalised input; empty when it may be saved. `codeTaken` tells whether another live project
 * (not this one) already uses the 管理番号. `knownProgram`/`knownTrack` check catalog references when given.
 */
export function validateProject(
  input: ProjectInput,
  ctx: { codeTaken: (code: string) => boolean; knownProgram?: (id: string) => boolean; trackBelongs?: (programId: string, trackId: string) => boolean },
): ProjectProblem[] {
  const problems: ProjectProblem[] = [];
  const add = (field: keyof Project, ja: string, en: string) => problems.push({ field, message: { ja, en } });
  if (!input.code) add('code', '管理番号を入力してください。', 'Enter the office ID (管理番号).');
  else if (input.code.length > 60) add('code', '管理番号は60文字以内にしてください。', 'The office ID must be at most 60 characters.');
  else if (ctx.codeTaken(input.code)) add('code', `管理番号「${input.code}」は既に使われています。`, `The office ID "${input.code}" is already in use.`);
  if (!input.title) add('title', '課題名を入力してください。', 'Enter the project title.');
  if (input.startDate && !isIsoDate(input.startDate)) add('startDate', '開始日が日付として正しくありません。', 'The start date is not a valid date.');
  if (input.endDate && !isIsoDate(input.endDate)) add('endDate', '終了日が日付として正しくありません。', 'The end date is not a valid date.');
  if (input.startDate && input.endDate && isIsoDate(input.startDate) && isIsoDate(input.endDate) && input.endDate < input.startDate) {
    add('endDate', '終了日が開始日より前になっています。', 'The end date is before the start date.');
  }
  if (!(PROJECT_STATUSES as readonly ProjectStatus[]).includes(input.status)) add('status', '状態が正しくありません。', 'Unknown status.');
  if (input.programId && ctx.knownProgram && !ctx.knownProgram(input.programId)) {
    add('programId', `事業「${input.programId}」がカタログにありません。`, `Program "${input.programId}" is not in the catalog.`);
  }
  if (input.trackId && !input.programId) add('trackId', 'タイプを選ぶ前に事業を選んでください。', 'Choose a program before a track.');
  if (input.trackId && input.programId && ctx.trackBelongs && !ctx.trackBelongs(input.programId, input.trackId)) {
    add('trackId', 'このタイプは選んだ事業のものではありません。', 'This track does not belong to the chosen program.');
  }
  if (!input.programId && !input.funderName) add('funderName', '事業を選ぶか、配分機関・制度名を入力してください。', 'Choose a program or enter the funder’s name.');
  return problems;
}
