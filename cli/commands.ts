// The CLI's commands as a function of (arguments, file access, clock) → exit code, so tests can run them in-process
// as well as through `npm run cli`. Exit codes: 0 no row has an error, 1 some row has, 2 unreadable/refused/usage.
import { BUILTIN_CATALOG } from '../shared/catalog/builtin';
import { toICalendar } from '../shared/calendar/icalendar';
import { todayIso, fiscalYearRange, fiscalYearOf } from '../shared/calendar/fiscal-year';
import { BUDGET_FIELDS } from '../shared/excel/column-map';
import { runImportPipeline, hasErrors } from '../shared/excel/import-pipeline';
import { columnLetter } from '../shared/excel/import-types';
import { recordsFromImport } from '../shared/excel/import-records';
import { writeWorkbookBytes } from '../shared/excel/sheetjs';
import { standardWorkbookSheets } from '../shared/excel/standard-workbook';
import type { WorkbookLanguage } from '../shared/excel/standard-workbook';
import { milestonesToEvents } from '../shared/portfolio/deadlines';
import { buildPortfolioReport } from '../shared/reports/portfolio-report';
import { reportWorkbookSheets } from '../shared/reports/report-workbook';

export interface CliIo {
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array | string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage:
  cli check <file.xlsx|file.csv> [--sheet NAME] [--records]
  cli convert <in.xlsx> <out.xlsx> [--lang en|ja] [--sheet NAME]
  cli report <in.xlsx> <out.xlsx> [--lang en|ja] [--sheet NAME]
  cli ics <in.xlsx> <out.ics> [--sheet NAME]
`;

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
  if (!parsed || !command || !input || (command !== 'check' && !wantsOutput) || (wantsOutput && !output)) {
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
    io.stderr(`${run.message}\n`);
    return 2;
  }
  const result = run.result;
  const code = hasErrors(result) ? 1 : 0;
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
        mapping,
        unmappedColumns: analysis.unmappedColumns,
        problems: result.problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, severity: p.severity, message: p.message })),
        ...(parsed.options.has('records') ? { records: { projects: result.projects, budgetLines: result.budgetLines, milestones: result.milestones } } : {}),
      })}\n`,
    );
    return code;
  }
  const records = recordsFromImport(result, now.toISOString());
  try {
    if (command === 'convert') {
      io.writeFile(output!, writeWorkbookBytes(standardWorkbookSheets({ ...records, programs, lang })));
    } else if (command === 'report') {
      const today = todayIso(now);
      const range = fiscalYearRange(fiscalYearOf(today));
      const report = buildPortfolioReport({ ...records, programs, today, from: range.start, to: range.end });
      io.writeFile(output!, writeWorkbookBytes(reportWorkbookSheets(report, lang)));
    } else {
      const byId = new Map(records.projects.map((p) => [p.id, p]));
      io.writeFile(output!, toICalendar(milestonesToEvents(records.milestones, byId), { now, calendarName: 'Grant Portfolio' }));
    }
  } catch (e) {
    io.stderr(`Cannot write ${output}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  io.stderr(`${result.projects.length} projects, ${result.budgetLines.length} budget lines, ${result.milestones.length} milestones written to ${output}${errors ? `; ${errors} rows with errors left out (run check)` : ''}\n`);
  return code;
}
