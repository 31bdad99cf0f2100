import type { Database } from '../database.ts';

export type ProviderType = 'internal' | 'employment_centre' | 'external' | 'company' | 'education' | 'volunteer';

export type ProviderRecord = { id: number; name: string; type: ProviderType; hourlyRate: number | null };

export function providersRepository(db: Database) {
  const select = `select p.id, p.name, p.type,
      (select r.hourly_rate_kr from provider_rates r
        where r.provider_id = p.id and r.valid_from <= $2 and (r.valid_to is null or r.valid_to >= $2)
        order by r.valid_from desc limit 1) as "hourlyRate"
    from providers p`;
  return {
    async create(input: { municipalityId: number; name: string; type: ProviderType }): Promise<number> {
      const [row] = await db.query<{ id: number }>('insert into providers (municipality_id, name, type) values ($1, $2, $3) returning id', [
        input.municipalityId,
        input.name,
        input.type,
      ]);
      return row!.id;
    },
    async addRate(input: { municipalityId: number; providerId: number; hourlyRateKr: number; validFrom: string; validTo: string | null }) {
      await db.query(
        `insert into provider_rates (municipality_id, provider_id, hourly_rate_kr, valid_from, valid_to) values ($1, $2, $3, $4, $5)`,
        [input.municipalityId, input.providerId, input.hourlyRateKr, input.validFrom, input.validTo],
      );
    },
    async list(municipalityId: number, on: string): Promise<ProviderRecord[]> {
      return db.query<ProviderRecord>(`${select} where p.municipality_id = $1 order by p.name`, [municipalityId, on]);
    },
    async findById(municipalityId: number, id: number, on: string): Promise<ProviderRecord | null> {
      const [row] = await db.query<ProviderRecord>(`${select} where p.municipality_id = $1 and p.id = $3`, [municipalityId, on, id]);
      return row ?? null;
    },
  };
}
