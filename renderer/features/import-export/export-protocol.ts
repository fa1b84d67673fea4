// Messages of the standard-workbook export written in parallel: two part Workers (one per core of an ordinary office
// PC) read their own tables and write their own sheets; the lead Worker hands the 管理番号 of every exported project to
// the other over a MessageChannel port, so no rows pass through the main thread. The Worker answers through the
// renderer's Worker client (`platform/worker-client.ts`) with `ExportWorkerApi`.
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';

export type PartRole = 'projects' | 'budgets' | 'milestones' | 'applications' | 'requests' | 'researchers' | 'members';

/** Every part of the standard workbook, in sheet order. */
export const PART_ORDER: readonly PartRole[] = ['projects', 'budgets', 'milestones', 'applications', 'requests', 'researchers', 'members'];

/** The catalog names the Program column needs (not whole programs: less to clone into the Worker). */
export interface ProgramName {
  id: string;
  nameJa: string;
  nameEn: string;
}

/** What the export Worker does, by request. */
export type PartRequest =
  /**
   * The lead Worker: reads projects, sends the codes over `handOn`, then writes the Projects sheet, the shell, and the
   * Budgets sheet (whose read it asks for before writing, so it is ready by then).
   */
  | { type: 'lead'; lang: WorkbookLanguage; programs: ProgramName[]; handOn: MessagePort }
  /**
   * The Milestones Worker: reads when the codes come (after the projects read) and writes the Milestones sheet, then
   * the four small planning sheets (Applications, Requests, Researchers, Members).
   */
  | { type: 'milestones'; lang: WorkbookLanguage; programs: ProgramName[]; codePort: MessagePort };

/** Sent over the code port: 管理番号 by project id, for every project not in the trash. */
export interface CodesMessage {
  codeById: Map<string, string>;
}

/** One sheet written as a part, and the store revision its table was read at. */
export interface WrittenPart {
  role: PartRole;
  bytes: Uint8Array;
  revision: number | undefined;
}

export type PartResponse =
  /** `shell` comes with the lead Worker's answer. */
  | { type: 'parts'; parts: WrittenPart[]; shell?: Uint8Array }
  /** `refused`: the part cannot be assembled (see PartRefused); the caller writes the workbook in one call instead. */
  | { type: 'failed'; message: string; refused: boolean };

/** The tables a part Worker reads (and keeps: see `prepare`). */
export type ExportTable = 'projects' | 'budgetLines' | 'milestones';

/** The export Worker (`export.worker.ts`): a part of the parallel export, the whole workbook at once, or a template. */
export interface ExportWorkerApi {
  /** Load the code and open the database before the click (called when the export screen opens). */
  warm(): void;
  /**
   * Read these tables ahead of the click and keep them (with the writer's code warmed up): an export finds them there
   * while the store's revision has not moved since, and only writes.
   */
  prepare(tables: ExportTable[]): Promise<void>;
  lead(lang: WorkbookLanguage, programs: ProgramName[], handOn: MessagePort): Promise<PartResponse>;
  milestones(lang: WorkbookLanguage, programs: ProgramName[], codePort: MessagePort): Promise<PartResponse>;
  /** The standard workbook read in one transaction and written here (the fallback of the parallel export). */
  single(lang: WorkbookLanguage, programs: CatalogProgram[]): Promise<Uint8Array>;
  template(lang: WorkbookLanguage): Uint8Array;
}
