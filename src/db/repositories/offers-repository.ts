import type { OfferTypeCode } from '../../domain/offer-types.ts';
import type { Database } from '../database.ts';

export type OfferType = OfferTypeCode;
export type OfferRecord = { id: number; citizenId: number; type: OfferType; startDate: string; endDate: string | null };

const columns = `id, citizen_id as "citizenId", type, start_date as "startDate", end_date as "endDate"`;

export function offersRepository(db: Database) {
  return {
    async create(input: {
      municipalityId: number;
      citizenId: number;
      type: OfferType;
      startDate: string;
      endDate: string | null;
      createdBy: number;
    }): Promise<OfferRecord> {
      const [row] = await db.query<OfferRecord>(
        `insert into offers (municipality_id, citizen_id, type, start_date, end_date, created_by) values ($1, $2, $3, $4, $5, $6) returning ${columns}`,
        [input.municipalityId, input.citizenId, input.type, input.startDate, input.endDate, input.createdBy],
      );
      return row!;
    },
    async listByCitizenId(municipalityId: number, citizenId: number): Promise<OfferRecord[]> {
      return db.query<OfferRecord>(`select ${columns} from offers where municipality_id = $1 and citizen_id = $2 order by start_date, id`, [
        municipalityId,
        citizenId,
      ]);
    },
  };
}
