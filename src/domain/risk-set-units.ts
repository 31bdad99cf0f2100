/**
 * The risk set of the in-app effect analysis (issue 6 point 3; risk-set matching on calendar time), the
 * statistician-readable definition, computed from one slice of citizens' rows:
 * - treated: citizens whose FIRST mentor course of the analysed type (approved or ended, earliest start,
 *   then lowest id) started in [from, to]; index date = that start; quarter = the start's calendar quarter;
 * - controls: per calendar quarter with treated, citizens with a spell in one of the analysed target groups
 *   on the quarter's index date (the earliest treated start in that quarter) who had no mentor course of
 *   any type starting on or before it (they may get one later: risk-set sampling);
 * - covariates at the index date: age (whole years), gender, origin, target group (the latest spell valid
 *   then, of any group), weeks on public support in the prior 52 and 156 weeks, weeks in ordinary
 *   employment in the prior 156 weeks (register spells; public support = any category but employment,
 *   education, self-support, death and emigration);
 * - outcomes at index + horizon months: employment, education, self-support (no public benefit, death
 *   and education count as benefit-free but not as self-support — as the register's categories say), and
 *   weeks on public support in the 52 weeks from the index date;
 * - month by month from 12 months before to 24 months after the index date (issue 15: event time,
 *   placebo, horizons): whether the citizen was employed, in education or on public support in the week of
 *   index date + m months, as 37-bit masks (bit m + 12), and how many of those 37 months the register data
 *   reach (the rest are unknown, not "no").
 * Weeks are week indexes (whole weeks since Monday 5 January 1970, as the database's `week_index`); month
 * arithmetic clamps to the month's last day (as PostgreSQL's `date + interval 'n months'`).
 * Pure: rows in, units out, one citizen at a time; the perUnitRiskSetReference query (test fixture)
 * states the same definition in SQL and the tests compare both unit by unit.
 */
import { addDays, addMonths, daysBetween } from './calendar-date.ts';

const epochDay = '1970-01-01';

/** Dates are day numbers (days since 1 January 1970); `openEnd` for a spell without an end. */
export const openEnd = 2_000_000_000;
/** A citizen without a recorded birth date. */
export const noBirthDate = -2_000_000_000;

/** A slice of the municipality's citizens (ids in [idFrom, idTo]) and their rows; row tables in any order. */
export type RiskSetRows = {
  idFrom: number;
  idTo: number;
  citizens: { id: Int32Array; birth: Int32Array; gender: string[]; origin: string[] };
  /** `analysed`: one of the analysed target groups (controls need it). */
  groupSpells: { citizenId: Int32Array; id: Int32Array; analysed: Uint8Array; targetGroup: string[]; from: Int32Array; to: Int32Array };
  /** Approved or ended courses of any type; `analysed`: of the analysed type. */
  courses: { citizenId: Int32Array; id: Int32Array; analysed: Uint8Array; start: Int32Array };
  /** `flags`: the category's `registerCategoryFlags`. */
  registerSpells: { citizenId: Int32Array; flags: Uint8Array; from: Int32Array; to: Int32Array };
};

export const publicSupportFlag = 1;
export const employmentFlag = 2;
export const educationFlag = 4;
/** On a benefit at the outcome date: anything but employment, other self-support and emigration. */
export const supportedFlag = 8;

/** A register category's role in the definition, as bits. */
export function registerCategoryFlags(category: string): number {
  const publicSupport = !['ORDINARY_EMPLOYMENT', 'EDUCATION', 'SELF_SUPPORTING_OTHER', 'DEAD', 'EMIGRATED'].includes(category);
  const supported = !['ORDINARY_EMPLOYMENT', 'SELF_SUPPORTING_OTHER', 'EMIGRATED'].includes(category);
  return (
    (publicSupport ? publicSupportFlag : 0) |
    (category === 'ORDINARY_EMPLOYMENT' ? employmentFlag : 0) |
    (category === 'EDUCATION' ? educationFlag : 0) |
    (supported ? supportedFlag : 0)
  );
}

