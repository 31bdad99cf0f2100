import type { Database } from '../database.ts';

export type RefundFrameRecord = {
  year: number;
  refundFrameKr: number;
  budgetKr: number;
  fullTimePersons: number | null;
  otherGuidanceSpendKr: number | null;
  updatedAt: string;
};

const select = `select year, refund_frame_kr as "refundFrameKr", budget_kr as "budgetKr", full_time_persons as "fullTimePersons",
    other_guidance_spend_kr as "otherGuidanceSpendKr", updated_at as "updatedAt"
  from refund_frames`;

function toRecord(row: RefundFrameRecord & { updatedAt: Date | string }): RefundFrameRecord {
  return { ...row, updatedAt: new Date(row.updatedAt).toISOString() };
}

export function refundFramesRepository(db: Database) {
  return {
    async upsert(input: {
      municipalityId: number;
      year: number;
      refundFrameKr: number;
      budgetKr: number;
      fullTimePersons: number | null;
      otherGuidanceSpendKr: number | null;
      updatedBy: number;
    }): Promise<RefundFrameRecord> {
      const [row] = await db.query<RefundFrameRecord>(
        `insert into refund_frames (municipality_id, year, refund_frame_kr, budget_kr, full_time_persons, other_guidance_spend_kr, updated_by)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (municipality_id, year) do update set refund_frame_kr = excluded.refund_frame_kr, budget_kr = excluded.budget_kr,
           full_time_persons = excluded.full_time_persons, other_guidance_spend_kr = excluded.other_guidance_spend_kr,
           updated_by = excluded.updated_by, updated_at = now()
         returning year, refund_frame_kr as "refundFrameKr", budget_kr as "budgetKr", full_time_persons as "fullTimePersons",
           other_guidance_spend_kr as "otherGuidanceSpendKr", updated_at as "updatedAt"`,
        [
          input.municipalityId,
          input.year,
          input.refundFrameKr,
          input.budgetKr,
          input.fullTimePersons,
          input.otherGuidanceSpendKr,
          input.updatedBy,
        ],
      );
      return toRecord(row!);
    },
    async findByYear(municipalityId: number, year: number): Promise<RefundFrameRecord | null> {
      const [row] = await db.query<RefundFrameRecord>(`${select} where municipality_id = $1 and year = $2`, [municipalityId, year]);
      return row ? toRecord(row) : null;
    },
    async list(municipalityId: number): Promise<RefundFrameRecord[]> {
      const rows = await db.query<RefundFrameRecord>(`${select} where municipality_id = $1 order by year`, [municipalityId]);
      return rows.map(toRecord);
    },
  };
}
