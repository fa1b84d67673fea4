// The gates for the planning records (applications, tracked calls, researchers, memberships): every problem in plain
// Japanese and English, so forms and imports refuse the same things. A researcher number is only ever warned on.
import type { Bilingual } from '../domain/message';
import type { Application, EffortShare, Membership, RequestedAmount, Researcher, TrackedCall } from '../domain/planning';
import { APPLICATION_ROLES, APPLICATION_STATUSES, MEMBER_ROLES } from '../domain/planning';
import type { IsoDate } from '../domain/types';
import { makeIsoDate } from '../calendar/fiscal-year';
import { checkResearcherNumber } from './researcher-number';

export interface PlanningProblem {
  field: string;
  severity: 'error' | 'warning';
  message: Bilingual;
}

type Add = (field: string, ja: string, en: string, severity?: 'error' | 'warning') => void;

function collector(): { problems: PlanningProblem[]; add: Add } {
  const problems: PlanningProblem[] = [];
  return { problems, add: (field, ja, en, severity = 'error') => problems.push({ field, severity, message: { ja, en } }) };
}

function isIsoDate(d: IsoDate): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m !== null && makeIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) === d;
}

function checkDate(add: Add, field: string, value: IsoDate | null, ja: string, en: string): void {
  if (value && !isIsoDate(value)) add(field, `${ja}が日付として正しくありません。`, `The ${en} is not a valid date.`);
}

const isFiscalYear = (fy: number) => Number.isInteger(fy) && fy >= 1900 && fy <= 2200;
const isYen = (n: number) => Number.isInteger(n) && n >= 0 && n <= 1e15;

function checkRequested(add: Add, requested: readonly RequestedAmount[]): void {
  const seen = new Set<number>();
  for (const r of requested) {
    if (!isFiscalYear(r.fiscalYear)) add('requested', `申請額の年度「${r.fiscalYear}」が正しくありません。`, `Fiscal year "${r.fiscalYear}" of a requested amount is not valid.`);
    else if (seen.has(r.fiscalYear)) add('requested', `${r.fiscalYear}年度の申請額が二重にあります。`, `FY${r.fiscalYear} is requested twice.`);
    seen.add(r.fiscalYear);
    if (!isYen(r.directYen) || !isYen(r.indirectYen)) add('requested', `${r.fiscalYear}年度の申請額は0以上の円単位の整数にしてください。`, `Requested amounts for FY${r.fiscalYear} must be whole yen, 0 or more.`);
  }
}

export type ApplicationInput = Omit<Application, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

/** Problems with an application; errors block saving. `codeTaken` says whether another live application uses the code. */
export function validateApplication(
  input: ApplicationInput,
  ctx: { codeTaken: (code: string) => boolean; knownProgram?: (id: string) => boolean; trackBelongs?: (programId: string, trackId: string) => boolean },
): PlanningProblem[] {
  const { problems, add } = collector();
  const code = input.code.trim();
  if (!code) add('code', '応募の管理番号を入力してください。', 'Enter the office reference for the application.');
  else if (code.length > 60) add('code', '管理番号は60文字以内にしてください。', 'The office reference must be at most 60 characters.');
  else if (ctx.codeTaken(code)) add('code', `管理番号「${code}」は既に使われています。`, `The office reference "${code}" is already in use.`);
  if (!input.title.trim() && !input.callName.trim()) add('title', '課題名か公募名を入力してください。', 'Enter the project title or the call name.');
  if (!(APPLICATION_STATUSES as readonly string[]).includes(input.status)) add('status', '応募の状態が正しくありません。', 'Unknown application status.');
  if (!(APPLICATION_ROLES as readonly string[]).includes(input.role)) add('role', '代表・分担の別が正しくありません。', 'The role must be lead (代表) or partner (分担).');
  if (!input.programId && !input.funderName.trim()) add('funderName', '事業を選ぶか、配分機関・制度名を入力してください。', 'Choose a program or enter the funder’s name.');
  if (input.programId && ctx.knownProgram && !ctx.knownProgram(input.programId)) add('programId', `事業「${input.programId}」がカタログにありません。`, `Program "${input.programId}" is not in the catalog.`);
  if (input.trackId && !input.programId) add('trackId', 'タイプを選ぶ前に事業を選んでください。', 'Choose a program before a track.');
  if (input.trackId && input.programId && ctx.trackBelongs && !ctx.trackBelongs(input.programId, input.trackId)) add('trackId', 'このタイプは選んだ事業のものではありません。', 'This track does not belong to the chosen program.');
  checkDate(add, 'eradDeadline', input.eradDeadline, 'e-Rad締切', 'e-Rad deadline');
  checkDate(add, 'internalDeadline', input.internalDeadline, '学内締切', 'internal deadline');
  checkDate(add, 'submittedDate', input.submittedDate, '提出日', 'submission date');
  checkDate(add, 'resultDate', input.resultDate, '結果通知日', 'result date');
  if (input.internalDeadline && input.eradDeadline && input.internalDeadline > input.eradDeadline) {
    add('internalDeadline', '学内締切がe-Rad締切より後になっています。', 'The internal deadline is after the e-Rad deadline.', 'warning');
  }
  if ((input.status === 'awarded' || input.status === 'rejected') && !input.resultDate) {
    add('resultDate', '採択・不採択の結果通知日が未入力です。', 'The result date of an awarded or rejected application is empty.', 'warning');
  }
  if (input.status === 'submitted' && !input.eradDeadline && !input.submittedDate) {
    add('eradDeadline', '申請中の応募にe-Rad締切も提出日もありません。', 'A submitted application has neither an e-Rad deadline nor a submission date.', 'warning');
  }
  checkRequested(add, input.requested);
  const p = input.probabilityOverride;
  if (p !== null && !(Number.isFinite(p) && p >= 0 && p <= 1)) add('probabilityOverride', '採択見込みは0〜100%で入力してください。', 'The probability must be between 0 % and 100 %.');
  return problems;
}

