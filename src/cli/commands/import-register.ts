/**
 * `mentorspor import register FILE --layout long|wide [--mapping dst|dream|<id>] [--user admin]`: streams
 * a register extract into status spells with a progress bar on stderr; all or nothing. An unverified
 * mapping (the DREAM template) is imported with a warning on stderr.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { openDatabase } from '../../open-database.ts';
import { openImportFile, reportImportFailure } from '../file-import.ts';
import { importRegisterStatuses } from '../../use-cases/import-register-statuses.ts';
import { commandLineContext } from '../../use-cases/system-actor.ts';

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
    process.stderr.write(`INVALID_INPUT: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const file = parsed.positionals[0];
  const layout = parsed.values.layout;
  const mapping = parsed.values.mapping ?? 'dst';
  if (!file || (layout !== 'long' && layout !== 'wide')) {
    process.stderr.write(`INVALID_INPUT: ${!file ? 'FILE is required' : '--layout must be long or wide'}\n${usage}\n`);
    return 2;
  }
  const input = openImportFile(file);
  if (!input) return 2;
  const db = await openDatabase(loadConfig());
  try {
    await migrateDatabase(db);
    const ctx = await commandLineContext(db, parsed.values.user ?? 'admin', 'register_import');
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
      `Imported ${result.weeks.toLocaleString('en')} weeks from ${result.lines.toLocaleString('en')} lines with the ${result.mapping.name} mapping as ${result.spells.toLocaleString('en')} spells for ${result.citizens} citizens (${result.unknownCitizens} not in the case system) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } catch (error) {
    return reportImportFailure(error, input);
  } finally {
    await db.close();
  }
}
