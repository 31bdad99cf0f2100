/**
 * The register import's parallel reader (issue 12): the extract is cut into chunks of whole lines as it
 * streams (any source: an uploaded file, a request body, the parts stored in the database), each chunk
 * is parsed by one of several worker threads (register-extract-worker.ts, `parseWideChunkBytes`), and the
 * results come back as COPY rows in the order the chunks were read. At most `inFlight` chunks are
 * read ahead, so memory stays flat whatever the file's size; a small input (one chunk) is parsed on the
 * calling thread without starting any worker.
 */
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { parseWideChunkBytes, type CitizenLookup, type WideChunkResult } from '../domain/register-extract.ts';
import type { OutcomeCategory } from '../domain/outcome-categories.ts';
import { sourceBrokeOff } from './source-lines.ts';
import { startModuleWorker } from './start-module-worker.ts';

export type ParserSetup = {
  separator: string;
  weeks: Int32Array;
  fieldCount: number;
  codes: Map<string, OutcomeCategory>;
  mappingName: string;
  municipalityId: number;
  lookup: CitizenLookup;
  maxErrors: number;
};
export type ChunkRequest = { id: number; bytes: Uint8Array; firstLine: number; failed: boolean };
export type ParsedChunk = Omit<WideChunkResult, 'rows'> & { rows: Uint8Array };
export type ChunkReply = { id: number; result: ParsedChunk } | { id: number; error: string };

/** A chunk of whole lines of the input and the number of its first line. */
export type LineChunk = { bytes: Uint8Array; firstLine: number };

/**
 * The source's bytes after the header line, as chunks of about `chunkBytes` that end at a line end
 * (the last may not). Returns the header (without BOM or line end) first.
 */
export async function readHeaderAndChunks(
  source: Readable,
  chunkBytes: number,
): Promise<{ header: string | null; chunks: AsyncGenerator<LineChunk> }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let done = false;
  const pull = async (): Promise<boolean> => {
    if (done) return false;
    let next: IteratorResult<Buffer | string>;
    try {
      next = await iterator.next();
    } catch {
      // The source failed or was closed before its end (a broken upload or pipe).
      throw sourceBrokeOff(null);
    }
    if (next.done) {
      done = true;
      return false;
    }
    const buffer = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    pending.push(buffer);
    pendingBytes += buffer.length;
    return true;
  };
  // The header: up to the first line end.
  let header: string | null = null;
  for (;;) {
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = joined.length > 0 ? [joined] : [];
    const end = joined.indexOf(10);
    if (end >= 0 || done) {
      const headerBytes = end >= 0 ? joined.subarray(0, end) : joined;
      if (headerBytes.length > 0 || end >= 0)
        header = headerBytes
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .replace(/\r$/, '');
      const rest = end >= 0 ? joined.subarray(end + 1) : Buffer.alloc(0);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
      break;
    }
    if (!(await pull())) continue;
  }
  async function* chunks(): AsyncGenerator<LineChunk> {
    let line = 2;
    for (;;) {
      while (pendingBytes < chunkBytes && (await pull()));
      if (pendingBytes === 0) return;
      const joined = Buffer.concat(pending, pendingBytes);
      let cut = done && pendingBytes <= chunkBytes ? joined.length : joined.lastIndexOf(10, chunkBytes - 1) + 1;
      // A line longer than the chunk: take it whole.
      if (cut === 0) {
        const end = joined.indexOf(10);
        cut = end >= 0 ? end + 1 : joined.length;
        if (end < 0 && !done) {
          pending = [joined];
          if (await pull()) continue;
          cut = joined.length;
        }
      }
      // A fresh buffer per chunk: it is transferred to a worker thread.
      const bytes = new Uint8Array(cut);
      bytes.set(joined.subarray(0, cut));
      const rest = joined.subarray(cut);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
      const firstLine = line;
      // Counted before the chunk leaves: a worker thread takes over its buffer.
      line += countLines(bytes);
      yield { bytes, firstLine };
    }
  }
  return { header, chunks: chunks() };
}