export type RiskSetDefinition = {
  /** Quarters with treated, in order: label ('2015-Q1') and index date. */
  quarters: { quarter: string; indexDate: string }[];
  /** The first-start period, day numbers. */
  from: number;
  to: number;
  horizonMonths: number;
  /** The last week the register data reach (the municipality's latest spell end), −1 without data. */
  lastWeek: number;
};

/** A unit's numbers, in the order of `RiskSetUnit.numbers`. */
export const riskSetUnitNumbers = [
  'age',
  'publicWeeks52',
  'publicWeeks156',
  'employedWeeks156',
  'employment',
  'education',
  'selfSupport',
  'benefitWeeks52After',
  'employedMonths',
  'educationMonths',
  'supportedMonths',
  'observedMonths',
] as const;
export type RiskSetUnitNumber = (typeof riskSetUnitNumbers)[number];
/** Each number's position in `RiskSetUnit.numbers`. */
export const numberAt = Object.fromEntries(riskSetUnitNumbers.map((name, k) => [name, k])) as Record<RiskSetUnitNumber, number>;

/** One unit; the object and its numbers are reused from unit to unit (copy what you keep). */
export type RiskSetUnit = {
  citizenId: number;
  quarterIndex: number;
  treated: boolean;
  gender: string;
  origin: string;
  targetGroup: string;
  /** The covariates, outcomes and month masks, in the order of `riskSetUnitNumbers`. */
  numbers: Float64Array;
};

/** A unit with its numbers by name (a copy: for tests and the reference query's rows). */
export type RiskSetUnitRecord = Omit<RiskSetUnit, 'numbers'> & Record<RiskSetUnitNumber, number>;
export function unitRecord(unit: RiskSetUnit): RiskSetUnitRecord {
  const { numbers, ...rest } = unit;
  return {
    ...rest,
    ...(Object.fromEntries(riskSetUnitNumbers.map((name, k) => [name, numbers[k]!])) as Record<RiskSetUnitNumber, number>),
  };
}

/** '2015-02-02' → its day number. */
export const dayNumberOf = (date: string): number => daysBetween(epochDay, date);
const isoOf = (day: number): string => addDays(epochDay, day);

