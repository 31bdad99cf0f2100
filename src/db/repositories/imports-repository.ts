import { withoutControlCharacters } from '../../domain/control-characters.ts';
import type { Database } from '../database.ts';

export type ImportRecord = {
  id: number;
  kind: string;
  status: 'running' | 'done' | 'failed';
  counts: Record<string, number>;
  errors: { line: number; message: string }[];
  warnings: string[];
  fileName: string | null;
  inputBytes: number | null;
  createdAt: string;
  finishedAt: string | null;
};

/** A row of the import history (issue 14): who started which import of which file, and how it ended. */
export type ImportHistoryRecord = Omit<ImportRecord, 'errors' | 'warnings'> & {
  createdByName: string | null;
  errorCount: number;
  warningCount: number;
};

/** JSON for a jsonb column: messages may quote the input, and PostgreSQL refuses NUL (\u0000) in jsonb. */
function storableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? withoutControlCharacters(v) : v));
}

const columns = `id, kind, status, counts, errors, warnings, file_name as "fileName", input_bytes::float8 as "inputBytes",
  created_at as "createdAt", finished_at as "finishedAt"`;

const isoTimes = <T extends { createdAt: Date | string; finishedAt: Date | string | null }>(row: T) => ({
  ...row,
  createdAt: new Date(row.createdAt).toISOString(),
  finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
});

export function importsRepository(db: Database) {
  return {
    async create(input: {
      municipalityId: number;
      kind: string;
      createdBy: number;
      fileName?: string | null;
      inputBytes?: number | null;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into imports (municipality_id, kind, status, created_by, file_name, input_bytes)
         values ($1, $2, 'running', $3, $4, $5) returning id`,
        [input.municipalityId, input.kind, input.createdBy, input.fileName ?? null, input.inputBytes ?? null],
      );
      return row!.id;
    },
    async finish(input: { id: number; status: 'done' | 'failed'; counts: object; errors: object[]; warnings?: string[] }): Promise<void> {
      await db.query(`update imports set status = $2, counts = $3, errors = $4, warnings = $5, finished_at = now() where id = $1`, [
        input.id,
        input.status,
        JSON.stringify(input.counts),
        storableJson(input.errors),
        storableJson(input.warnings ?? []),
      ]);
    },
    /**
     * A run of a queued import begins: counts the attempt and answers its number, or null when the import
     * is no longer running (already failed by the queue's failure handler, or done) and must not run.
     */
    async beginAttempt(id: number): Promise<number | null> {
      const [row] = await db.query<{ attempts: number }>(
        `update imports set attempts = attempts + 1 where id = $1 and status = 'running' returning attempts`,
        [id],
      );
      return row?.attempts ?? null;
    },
    /** Fails one import with `message` unless it already ended (the queue gave up on its job). */
    async failIfRunning(input: { id: number; message: string; code: string }): Promise<boolean> {
      const rows = await db.query<{ id: number }>(
        `update imports set status = 'failed', errors = $2, finished_at = now() where id = $1 and status = 'running' returning id`,
        [input.id, storableJson([{ line: 0, message: input.message, code: input.code }])],
      );
      return rows.length > 0;
    },
    /** Marks every import still running as failed with `message` (the process that ran them stopped). */
    async failAllRunning(message: string): Promise<number> {
      const rows = await db.query<{ id: number }>(
        `update imports set status = 'failed', errors = $1, finished_at = now() where status = 'running' returning id`,
        [JSON.stringify([{ line: 0, message, code: 'INTERRUPTED' }])],
      );
      return rows.length;
    },
    async findById(municipalityId: number, id: number): Promise<ImportRecord | null> {
      const [row] = await db.query<ImportRecord & { createdAt: Date; finishedAt: Date | null }>(
        `select ${columns} from imports where municipality_id = $1 and id = $2`,
        [municipalityId, id],
      );
      return row ? isoTimes(row) : null;
    },
    /** The municipality's imports, newest first, one page with the total; `withoutKindPrefix` hides a kind. */
    async list(input: {
      municipalityId: number;
      withoutKindPrefix: string | null;
      limit: number;
      offset: number;
    }): Promise<{ imports: ImportHistoryRecord[]; total: number }> {
      const where = `i.municipality_id = $1 and ($2::text is null or not starts_with(i.kind, $2))`;
      const rows = await db.query<ImportHistoryRecord & { createdAt: Date; finishedAt: Date | null }>(
        `select i.id, i.kind, i.status, i.counts, i.file_name as "fileName", i.input_bytes::float8 as "inputBytes",
                i.created_at as "createdAt", i.finished_at as "finishedAt", u.name as "createdByName",
                jsonb_array_length(i.errors)::int as "errorCount", jsonb_array_length(i.warnings)::int as "warningCount"
         from imports i left join users u on u.id = i.created_by
         where ${where} order by i.created_at desc, i.id desc limit $3 offset $4`,
        [input.municipalityId, input.withoutKindPrefix, input.limit, input.offset],
      );
      const [count] = await db.query<{ total: number }>(`select count(*)::int as total from imports i where ${where}`, [
        input.municipalityId,
        input.withoutKindPrefix,
      ]);
      return { imports: rows.map(isoTimes), total: count?.total ?? 0 };
    },
  };
}
