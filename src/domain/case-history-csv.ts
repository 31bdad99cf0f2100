/**
 * Case-system history files (issue 5 point 1): the documented columns of the four CSV exports a
 * municipality loads its history from — citizens, target-group spells, grants and offers — and the
 * parsing of one line into a typed row or a precise message. Pure: the use case adds what needs the
 * database (is the CPR known, which spells cover the agreement date).
 *
 * Files are UTF-8 (with or without BOM), separated by semicolon or comma (decided by the header),
 * fields may be quoted with "…" (a separator or "" inside), dates are YYYY-MM-DD, hours may use a
 * decimal comma. The header row is required, column order is free, names are case-insensitive, an
 * unknown or repeated column is an error. Messages never show a full CPR (R-PRV-3).
 */
import { detectSeparator, splitCsvLine, stripBom, type CsvSeparator } from './csv.ts';
import { compareDates, isCalendarDate, type CalendarDate } from './calendar-date.ts';
import { maskCpr, parseCpr } from './cpr.ts';
import { refundClassFor } from './grant-compliance.ts';
import { findRegimeOn, type LegalRegime, type RefundClass } from './legal-regime.ts';
import { endReasons, grantTypes, type EndReason, type GrantType } from './mentor-grant.ts';
import { offerTypes, type OfferTypeCode } from './offer-types.ts';
import {
  findTargetGroupOn,
  targetGroupCodes,
  visitationCategories,
  type TargetGroupCode,
  type TargetGroupSpell,
  type VisitationCategory,
} from './target-group.ts';
import { lineError } from './import-line-error.ts';

export const caseHistoryKinds = ['citizens', 'target-groups', 'grants', 'offers'] as const;
export type CaseHistoryKind = (typeof caseHistoryKinds)[number];

export const caseHistoryColumns: Record<CaseHistoryKind, { required: readonly string[]; optional: readonly string[] }> = {
  citizens: { required: ['cpr', 'name'], optional: ['gender', 'origin'] },
  'target-groups': { required: ['cpr', 'targetGroup', 'fromDate'], optional: ['visitation', 'toDate', 'externalId'] },
  grants: {
    required: ['externalId', 'cpr', 'type', 'agreedOn', 'startDate', 'endDate', 'weeklyHours', 'status'],
    optional: ['actualEndDate', 'endReason', 'goal'],
  },
  offers: { required: ['cpr', 'type', 'startDate'], optional: ['endDate', 'externalId'] },
};

/** Historic grants are at most approved or ended: a draft belongs in the live system, not in history. */
export const historicGrantStatuses = ['approved', 'ended'] as const;
export type HistoricGrantStatus = (typeof historicGrantStatuses)[number];

export type Gender = 'female' | 'male' | 'other';
export type Origin = 'danish' | 'western' | 'non_western';

export type CitizenImportRow = { cpr: string; birthDate: CalendarDate; name: string; gender: Gender | null; origin: Origin | null };
export type TargetGroupImportRow = {
  cpr: string;
  externalId: string;
  group: TargetGroupCode;
  visitation: VisitationCategory | null;
  from: CalendarDate;
  to: CalendarDate | null;
};
export type GrantImportRow = {
  externalId: string;
  cpr: string;
  type: GrantType;
  agreedOn: CalendarDate;
  startDate: CalendarDate;
  endDate: CalendarDate;
  weeklyHours: number;
  status: HistoricGrantStatus;
  actualEndDate: CalendarDate | null;
  endReason: EndReason | null;
  goal: string;
};
export type OfferImportRow = {
  cpr: string;
  externalId: string;
  type: OfferTypeCode;
  startDate: CalendarDate;
  endDate: CalendarDate | null;
};

export type CaseHistoryRow = {
  citizens: CitizenImportRow;
  'target-groups': TargetGroupImportRow;
  grants: GrantImportRow;
  offers: OfferImportRow;
};

export type CsvHeader = { separator: CsvSeparator; columns: string[] };
export type ParsedLine<T> = { ok: true; row: T } | { ok: false; message: string };

