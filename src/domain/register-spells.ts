/**
 * Register status spells (issue 5 point 1, domain spec §4.3): a register records one code per citizen
 * per week; consecutive weeks in the same outcome category (§4.2) are one spell (category, from week, to
 * week), which is how the database stores them. An empty week means no public support and is a gap
 * [U: standard practice, §4.3]. Week numbers are week indexes (register-week.ts).
 *
 * The import compresses weeks into spells while it streams (one wide line at a time, or runs of
 * consecutive long lines), so memory stays flat; spells of the same citizen that touch or overlap are
 * merged afterwards (in SQL; `mergeSpells` is the same rule in plain code, the reference for tests).
 */
import type { OutcomeCategory } from './outcome-categories.ts';

/** One spell of a citizen; `code` is the smallest register code seen in it (the stored source code). */
export type StatusSpell = { category: OutcomeCategory; code: string; fromWeek: number; toWeek: number };

export type WideLineResult = { ok: true; spells: StatusSpell[] } | { ok: false; message: string; unknownCode: string };

/**
 * One wide line (one citizen, one code per week column) → its spells. `weeks[i]` is the week index of
 * `codes[i]`; a run breaks where the category changes, a week is empty, or the header skips a week.
 * An unknown code makes the whole line bad (`ok: false`, the message names the code).
 */
export function compressWideLine(input: {
  weeks: ArrayLike<number>;
  codes: readonly string[];
  /** Index of the first code in `codes` (the wide layout's first field is the CPR). */
  firstCode?: number;
  categoryOf: (code: string) => OutcomeCategory | undefined;
  mappingName: string;
}): WideLineResult {
  const { weeks, codes, categoryOf } = input;
  const first = input.firstCode ?? 0;
  const spells: StatusSpell[] = [];
  let current: StatusSpell | null = null;
  let previousCode = '';
  let previousCategory: OutcomeCategory | undefined;
  for (let i = first; i < codes.length; i += 1) {
    const code = codes[i]!;
    const week = weeks[i - first]!;
    if (code === '') {
      current = null;
      continue;
    }
    // Codes repeat for weeks on end: look the category up only when the code changes.
    const category = code === previousCode ? previousCategory : categoryOf(code);
    if (!category) return { ok: false, message: `unknown code '${code}' in the ${input.mappingName} mapping`, unknownCode: code };
    previousCode = code;
    previousCategory = category;
    if (current && current.category === category && week === current.toWeek + 1) {
      current.toWeek = week;
      if (code < current.code) current.code = code;
    } else {
      current = { category, code, fromWeek: week, toWeek: week };
      spells.push(current);
    }
  }
  return { ok: true, spells };
}

/**
 * Long layout: can the week of the next line (same CPR) extend the spell being built? Yes when the
 * category is the same and the week touches or lies inside it, so sorted runs become one spell;
 * anything else (another citizen, category or a jump) starts a new spell and the SQL merge joins
 * what belongs together, so an unsorted file gives the same spells.
 */
export function canExtendSpell(spell: StatusSpell, week: number, category: OutcomeCategory): boolean {
  return spell.category === category && week >= spell.fromWeek - 1 && week <= spell.toWeek + 1;
}

/** Extends `spell` by `week` (after `canExtendSpell`) and returns it. */
export function extendSpell(spell: StatusSpell, week: number, code: string): StatusSpell {
  if (week < spell.fromWeek) spell.fromWeek = week;
  if (week > spell.toWeek) spell.toWeek = week;
  if (code < spell.code) spell.code = code;
  return spell;
}

/**
 * One citizen's spells in any order → the stored spells: spells of the same category that overlap or
 * touch (to week + 1 = next from week) become one, with the smallest code; sorted by category, then
 * from week. The SQL merge in the register-statuses repository implements the same rule.
 */
export function mergeSpells(spells: readonly StatusSpell[]): StatusSpell[] {
  const sorted = [...spells].sort((a, b) =>
    a.category < b.category ? -1 : a.category > b.category ? 1 : a.fromWeek - b.fromWeek || a.toWeek - b.toWeek,
  );
  const merged: StatusSpell[] = [];
  for (const spell of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.category === spell.category && spell.fromWeek <= last.toWeek + 1) {
      last.toWeek = Math.max(last.toWeek, spell.toWeek);
      if (spell.code < last.code) last.code = spell.code;
    } else {
      merged.push({ ...spell });
    }
  }
  return merged;
}
