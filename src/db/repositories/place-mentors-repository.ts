import type { Database } from '../database.ts';
import { insertReturningId } from '../insert-row.ts';

export type PlaceMentorRecord = {
  id: number;
  providerId: number;
  providerName: string;
  mentorId: number | null;
  mentorName: string | null;
  name: string;
  weeklyHours: number;
  startDate: string;
  endDate: string;
  grantIds: number[];
};

export function placeMentorsRepository(db: Database) {
  const select = `select pm.id, pm.provider_id as "providerId", p.name as "providerName", pm.mentor_id as "mentorId", m.name as "mentorName",
      pm.name, pm.weekly_hours as "weeklyHours", pm.start_date as "startDate", pm.end_date as "endDate",
      coalesce((select array_agg(l.grant_id order by l.grant_id) from place_mentor_grants l where l.place_mentor_id = pm.id), '{}') as "grantIds"
    from place_mentors pm join providers p on p.id = pm.provider_id left join mentors m on m.id = pm.mentor_id`;
  return {
    async create(input: {
      municipalityId: number;
      providerId: number;
      mentorId: number | null;
      name: string;
      weeklyHours: number;
      startDate: string;
      endDate: string;
      grantIds: number[];
      createdBy: number;
    }): Promise<number> {
      const id = await insertReturningId(db, 'place_mentors', {
        municipality_id: input.municipalityId,
        provider_id: input.providerId,
        mentor_id: input.mentorId,
        name: input.name,
        weekly_hours: input.weeklyHours,
        start_date: input.startDate,
        end_date: input.endDate,
        created_by: input.createdBy,
      });
      for (const grantId of input.grantIds) {
        await db.query('insert into place_mentor_grants (place_mentor_id, grant_id, municipality_id) values ($1, $2, $3)', [
          id,
          grantId,
          input.municipalityId,
        ]);
      }
      return id;
    },
    async findById(municipalityId: number, id: number): Promise<PlaceMentorRecord | null> {
      const [row] = await db.query<PlaceMentorRecord>(`${select} where pm.municipality_id = $1 and pm.id = $2`, [municipalityId, id]);
      return row ?? null;
    },
    async list(municipalityId: number): Promise<PlaceMentorRecord[]> {
      return db.query<PlaceMentorRecord>(`${select} where pm.municipality_id = $1 order by pm.start_date desc, pm.id`, [municipalityId]);
    },
  };
}
