import type { Database } from '../database.ts';

/** A mentor course in a follow-up cohort: approved or ended grants by type and start period. */
export type CohortCourse = {
  grantId: number;
  type: string;
  startDate: string;
  endDate: string;
  actualEndDate: string | null;
  status: 'approved' | 'ended';
};

export function followUpCohortsRepository(db: Database) {
  return {
    async listCourses(input: { municipalityId: number; from: string; to: string; type: string | null }): Promise<CohortCourse[]> {
      return db.query<CohortCourse>(
        `select id as "grantId", type, start_date as "startDate", end_date as "endDate", actual_end_date as "actualEndDate", status
         from grants
         where municipality_id = $1 and status in ('approved', 'ended') and start_date between $2 and $3 and ($4::text is null or type = $4)
         order by start_date, id`,
        [input.municipalityId, input.from, input.to, input.type],
      );
    },
    /** Logged contacts per course: planned (all logged) and attended (attended = true). */
    async contactCounts(municipalityId: number, grantIds: readonly number[]): Promise<Map<number, { planned: number; attended: number }>> {
      if (grantIds.length === 0) return new Map();
      const rows = await db.query<{ grantId: number; planned: number; attended: number }>(
        `select grant_id as "grantId", count(*) as planned, count(*) filter (where attended) as attended
         from contacts where municipality_id = $1 and grant_id = any($2::int[]) group by grant_id`,
        [municipalityId, grantIds],
      );
      return new Map(rows.map((r) => [r.grantId, { planned: r.planned, attended: r.attended }]));
    },
  };
}
