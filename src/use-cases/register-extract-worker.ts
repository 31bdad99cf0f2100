/**
 * One thread of the register import (issue 12): parses chunks of wide-layout lines into COPY rows with
 * `parseWideChunkBytes` (no decoding, no encoding) and sends them back as bytes, so the main thread only forwards bytes to PostgreSQL.
 * Started by register-extract-threads.ts; it holds no database connection and no state but the setup.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseWideChunkBytes } from '../domain/register-extract.ts';
import type { ChunkReply, ChunkRequest, ParserSetup } from './register-extract-threads.ts';

const setup = workerData as ParserSetup;
const categoryOf = (code: string) => setup.codes.get(code);

parentPort!.on('message', (request: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    const result = parseWideChunkBytes({
      bytes: request.bytes,
      firstLine: request.firstLine,
      separator: setup.separator,
      weeks: setup.weeks,
      fieldCount: setup.fieldCount,
      categoryOf,
      mappingName: setup.mappingName,
      municipalityId: setup.municipalityId,
      lookup: setup.lookup,
      maxErrors: setup.maxErrors,
      failed: request.failed,
    });
    reply = { id: request.id, result };
    parentPort!.postMessage(reply, [result.rows.buffer as ArrayBuffer]);
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage(reply);
  }
});
