import type { Database } from '../database.ts';
import type { RateSource } from '../../domain/grant-cost.ts';

/** One priced span for a mentor: its own rates, its company wage cost, or its provider's price list. */
export type MentorRateSpan = {
  mentorId: number;
  source: RateSource;
  hourlyRateKr: number;
  validFrom: string;
  validTo: string | null;
};

export type RateRecord = { id: number; hourlyRateKr: number; validFrom: string; validTo: string | null };

export type MentorRateKind = 'price' | 'internal_cost';

export function hourlyRatesRepository(db: Database) {
  return {
    /** Every rate that can price a mentor's hours, for all mentors of the municipality (grant-cost.ts#hourlyRateOn picks). */
    async listSpansByMentor(municipalityId: number): Promise<MentorRateSpan[]> {
      return db.query<MentorRateSpan>(
        `select r.mentor_id as "mentorId", case r.kind when 'price' then 'mentor_price' else 'mentor_internal_cost' end as source,
           r.hourly_rate_kr as "hourlyRateKr", r.valid_from as "validFrom", r.valid_to as "validTo"
         from mentor_rates r where r.municipality_id = $1
         union all
         select w.mentor_id, 'company_wage_cost', w.hourly_cost_kr, w.valid_from, w.valid_to
         from company_mentor_wage_costs w where w.municipality_id = $1
         union all
         select m.id, 'provider', p.hourly_rate_kr, p.valid_from, p.valid_to
         from mentors m join provider_rates p on p.provider_id = m.provider_id where m.municipality_id = $1`,
        [municipalityId],
      );
    },
    /** The provider's price list, for place mentors without a mentor of their own. */
    async listProviderRates(municipalityId: number, providerId: number): Promise<RateRecord[]> {
      return db.query<RateRecord>(
        `select id, hourly_rate_kr as "hourlyRateKr", valid_from as "validFrom", valid_to as "validTo"
         from provider_rates where municipality_id = $1 and provider_id = $2 order by valid_from`,
        [municipalityId, providerId],
      );
    },
    async listMentorRates(municipalityId: number, mentorId: number, kind: MentorRateKind): Promise<RateRecord[]> {
      return db.query<RateRecord>(
        `select id, hourly_rate_kr as "hourlyRateKr", valid_from as "validFrom", valid_to as "validTo"
         from mentor_rates where municipality_id = $1 and mentor_id = $2 and kind = $3 order by valid_from`,
        [municipalityId, mentorId, kind],
      );
    },
    async addMentorRate(input: {
      municipalityId: number;
      mentorId: number;
      kind: MentorRateKind;
      hourlyRateKr: number;
      validFrom: string;
      validTo: string | null;
      createdBy: number;
    }): Promise<RateRecord> {
      const [row] = await db.query<RateRecord>(
        `insert into mentor_rates (municipality_id, mentor_id, kind, hourly_rate_kr, valid_from, valid_to, created_by)
         values ($1, $2, $3, $4, $5, $6, $7)
         returning id, hourly_rate_kr as "hourlyRateKr", valid_from as "validFrom", valid_to as "validTo"`,
        [input.municipalityId, input.mentorId, input.kind, input.hourlyRateKr, input.validFrom, input.validTo, input.createdBy],
      );
      return row!;
    },
    async closeMentorRate(municipalityId: number, id: number, validTo: string): Promise<void> {
      await db.query('update mentor_rates set valid_to = $3 where municipality_id = $1 and id = $2', [municipalityId, id, validTo]);
    },
    async addProviderRate(input: {
      municipalityId: number;
      providerId: number;
      hourlyRateKr: number;
      validFrom: string;
      validTo: string | null;
    }): Promise<RateRecord> {
      const [row] = await db.query<RateRecord>(
        `insert into provider_rates (municipality_id, provider_id, hourly_rate_kr, valid_from, valid_to) values ($1, $2, $3, $4, $5)
         returning id, hourly_rate_kr as "hourlyRateKr", valid_from as "validFrom", valid_to as "validTo"`,
        [input.municipalityId, input.providerId, input.hourlyRateKr, input.validFrom, input.validTo],
      );
      return row!;
    },
    async closeProviderRate(municipalityId: number, id: number, validTo: string): Promise<void> {
      await db.query('update provider_rates set valid_to = $3 where municipality_id = $1 and id = $2', [municipalityId, id, validTo]);
    },
  };
}
