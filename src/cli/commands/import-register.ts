/**
 * `mentorspor import register FILE --layout long|wide [--mapping dst|dream|<id>] [--user admin]`: streams
 * a register extract into status spells with a progress bar on stderr; all or nothing. An unverified
 * mapping (the DREAM template) is imported with a warning on stderr.
 */
import { parseArgs } from 'node:util';
import { openImportFile, runFileImport, secondsSince, usageError } from '../file-import.ts';
import { importRegisterStatuses } from '../../use-cases/import-register-statuses.ts';

const usage = 'Usage: mentorspor import register FILE --layout long|wide [--mapping dst|dream|<id>] [--user admin]';

export async function run(argv: string[]): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { layout: { type: 'string' }; mapping: { type: 'string' }; user: { type: 'string' } };
      allowPositionals: true;
      strict: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { layout: { type: 'string' }, mapping: { type: 'string' }, user: { type: 'string' } },
    });
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
  const file = parsed.positionals[0];
  const layout = parsed.values.layout;
  const mapping = parsed.values.mapping ?? 'dst';
  if (!file || (layout !== 'long' && layout !== 'wide'))
    return usageError(!file ? 'FILE is required' : '--layout must be long or wide', usage);
  const input = openImportFile(file);
  if (!input) return 2;
  return runFileImport(input, { username: parsed.values.user ?? 'admin', purpose: 'register_import' }, async (ctx) => {
    const started = Date.now();
    const result = await importRegisterStatuses(ctx, {
      source: input.stream,
      layout,
      mapping,
      sizeBytes: input.size,
      onProgress: (lines, progress) =>
        input.progress(lines, progress.phase === 'reading' ? '' : ` — ${progress.phase === 'merging' ? 'merging spells' : 'done'}`),
    });
    process.stderr.write('\n');
    for (const warning of result.warnings) process.stderr.write(`WARNING: ${warning}\n`);
    process.stdout.write(
      `Imported ${result.weeks.toLocaleString('en')} weeks from ${result.lines.toLocaleString('en')} lines with the ${result.mapping.name} mapping as ${result.spells.toLocaleString('en')} spells for ${result.citizens} citizens (${result.unknownCitizens} not in the case system) in ${secondsSince(started)} s\n`,
    );
  });
}
