import type { Database } from '../database.ts';
import type { WageCostLine } from '../../domain/company-mentor-cost.ts';

export type WageCostRecord = {
  id: number;
  mentorId: number;
  validFrom: string;
  validTo: string | null;
  hourlyCostKr: number;
  lines: WageCostLine[];
};

export function companyMentorWageCostsRepository(db: Database) {
  const select = `select w.id, w.mentor_id as "mentorId", w.valid_from as "validFrom", w.valid_to as "validTo", w.hourly_cost_kr as "hourlyCostKr",
      coalesce((select json_agg(json_build_object('component', l.component, 'amountKr', l.amount_kr, 'per', l.per,
        'hourlyAmountKr', l.hourly_amount_kr) order by l.component) from company_mentor_wage_cost_lines l where l.wage_cost_id = w.id), '[]'::json) as lines
    from company_mentor_wage_costs w`;
  return {
    async create(input: {
      municipalityId: number;
      mentorId: number;
      validFrom: string;
      hourlyCostKr: number;
      lines: WageCostLine[];
      createdBy: number;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into company_mentor_wage_costs (municipality_id, mentor_id, valid_from, hourly_cost_kr, created_by)
         values ($1, $2, $3, $4, $5) returning id`,
        [input.municipalityId, input.mentorId, input.validFrom, input.hourlyCostKr, input.createdBy],
      );
      for (const line of input.lines) {
        await db.query(
          `insert into company_mentor_wage_cost_lines (wage_cost_id, municipality_id, component, amount_kr, per, hourly_amount_kr)
           values ($1, $2, $3, $4, $5, $6)`,
          [row!.id, input.municipalityId, line.component, line.amountKr, line.per, line.hourlyAmountKr],
        );
      }
      return row!.id;
    },
    async close(municipalityId: number, id: number, validTo: string): Promise<void> {
      await db.query('update company_mentor_wage_costs set valid_to = $3 where municipality_id = $1 and id = $2', [
        municipalityId,
        id,
        validTo,
      ]);
    },
    async listByMentor(municipalityId: number, mentorId: number): Promise<WageCostRecord[]> {
      const rows = await db.query<WageCostRecord>(`${select} where w.municipality_id = $1 and w.mentor_id = $2 order by w.valid_from`, [
        municipalityId,
        mentorId,
      ]);
      return rows.map((r) => ({
        ...r,
        lines: r.lines.map((l) => ({ ...l, amountKr: Number(l.amountKr), hourlyAmountKr: Number(l.hourlyAmountKr) })),
      }));
    },
  };
}
