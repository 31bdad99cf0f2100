import type { Database } from '../database.ts';
import { insertReturningId, rowOf } from '../insert-row.ts';

export type TrainingModule = { module: number; completedOn: string };

export type MentorRecord = {
  id: number;
  providerId: number;
  providerName: string;
  providerType: string;
  name: string;
  phone: string | null;
  email: string | null;
  specialties: string[];
  languages: string[];
  qualifications: string[];
  weeklyCapacityHours: number | null;
  hasAuthorityRole: boolean;
  active: boolean;
  trainingModules: TrainingModule[];
};

/** What a coordinator may correct on a mentor (PATCH /api/mentors/{id}). */
export type MentorChanges = Partial<
  Pick<
    MentorRecord,
    | 'name'
    | 'providerId'
    | 'phone'
    | 'email'
    | 'specialties'
    | 'languages'
    | 'qualifications'
    | 'weeklyCapacityHours'
    | 'hasAuthorityRole'
    | 'active'
  >
>;

/** A mentor as registered: the record without what the database derives (id, provider fields, active). */
export type NewMentor = Omit<MentorRecord, 'id' | 'providerName' | 'providerType' | 'active'> & { municipalityId: number };

/** The column of each field a coordinator registers or corrects. */
const mentorColumns: Record<keyof MentorChanges, string> = {
  name: 'name',
  providerId: 'provider_id',
  phone: 'phone',
  email: 'email',
  specialties: 'specialties',
  languages: 'languages',
  qualifications: 'qualifications',
  weeklyCapacityHours: 'weekly_capacity_hours',
  hasAuthorityRole: 'has_authority_role',
  active: 'active',
};

const select = `select m.id, m.provider_id as "providerId", p.name as "providerName", p.type as "providerType", m.name, m.phone, m.email,
    m.specialties, m.languages, m.qualifications, m.weekly_capacity_hours as "weeklyCapacityHours",
    m.has_authority_role as "hasAuthorityRole", m.active,
    coalesce((select json_agg(json_build_object('module', t.module, 'completedOn', to_char(t.completed_on, 'YYYY-MM-DD')) order by t.module)
      from mentor_training_modules t where t.mentor_id = m.id), '[]'::json) as "trainingModules"
  from mentors m join providers p on p.id = m.provider_id`;

export function mentorsRepository(db: Database) {
  return {
    async create(input: NewMentor): Promise<number> {
      const id = await insertReturningId(db, 'mentors', { municipality_id: input.municipalityId, ...rowOf(mentorColumns, input) });
      for (const t of input.trainingModules) {
        await db.query('insert into mentor_training_modules (municipality_id, mentor_id, module, completed_on) values ($1, $2, $3, $4)', [
          input.municipalityId,
          id,
          t.module,
          t.completedOn,
        ]);
      }
      return id;
    },
    /** Changes the given fields of one mentor; false when the municipality has no such mentor. */
    async update(municipalityId: number, id: number, changes: MentorChanges): Promise<boolean> {
      const changed = rowOf(mentorColumns, changes);
      const sets = Object.keys(changed).map((column, i) => `${column} = $${i + 3}`);
      const [row] = await db.query<{ id: number }>(
        `update mentors set ${sets.length > 0 ? sets.join(', ') : 'id = id'} where municipality_id = $1 and id = $2 returning id`,
        [municipalityId, id, ...Object.values(changed)],
      );
      return row !== undefined;
    },
    /** Approved grants of the mentor that have not ended by `on` (a mentor with running grants stays active). */
    async countRunningGrants(municipalityId: number, id: number, on: string): Promise<number> {
      const [row] = await db.query<{ n: number }>(
        `select count(*)::int as n from grants where municipality_id = $1 and mentor_id = $2 and status = 'approved'
           and coalesce(actual_end_date, end_date) >= $3`,
        [municipalityId, id, on],
      );
      return row?.n ?? 0;
    },
    async list(municipalityId: number): Promise<MentorRecord[]> {
      return db.query<MentorRecord>(`${select} where m.municipality_id = $1 order by m.name, m.id`, [municipalityId]);
    },
    async findById(municipalityId: number, id: number): Promise<MentorRecord | null> {
      const [row] = await db.query<MentorRecord>(`${select} where m.municipality_id = $1 and m.id = $2`, [municipalityId, id]);
      return row ?? null;
    },
  };
}
