import { outcomeCategories } from '../../domain/outcome-categories.ts';
import { noBirthDate, openEnd, registerCategoryFlags, type RiskSetRows } from '../../domain/risk-set-units.ts';
import { targetGroupCodes } from '../../domain/target-group.ts';
import type { Database } from '../database.ts';

export type RiskSetQuarter = { quarter: string; indexDate: string; treatedCount: number };

export type RiskSetInput = {
  municipalityId: number;
  from: string;
  to: string;
  type: string;
  horizonMonths: number;
  targetGroups: string[];
};

/** A slice of the risk set: every unit (treated and controls of every quarter) of the citizens with ids in [citizenIdFrom, citizenIdTo]. */
export type RiskSetChunk = { quarters: RiskSetQuarter[]; citizenIdFrom: number; citizenIdTo: number };

const firstCourses = (type: string) => `
  select distinct on (g.citizen_id) g.citizen_id, g.start_date
  from grants g
  where g.municipality_id = $1 and g.type = ${type} and g.status in ('approved', 'ended')`;

/** A line-and-tab text, read field by field. */
function tabText(text: string) {
  let pos = 0;
  const end = () => {
    let at = pos;
    for (let c = text.charCodeAt(at); at < text.length && c !== 9 && c !== 10; c = text.charCodeAt(++at));
    return at;
  };
  return {
    /** A whole number; `empty` for an empty field. */
    int(empty: number): number {
      const stop = end();
      let value = 0;
      let negative = false;
      for (let i = pos; i < stop; i += 1) {
        const c = text.charCodeAt(i);
        if (c === 45) negative = true;
        else value = value * 10 + (c - 48);
      }
      const result = stop === pos ? empty : negative ? -value : value;
      pos = stop + 1;
      return result;
    },
    /** A text field, or the name a number (counted from 1) stands for in `names`. */
    name(names: readonly string[]): string {
      const c = text.charCodeAt(pos);
      if (c >= 48 && c <= 57) return names[this.int(0) - 1]!;
      return this.text('');
    },
    /** A text field; `previous` is returned (not a new string) when the field equals it. */
    text(previous: string): string {
      const stop = end();
      const same = stop - pos === previous.length && text.startsWith(previous, pos);
      const result = same ? previous : text.slice(pos, stop);
      pos = stop + 1;
      return result;
    },
  };
}

const lineCount = (text: string) => {
  if (text.length === 0) return 0;
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n += 1;
  return n;
};

/*
 * A slice's rows in one round trip, each table as one text value (a line per row, tab-separated; dates as
 * days since 1 January 1970; a known target group or register category as its place in $6 or $7, counted from 1, else its
 * name): no joins, no sorting — the definition is applied in domain/risk-set-units.ts. $1 municipality,
 * $2..$3 citizen ids, $4 analysed target groups, $5 analysed course type.
 */
const sliceSql = `
  select
    (select coalesce(string_agg(concat_ws(E'\t', c.id, coalesce((c.birth_date - date '1970-01-01')::text, ''),
        coalesce(c.gender, 'unknown'), coalesce(c.origin, 'unknown')), E'\n'), '')
     from citizens c where c.municipality_id = $1 and c.id between $2 and $3) as citizens,
    (select coalesce(string_agg(concat_ws(E'\t', s.citizen_id, s.id, (s.target_group = any($4::text[]))::int,
        coalesce(array_position($6::text[], s.target_group)::text, s.target_group), s.from_date - date '1970-01-01', coalesce((s.to_date - date '1970-01-01')::text, '')), E'\n'), '')
     from target_group_spells s where s.municipality_id = $1 and s.citizen_id between $2 and $3) as group_spells,
    (select coalesce(string_agg(concat_ws(E'\t', g.citizen_id, g.id, (g.type = $5)::int,
        g.start_date - date '1970-01-01'), E'\n'), '')
     from grants g where g.municipality_id = $1 and g.citizen_id between $2 and $3 and g.status in ('approved', 'ended')) as courses,
    (select coalesce(string_agg(concat_ws(E'\t', r.citizen_id, coalesce(array_position($7::text[], r.category)::text, r.category), r.from_week, r.to_week), E'\n'), '')
     from register_status_spells r where r.municipality_id = $1 and r.citizen_id between $2 and $3) as registers`;

/**
 * What the in-app effect analysis reads (issue 6 point 3; the definition of treated, controls, covariates
 * and outcomes is in domain/risk-set-units.ts): the quarters with treated citizens, then the rows of the
 * citizens slice by slice (citizen-id ranges), so that the units can be computed while the next slice is
 * read. (The analysis jobs themselves are in effect-analyses-repository.ts.)
 */
