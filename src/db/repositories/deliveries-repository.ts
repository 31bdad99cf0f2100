import type { Database } from '../database.ts';

/** Logged delivery of one grant on one day: attended contacts only (a no-show delivers nothing). */
export type DailyDelivery = { grantId: number; date: string; hours: number; confirmedHours: number; contactCount: number };

/**
 * Reads the contact log of the delivery feature (issue 3, table `contacts`) as hours per grant and day,
 * the unit the economy prices (R-DEL-1 data).
 */
export function deliveriesRepository(db: Database) {
  return {
    async listDaily(input: { municipalityId: number; from: string; to: string; grantIds?: number[] }): Promise<DailyDelivery[]> {
      return db.query<DailyDelivery>(
        `select c.grant_id as "grantId", to_char((c.at at time zone 'Europe/Copenhagen')::date, 'YYYY-MM-DD') as date,
           sum(c.minutes) / 60.0 as hours,
           coalesce(sum(c.minutes) filter (where c.confirmed_at is not null), 0) / 60.0 as "confirmedHours",
           count(*)::int as "contactCount"
         from contacts c join grants g on g.id = c.grant_id
         where g.municipality_id = $1 and c.attended
           and (c.at at time zone 'Europe/Copenhagen')::date between $2::date and $3::date
           and ($4::int[] is null or c.grant_id = any($4))
         group by 1, 2 order by 1, 2`,
        [input.municipalityId, input.from, input.to, input.grantIds ?? null],
      );
    },
  };
}
