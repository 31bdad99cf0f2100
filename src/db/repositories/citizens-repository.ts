import type { Database } from '../database.ts';
import { maskCpr } from '../../domain/cpr.ts';

export type CitizenRecord = {
  id: number;
  municipalityId: number;
  name: string;
  cprMasked: string;
  birthDate: string;
  gender: 'female' | 'male' | 'other' | null;
  origin: 'danish' | 'western' | 'non_western' | null;
};

type CitizenRow = Omit<CitizenRecord, 'cprMasked'> & { cpr: string };

const columns = `id, municipality_id as "municipalityId", name, cpr, birth_date as "birthDate", gender, origin`;

// The full CPR never leaves this repository except through findFullCpr (R-PRV-3).
function toRecord({ cpr, ...rest }: CitizenRow): CitizenRecord {
  return { ...rest, cprMasked: maskCpr(cpr) };
}

export function citizensRepository(db: Database) {
  return {
    /** The new citizen, or null when the municipality already has one with this CPR number. */
    async create(input: {
      municipalityId: number;
      cpr: string;
      birthDate: string;
      name: string;
      gender: CitizenRecord['gender'];
      origin: CitizenRecord['origin'];
    }): Promise<CitizenRecord | null> {
      // `on conflict do nothing`: a duplicate CPR is answered by the caller, never by a unique violation,
      // whose message PostgreSQL writes to its server log with the CPR number in it (issue 10).
      const [row] = await db.query<CitizenRow>(
        `insert into citizens (municipality_id, cpr, birth_date, name, gender, origin)
         values ($1, $2, $3, $4, $5, $6) on conflict (municipality_id, cpr) do nothing returning ${columns}`,
        [input.municipalityId, input.cpr, input.birthDate, input.name, input.gender, input.origin],
      );
      return row ? toRecord(row) : null;
    },
    async findById(municipalityId: number, id: number): Promise<CitizenRecord | null> {
      const [row] = await db.query<CitizenRow>(`select ${columns} from citizens where municipality_id = $1 and id = $2`, [
        municipalityId,
        id,
      ]);
      return row ? toRecord(row) : null;
    },
    async findIdByCpr(municipalityId: number, cpr: string): Promise<number | null> {
      const [row] = await db.query<{ id: number }>('select id from citizens where municipality_id = $1 and cpr = $2', [
        municipalityId,
        cpr,
      ]);
      return row?.id ?? null;
    },
    async findFullCpr(municipalityId: number, id: number): Promise<string | null> {
      const [row] = await db.query<{ cpr: string }>('select cpr from citizens where municipality_id = $1 and id = $2', [
        municipalityId,
        id,
      ]);
      return row?.cpr ?? null;
    },
    /** Name fragment (case-insensitive) or CPR digits (a prefix, e.g. the birth date part). */
    async search(input: { municipalityId: number; text: string; onlyIds?: number[] | null; limit: number }): Promise<CitizenRecord[]> {
      const digits = input.text.replace(/[^0-9]/g, '');
      const byCpr = digits.length >= 6 && /^[0-9\s-]+$/.test(input.text.trim());
      const rows = await db.query<CitizenRow>(
        `select ${columns} from citizens
         where municipality_id = $1
           and ($2::text is null or (case when $3 then cpr like $2 || '%' else lower(name) like '%' || lower($2) || '%' end))
           and ($4::int[] is null or id = any($4::int[]))
         order by name, id limit $5`,
        [input.municipalityId, byCpr ? digits : input.text.trim() || null, byCpr, input.onlyIds ?? null, input.limit],
      );
      return rows.map(toRecord);
    },
  };
}