/** A day number's calendar date as yyyymmdd (Hinnant's civil_from_days: integer arithmetic only). */
export function yyyymmddOf(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

/** The database's `week_index`: whole weeks since Monday 1970-01-05 (truncated, as its integer division). */
export function weekIndexOfDay(day: number): number {
  return Math.trunc((day - 4) / 7);
}

/** Everything of an index date that does not depend on the citizen. */
type IndexWeeks = { civil: number; w: number; ow: number; mw: Int32Array; observed: number; last: number };

/** The weeks of each index date, kept with the definition: a load's slices share them (a few hundred dates, 38 month additions each). */
const indexWeeksByDefinition = new WeakMap<RiskSetDefinition, Map<number, IndexWeeks>>();

/** How many of the (increasing) `weeks` are ≤ `week` (PostgreSQL's width_bucket over an array). */
function countAtMost(weeks: Int32Array, week: number): number {
  let lo = 0;
  let hi = weeks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (weeks[mid]! <= week) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bits a…b (0 ≤ a, b ≤ 31) of a 32-bit word; 0 when a > b. */
function bitRange(a: number, b: number): number {
  if (a > b) return 0;
  const width = b - a + 1;
  return (width >= 32 ? 0xffffffff : ((1 << width) - 1) << a) >>> 0;
}

/** A 37-bit mask from its two 32-bit words. */
const maskOf = (lowWord: number, highWord: number): number => (highWord >>> 0) * 4294967296 + (lowWord >>> 0);

/** Rows grouped by citizen: `start[k]…start[k + 1]` are the rows of citizen idFrom + k. */
function groupByCitizen(citizenId: Int32Array, idFrom: number, width: number): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(width + 1);
  for (let r = 0; r < citizenId.length; r += 1) start[citizenId[r]! - idFrom + 1]! += 1;
  for (let k = 0; k < width; k += 1) start[k + 1]! += start[k]!;
  const next = start.slice(0, width);
  const rows = new Int32Array(citizenId.length);
  for (let r = 0; r < citizenId.length; r += 1) rows[next[citizenId[r]! - idFrom]!++] = r;
  return { start, rows };
}

/**
 * Calls `emit` for each unit of the slice: citizens in id order, and per citizen the treated unit first,
 * then the control units in quarter order.
 */
export function riskSetUnits(rows: RiskSetRows, definition: RiskSetDefinition, emit: (unit: RiskSetUnit) => void): void {
  const { citizens, groupSpells, courses, registerSpells } = rows;
  const width = rows.idTo - rows.idFrom + 1;
  const spellsOf = groupByCitizen(groupSpells.citizenId, rows.idFrom, width);
  const coursesOf = groupByCitizen(courses.citizenId, rows.idFrom, width);
  const registersOf = groupByCitizen(registerSpells.citizenId, rows.idFrom, width);
  const quarterIndex = new Map(definition.quarters.map((q, k) => [q.quarter, k]));
  let indexWeeksCache = indexWeeksByDefinition.get(definition);
  if (!indexWeeksCache) indexWeeksByDefinition.set(definition, (indexWeeksCache = new Map()));
  const indexWeeks = (indexDate: number): IndexWeeks => {
    let weeks = indexWeeksCache!.get(indexDate);
    if (!weeks) {
      const iso = isoOf(indexDate);
      const mw = Int32Array.from({ length: 37 }, (_, k) => weekIndexOfDay(dayNumberOf(addMonths(iso, k - 12))));
      const w = weekIndexOfDay(indexDate);
      const ow = weekIndexOfDay(dayNumberOf(addMonths(iso, definition.horizonMonths)));
      weeks = {
        civil: yyyymmddOf(indexDate),
        w,
        ow,
        mw,
        observed: countAtMost(mw, definition.lastWeek),
        last: Math.max(w + 51, ow, mw[36]!),
      };
      indexWeeksCache!.set(indexDate, weeks);
    }
    return weeks;
  };
  const quarterDates = definition.quarters.map((q) => dayNumberOf(q.indexDate));
  const quarterOf = (day: number) => {
    const d = yyyymmddOf(day);
    return `${Math.floor(d / 10000)}-Q${Math.floor(((Math.floor(d / 100) % 100) - 1) / 3) + 1}`;
  };

  const unit: RiskSetUnit = {
    citizenId: 0,
    quarterIndex: 0,
    treated: false,
    gender: '',
    origin: '',
    targetGroup: '',
    numbers: new Float64Array(riskSetUnitNumbers.length),
  };
  const v = unit.numbers;
  const n = numberAt;
  // The month masks' 32-bit words (low, high) of employment, education and public support.
  const monthWords = new Int32Array(6);
  const monthNumbers = [n.employedMonths, n.educationMonths, n.supportedMonths];

  const describe = (k: number, citizen: number, indexDate: number) => {
    const slot = citizens.id[citizen]! - rows.idFrom;
    monthWords.fill(0);
    // Whole years from birth to the index date (no birth date: 0).
    if (citizens.birth[citizen]! === noBirthDate) v[n.age] = 0;
    else {
      const birth = yyyymmddOf(citizens.birth[citizen]!);
      const on = indexWeeks(indexDate).civil;
      v[n.age] = Math.floor(on / 10000) - Math.floor(birth / 10000) - (on % 10000 < birth % 10000 ? 1 : 0);
    }
    unit.gender = citizens.gender[citizen]!;
    unit.origin = citizens.origin[citizen]!;
    // The target group: the latest spell valid on the index date (latest start, then highest id).
    let group = 'unknown';
    let groupFrom = -1;
    let groupId = -1;
    for (let r = spellsOf.start[slot]!; r < spellsOf.start[slot + 1]!; r += 1) {
      const s = spellsOf.rows[r]!;
      const from = groupSpells.from[s]!;
      if (from > indexDate || groupSpells.to[s]! < indexDate) continue;
      if (from > groupFrom || (from === groupFrom && groupSpells.id[s]! > groupId)) {
        group = groupSpells.targetGroup[s]!;
        groupFrom = from;
        groupId = groupSpells.id[s]!;
      }
    }
    unit.targetGroup = group;
    const { w, ow, mw, observed, last } = indexWeeks(indexDate);
    let public52 = 0;
    let public156 = 0;
    let employed156 = 0;
    let public52After = 0;
    // The categories' flags at the outcome date, together.
    let atOutcome = 0;
    for (let r = registersOf.start[slot]!; r < registersOf.start[slot + 1]!; r += 1) {
      const s = registersOf.rows[r]!;
      const from = registerSpells.from[s]!;
      const to = registerSpells.to[s]!;
      if (to < w - 156 || from > last) continue;
      const flags = registerSpells.flags[s]!;
      if (from <= w - 1) {
        const before = Math.min(to, w - 1) - Math.max(from, w - 156) + 1;
        if (flags & publicSupportFlag) {
          public156 += before;
          if (to >= w - 52) public52 += Math.min(to, w - 1) - Math.max(from, w - 52) + 1;
        }
        if (flags & employmentFlag) employed156 += before;
      }
      if (flags & publicSupportFlag && to >= w && from <= w + 51) public52After += Math.min(to, w + 51) - Math.max(from, w) + 1;
      if (from <= ow && ow <= to) atOutcome |= flags;
      // Months k with from ≤ mw[k] ≤ to: bits a…b.
      const a = countAtMost(mw, from - 1);
      const b = countAtMost(mw, to) - 1;
      if (a > b) continue;
      const low = bitRange(a, Math.min(b, 31));
      const high = b >= 32 ? bitRange(Math.max(a, 32) - 32, b - 32) : 0;
      // Three statuses written out, not a loop over them: the loop took 2–3× the time of this function.
      if (flags & employmentFlag) {
        monthWords[0]! |= low;
        monthWords[1]! |= high;
      }
      if (flags & educationFlag) {
        monthWords[2]! |= low;
        monthWords[3]! |= high;
      }
      if (flags & supportedFlag) {
        monthWords[4]! |= low;
        monthWords[5]! |= high;
      }
    }
    unit.quarterIndex = k;
    v[n.publicWeeks52] = public52;
    v[n.publicWeeks156] = public156;
    v[n.employedWeeks156] = employed156;
    v[n.benefitWeeks52After] = public52After;
    v[n.employment] = atOutcome & employmentFlag ? 1 : 0;
    v[n.education] = atOutcome & educationFlag ? 1 : 0;
    v[n.selfSupport] = atOutcome & supportedFlag ? 0 : 1;
    for (let m = 0; m < 3; m += 1) v[monthNumbers[m]!] = maskOf(monthWords[2 * m]!, monthWords[2 * m + 1]!);
    v[n.observedMonths] = observed;
  };

  // Citizens in id order.
  const order = Int32Array.from(citizens.id.keys()).sort((x, y) => citizens.id[x]! - citizens.id[y]!);
  for (const citizen of order) {
    const slot = citizens.id[citizen]! - rows.idFrom;
    unit.citizenId = citizens.id[citizen]!;
    // The first course of the analysed type (earliest start, then lowest id) and the first of any type.
    let firstStart = openEnd;
    let firstId = -1;
    let firstAny = openEnd;
    for (let r = coursesOf.start[slot]!; r < coursesOf.start[slot + 1]!; r += 1) {
      const c = coursesOf.rows[r]!;
      const start = courses.start[c]!;
      firstAny = Math.min(firstAny, start);
      if (!courses.analysed[c]) continue;
      if (start < firstStart || (start === firstStart && courses.id[c]! < firstId)) {
        firstStart = start;
        firstId = courses.id[c]!;
      }
    }
    if (firstStart >= definition.from && firstStart <= definition.to) {
      const k = quarterIndex.get(quarterOf(firstStart));
      if (k !== undefined) {
        unit.treated = true;
        describe(k, citizen, firstStart);
        emit(unit);
      }
    }
    for (let k = 0; k < quarterDates.length; k += 1) {
      const indexDate = quarterDates[k]!;
      if (firstAny <= indexDate) continue;
      let inGroup = false;
      for (let r = spellsOf.start[slot]!; r < spellsOf.start[slot + 1]! && !inGroup; r += 1) {
        const s = spellsOf.rows[r]!;
        inGroup = groupSpells.analysed[s] === 1 && groupSpells.from[s]! <= indexDate && groupSpells.to[s]! >= indexDate;
      }
      if (!inGroup) continue;
      unit.treated = false;
      describe(k, citizen, indexDate);
      emit(unit);
    }
  }
}
