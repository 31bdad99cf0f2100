/**
 * `mentorspor report NAME --first-start-from DATE --first-start-to DATE [--type T] [--target-groups a,b] [--horizon-months N]
 * [--group-by age30|none] [--json | --format xlsx|pdf --out FILE] [--user NAME]` — the reports of issue
 * 5 from the command line. `outcome-status` prints the same JSON as GET /api/reports/outcome-status; the
 * other reports the table of GET /api/reports/cohort/NAME. Suppression (R-STAT-1) as in the app.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { isCalendarDate } from '../../domain/calendar-date.ts';
import { cohortReportNames, type CohortReportName, type ReportTable } from '../../domain/cohort-report.ts';
import { grantTypes } from '../../domain/mentor-grant.ts';
import { targetGroupCodes } from '../../domain/target-group.ts';
import { openDatabase } from '../../open-database.ts';
import { exportCohortReport } from '../../use-cases/export-cohort-report.ts';
import { reportCohort } from '../../use-cases/report-cohort.ts';
import { reportOutcomeStatus } from '../../use-cases/report-outcome-status.ts';
import { commandLineContext } from '../../use-cases/system-actor.ts';

const usage = `Usage: mentorspor report ${cohortReportNames.join('|')} --first-start-from YYYY-MM-DD --first-start-to YYYY-MM-DD
       [--type ${grantTypes.join('|')}] [--target-groups a,b] [--horizon-months 7] [--group-by age30|none] [--json | --format xlsx|pdf --out FILE] [--user admin]`;

const options = {
  'first-start-from': { type: 'string' },
  'first-start-to': { type: 'string' },
  type: { type: 'string' },
  'target-groups': { type: 'string' },
  'horizon-months': { type: 'string' },
  'group-by': { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  user: { type: 'string' },
} as const;

function badInput(message: string): number {
  process.stderr.write(`INVALID_INPUT: ${message}\n${usage}\n`);
  return 2;
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options });
  } catch (error) {
    return badInput((error as Error).message);
  }
  const [name, ...extra] = parsed.positionals;
  const v = parsed.values;
  if (!name || !(cohortReportNames as readonly string[]).includes(name)) return badInput(`unknown report '${name ?? ''}'`);
  if (extra.length > 0) return badInput(`unexpected argument '${extra[0]}'`);
  const from = v['first-start-from'];
  const to = v['first-start-to'];
  if (!isCalendarDate(from) || !isCalendarDate(to)) return badInput('--first-start-from and --first-start-to must be dates YYYY-MM-DD');
  if (v.type !== undefined && !(grantTypes as readonly string[]).includes(v.type)) return badInput(`unknown --type '${v.type}'`);
  const listed = (v['target-groups'] ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '');
  const targetGroups = listed.length > 0 ? listed : null;
  const unknownGroup = targetGroups?.find((g) => !(targetGroupCodes as readonly string[]).includes(g));
  if (unknownGroup !== undefined) return badInput(`unknown target group '${unknownGroup}' (${targetGroupCodes.join(', ')})`);
  const horizonMonths = v['horizon-months'] === undefined ? 7 : Number(v['horizon-months']);
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > 60)
    return badInput('--horizon-months must be a whole number from 1 to 60');
  const groupBy = v['group-by'] ?? 'age30';
  if (groupBy !== 'age30' && groupBy !== 'none') return badInput('--group-by must be age30 or none');
  if (v.format !== undefined && v.format !== 'xlsx' && v.format !== 'pdf') return badInput('--format must be xlsx or pdf');
  if ((v.format === undefined) !== (v.out === undefined)) return badInput('--format and --out go together');

  const db = await openDatabase(loadConfig());
  try {
    await migrateDatabase(db);
    const ctx = await commandLineContext(db, v.user ?? 'admin', 'statistik');
    const input = {
      report: name as CohortReportName,
      firstStartFrom: from,
      firstStartTo: to,
      type: v.type ?? null,
      horizonMonths,
      targetGroups,
    };
    if (v.format && v.out) {
      const file = await exportCohortReport(ctx, { ...input, format: v.format as 'xlsx' | 'pdf' });
      writeFileSync(v.out, file.bytes);
      process.stdout.write(`Wrote ${v.out} (${file.bytes.length.toLocaleString('en')} bytes)\n`);
      return 0;
    }
    if (name === 'outcome-status' && v.json) {
      const report = await reportOutcomeStatus(ctx, { ...input, groupBy });
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const table = await reportCohort(ctx, input);
    process.stdout.write(v.json ? `${JSON.stringify(table, null, 2)}\n` : formatTable(table));
    return 0;
  } finally {
    await db.close();
  }
}

/** A plain-text table for the terminal: counts (with column percentages), "–" where suppressed. */
export function formatTable(table: ReportTable): string {
  const show = (n: number | null) => (n === null ? '–' : n.toLocaleString('da-DK'));
  const total = (n: number | null) => (table.rowTotals ? [show(n)] : []);
  const header = ['', ...table.columns.map((c) => c.label), ...(table.rowTotals ? ['I alt'] : [])];
  const lines = [
    ...table.rows.map((r) => [
      r.label,
      ...r.values.map((n, j) => (table.percentBase === 'none' || n === null ? show(n) : `${show(n)} (${show(r.percentages[j]!)} %)`)),
      ...total(r.total),
    ]),
    ['I alt', ...table.columnTotals.map(show), ...total(table.total)],
  ];
  const widths = header.map((_, j) => Math.max(header[j]!.length, ...lines.map((l) => l[j]!.length)));
  const format = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  return [table.title, '', format(header), ...lines.map(format), '', table.caption, ''].join('\n');
}
