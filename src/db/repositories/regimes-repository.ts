import type { Database } from '../database.ts';
import type { LegalRegime } from '../../domain/legal-regime.ts';

type RegimeRow = { id: string; name: string; validFrom: string; validTo: string | null; parameters: unknown; sources: unknown };

export function regimesRepository(db: Database) {
  return {
    async listByMunicipality(municipalityId: number): Promise<LegalRegime[]> {
      const rows = await db.query<RegimeRow>(
        `select id, name, valid_from as "validFrom", valid_to as "validTo", parameters, sources
         from legal_regimes where municipality_id = $1 order by valid_from`,
        [municipalityId],
      );
      // Parameters were validated when written (seed or admin update through validateRegimeParameters).
      return rows as unknown as LegalRegime[];
    },
    async insert(municipalityId: number, regime: LegalRegime): Promise<void> {
      await db.query(
        `insert into legal_regimes (municipality_id, id, name, valid_from, valid_to, parameters, sources)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          municipalityId,
          regime.id,
          regime.name,
          regime.validFrom,
          regime.validTo,
          JSON.stringify(regime.parameters),
          JSON.stringify(regime.sources),
        ],
      );
    },
    async update(input: {
      municipalityId: number;
      id: string;
      validFrom: string;
      validTo: string | null;
      parameters: unknown;
      updatedBy: number;
    }): Promise<boolean> {
      const rows = await db.query(
        `update legal_regimes set valid_from = $3, valid_to = $4, parameters = $5, updated_by = $6, updated_at = now()
         where municipality_id = $1 and id = $2 returning id`,
        [input.municipalityId, input.id, input.validFrom, input.validTo, JSON.stringify(input.parameters), input.updatedBy],
      );
      return rows.length === 1;
    },
  };
}
