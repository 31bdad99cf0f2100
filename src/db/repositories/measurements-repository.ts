import type { EntryMode, Respondent } from '../../domain/progression.ts';
import type { Database } from '../database.ts';
import { insertReturningId } from '../insert-row.ts';

export type MeasurementRecord = {
  id: number;
  grantId: number;
  instrumentId: number;
  measuredOn: string;
  respondent: Respondent;
  entryMode: EntryMode;
  enteredBy: number;
  enteredByName: string;
  enteredByRole: string;
  values: Record<string, number>;
};

export function measurementsRepository(db: Database) {
  return {
    async create(input: Omit<MeasurementRecord, 'id' | 'enteredByName'> & { municipalityId: number }): Promise<number> {
      const id = await insertReturningId(db, 'measurements', {
        municipality_id: input.municipalityId,
        grant_id: input.grantId,
        instrument_id: input.instrumentId,
        measured_on: input.measuredOn,
        respondent: input.respondent,
        entry_mode: input.entryMode,
        entered_by: input.enteredBy,
        entered_by_role: input.enteredByRole,
      });
      for (const [code, value] of Object.entries(input.values)) {
        await db.query('insert into measurement_values (measurement_id, indicator_code, value) values ($1, $2, $3)', [id, code, value]);
      }
      return id;
    },
    async listByGrantIds(municipalityId: number, grantIds: readonly number[]): Promise<MeasurementRecord[]> {
      if (grantIds.length === 0) return [];
      return db.query<MeasurementRecord>(
        `select m.id, m.grant_id as "grantId", m.instrument_id as "instrumentId", m.measured_on as "measuredOn", m.respondent,
           m.entry_mode as "entryMode", m.entered_by as "enteredBy", u.name as "enteredByName", m.entered_by_role as "enteredByRole",
           coalesce((select jsonb_object_agg(v.indicator_code, v.value) from measurement_values v where v.measurement_id = m.id), '{}'::jsonb) as values
         from measurements m join users u on u.id = m.entered_by
         where m.municipality_id = $1 and m.grant_id = any($2::int[]) order by m.grant_id, m.measured_on, m.id`,
        [municipalityId, grantIds],
      );
    },
  };
}