export function riskSetRepository(db: Database) {
  return {
    /** The quarters with treated citizens, each with its index date (earliest first start in it). */
    async quarters(input: RiskSetInput): Promise<RiskSetQuarter[]> {
      return db.query<RiskSetQuarter>(
        `with first_course as (${firstCourses('$4')} order by g.citizen_id, g.start_date, g.id)
         select to_char(start_date, 'YYYY-"Q"Q') as quarter, min(start_date) as "indexDate", count(*)::int as "treatedCount"
         from first_course where start_date between $2 and $3
         group by 1 order by 1`,
        [input.municipalityId, input.from, input.to, input.type],
      );
    },

    /** The range of citizen ids and the municipality's number of citizens, for splitting the risk set into chunks by id range. */
    async citizenIdRange(municipalityId: number): Promise<{ min: number; max: number; count: number }> {
      const [row] = await db.query<{ min: number | null; max: number | null; count: number }>(
        `select min(id) as min, max(id) as max, count(*)::int as count from citizens where municipality_id = $1`,
        [municipalityId],
      );
      return { min: row?.min ?? 0, max: row?.max ?? 0, count: row?.count ?? 0 };
    },

    /** The last week the municipality's register data reach (−1 without data). */
    async lastRegisterWeek(municipalityId: number): Promise<number> {
      const [row] = await db.query<{ last: number }>(
        `select coalesce(max(to_week), -1) as last from register_status_spells where municipality_id = $1`,
        [municipalityId],
      );
      return row?.last ?? -1;
    },

    /** The rows of the citizens with ids in [citizenIdFrom, citizenIdTo] that the risk set is computed from. */
    async slice(input: RiskSetInput, chunk: RiskSetChunk): Promise<RiskSetRows> {
      const [row] = await db.query<{ citizens: string; group_spells: string; courses: string; registers: string }>(sliceSql, [
        input.municipalityId,
        chunk.citizenIdFrom,
        chunk.citizenIdTo,
        input.targetGroups,
        input.type,
        targetGroupCodes,
        outcomeCategories,
      ]);
      return {
        idFrom: chunk.citizenIdFrom,
        idTo: chunk.citizenIdTo,
        citizens: readCitizens(row?.citizens ?? ''),
        groupSpells: readGroupSpells(row?.group_spells ?? ''),
        courses: readCourses(row?.courses ?? ''),
        registerSpells: readRegisterSpells(row?.registers ?? ''),
      };
    },
  };
}

function readCitizens(text: string): RiskSetRows['citizens'] {
  const n = lineCount(text);
  const rows = { id: new Int32Array(n), birth: new Int32Array(n), gender: new Array<string>(n), origin: new Array<string>(n) };
  const read = tabText(text);
  for (let i = 0; i < n; i += 1) {
    rows.id[i] = read.int(0);
    rows.birth[i] = read.int(noBirthDate);
    rows.gender[i] = read.text(i > 0 ? rows.gender[i - 1]! : '');
    rows.origin[i] = read.text(i > 0 ? rows.origin[i - 1]! : '');
  }
  return rows;
}

function readGroupSpells(text: string): RiskSetRows['groupSpells'] {
  const n = lineCount(text);
  const rows = {
    citizenId: new Int32Array(n),
    id: new Int32Array(n),
    analysed: new Uint8Array(n),
    targetGroup: new Array<string>(n),
    from: new Int32Array(n),
    to: new Int32Array(n),
  };
  const read = tabText(text);
  for (let i = 0; i < n; i += 1) {
    rows.citizenId[i] = read.int(0);
    rows.id[i] = read.int(0);
    rows.analysed[i] = read.int(0);
    rows.targetGroup[i] = read.name(targetGroupCodes);
    rows.from[i] = read.int(0);
    rows.to[i] = read.int(openEnd);
  }
  return rows;
}

function readCourses(text: string): RiskSetRows['courses'] {
  const n = lineCount(text);
  const rows = { citizenId: new Int32Array(n), id: new Int32Array(n), analysed: new Uint8Array(n), start: new Int32Array(n) };
  const read = tabText(text);
  for (let i = 0; i < n; i += 1) {
    rows.citizenId[i] = read.int(0);
    rows.id[i] = read.int(0);
    rows.analysed[i] = read.int(0);
    rows.start[i] = read.int(0);
  }
  return rows;
}

function readRegisterSpells(text: string): RiskSetRows['registerSpells'] {
  const n = lineCount(text);
  const rows = { citizenId: new Int32Array(n), flags: new Uint8Array(n), from: new Int32Array(n), to: new Int32Array(n) };
  const flagsOf = new Map<string, number>();
  const read = tabText(text);
  for (let i = 0; i < n; i += 1) {
    rows.citizenId[i] = read.int(0);
    const category = read.name(outcomeCategories);
    let flags = flagsOf.get(category);
    if (flags === undefined) flagsOf.set(category, (flags = registerCategoryFlags(category)));
    rows.flags[i] = flags;
    rows.from[i] = read.int(0);
    rows.to[i] = read.int(0);
  }
  return rows;
}
