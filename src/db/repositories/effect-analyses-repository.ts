import type { Database } from '../database.ts';

export type EffectAnalysisStatus = 'running' | 'done' | 'failed';

export type EffectAnalysisRecord = {
  id: string;
  parameters: Record<string, unknown>;
  status: EffectAnalysisStatus;
  phase: string | null;
  progress: number;
  results: unknown[];
  errorCode: 'INTERRUPTED' | 'FAILED' | null;
  error: string | null;
  createdBy: number | null;
  /** The name of the user who ran it (null when the user is gone). */
  createdByName: string | null;
  createdAt: string;
  finishedAt: string | null;
};

const columns = `a.id, a.parameters, a.status, a.phase, a.progress, a.results, a.error_code as "errorCode", a.error, a.created_by as "createdBy",
  u.name as "createdByName", a.created_at as "createdAt", a.finished_at as "finishedAt"`;
const from = `effect_analyses a left join users u on u.id = a.created_by`;

type Row = Omit<EffectAnalysisRecord, 'createdAt' | 'finishedAt'> & { createdAt: Date; finishedAt: Date | null };

const toRecord = (row: Row): EffectAnalysisRecord => ({
  ...row,
  createdAt: new Date(row.createdAt).toISOString(),
  finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
});

/** Effect-analysis jobs (parameters, status, progress, results, error), scoped to the municipality. */
export function effectAnalysesRepository(db: Database) {
  return {
    async create(input: { id: string; municipalityId: number; parameters: object; createdBy: number | null }): Promise<void> {
      await db.query(
        `insert into effect_analyses (id, municipality_id, parameters, status, phase, created_by) values ($1, $2, $3, 'running', 'loading', $4)`,
        [input.id, input.municipalityId, JSON.stringify(input.parameters), input.createdBy],
      );
    },
    async updateProgress(input: { id: string; phase: string; progress: number }): Promise<void> {
      await db.query(`update effect_analyses set phase = $2, progress = $3 where id = $1 and status = 'running'`, [
        input.id,
        input.phase,
        input.progress,
      ]);
    },
    async finish(input: { id: string; results: unknown[] }): Promise<void> {
      await db.query(
        `update effect_analyses set status = 'done', phase = null, progress = 1, results = $2, finished_at = now() where id = $1`,
        [input.id, JSON.stringify(input.results)],
      );
    },
    async fail(input: { id: string; errorCode: 'INTERRUPTED' | 'FAILED'; error: string }): Promise<void> {
      await db.query(
        `update effect_analyses set status = 'failed', phase = null, error_code = $2, error = $3, finished_at = now() where id = $1`,
        [input.id, input.errorCode, input.error],
      );
    },
    /** A run of a queued analysis begins: its attempt number, or null when it is no longer running. */
    async beginAttempt(id: string): Promise<number | null> {
      const [row] = await db.query<{ attempts: number }>(
        `update effect_analyses set attempts = attempts + 1 where id = $1 and status = 'running' returning attempts`,
        [id],
      );
      return row?.attempts ?? null;
    },
    /** Fails one analysis unless it already ended (the queue gave up on its job). */
    async failIfRunning(input: { id: string; errorCode: 'INTERRUPTED' | 'FAILED'; error: string }): Promise<boolean> {
      const rows = await db.query<{ id: string }>(
        `update effect_analyses set status = 'failed', phase = null, error_code = $2, error = $3, finished_at = now() where id = $1 and status = 'running' returning id`,
        [input.id, input.errorCode, input.error],
      );
      return rows.length > 0;
    },
    /** Every job still marked running (at start-up: the previous process stopped during them) → failed. */
    async failAllRunning(error: string): Promise<number> {
      const rows = await db.query<{ id: string }>(
        `update effect_analyses set status = 'failed', phase = null, error_code = 'INTERRUPTED', error = $1, finished_at = now() where status = 'running' returning id`,
        [error],
      );
      return rows.length;
    },
    async findById(municipalityId: number, id: string): Promise<EffectAnalysisRecord | null> {
      const [row] = await db.query<Row>(`select ${columns} from ${from} where a.municipality_id = $1 and a.id = $2`, [municipalityId, id]);
      return row ? toRecord(row) : null;
    },
    /** The municipality's most recent analyses, newest first, without their results. */
    async listRecent(municipalityId: number, limit: number): Promise<EffectAnalysisRecord[]> {
      const rows = await db.query<Row>(
        `select ${columns.replace('a.results,', `'[]'::jsonb as results,`)} from ${from} where a.municipality_id = $1 order by a.created_at desc, a.id limit $2`,
        [municipalityId, limit],
      );
      return rows.map(toRecord);
    },
    /** Deletes one analysis of the municipality; true when a row went. */
    async delete(municipalityId: number, id: string): Promise<boolean> {
      const rows = await db.query<{ id: string }>(`delete from effect_analyses where municipality_id = $1 and id = $2 returning id`, [
        municipalityId,
        id,
      ]);
      return rows.length > 0;
    },
  };
}
