import { spellTuplesAsText } from '../domain/register-extract-test-support.ts';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dstMapping, type OutcomeCategory } from '../domain/outcome-categories.ts';
import { parseExtractHeader, type CitizenLookup } from '../domain/register-extract.ts';
import { parseWideChunks, readHeaderAndChunks, type ParsedChunk } from './register-extract-threads.ts';

/** 300 citizens × 6 weeks of 2021, CRLF, split into source pieces of 7 bytes (cutting lines and the BOM's bytes apart). */
const citizens = Array.from({ length: 300 }, (_, i) => `01018${String(5000 + i).padStart(5, '0')}`);
const extract = `\uFEFFcpr;2021-W01;2021-W02;2021-W03;2021-W04;2021-W05;2021-W06\r\n${citizens
  .map((cpr, i) => `${cpr};${['318;318;;131;131;131', '511;511;511;511;;', ';;;;;'][i % 3]}`)
  .join('\r\n')}\r\n`;
const pieces = (text: string, size: number) => {
  const bytes = Buffer.from(text, 'utf8');
  return Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));
};

function lookup(): CitizenLookup {
  return {
    cprs: Float64Array.from(citizens.map(Number)),
    ids: Int32Array.from(citizens, (_, i) => i + 1),
    lines: new Int32Array(new SharedArrayBuffer(4 * citizens.length)),
  };
}

async function parseAll(threads: number, chunkBytes: number) {
  const { header, chunks } = await readHeaderAndChunks(pieces(extract, 7), chunkBytes);
  const parsed = parseExtractHeader(header!, 'wide');
  if (!parsed.ok) throw new Error(parsed.message);
  const setup = {
    separator: parsed.separator,
    weeks: parsed.weeks,
    fieldCount: parsed.fieldCount,
    codes: new Map(Object.entries(dstMapping) as [string, OutcomeCategory][]),
    mappingName: 'dst',
    municipalityId: 3,
    lookup: lookup(),
    maxErrors: 100,
  };
  const results: ParsedChunk[] = [];
  for await (const chunk of parseWideChunks(chunks, setup, { threads })) results.push(chunk);
  const rows = results.map((r) => spellTuplesAsText(r.rows)).join('');
  return { header, results, rows, lines: [...setup.lookup.lines] };
}

describe('the register import reads in chunks on several threads (issue 12)', () => {
  it('cuts the input at line ends whatever the pieces, numbers the lines, and two worker threads give what one thread gives', async () => {
    const one = await parseAll(0, 1_000_000);
    const two = await parseAll(2, 500);
    expect(one.header).toBe('cpr;2021-W01;2021-W02;2021-W03;2021-W04;2021-W05;2021-W06');
    expect(one.results).toHaveLength(1);
    expect(two.results.length).toBeGreaterThan(10);
    // Each chunk starts where the one before ended: line 2 (after the header) up to line 301.
    expect(two.results.map((r) => r.lines).reduce((a, b) => a + b)).toBe(300);
    expect(two.rows).toBe(one.rows);
    expect(two.rows.split('\n')).toHaveLength(2 * 100 + 100 + 1);
    expect(two.lines).toEqual(one.lines);
    expect(two.lines.filter((n) => n === 1)).toHaveLength(200);
  });

  it('reports a bad line with its number in the whole file, from a worker thread', async () => {
    const bad = extract.replace(`${citizens[249]};318;318;;131;131;131`, `${citizens[249]};318;318;;131;131;9x9`);
    const { chunks } = await readHeaderAndChunks(pieces(bad, 64), 400);
    const header = parseExtractHeader('cpr;2021-W01;2021-W02;2021-W03;2021-W04;2021-W05;2021-W06', 'wide');
    if (!header.ok) throw new Error(header.message);
    const errors: { line: number; code: string; message: string }[] = [];
    for await (const chunk of parseWideChunks(
      chunks,
      {
        ...header,
        codes: new Map(Object.entries(dstMapping) as [string, OutcomeCategory][]),
        mappingName: 'dst',
        municipalityId: 3,
        lookup: lookup(),
        maxErrors: 100,
      },
      { threads: 2 },
    ))
      errors.push(...chunk.errors);
    expect(errors).toEqual([
      { line: 251, code: 'UNKNOWN_CODE', params: { code: '9x9', mapping: 'dst' }, message: "unknown code '9x9' in the dst mapping" },
    ]);
  });
});
