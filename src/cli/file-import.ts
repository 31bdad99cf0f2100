/**
 * What the file-import commands (`import register`, `import citizens|target-groups|grants|offers`) share:
 * opening the file, a progress bar on stderr by bytes read, and printing a refused import's bad lines
 * (`line N: …`) with the exit code (2 for bad input, 1 otherwise), and running the import on the configured,
 * migrated database as a named user.
 */
import { createReadStream, statSync, type ReadStream } from 'node:fs';
import { loadConfig } from '../config.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { isAppError } from '../errors.ts';
import { openDatabase } from '../open-database.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';
import { commandLineContext } from '../use-cases/system-actor.ts';

export type ImportFile = {
  stream: ReadStream;
  size: number;
  progress(lines: number, suffix?: string): void;
  readonly progressShown: boolean;
};

/** The file with its progress bar, or null (after printing INVALID_INPUT) when it cannot be read. */
export function openImportFile(path: string): ImportFile | null {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    process.stderr.write(`INVALID_INPUT: cannot read ${path}\n`);
    return null;
  }
  const stream = createReadStream(path);
  let shown = false;
  return {
    stream,
    size,
    progress(lines, suffix = '') {
      const share = Math.min(1, stream.bytesRead / Math.max(1, size));
      const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
      // Spaces after a suffix wipe the rest of a longer earlier one ("merging spells" → "done").
      process.stderr.write(`\r[${bar}] ${(share * 100).toFixed(0)} % ${lines.toLocaleString('en')} lines${suffix}${suffix ? '   ' : ''}`);
      shown = true;
    },
    get progressShown() {
      return shown;
    },
  };
}

/** Prints a refused import (code, message, numbered bad lines) and returns the exit code; rethrows bugs. */
export function reportImportFailure(error: unknown, file: ImportFile | null): number {
  if (!isAppError(error)) throw error;
  process.stderr.write(`${file?.progressShown ? '\n' : ''}${error.code}: ${error.message}\n`);
  const errors = (error.details?.errors as { line: number; message: string }[] | undefined) ?? [];
  for (const e of errors) process.stderr.write(`  line ${e.line}: ${e.message}\n`);
  const badLines = Number(error.details?.badLines ?? errors.length);
  if (badLines > errors.length) process.stderr.write(`  … and ${badLines - errors.length} more bad line(s)\n`);
  return error.code === 'INVALID_INPUT' ? 2 : 1;
}

/** Prints a command-line mistake with the command's usage line; returns exit code 2. */
export function usageError(message: string, usage: string): number {
  process.stderr.write(`INVALID_INPUT: ${message}\n${usage}\n`);
  return 2;
}

/** Seconds since `startedAt` (Date.now()) with one decimal, as the import summaries print it. */
export const secondsSince = (startedAt: number): string => ((Date.now() - startedAt) / 1000).toFixed(1);

/**
 * Runs `importFile` on the configured database (migrated first) as `actor.username` and returns the exit code:
 * 0 once it has imported and printed its summary, else the refused import's code (reportImportFailure).
 */
export async function runFileImport(
  file: ImportFile,
  actor: { username: string; purpose: string },
  importFile: (ctx: UseCaseContext) => Promise<void>,
): Promise<number> {
  const db = await openDatabase(loadConfig());
  try {
    await migrateDatabase(db);
    await importFile(await commandLineContext(db, actor.username, actor.purpose));
    return 0;
  } catch (error) {
    return reportImportFailure(error, file);
  } finally {
    await db.close();
  }
}
