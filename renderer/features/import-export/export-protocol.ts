// Messages of the standard-workbook export written in parallel: three part Workers (one per big sheet) read their own
// table and write their own sheet; the projects Worker also hands the 管理番号 of every exported project to the other
// two over MessageChannel ports, so no rows pass through the main thread.
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';

export type PartRole = 'projects' | 'budgets' | 'milestones';

/** The catalog names the Program column needs (not whole programs: less to clone into the Worker). */
export interface ProgramName {
  id: string;
  nameJa: string;
  nameEn: string;
}

export type PartRequest =
  /** Load the code and open the database before the click (sent when the export screen opens). */
  | { type: 'warm' }
  | { type: 'projects'; lang: WorkbookLanguage; programs: ProgramName[]; codePorts: MessagePort[] }
  | { type: 'budgets' | 'milestones'; lang: WorkbookLanguage; codePort: MessagePort };

/** Sent over the code ports: 管理番号 by project id, for every project not in the trash. */
export interface CodesMessage {
  codeById: Map<string, string>;
}

export type PartResponse =
  | { type: 'part'; role: PartRole; bytes: Uint8Array; shell?: Uint8Array; revision: number | undefined }
  /** `refused`: the part cannot be assembled (see PartRefused); the caller writes the workbook in one call instead. */
  | { type: 'failed'; message: string; refused: boolean };
