import { createInterface } from 'node:readline';
import { finished, type Readable } from 'node:stream';
import { lineError } from '../domain/import-line-error.ts';
import { AppError } from '../errors.ts';

/**
 * The lines of an import's source (`\n` or `\r\n` ends). Node 20's line reader waits for ever when its
 * input is closed before the end without an error (a broken pipe or upload, a killed reader), so the
 * source is watched as well: a source that fails or breaks off ends the lines with INVALID_INPUT, naming
 * the first line that did not arrive, and the import fails as a whole (all or nothing).
 */
export async function* sourceLines(source: Readable): AsyncGenerator<string> {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let broken = false;
  const stopWatching = finished(source, (error) => {
    if (!error) return;
    broken = true;
    lines.close();
  });
  let count = 0;
  try {
    for await (const line of lines) {
      count += 1;
      yield line;
    }
  } catch {
    // The only thing that throws here is the line reader, passing on the source's error.
    broken = true;
  } finally {
    stopWatching();
  }
  if (broken) throw sourceBrokeOff(count);
}

/**
 * The refusal of an import whose source failed or was closed before its end: INVALID_INPUT with the line
 * error SOURCE_BROKE_OFF at the first line that did not arrive where the lines were counted
 * (`linesRead`), else at line 0.
 */
export function sourceBrokeOff(linesRead: number | null): AppError {
  const where = linesRead === null ? 'before its end' : `after line ${linesRead}`;
  return new AppError('INVALID_INPUT', `The file broke off ${where}; nothing was imported`, {
    errors: [{ line: linesRead === null ? 0 : linesRead + 1, ...lineError('SOURCE_BROKE_OFF', { afterLine: linesRead }) }],
  });
}
