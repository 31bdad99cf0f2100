import type { Database } from '../database.ts';

/** Parts of up to 4 MB: large enough for few round trips, small enough for one query's memory. */
export const importInputPartBytes = 4 * 1024 * 1024;

/**
 * The input of an import that any process may run (issue 11): the CSV body or uploaded extract, stored
 * in parts beside the import and deleted when it ends. It holds CPR numbers: row-level security keeps it
 * in its municipality, and it lives only while the import is queued or running.
 */
export function importInputsRepository(db: Database) {
  return {
    async store(input: {
      municipalityId: number;
      importId: number;
      source: AsyncIterable<Buffer | string> | Iterable<string>;
    }): Promise<number> {
      let part = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (pendingBytes === 0) return;
        await db.query(`insert into import_input_parts (municipality_id, import_id, part, data) values ($1, $2, $3, $4)`, [
          input.municipalityId,
          input.importId,
          part,
          Buffer.concat(pending),
        ]);
        part += 1;
        pending = [];
        pendingBytes = 0;
      };
      for await (const chunk of input.source) {
        let buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        while (buffer.length > 0) {
          const take = Math.min(buffer.length, importInputPartBytes - pendingBytes);
          pending.push(buffer.subarray(0, take));
          pendingBytes += take;
          buffer = buffer.subarray(take);
          if (pendingBytes === importInputPartBytes) await flush();
        }
      }
      await flush();
      return part;
    },
    /** The stored input, part by part (one part in memory at a time). */
    async *read(municipalityId: number, importId: number): AsyncGenerator<Buffer> {
      for (let part = 0; ; part += 1) {
        const [row] = await db.query<{ data: Uint8Array }>(
          `select data from import_input_parts where municipality_id = $1 and import_id = $2 and part = $3`,
          [municipalityId, importId, part],
        );
        if (!row) return;
        yield Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      }
    },
    async remove(municipalityId: number, importId: number): Promise<void> {
      await db.query(`delete from import_input_parts where municipality_id = $1 and import_id = $2`, [municipalityId, importId]);
    },
  };
}