/** The header row: separator by majority, every column known and present once, the required ones there. */
export function parseCaseHistoryHeader(
  kind: CaseHistoryKind,
  line: string,
): { ok: true; header: CsvHeader } | { ok: false; message: string } {
  const text = stripBom(line);
  const separator = detectSeparator(text);
  const spec = caseHistoryColumns[kind];
  const known = [...spec.required, ...spec.optional];
  const byLowerCase = new Map(known.map((c) => [c.toLowerCase(), c]));
  const names = splitCsvLine(text, separator) ?? [];
  const columns: string[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const column = byLowerCase.get(name.toLowerCase());
    if (!column) problems.push(`unknown column '${name}'`);
    else if (columns.includes(column)) problems.push(`column '${column}' appears twice`);
    else columns.push(column);
  }
  const missing = spec.required.filter((c) => !columns.includes(c));
  if (missing.length > 0) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `'${c}'`).join(', ')}`);
  if (problems.length > 0)
    return { ok: false, message: `${problems.join('; ')} (the ${kind} file has the columns ${known.join(separator)})` };
  return { ok: true, header: { separator, columns } };
}

const genders: Record<string, Gender> = {
  female: 'female',
  male: 'male',
  other: 'other',
  kvinde: 'female',
  mand: 'male',
  andet: 'other',
  k: 'female',
  m: 'male',
};
const origins: Record<string, Origin> = {
  danish: 'danish',
  western: 'western',
  non_western: 'non_western',
  dansk: 'danish',
  vestlig: 'western',
  ikke_vestlig: 'non_western',
  'ikke-vestlig': 'non_western',
};

/** R-PRV-3: an invalid CPR is shown only by its first six characters. */
function shownCpr(text: string): string {
  const parsed = parseCpr(text);
  return parsed.ok ? maskCpr(parsed.cpr) : `${text.slice(0, 6)}…`;
}

function lineReader(fields: Record<string, string>) {
  const problems: string[] = [];
  const text = (column: string) => fields[column] ?? '';
  const oneOf = <T extends string>(column: string, allowed: readonly T[], required: boolean): T | null => {
    const value = text(column);
    if (value === '') {
      if (required) problems.push(`${column} is empty`);
      return null;
    }
    if (!(allowed as readonly string[]).includes(value)) {
      problems.push(`unknown ${column} '${value}' (${allowed.join(', ')})`);
      return null;
    }
    return value as T;
  };
  const date = (column: string, required: boolean): CalendarDate | null => {
    const value = text(column);
    if (value === '') {
      if (required) problems.push(`${column} is empty`);
      return null;
    }
    if (!isCalendarDate(value)) {
      problems.push(`${column} '${value}' is not a date (YYYY-MM-DD)`);
      return null;
    }
    return value;
  };
  const cpr = () => {
    const value = text('cpr');
    if (value === '') {
      problems.push('cpr is empty');
      return null;
    }
    const parsed = parseCpr(value);
    if (!parsed.ok) {
      problems.push(
        parsed.reason === 'format'
          ? `invalid CPR '${shownCpr(value)}' (10 digits, DDMMYY-SSSS)`
          : `CPR ${shownCpr(value)} has no valid birth date`,
      );
      return null;
    }
    return parsed;
  };
  const notBefore = (laterColumn: string, later: CalendarDate | null, earlierColumn: string, earlier: CalendarDate | null) => {
    if (later !== null && earlier !== null && compareDates(later, earlier) < 0)
      problems.push(`${laterColumn} ${later} is before ${earlierColumn} ${earlier}`);
  };
  return { problems, text, oneOf, date, cpr, notBefore };
}

function result<T>(problems: string[], build: () => T): ParsedLine<T> {
  return problems.length > 0 ? { ok: false, message: problems.join('; ') } : { ok: true, row: build() };
}

export function parseCitizenLine(fields: Record<string, string>): ParsedLine<CitizenImportRow> {
  const r = lineReader(fields);
  const cpr = r.cpr();
  const name = r.text('name');
  if (name === '') r.problems.push('name is empty');
  const genderText = r.text('gender').toLowerCase();
  const gender = genderText === '' ? null : (genders[genderText] ?? null);
  if (genderText !== '' && gender === null) r.problems.push(`unknown gender '${r.text('gender')}' (female, male, other)`);
  const originText = r.text('origin').toLowerCase();
  const origin = originText === '' ? null : (origins[originText] ?? null);
  if (originText !== '' && origin === null) r.problems.push(`unknown origin '${r.text('origin')}' (danish, western, non_western)`);
  return result(r.problems, () => ({ cpr: cpr!.cpr, birthDate: cpr!.birthDate, name, gender, origin }));
}

export function parseTargetGroupLine(fields: Record<string, string>): ParsedLine<TargetGroupImportRow> {
  const r = lineReader(fields);
  const cpr = r.cpr();
  const group = r.oneOf('targetGroup', targetGroupCodes, true);
  const visitation = r.oneOf('visitation', visitationCategories, false);
  const from = r.date('fromDate', true);
  const to = r.date('toDate', false);
  r.notBefore('toDate', to, 'fromDate', from);
  const externalId = r.text('externalId') || `${group}@${from}`;
  return result(r.problems, () => ({ cpr: cpr!.cpr, externalId, group: group!, visitation, from: from!, to }));
}

/** Hours per week, decimal point or comma; more than 80 a week is not a mentor grant (the API's limit). */
function parseWeeklyHours(text: string, problems: string[]): number | null {
  if (text === '') {
    problems.push('weeklyHours is empty');
    return null;
  }
  const value = /^\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0 || value > 80) {
    problems.push(`weeklyHours '${text}' is not a number of hours above 0 and at most 80`);
    return null;
  }
  return value;
}

/**
 * A historic grant is checked structurally only — the live compliance rules (R-AGR-*, R-DUR-*, R-ROP-*)
 * judged the grant when it was made and are not re-applied to history. An ended grant needs its actual
 * end date and end reason (the grants table's own invariant); an approved one has neither.
 */
export function parseGrantLine(fields: Record<string, string>): ParsedLine<GrantImportRow> {
  const r = lineReader(fields);
  const externalId = r.text('externalId');
  if (externalId === '') r.problems.push('externalId is empty');
  const cpr = r.cpr();
  const type = r.oneOf('type', grantTypes, true);
  const agreedOn = r.date('agreedOn', true);
  const startDate = r.date('startDate', true);
  const endDate = r.date('endDate', true);
  r.notBefore('endDate', endDate, 'startDate', startDate);
  const weeklyHours = parseWeeklyHours(r.text('weeklyHours'), r.problems);
  const status = r.oneOf('status', historicGrantStatuses, true);
  const actualEndDate = r.date('actualEndDate', false);
  const endReason = r.oneOf('endReason', endReasons, false);
  r.notBefore('actualEndDate', actualEndDate, 'startDate', startDate);
  if (status === 'ended' && r.text('actualEndDate') === '') r.problems.push('an ended grant needs actualEndDate');
  if (status === 'ended' && r.text('endReason') === '') r.problems.push('an ended grant needs endReason');
  if (status === 'approved' && (r.text('actualEndDate') !== '' || r.text('endReason') !== '')) {
    r.problems.push("actualEndDate and endReason belong to an ended grant (status 'ended')");
  }
  return result(r.problems, () => ({
    externalId,
    cpr: cpr!.cpr,
    type: type!,
    agreedOn: agreedOn!,
    startDate: startDate!,
    endDate: endDate!,
    weeklyHours: weeklyHours!,
    status: status!,
    actualEndDate,
    endReason,
    goal: r.text('goal'),
  }));
}

export function parseOfferLine(fields: Record<string, string>): ParsedLine<OfferImportRow> {
  const r = lineReader(fields);
  const cpr = r.cpr();
  const type = r.oneOf('type', offerTypes, true);
  const startDate = r.date('startDate', true);
  const endDate = r.date('endDate', false);
  r.notBefore('endDate', endDate, 'startDate', startDate);
  const externalId = r.text('externalId') || `${type}@${startDate}`;
  return result(r.problems, () => ({ cpr: cpr!.cpr, externalId, type: type!, startDate: startDate!, endDate }));
}

const lineParsers: { [K in CaseHistoryKind]: (fields: Record<string, string>) => ParsedLine<CaseHistoryRow[K]> } = {
  citizens: parseCitizenLine,
  'target-groups': parseTargetGroupLine,
  grants: parseGrantLine,
  offers: parseOfferLine,
};

/** One data line of a file with `header`: split, matched to the columns, parsed for `kind`. */
export function parseCaseHistoryLine<K extends CaseHistoryKind>(kind: K, header: CsvHeader, line: string): ParsedLine<CaseHistoryRow[K]> {
  const values = splitCsvLine(line, header.separator);
  if (values === null) return { ok: false, message: 'a quoted field is not closed' };
  if (values.length !== header.columns.length)
    return { ok: false, message: lineError('FIELD_COUNT', { expected: header.columns.length, found: values.length }).message };
  const fields: Record<string, string> = {};
  header.columns.forEach((column, i) => {
    fields[column] = values[i]!;
  });
  return lineParsers[kind](fields);
}

/** The key that makes a re-import update instead of duplicate: CPR for citizens, the external id otherwise. */
export function caseHistoryKeyOf<K extends CaseHistoryKind>(kind: K, row: CaseHistoryRow[K]): string {
  if (kind === 'citizens') return row.cpr;
  if (kind === 'grants') return (row as GrantImportRow).externalId;
  return `${row.cpr}:${(row as TargetGroupImportRow | OfferImportRow).externalId}`;
}

/**
 * R-FIN-1 for history: the regime is the one in force on the agreement date and the refund class
 * follows the citizen's target group on that date — the same derivation the live system stores.
 */
export function classifyHistoricGrant(input: {
  regimes: readonly LegalRegime[];
  spells: readonly TargetGroupSpell[];
  type: GrantType;
  agreedOn: CalendarDate;
}): { ok: true; regimeId: string; refundClass: RefundClass } | { ok: false; message: string } {
  const regime = findRegimeOn(input.regimes, input.agreedOn);
  if (!regime) return { ok: false, message: `no legal regime covers the agreement date ${input.agreedOn}` };
  const spell = findTargetGroupOn(input.spells, input.agreedOn);
  const { refundClass } = refundClassFor({ regime, targetGroup: spell?.group ?? null, grantType: input.type, agreedOn: input.agreedOn });
  return { ok: true, regimeId: regime.id, refundClass };
}
