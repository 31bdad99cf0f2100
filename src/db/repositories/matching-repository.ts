import type { Database } from '../database.ts';
import { changedOneRow } from '../changed-one-row.ts';
import type { MatchingMentor } from '../../domain/mentor-matching.ts';

export type CitizenMatchingProfile = {
  postcode: string | null;
  language: string | null;
  barriers: string[];
  preferredMentorGender: 'female' | 'male' | null;
};

export function matchingRepository(db: Database) {
  return {
    async findCitizenProfile(municipalityId: number, citizenId: number): Promise<CitizenMatchingProfile | null> {
      const [row] = await db.query<CitizenMatchingProfile>(
        `select postcode, language, barriers, preferred_mentor_gender as "preferredMentorGender" from citizens where municipality_id = $1 and id = $2`,
        [municipalityId, citizenId],
      );
      return row ?? null;
    },
    async updateCitizenProfile(municipalityId: number, citizenId: number, p: CitizenMatchingProfile): Promise<void> {
      await db.query(
        `update citizens set postcode = $3, language = $4, barriers = $5, preferred_mentor_gender = $6 where municipality_id = $1 and id = $2`,
        [municipalityId, citizenId, p.postcode, p.language, p.barriers, p.preferredMentorGender],
      );
    },
    async updateMentorProfile(
      municipalityId: number,
      mentorId: number,
      p: { postcode: string | null; gender: string | null },
    ): Promise<boolean> {
      return changedOneRow(db, 'update mentors set postcode = $3, gender = $4 where municipality_id = $1 and id = $2 returning id', [
        municipalityId,
        mentorId,
        p.postcode,
        p.gender,
      ]);
    },
    /** Active mentors with their load (weekly hours of approved grants running on `on`) and relations. */
    async listCandidates(municipalityId: number, on: string): Promise<MatchingMentor[]> {
      return db.query<MatchingMentor>(
        `select m.id, m.name, m.weekly_capacity_hours as "weeklyCapacityHours", m.specialties, m.languages, m.gender, m.postcode,
           m.has_authority_role as "hasAuthorityRole",
           coalesce((select sum(g.weekly_hours) from grants g where g.mentor_id = m.id and g.status = 'approved'
                     and g.start_date <= $2 and g.end_date >= $2), 0) as "loadHours",
           coalesce((select array_agg(r.citizen_id) from mentor_relations r where r.mentor_id = m.id), '{}') as "relatedCitizenIds"
         from mentors m where m.municipality_id = $1 and m.active order by m.id`,
        [municipalityId, on],
      );
    },
    async earlierMentorIds(municipalityId: number, citizenId: number, exceptGrantId: number): Promise<number[]> {
      const rows = await db.query<{ mentorId: number }>(
        `select distinct mentor_id as "mentorId" from grants where municipality_id = $1 and citizen_id = $2 and id <> $3 and mentor_id is not null and status <> 'draft'`,
        [municipalityId, citizenId, exceptGrantId],
      );
      return rows.map((r) => r.mentorId);
    },
    async recordRelation(input: { municipalityId: number; mentorId: number; citizenId: number; reason: string }): Promise<void> {
      await db.query('insert into mentor_relations (municipality_id, mentor_id, citizen_id, reason) values ($1, $2, $3, $4)', [
        input.municipalityId,
        input.mentorId,
        input.citizenId,
        input.reason,
      ]);
    },
    async recordAssignment(input: {
      municipalityId: number;
      grantId: number;
      mentorId: number;
      reason: string;
      chosenBy: number;
    }): Promise<void> {
      await db.query(
        'insert into mentor_assignments (municipality_id, grant_id, mentor_id, reason, chosen_by) values ($1, $2, $3, $4, $5)',
        [input.municipalityId, input.grantId, input.mentorId, input.reason, input.chosenBy],
      );
      await db.query('update grants set mentor_id = $3, updated_at = now() where municipality_id = $1 and id = $2', [
        input.municipalityId,
        input.grantId,
        input.mentorId,
      ]);
    },
  };
}
