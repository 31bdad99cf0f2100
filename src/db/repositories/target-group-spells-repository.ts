import type { Database } from '../database.ts';
import type { TargetGroupCode, VisitationCategory } from '../../domain/target-group.ts';

export type TargetGroupSpellRecord = {
  id: number;
  citizenId: number;
  group: TargetGroupCode;
  visitation: VisitationCategory | null;
  from: string;
  to: string | null;
};

const columns = `id, citizen_id as "citizenId", target_group as "group", visitation, from_date as "from", to_date as "to"`;

export function targetGroupSpellsRepository(db: Database) {
  return {
    async create(input: {
      municipalityId: number;
      citizenId: number;
      group: TargetGroupCode;
      visitation: VisitationCategory | null;
      from: string;
      to: string | null;
    }): Promise<TargetGroupSpellRecord> {
      const [row] = await db.query<TargetGroupSpellRecord>(
        `insert into target_group_spells (municipality_id, citizen_id, target_group, visitation, from_date, to_date)
         values ($1, $2, $3, $4, $5, $6) returning ${columns}`,
        [input.municipalityId, input.citizenId, input.group, input.visitation, input.from, input.to],
      );
      return row!;
    },
    async listByCitizenId(municipalityId: number, citizenId: number): Promise<TargetGroupSpellRecord[]> {
      return db.query<TargetGroupSpellRecord>(
        `select ${columns} from target_group_spells where municipality_id = $1 and citizen_id = $2 order by from_date, id`,
        [municipalityId, citizenId],
      );
    },
  };
}
