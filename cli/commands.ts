// The CLI's commands as a function of (arguments, file access, clock) → exit code, so tests can run them in-process
// as well as through `npm run cli`. Exit codes: 0 no row has an error, 1 some row has, 2 unreadable/refused/usage.
import { BUILTIN_CATALOG } from '../shared/catalog/builtin';
import { toICalendar } from '../shared/calendar/icalendar';
import { todayIso, fiscalYearRange, fiscalYearOf } from '../shared/calendar/fiscal-year';
import { applicationRecordsFromImport } from '../shared/excel/applications-sheet';
import { runImportPipeline, hasErrors } from '../shared/excel/import-pipeline';
import { applyProjectRules, recordsFromImport } from '../shared/excel/import-records';
import type { ImportRecords } from '../shared/excel/import-records';
import type { ImportProblem, ParsedImport } from '../shared/excel/import-types';
import { membersRecordsFromImport } from '../shared/excel/members-sheet';
import { standardWorkbookWithPlanningSheets } from '../shared/excel/planning-workbook';
import { catalogChecks } from '../shared/portfolio/project-validation';
import { BUDGET_FIELDS } from '../shared/excel/column-map';
import { columnLetter } from '../shared/excel/import-types';
import { writeWorkbookBytes } from '../shared/excel/sheetjs';
import type { WorkbookLanguage } from '../shared/excel/standard-workbook';
import type { Application, Membership, Researcher } from '../shared/domain/planning';
import { applicationDeadlineEvents } from '../shared/planning/call-events';
import { researcherEffort } from '../shared/planning/effort';
import { buildForecast, DEFAULT_FORECAST_YEARS } from '../shared/planning/forecast';
import { programLookup } from '../shared/planning/program-context';
import { milestonesToEvents } from '../shared/portfolio/deadlines';
import { buildPlanningReport } from '../shared/reports/planning-report';
import { planningReportSheets } from '../shared/reports/planning-report-workbook';
import { buildPortfolioReport } from '../shared/reports/portfolio-report';
import { reportWorkbookSheets } from '../shared/reports/report-workbook';

export interface CliIo {
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array | string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage:
  cli check <file.xlsx|file.csv> [--sheet NAME] [--records] [--lang en|ja]
  cli convert <in.xlsx> <out.xlsx> [--lang en|ja] [--sheet NAME]
  cli report <in.xlsx> <out.xlsx> [--lang en|ja] [--sheet NAME]
  cli ics <in.xlsx> <out.ics> [--sheet NAME]
  cli forecast <file.xlsx> [--from FY] [--years N] [--sheet NAME]
  cli effort <file.xlsx> [--threshold PERCENT] [--sheet NAME]
`;

export interface PlanningRecords {
  applications: Application[];
  researchers: Researcher[];
  memberships: Membership[];
  problems: ImportProblem[];
}

/**
 * The planning records the import carried (a standard workbook's planning sheets, an office sheet's people), as
 * records that point at the imported projects by 管理番号 (recordsFromImport's ids). None: empty lists. Their
 * problems are among the import's own.
 */
export function planningFromImport(parsed: ParsedImport, records: ImportRecords, now: string): PlanningRecords {
  const planning = parsed.planning;
  if (!planning) return { applications: [], researchers: [], memberships: [], problems: [] };
  const applications = applicationRecordsFromImport({ applications: planning.applications, problems: [] }, new Set(records.projects.map((p) => p.id)), now);
  const planningSheets = new Set(planning.applications.map((a) => a.sheet).concat(planning.researchers.map((r) => r.sheet), planning.memberships.map((m) => m.sheet)));
  return { applications, ...membersRecordsFromImport({ ...planning, problems: [] }, now), problems: parsed.problems.filter((p) => planningSheets.has(p.sheet) && p.sheet !== parsed.sheet) };
}

function wholeOption(options: Map<string, string>, name: string, min: number, max: number, io: CliIo): number | null | undefined {
  const text = options.get(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    io.stderr(`--${name} must be a whole number from ${min} to ${max}\n${USAGE}`);
    return null;
  }
  return n;
}

/** Options that take no value. */
const FLAGS: ReadonlySet<string> = new Set(['records']);

function parseArgs(args: readonly string[]): { positional: string[]; options: Map<string, string> } | null {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      const value = inline ?? (FLAGS.has(name) ? 'true' : args[++i]);
      if (value === undefined) return null;
      options.set(name, value);
    } else positional.push(a);
  }
  return { positional, options };
}

/** Runs one command; returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo, now: Date): number {
  const parsed = parseArgs(argv);
  const [command, input, output] = parsed?.positional ?? [];
  const wantsOutput = command === 'convert' || command === 'report' || command === 'ics';
  const printsOnly = command === 'check' || command === 'forecast' || command === 'effort';
  if (!parsed || !command || !input || (!printsOnly && !wantsOutput) || (wantsOutput && !output)) {
    io.stderr(USAGE);
    return 2;
  }
  const lang = (parsed.options.get('lang') ?? 'en') as WorkbookLanguage;
  if (lang !== 'en' && lang !== 'ja') {
    io.stderr(`--lang must be en or ja\n${USAGE}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(input);
  } catch (e) {
    io.stderr(`Cannot read ${input}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const programs = BUILTIN_CATALOG.programs;
  const run = runImportPipeline(bytes, { programs, sheet: parsed.options.get('sheet'), fileName: input });
  if (!run.ok) {
    io.stderr(`${run.message[lang]}\n`);
    return 2;
  }
  // The project rules the app's form, import and restore apply (shared/portfolio/project-validation.ts).
  const result = applyProjectRules(run.result, catalogChecks(programs));
  const code = hasErrors(result) ? 1 : 0;
  const records = recordsFromImport(result, now.toISOString());
  const planning = planningFromImport(result, records, now.toISOString());
  const planningCode = planning.problems.some((p) => p.severity === 'error') ? 1 : code;
  if (command === 'check') {
    const { analysis } = run;
    const headers = analysis.header?.headers ?? [];
    const mapping = analysis.mapping.flatMap((t, i) =>
      t.field === 'ignore' ? [] : [{ column: columnLetter(i), header: headers[i] ?? '', field: t.field, ...(BUDGET_FIELDS.has(t.field) ? { fiscalYear: t.fiscalYear ?? null } : {}) }],
    );
    io.stdout(
      `${JSON.stringify({
        sheet: result.sheet,
        projects: result.projects.length,
        budgetLines: result.budgetLines.length,
        milestones: result.milestones.length,
        applications: planning.applications.length,
        researchers: planning.researchers.length,
        memberships: planning.memberships.length,
        mapping,
        unmappedColumns: analysis.unmappedColumns,
        problems: result.problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, severity: p.severity, message: p.message[lang] })),
        ...(parsed.options.has('records')
          ? { records: { projects: result.projects, budgetLines: result.budgetLines, milestones: result.milestones, ...(result.planning ? { researchers: result.planning.researchers, memberships: result.planning.memberships } : {}) } }
          : {}),
      })}\n`,
    );
    return planningCode;
  }
  if (command === 'forecast' || command === 'effort') {
    for (const p of planning.problems) io.stderr(`${p.sheet} row ${p.row}${p.column ? ` column ${p.column}` : ''}: ${p.severity}: ${p.message[lang]}\n`);
  }
  if (command === 'forecast') return printForecast(parsed.options, records, planning, now, io) ?? planningCode;
  if (command === 'effort') return printEffort(parsed.options, records, planning, io) ?? planningCode;
  try {
    if (command === 'convert') {
      io.writeFile(output!, writeWorkbookBytes(standardWorkbookWithPlanningSheets({ ...records, ...planning, programs, lang })));
    } else if (command === 'report') {
      const today = todayIso(now);
      const range = fiscalYearRange(fiscalYearOf(today));
      const report = buildPortfolioReport({ ...records, programs, today, from: range.start, to: range.end });
      const plan = buildPlanningReport({ ...records, applications: planning.applications, programs, fromFiscalYear: fiscalYearOf(today) });
      io.writeFile(output!, writeWorkbookBytes([...reportWorkbookSheets(report, lang), ...planningReportSheets(plan, lang)]));
    } else {
      const byId = new Map(records.projects.map((p) => [p.id, p]));
      const events = [...milestonesToEvents(records.milestones, byId, lang), ...applicationDeadlineEvents(planning.applications, lang)];
      io.writeFile(output!, toICalendar(events, { now, calendarName: 'Grant Portfolio' }));
    }
  } catch (e) {
    io.stderr(`Cannot write ${output}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  io.stderr(`${result.projects.length} projects, ${result.budgetLines.length} budget lines, ${result.milestones.length} milestones written to ${output}${errors ? `; ${errors} rows with errors left out (run check)` : ''}\n`);
  return planningCode;
}

