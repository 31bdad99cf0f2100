import type { Database } from '../database.ts';
import { changedOneRow } from '../changed-one-row.ts';
import type { LegalRegime } from '../../domain/legal-regime.ts';

type RegimeRow = { id: string; name: string; validFrom: string; validTo: string | null; parameters: unknown; sources: unknown };

/**
 * SQL for a fingerprint of one municipality's legal regimes (`municipalityId` is an SQL expression):
 * it changes whenever a regime is inserted, updated or deleted (every row version has a new `xmin`), and
 * names the database and server start, so equal fingerprints mean equal regimes in this process.
 */
export function regimesFingerprintSql(municipalityId: string): string {
  return `(select current_database() || '/' || pg_postmaster_start_time()::text || '/' || ${municipalityId}::text || '/' ||
     count(*)::text || '/' || coalesce(sum(r.xmin::text::bigint), 0)::text
     from legal_regimes r where r.municipality_id = ${municipalityId})`;
}

/** The regimes last read, by fingerprint: they change a few times a year and are read on every contact. */
const regimesByFingerprint = new Map<string, LegalRegime[]>();
const maxCachedFingerprints = 100;

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
    /**
     * The same list, read from the database only when `fingerprint` (from `regimesFingerprintSql`, read
     * by the caller with its other data) is not the one of the regimes read last time.
     */
    async listByMunicipalityUnlessKnown(municipalityId: number, fingerprint: string): Promise<LegalRegime[]> {
      const known = regimesByFingerprint.get(fingerprint);
      if (known) return known;
      const [row] = await db.query<{ fingerprint: string; regimes: LegalRegime[] }>(
        `select ${regimesFingerprintSql('$1::int')} as fingerprint,
           (select coalesce(json_agg(json_build_object('id', r.id, 'name', r.name, 'validFrom', r.valid_from, 'validTo', r.valid_to,
              'parameters', r.parameters, 'sources', r.sources) order by r.valid_from), '[]')
            from legal_regimes r where r.municipality_id = $1) as regimes`,
        [municipalityId],
      );
      if (regimesByFingerprint.size >= maxCachedFingerprints) regimesByFingerprint.delete(regimesByFingerprint.keys().next().value!);
      // Cached under the fingerprint read in the same statement, so the key always matches the content.
      regimesByFingerprint.set(row!.fingerprint, row!.regimes);
      return row!.regimes;
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
      return changedOneRow(
        db,
        `update legal_regimes set valid_from = $3, valid_to = $4, parameters = $5, updated_by = $6, updated_at = now()
         where municipality_id = $1 and id = $2 returning id`,
        [input.municipalityId, input.id, input.validFrom, input.validTo, JSON.stringify(input.parameters), input.updatedBy],
      );
    },
  };
}