export type TrackedCallInput = Omit<TrackedCall, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export function validateTrackedCall(input: TrackedCallInput, ctx: { knownProgram?: (id: string) => boolean } = {}): PlanningProblem[] {
  const { problems, add } = collector();
  if (!input.name.trim()) add('name', '公募名を入力してください。', 'Enter the call name.');
  if (!input.programId && !input.funderName.trim()) add('funderName', '事業を選ぶか、配分機関・制度名を入力してください。', 'Choose a program or enter the funder’s name.');
  if (input.programId && ctx.knownProgram && !ctx.knownProgram(input.programId)) add('programId', `事業「${input.programId}」がカタログにありません。`, `Program "${input.programId}" is not in the catalog.`);
  checkDate(add, 'openingDate', input.openingDate, '公募開始日', 'opening date');
  checkDate(add, 'deadline', input.deadline, '締切日', 'deadline');
  if (input.openingDate && input.deadline && isIsoDate(input.openingDate) && isIsoDate(input.deadline) && input.deadline < input.openingDate) {
    add('deadline', '締切日が公募開始日より前になっています。', 'The deadline is before the opening date.');
  }
  if (input.fiscalYear !== null && !isFiscalYear(input.fiscalYear)) add('fiscalYear', '公募年度が正しくありません。', 'The fiscal year of the call is not valid.');
  if (input.expectedAwards !== null && !(Number.isInteger(input.expectedAwards) && input.expectedAwards >= 0)) add('expectedAwards', '採択予定件数は0以上の整数にしてください。', 'The expected number of awards must be a whole number, 0 or more.');
  if (input.supportYen !== null && !isYen(input.supportYen)) add('supportYen', '支援規模は0以上の円単位の整数にしてください。', 'The support size must be whole yen, 0 or more.');
  return problems;
}

export type ResearcherInput = Omit<Researcher, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

/** Problems with a researcher; a number that fails the (unconfirmed) check digit or is not 8 digits is a warning only. */
export function validateResearcher(input: ResearcherInput, ctx: { numberTaken?: (number: string) => boolean } = {}): PlanningProblem[] {
  const { problems, add } = collector();
  if (!input.name.trim()) add('name', '研究者の氏名を入力してください。', 'Enter the researcher’s name.');
  const check = checkResearcherNumber(input.eradResearcherNumber);
  if (check.kind === 'malformed' || check.kind === 'check-digit') add('eradResearcherNumber', check.message.ja, check.message.en, 'warning');
  if (check.kind !== 'empty' && ctx.numberTaken?.(check.number)) {
    add('eradResearcherNumber', `研究者番号「${check.number}」は別の研究者に登録されています。`, `Researcher number "${check.number}" belongs to another researcher.`);
  }
  return problems;
}

/** Problems with a membership; a share outside 0–100 % or a year twice is an error, 0 % a warning. */
export function validateMembership(
  input: Omit<Membership, 'id'>,
  ctx: { recordExists: (kind: 'project' | 'application', id: string) => boolean; researcherExists: (id: string) => boolean },
): PlanningProblem[] {
  const { problems, add } = collector();
  if ((input.projectId === null) === (input.applicationId === null)) add('projectId', '課題か応募のどちらか一方を指定してください。', 'Name exactly one project or application.');
  else if (input.projectId !== null && !ctx.recordExists('project', input.projectId)) add('projectId', '課題が見つかりません。', 'The project does not exist.');
  else if (input.applicationId !== null && !ctx.recordExists('application', input.applicationId)) add('applicationId', '応募が見つかりません。', 'The application does not exist.');
  if (!ctx.researcherExists(input.researcherId)) add('researcherId', '研究者が見つかりません。', 'The researcher does not exist.');
  if (!(MEMBER_ROLES as readonly string[]).includes(input.role)) add('role', '役割が正しくありません。', 'Unknown role.');
  checkEffort(add, input.effort);
  return problems;
}

function checkEffort(add: Add, effort: readonly EffortShare[]): void {
  const seen = new Set<number>();
  for (const e of effort) {
    if (!isFiscalYear(e.fiscalYear)) add('effort', `エフォートの年度「${e.fiscalYear}」が正しくありません。`, `Fiscal year "${e.fiscalYear}" of an effort share is not valid.`);
    else if (seen.has(e.fiscalYear)) add('effort', `${e.fiscalYear}年度のエフォートが二重にあります。`, `Effort for FY${e.fiscalYear} is given twice.`);
    seen.add(e.fiscalYear);
    if (!(Number.isFinite(e.percent) && e.percent >= 0 && e.percent <= 100)) add('effort', `${e.fiscalYear}年度のエフォートは0〜100%にしてください。`, `Effort for FY${e.fiscalYear} must be between 0 % and 100 %.`);
    else if (e.percent === 0) add('effort', `${e.fiscalYear}年度のエフォートが0%です。`, `Effort for FY${e.fiscalYear} is 0 %.`, 'warning');
  }
}
