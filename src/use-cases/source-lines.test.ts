import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sourceLines } from './source-lines.ts';
import { sourceThatBreaksOff } from './test-broken-source.ts';

/** Every line of the source, or the error that ended them. */
async function read(source: Readable): Promise<{ lines: string[]; error?: unknown }> {
  const lines: string[] = [];
  try {
    for await (const line of sourceLines(source)) {
      lines.push(line);
      // The importer awaits its database between lines: the source may break meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return { lines };
  } catch (error) {
    return { lines, error };
  }
}

/** A source that sends `text`, then after 20 ms ends or fails. */
function sourceThat(text: string, then: 'end' | 'fail'): PassThrough {
  const source = new PassThrough();
  source.write(text);
  setTimeout(() => {
    if (then === 'end') source.end('last');
    else source.destroy(new Error('disk read error'));
  }, 20);
  return source;
}

describe('the lines of an import source', () => {
  it('gives every line, with LF or CRLF ends and a last line without one', async () => {
    expect(await read(Readable.from(['cpr;name\r\n0101851234;Anna\n', '0202901234;Bo']))).toEqual({
      lines: ['cpr;name', '0101851234;Anna', '0202901234;Bo'],
    });
    expect(await read(sourceThat('a\nb\n', 'end'))).toEqual({ lines: ['a', 'b', 'last'] });
  });

  it('ends with INVALID_INPUT naming the first missing line when the source is closed early without an error', async () => {
    // Node 20's line reader alone never ends here: the import would wait for ever.
    const { lines, error } = await read(sourceThatBreaksOff('cpr;name\n0101851234;Anna\n'));
    expect(lines).toEqual(['cpr;name', '0101851234;Anna']);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The file broke off after line 2; nothing was imported',
      details: {
        errors: [
          {
            line: 3,
            code: 'SOURCE_BROKE_OFF',
            params: { afterLine: 2 },
            message: 'the file broke off after line 2: it was not read to its end',
          },
        ],
      },
    });
  });

  it('ends the same way when the source fails', async () => {
    const { lines, error } = await read(sourceThat('cpr;name\n', 'fail'));
    expect(lines).toEqual(['cpr;name']);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { errors: [{ line: 2 }] } });
  });
});