/** Lines in a chunk: its line ends, plus one for a last line without one. */
function countLines(bytes: Uint8Array): number {
  let count = 0;
  let at = bytes.indexOf(10);
  while (at >= 0) {
    count += 1;
    at = bytes.indexOf(10, at + 1);
  }
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? count + 1 : count;
}

type Parser = { parse(chunk: LineChunk, failed: boolean): Promise<ParsedChunk>; close(): Promise<void> };

function parserOnThisThread(setup: ParserSetup): Parser {
  return {
    async parse(chunk, failed) {
      return parseWideChunkBytes({
        ...setup,
        categoryOf: (code) => setup.codes.get(code),
        bytes: chunk.bytes,
        firstLine: chunk.firstLine,
        failed,
      });
    },
    async close() {},
  };
}

function parserOnWorkers(setup: ParserSetup, threads: number): Parser {
  const workers = Array.from({ length: threads }, () => ({
    worker: startModuleWorker('register-extract-worker', { workerData: setup }),
    busy: 0,
  }));
  const waiting = new Map<number, { resolve: (result: ParsedChunk) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let broken: Error | null = null;
  const failAll = (error: Error) => {
    broken ??= error;
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  };
  for (const slot of workers) {
    slot.worker.on('message', (reply: ChunkReply) => {
      slot.busy -= 1;
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!entry) return;
      if ('error' in reply) entry.reject(new Error(`register extract thread: ${reply.error}`));
      else entry.resolve(reply.result);
    });
    slot.worker.on('error', (error) => failAll(error));
    slot.worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`register extract thread stopped with code ${code}`));
    });
  }
  return {
    parse(chunk, failed) {
      if (broken) return Promise.reject(broken);
      const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy += 1;
      return new Promise<ParsedChunk>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const request: ChunkRequest = { id, bytes: chunk.bytes, firstLine: chunk.firstLine, failed };
        slot.worker.postMessage(request, [chunk.bytes.buffer as ArrayBuffer]);
      });
    },
    async close() {
      broken ??= new Error('register extract threads closed');
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * Threads to parse on: the machine's cores but one, which the database's COPY needs (the import's slowest
 * part since the parser reads bytes), at least 1 and at most 8. On this 2-core machine 1 thread gave
 * 24.1 s at 1M × 260 weeks against 24.7–27.3 s with 2, with less memory.
 */
export function defaultParserThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

/**
 * The parsed chunks in reading order. `threads` 0 parses on this thread; otherwise workers start when
 * the input has more than one chunk. A chunk's bad line makes the later chunks skip building rows.
 */
export async function* parseWideChunks(
  chunks: AsyncGenerator<LineChunk>,
  setup: ParserSetup,
  options: { threads: number },
): AsyncGenerator<ParsedChunk> {
  const first = await chunks.next();
  if (first.done) return;
  const second = await chunks.next();
  const parser = second.done || options.threads === 0 ? parserOnThisThread(setup) : parserOnWorkers(setup, options.threads);
  const inFlight = Math.max(2, 2 * options.threads);
  const queue: Promise<ParsedChunk>[] = [];
  let failed = false;
  const dispatch = (chunk: LineChunk) => {
    const parsed = parser.parse(chunk, failed);
    // Awaited in order below; a rejection seen first by a later await must not go unhandled meanwhile.
    parsed.catch(() => undefined);
    queue.push(parsed);
  };
  try {
    dispatch(first.value);
    if (!second.done) dispatch(second.value);
    for (;;) {
      while (queue.length < inFlight) {
        const next = await chunks.next();
        if (next.done) break;
        dispatch(next.value);
      }
      const head = queue.shift();
      if (!head) return;
      const result = await head;
      if (result.badLines > 0) failed = true;
      yield result;
    }
  } finally {
    await parser.close();
    await chunks.return(undefined);
  }
}