/** `forecast`: per fiscal year, committed, expected and at-risk yen, direct and indirect (null: printed; 2: bad options). */
function printForecast(options: Map<string, string>, records: ImportRecords, planning: PlanningRecords, now: Date, io: CliIo): number | null {
  const from = wholeOption(options, 'from', 1900, 2200, io);
  if (from === null) return 2;
  const years = wholeOption(options, 'years', 1, 30, io);
  if (years === null) return 2;
  const forecast = buildForecast({
    projects: records.projects, budgetLines: records.budgetLines, applications: planning.applications, programs: programLookup(BUILTIN_CATALOG.programs),
    fromFiscalYear: from ?? fiscalYearOf(todayIso(now)), years: years ?? DEFAULT_FORECAST_YEARS,
  });
  io.stdout(`${JSON.stringify({ fromFiscalYear: forecast.fromFiscalYear, years: forecast.years })}\n`);
  return null;
}

/**
 * `effort`: researchers whose effort passes 100 % in some fiscal year (with --threshold, also those at or above it),
 * with those years and the projects and applications that add up to them.
 */
function printEffort(options: Map<string, string>, records: ImportRecords, planning: PlanningRecords, io: CliIo): number | null {
  const threshold = wholeOption(options, 'threshold', 0, 100, io);
  if (threshold === null) return 2;
  const efforts = researcherEffort({
    researchers: planning.researchers, memberships: planning.memberships, projects: records.projects, applications: planning.applications, thresholdPercent: threshold ?? null,
  });
  const byId = new Map(planning.researchers.map((r) => [r.id, r]));
  const researchers = efforts
    .filter((e) => e.over100 || e.overThreshold)
    .map((e) => {
      const r = byId.get(e.researcherId)!;
      return {
        name: r.name, researcherNumber: r.eradResearcherNumber, department: r.department,
        years: e.years
          .filter((y) => y.over100 || y.overThreshold)
          .map((y) => ({ fiscalYear: y.fiscalYear, totalPercent: y.totalPercent, over100: y.over100, contributions: y.contributions.map((c) => ({ [c.kind]: c.recordId, percent: c.percent })) })),
      };
    });
  io.stdout(`${JSON.stringify({ researchers })}\n`);
  return null;
}
