import type { Database } from '../database.ts';

export type RegisterMappingSummary = {
  id: number;
  key: string | null;
  name: string;
  verified: boolean;
  sourceNote: string;
  codeCount: number;
  createdAt: string;
};
export type RegisterMappingRecord = RegisterMappingSummary & { codes: { code: string; category: string }[] };

const columns = `m.id, m.key, m.name, m.verified, m.source_note as "sourceNote",
  (select count(*)::int from register_mapping_codes c where c.mapping_id = m.id) as "codeCount", m.created_at as "createdAt"`;

type Row = Omit<RegisterMappingSummary, 'createdAt'> & { createdAt: Date };
const toSummary = (row: Row): RegisterMappingSummary => ({ ...row, createdAt: new Date(row.createdAt).toISOString() });

export function registerMappingsRepository(db: Database) {
  async function insertCodes(mappingId: number, codes: Record<string, string>): Promise<void> {
    const entries = Object.entries(codes);
    await db.query(`insert into register_mapping_codes (mapping_id, code, category) select $1, * from unnest($2::text[], $3::text[])`, [
      mappingId,
      entries.map(([code]) => code),
      entries.map(([, category]) => category),
    ]);
  }
  return {
    /** Writes a built-in mapping (dst, dream) for the municipality unless it is there already. */
    async ensureBuiltIn(input: {
      municipalityId: number;
      key: string;
      name: string;
      verified: boolean;
      sourceNote: string;
      codes: Record<string, string>;
    }): Promise<void> {
      const [row] = await db.query<{ id: number }>(
        `insert into register_mappings (municipality_id, key, name, verified, source_note) values ($1, $2, $3, $4, $5)
         on conflict (municipality_id, key) do nothing returning id`,
        [input.municipalityId, input.key, input.name, input.verified, input.sourceNote],
      );
      if (row) await insertCodes(row.id, input.codes);
    },
    async create(input: {
      municipalityId: number;
      name: string;
      verified: boolean;
      sourceNote: string;
      codes: Record<string, string>;
      createdBy: number;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into register_mappings (municipality_id, name, verified, source_note, created_by) values ($1, $2, $3, $4, $5) returning id`,
        [input.municipalityId, input.name, input.verified, input.sourceNote, input.createdBy],
      );
      await insertCodes(row!.id, input.codes);
      return row!.id;
    },
    async list(municipalityId: number): Promise<RegisterMappingSummary[]> {
      const rows = await db.query<Row>(
        `select ${columns} from register_mappings m where m.municipality_id = $1 order by m.key nulls last, m.id`,
        [municipalityId],
      );
      return rows.map(toSummary);
    },
    /** By id, or by built-in key when `key` is given. */
    async find(input: { municipalityId: number; id?: number; key?: string }): Promise<RegisterMappingRecord | null> {
      const [row] = await db.query<Row>(
        `select ${columns} from register_mappings m where m.municipality_id = $1 and ${input.key !== undefined ? 'm.key = $2' : 'm.id = $2'}`,
        [input.municipalityId, input.key ?? input.id],
      );
      if (!row) return null;
      const codes = await db.query<{ code: string; category: string }>(
        `select code, category from register_mapping_codes where mapping_id = $1 order by code`,
        [row.id],
      );
      return { ...toSummary(row), codes };
    },
  };
}
