/**
 * `mentorspor import citizens|target-groups|grants|offers FILE [--user admin]`: loads a case system's
 * history from its CSV exports (columns in README.md), streaming with progress on stderr and a summary
 * line on stdout; all or nothing. Exit 2 with every bad line (up to 100) when the file is bad.
 */
import { parseArgs } from 'node:util';
import type { CaseHistoryKind } from '../../domain/case-history-csv.ts';
import { openImportFile, runFileImport, secondsSince, usageError } from '../file-import.ts';
import { importCaseHistory } from '../../use-cases/import-case-history.ts';

/** The command for one kind of file, as registered in cli/main.ts (`import citizens`, …). */
export function commandFor(kind: CaseHistoryKind): { run: (argv: string[]) => Promise<number> } {
  return { run: (argv) => run(kind, argv) };
}

async function run(kind: CaseHistoryKind, argv: string[]): Promise<number> {
  const usage = `Usage: mentorspor import ${kind} FILE [--user admin]`;
  let parsed: ReturnType<typeof parseArgs<{ options: { user: { type: 'string' } }; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { user: { type: 'string' } } });
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) return usageError(!file ? 'FILE is required' : 'only one FILE at a time', usage);
  const input = openImportFile(file);
  if (!input) return 2;
  return runFileImport(input, { username: parsed.values.user ?? 'admin', purpose: 'case_history_import' }, async (ctx) => {
    const started = Date.now();
    const result = await importCaseHistory(ctx, { kind, source: input.stream, onProgress: (lines) => input.progress(lines) });
    if (input.progressShown) process.stderr.write('\n');
    process.stdout.write(
      `Imported ${result.rows.toLocaleString('en')} ${kind} from ${result.lines.toLocaleString('en')} lines: ${result.created.toLocaleString('en')} created, ${result.updated.toLocaleString('en')} updated, ${result.unchanged.toLocaleString('en')} unchanged in ${secondsSince(started)} s\n`,
    );
  });
}
