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

/** A row of the citizen list: the citizen and the start date of their latest grant (any status). */
export type CitizenListRecord = CitizenRecord & { latestGrantStart: string | null };
export type CitizenSort = 'name' | 'birthDate' | 'latestGrant';

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
    /**
     * One page of the citizen list (issue 14): a name fragment (case-insensitive) or CPR digits (a prefix,
     * e.g. the birth date part), optionally only `onlyIds` and only the citizens of grants `caseworkerUserId`
     * created or approved ("mine sager"), sorted by name, birth date or the start of the latest grant, with
     * the total of the whole filtered list.
     */
    async search(input: {
      municipalityId: number;
      text: string;
      onlyIds?: number[] | null;
      caseworkerUserId?: number | null;
      sort?: CitizenSort;
      descending?: boolean;
      limit: number;
      offset?: number;
    }): Promise<{ citizens: CitizenListRecord[]; total: number }> {
      const digits = input.text.replace(/[^0-9]/g, '');
      const byCpr = digits.length >= 6 && /^[0-9\s-]+$/.test(input.text.trim());
      const where = `c.municipality_id = $1
           and ($2::text is null or (case when $3 then c.cpr like $2 || '%' else lower(c.name) like '%' || lower($2) || '%' end))
           and ($4::int[] is null or c.id = any($4::int[]))
           and ($5::int is null or exists (select 1 from grants m where m.municipality_id = c.municipality_id and m.citizen_id = c.id
                                          and (m.created_by = $5 or m.approved_by = $5)))`;
      const params = [
        input.municipalityId,
        byCpr ? digits : input.text.trim() || null,
        byCpr,
        input.onlyIds ?? null,
        input.caseworkerUserId ?? null,
      ];
      const direction = input.descending ? 'desc' : 'asc';
      // Citizens without a grant come last in either direction; ties by name and id keep pages stable.
      const orderBy = {
        name: `lower(c.name) ${direction}, c.id ${direction}`,
        birthDate: `c.birth_date ${direction}, lower(c.name), c.id`,
        latestGrant: `"latestGrantStart" ${direction} nulls last, lower(c.name), c.id`,
      }[input.sort ?? 'name'];
      const rows = await db.query<CitizenRow & { latestGrantStart: string | null }>(
        `select c.id, c.municipality_id as "municipalityId", c.name, c.cpr, c.birth_date as "birthDate", c.gender, c.origin,
                (select max(g.start_date) from grants g where g.municipality_id = c.municipality_id and g.citizen_id = c.id) as "latestGrantStart"
         from citizens c where ${where}
         order by ${orderBy} limit $6 offset $7`,
        [...params, input.limit, input.offset ?? 0],
      );
      const [count] = await db.query<{ total: number }>(`select count(*)::int as total from citizens c where ${where}`, params);
      return {
        citizens: rows.map(({ latestGrantStart, ...row }) => ({ ...toRecord(row), latestGrantStart: latestGrantStart ?? null })),
        total: count?.total ?? 0,
      };
    },
  };
}
