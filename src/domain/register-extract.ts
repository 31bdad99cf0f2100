/**
 * Register extracts (issue 5, issue 12): the pure parsing of a CSV extract of weekly public-support
 * codes — the header, and the wide layout's lines (`cpr;2015-W01;2015-W02;…`, one citizen a line) turned
 * into spells without splitting the line into 260 strings. The register import runs this on several
 * threads over chunks of lines (use-cases/register-extract-chunks.ts); everything here is synchronous
 * and allocation-light, and gives the same spells as `compressWideLine` (register-spells.ts), which
 * stays the reference in the tests.
 */
import { parseCpr } from './cpr.ts';
import { lineError, type LineError } from './import-line-error.ts';
import type { OutcomeCategory } from './outcome-categories.ts';
import { compressWideLine } from './register-spells.ts';
import { parseIsoWeek } from './register-week.ts';

export type ExtractHeader =
  { ok: true; separator: ';' | ','; fieldCount: number; weeks: Int32Array; weeksIncrease: boolean } | { ok: false; message: string };

/** The header line (BOM already removed): separator by count, and for the wide layout its ISO weeks. */
export function parseExtractHeader(line: string, layout: 'long' | 'wide'): ExtractHeader {
  const separator = (line.match(/;/g)?.length ?? 0) >= (line.match(/,/g)?.length ?? 0) ? ';' : ',';
  const header = line.split(separator).map((h) => h.trim());
  if (layout === 'long') {
    if (header.length !== 3 || header[0]!.toLowerCase() !== 'cpr')
      return { ok: false, message: 'The long layout needs the header cpr;week;code' };
    return { ok: true, separator, fieldCount: 3, weeks: new Int32Array(0), weeksIncrease: false };
  }
  const parsed = header.slice(1).map(parseIsoWeek);
  const bad = parsed.findIndex((w) => w === null);
  if (header[0]!.toLowerCase() !== 'cpr' || bad >= 0 || parsed.length === 0) {
    return {
      ok: false,
      message: `The wide layout needs the header cpr;2015-W01;…${bad >= 0 ? ` ('${header[bad + 1]}' is not an ISO week)` : ''}`,
    };
  }
  const weeks = Int32Array.from(parsed as number[]);
  return { ok: true, separator, fieldCount: header.length, weeks, weeksIncrease: weeks.every((w, i) => i === 0 || w > weeks[i - 1]!) };
}

/**
 * The municipality's citizens by CPR for the import threads: CPR as a number (10 digits fit a double
 * exactly), sorted, beside the citizen id; `lines` counts, per citizen, the lines that gave it spells
 * (shared between threads, so a citizen on several lines is found wherever its lines were read).
 */
export type CitizenLookup = { cprs: Float64Array; ids: Int32Array; lines: Int32Array };

/** Index of `cpr` (10 digits) in the lookup, or -1. */
export function findCitizen(lookup: CitizenLookup, cpr: string): number {
  const key = Number(cpr);
  let lo = 0;
  let hi = lookup.cprs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = lookup.cprs[mid]!;
    if (value < key) lo = mid + 1;
    else if (value > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** What one wide line gave: its spells, or why it is bad. */
export type WideLineSink = (category: OutcomeCategory, code: string, fromWeek: number, toWeek: number) => void;

/**
 * One wide line → its spells, emitted in week order through `emit`; the answer is null, or what makes
 * the line bad (FIELD_COUNT, UNKNOWN_CODE). The line is split at the separator and its fields trimmed, as
 * in the first import; a run breaks where the category changes, a week is empty or the header skips a
 * week; a spell's code is the smallest code in it (`compressWideLine`). The import reads lines of
 * printable ASCII on their bytes (`scanWideBytes`); this path reads the rest (blanks to trim, non-ASCII).
 */
export function scanWideLine(input: {
  line: string;
  separator: string;
  weeks: Int32Array;
  fieldCount: number;
  categoryOf: (code: string) => OutcomeCategory | undefined;
  mappingName: string;
  emit: WideLineSink;
}): LineError | null {
  const fields = input.line.split(input.separator).map((f) => f.trim());
  if (fields.length !== input.fieldCount) return fieldCountMessage(input);
  const result = compressWideLine({
    weeks: input.weeks,
    codes: fields,
    firstCode: 1,
    categoryOf: input.categoryOf,
    mappingName: input.mappingName,
  });
  if (!result.ok) return lineError('UNKNOWN_CODE', { code: result.unknownCode, mapping: input.mappingName });
  for (const spell of result.spells) input.emit(spell.category, spell.code, spell.fromWeek, spell.toWeek);
  return null;
}

function fieldCountMessage(input: { line: string; separator: string; fieldCount: number }): LineError {
  return lineError('FIELD_COUNT', { expected: input.fieldCount, found: input.line.split(input.separator).length });
}

/** The CPR field of a wide line: its 10 digits, or the bad line's message. */
export function wideLineCpr(line: string, separator: string): { cpr: string } | { error: LineError } {
  let end = line.indexOf(separator);
  if (end === -1) end = line.length;
  const field = line.slice(0, end);
  const cpr = parseCpr(field);
  return cpr.ok ? { cpr: cpr.cpr } : { error: lineError('INVALID_CPR', { cprStart: field.trim().slice(0, 6) }) };
}

/** COPY text format needs tab, newline and backslash escaped; register codes almost never have them. */
export function copyTextValue(value: string): string {
  return /[\t\n\r\\]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/** What a chunk of wide lines gave (the unit one import thread parses). */
export type WideChunkResult = {
  /** COPY text rows `municipality_id, citizen_id, category, source_code, from_week, to_week` of known citizens. */
  rows: string;
  lines: number;
  weeks: number;
  spells: number;
  storedSpells: number;
  minWeek: number;
  maxWeek: number;
  /** CPRs (as numbers) with spells that are not in the case system. */
  unknownCprs: number[];
  badLines: number;
  errors: ({ line: number } & LineError)[];
};

/** A chunk's counts before its first line. */
function emptyChunkCounts(): Omit<WideChunkResult, 'rows'> {
  return {
    lines: 0,
    weeks: 0,
    spells: 0,
    storedSpells: 0,
    minWeek: Number.MAX_SAFE_INTEGER,
    maxWeek: Number.MIN_SAFE_INTEGER,
    unknownCprs: [],
    badLines: 0,
    errors: [],
  };
}

/**
 * A chunk of whole wide lines (text, `\n` or `\r\n`, no header) whose first line has number
 * `firstLine` → COPY rows for the known citizens and the counts. After a bad line no rows are written
 * (nothing will be stored), but the rest is read so that the bad lines are reported (up to `maxErrors`).
 */
export function parseWideChunk(input: {
  text: string;
  firstLine: number;
  separator: string;
  weeks: Int32Array;
  fieldCount: number;
  categoryOf: (code: string) => OutcomeCategory | undefined;
  mappingName: string;
  municipalityId: number;
  lookup: CitizenLookup;
  maxErrors: number;
  /** Stop writing rows: an earlier chunk had a bad line. */
  failed?: boolean;
}): WideChunkResult {
  const { text, lookup } = input;
  const result: WideChunkResult = { rows: '', ...emptyChunkCounts() };
  let failed = input.failed === true;
  const escaped = new Map<string, string>();
  let rows = '';
  let prefix = '';
  let lineSpells = 0;
  const emit: WideLineSink = (category, code, fromWeek, toWeek) => {
    lineSpells += 1;
    result.weeks += toWeek - fromWeek + 1;
    if (fromWeek < result.minWeek) result.minWeek = fromWeek;
    if (toWeek > result.maxWeek) result.maxWeek = toWeek;
    if (prefix === '' || failed) return;
    let value = escaped.get(code);
    if (value === undefined) escaped.set(code, (value = copyTextValue(code)));
    rows += `${prefix}${category}\t${value}\t${fromWeek}\t${toWeek}\n`;
  };
  const fail = (lineNumber: number, error: LineError) => {
    failed = true;
    rows = '';
    result.badLines += 1;
    if (result.errors.length < input.maxErrors) result.errors.push({ line: lineNumber, ...error });
  };
  let pos = 0;
  let lineNumber = input.firstLine - 1;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    pos = end + 1;
    lineNumber += 1;
    result.lines += 1;
    if (line.length === 0 || line.trim() === '') continue;
    const cpr = wideLineCpr(line, input.separator);
    if ('error' in cpr) {
      fail(lineNumber, cpr.error);
      continue;
    }
    const at = findCitizen(lookup, cpr.cpr);
    prefix = at >= 0 ? `${input.municipalityId}\t${lookup.ids[at]}\t` : '';
    lineSpells = 0;
    const spellsBefore = result.spells;
    const error = scanWideLine({
      line,
      separator: input.separator,
      weeks: input.weeks,
      fieldCount: input.fieldCount,
      categoryOf: input.categoryOf,
      mappingName: input.mappingName,
      emit,
    });
    if (error !== null) {
      fail(lineNumber, error);
      continue;
    }
    result.spells = spellsBefore + lineSpells;
    if (lineSpells === 0) continue;
    if (at >= 0) {
      result.storedSpells += lineSpells;
      Atomics.add(lookup.lines, at, 1);
    } else result.unknownCprs.push(Number(cpr.cpr));
  }
  result.rows = failed ? '' : rows;
  return result;
}

/** An ASCII field's text (the caller has checked every byte is printable ASCII). */
function asciiText(bytes: Uint8Array, from: number, to: number): string {
  return to - from === 1
    ? String.fromCharCode(bytes[from]!)
    : String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
}

/** A growing byte buffer for COPY rows. */
function rowWriter(capacity: number) {
  let buffer = new Uint8Array(Math.max(1024, capacity));
  let length = 0;
  const room = (bytes: number) => {
    if (length + bytes <= buffer.length) return;
    const bigger = new Uint8Array(Math.max(buffer.length * 2, length + bytes));
    bigger.set(buffer.subarray(0, length));
    buffer = bigger;
  };
  return {
    get length() {
      return length;
    },
    truncate(to: number) {
      length = to;
    },
    bytes(value: Uint8Array) {
      room(value.length);
      // Byte by byte: faster than set() for the few bytes of a field.
      for (let k = 0; k < value.length; k += 1) buffer[length + k] = value[k]!;
      length += value.length;
    },
    /** A 32-bit integer, big-endian (two's complement for negatives). */
    int32(value: number) {
      room(4);
      buffer[length++] = (value >>> 24) & 255;
      buffer[length++] = (value >>> 16) & 255;
      buffer[length++] = (value >>> 8) & 255;
      buffer[length++] = value & 255;
    },
    done(): Uint8Array {
      return buffer.slice(0, length);
    },
  };
}

/** A field of a binary COPY tuple: its length (32-bit, big-endian), then its bytes. */
function lengthPrefixed(value: Uint8Array): Uint8Array {
  const field = new Uint8Array(4 + value.length);
  new DataView(field.buffer).setInt32(0, value.length);
  field.set(value, 4);
  return field;
}

/**
 * The start of a spell's binary COPY tuple: 7 fields, then id (int8, 0 until `numberSpellTuples` numbers
 * the chunk), municipality_id and citizen_id (int4).
 */
function tuplePrefix(municipalityId: number): { bytes: Uint8Array; citizen: (id: number) => void } {
  const bytes = new Uint8Array(30);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, 7);
  view.setInt32(2, 8);
  view.setInt32(14, 4);
  view.setInt32(18, municipalityId);
  view.setInt32(22, 4);
  return { bytes, citizen: (id) => view.setInt32(26, id) };
}

/**
 * Writes the ids `firstId`, `firstId + 1`, … into the spell tuples of `parseWideChunkBytes` (their first
 * field) in order, and returns how many there are. The chunks are parsed on several threads, so the ids
 * are given on the one thread that copies the chunks in order, from a range of the spells' sequence.
 */
export function numberSpellTuples(tuples: Uint8Array, firstId: number): number {
  const view = new DataView(tuples.buffer, tuples.byteOffset, tuples.byteLength);
  let at = 0;
  let count = 0;
  while (at < tuples.length) {
    const fields = view.getInt16(at);
    if (fields !== 7 || view.getInt32(at + 2) !== 8) throw new Error('numberSpellTuples: not a spell tuple');
    const id = firstId + count;
    view.setUint32(at + 6, Math.floor(id / 0x1_0000_0000));
    view.setUint32(at + 10, id >>> 0);
    at += 14;
    for (let k = 1; k < fields; k += 1) {
      const length = view.getInt32(at);
      at += 4 + (length > 0 ? length : 0);
    }
    count += 1;
  }
  return count;
}

/** A scan of one line on its bytes: null (done), an error, or 'odd' (a byte that needs the text path). */
type ByteScan = LineError | null | 'odd';
const isOddByte = (c: number) => c <= 32 || c >= 127;

/**
 * The weeks of a line of printable ASCII without blanks on its bytes, as `scanWideLine` on its text: from
 * `start` (just after the CPR field) to `end`; 'odd' when a byte needs the text path. A function of its
 * own, all state in locals: the loop over the bytes is the import's hottest.
 */
function scanWideBytes(input: {
  bytes: Uint8Array;
  lineStart: number;
  start: number;
  end: number;
  separator: string;
  weeks: Int32Array;
  fieldCount: number;
  /** The code's category and tuple fields (cached per chunk), or undefined for a code the mapping lacks. */
  infoOf: (code: string) => CodeInfo | undefined;
  mappingName: string;
  emit: (run: CodeInfo, code: CodeInfo, fromWeek: number, toWeek: number) => void;
}): ByteScan {
  const { bytes, end, weeks, infoOf, emit } = input;
  const separator = input.separator.charCodeAt(0);
  const columns = weeks.length;
  let pos = input.start;
  let previousAt = 0;
  let previousLength = -1;
  let previous: CodeInfo | undefined;
  let open = false;
  // The run's first code (its category) and its smallest code.
  let run: CodeInfo | undefined;
  let code: CodeInfo | undefined;
  let fromWeek = 0;
  let toWeek = 0;
  for (let i = 0; i < columns; i += 1) {
    if (pos > end) return fieldCountOfBytes(input);
    let stop = pos;
    let odd = false;
    for (; stop < end; stop += 1) {
      const c = bytes[stop]!;
      if (c === separator) break;
      odd ||= c <= 32 || c >= 127;
    }
    if (odd) return 'odd';
    const length = stop - pos;
    const week = weeks[i]!;
    if (length === 0) {
      if (open) emit(run!, code!, fromWeek, toWeek);
      open = false;
    } else {
      let same = length === previousLength;
      for (let k = 0; same && k < length; k += 1) same = bytes[pos + k] === bytes[previousAt + k];
      let field: CodeInfo | undefined = previous;
      if (!same) {
        const text = asciiText(bytes, pos, stop);
        field = infoOf(text);
        if (!field) {
          // The text path trims the fields of a line with blanks before it reads their codes: let it read this one.
          if (hasOddByte(bytes, stop, end)) return 'odd';
          return lineError('UNKNOWN_CODE', { code: text, mapping: input.mappingName });
        }
        previous = field;
        previousAt = pos;
        previousLength = length;
      }
      if (open && field!.category === run!.category && week === toWeek + 1) {
        toWeek = week;
        if (field!.text < code!.text) code = field;
      } else {
        if (open) emit(run!, code!, fromWeek, toWeek);
        open = true;
        run = field;
        code = field;
        fromWeek = week;
        toWeek = week;
      }
    }
    pos = stop + 1;
  }
  if (pos !== end + 1) return hasOddByte(bytes, pos, end) ? 'odd' : fieldCountOfBytes(input);
  if (open) emit(run!, code!, fromWeek, toWeek);
  return null;
}

/** A register code as the byte path uses it: its text, category and binary COPY fields (length-prefixed). */
type CodeInfo = { text: string; category: OutcomeCategory; categoryField: Uint8Array; codeField: Uint8Array };

function hasOddByte(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if (isOddByte(bytes[k]!)) return true;
  return false;
}

function fieldCountOfBytes(input: { bytes: Uint8Array; lineStart: number; end: number; separator: string; fieldCount: number }): LineError {
  const line = new TextDecoder().decode(input.bytes.subarray(input.lineStart, input.end));
  return fieldCountMessage({ line, separator: input.separator, fieldCount: input.fieldCount });
}

/**
 * `parseWideChunk` on the chunk's bytes (issue 12): the same result, the rows as PostgreSQL binary COPY
 * tuples (id, municipality_id, citizen_id, category, source_code, from_week, to_week; no stream header; the ids
 * 0 until `numberSpellTuples`), without
 * decoding the chunk to text or writing numbers as text: binary COPY is the cheaper for the server to read. A line of printable ASCII without blanks (every line of a register
 * extract) is read byte by byte; any other line (blanks to trim, non-ASCII) is decoded and read by the text
 * path, so both give the same rows, counts and errors (checked against each other in the tests).
 */
export function parseWideChunkBytes(
  input: Omit<Parameters<typeof parseWideChunk>[0], 'text'> & { bytes: Uint8Array },
): Omit<WideChunkResult, 'rows'> & { rows: Uint8Array } {
  const { bytes, lookup, weeks, categoryOf } = input;
  const separator = input.separator.charCodeAt(0);
  const result = emptyChunkCounts();
  const out = rowWriter(bytes.length >> 2);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let failed = input.failed === true;
  let storing = false;
  const prefix = tuplePrefix(input.municipalityId);
  let lineSpells = 0;
  const infos = new Map<string, CodeInfo | null>();
  const categoryFields = new Map<string, Uint8Array>();
  const infoOf = (text: string): CodeInfo | undefined => {
    let info = infos.get(text);
    if (info === undefined) {
      const category = categoryOf(text);
      let categoryField = category === undefined ? undefined : categoryFields.get(category);
      if (category !== undefined && categoryField === undefined)
        categoryFields.set(category, (categoryField = lengthPrefixed(encoder.encode(category))));
      info =
        category === undefined ? null : { text, category, categoryField: categoryField!, codeField: lengthPrefixed(encoder.encode(text)) };
      infos.set(text, info);
    }
    return info ?? undefined;
  };
  const write = (categoryField: Uint8Array, codeField: Uint8Array, fromWeek: number, toWeek: number) => {
    lineSpells += 1;
    result.weeks += toWeek - fromWeek + 1;
    if (fromWeek < result.minWeek) result.minWeek = fromWeek;
    if (toWeek > result.maxWeek) result.maxWeek = toWeek;
    if (!storing || failed) return;
    out.bytes(prefix.bytes);
    out.bytes(categoryField);
    out.bytes(codeField);
    out.int32(4);
    out.int32(fromWeek);
    out.int32(4);
    out.int32(toWeek);
  };
  const emitBytes = (run: CodeInfo, code: CodeInfo, fromWeek: number, toWeek: number) =>
    write(run.categoryField, code.codeField, fromWeek, toWeek);
  // The text path's spells (odd lines): codes and categories by text.
  const emit: WideLineSink = (category, code, fromWeek, toWeek) => {
    let categoryField = categoryFields.get(category);
    if (categoryField === undefined) categoryFields.set(category, (categoryField = lengthPrefixed(encoder.encode(category))));
    write(categoryField, infos.get(code)?.codeField ?? lengthPrefixed(encoder.encode(code)), fromWeek, toWeek);
  };
  const fail = (lineNumber: number, error: LineError) => {
    failed = true;
    out.truncate(0);
    result.badLines += 1;
    if (result.errors.length < input.maxErrors) result.errors.push({ line: lineNumber, ...error });
  };

  // The byte scan's input, one object for the chunk: only the line's positions change.
  const scanInput = {
    bytes,
    lineStart: 0,
    start: 0,
    end: 0,
    separator: input.separator,
    weeks,
    fieldCount: input.fieldCount,
    infoOf,
    mappingName: input.mappingName,
    emit: emitBytes,
  };
  let pos = 0;
  let lineNumber = input.firstLine - 1;
  while (pos < bytes.length) {
    let end = bytes.indexOf(10, pos);
    if (end === -1) end = bytes.length;
    const next = end + 1;
    if (end > pos && bytes[end - 1] === 13) end -= 1;
    const lineStart = pos;
    pos = next;
    lineNumber += 1;
    result.lines += 1;
    if (end === lineStart) continue;
    // The CPR field, then the weeks; a line with a byte that is not printable ASCII takes the text path.
    let cprEnd = lineStart;
    let odd = false;
    for (; cprEnd < end; cprEnd += 1) {
      const c = bytes[cprEnd]!;
      if (c === separator) break;
      if (isOddByte(c)) odd = true;
    }
    const rowsBefore = out.length;
    const weeksBefore = result.weeks;
    const minBefore = result.minWeek;
    const maxBefore = result.maxWeek;
    let at = -1;
    let cprNumber = 0;
    let scan: ByteScan = 'odd';
    lineSpells = 0;
    if (!odd) {
      const cpr = parseCpr(asciiText(bytes, lineStart, cprEnd));
      if (!cpr.ok) {
        for (let k = cprEnd; k < end; k += 1) if (isOddByte(bytes[k]!)) odd = true;
        if (!odd) {
          fail(lineNumber, lineError('INVALID_CPR', { cprStart: asciiText(bytes, lineStart, cprEnd).slice(0, 6) }));
          continue;
        }
      } else {
        at = findCitizen(lookup, cpr.cpr);
        cprNumber = Number(cpr.cpr);
        storing = at >= 0;
        if (storing) prefix.citizen(lookup.ids[at]!);
        scanInput.lineStart = lineStart;
        scanInput.start = cprEnd + 1;
        scanInput.end = end;
        scan = scanWideBytes(scanInput);
      }
    }
    if (scan === 'odd') {
      // Undo what the byte scan began, then the text path for this line.
      out.truncate(rowsBefore);
      result.weeks = weeksBefore;
      result.minWeek = minBefore;
      result.maxWeek = maxBefore;
      lineSpells = 0;
      const line = decoder.decode(bytes.subarray(lineStart, end));
      if (line.trim() === '') continue;
      const cpr = wideLineCpr(line, input.separator);
      if ('error' in cpr) {
        fail(lineNumber, cpr.error);
        continue;
      }
      at = findCitizen(lookup, cpr.cpr);
      cprNumber = Number(cpr.cpr);
      storing = at >= 0;
      if (storing) prefix.citizen(lookup.ids[at]!);
      scan = scanWideLine({
        line,
        separator: input.separator,
        weeks,
        fieldCount: input.fieldCount,
        categoryOf,
        mappingName: input.mappingName,
        emit,
      });
    }
    if (scan !== null) {
      // A bad line's weeks do not count (the text path finds it bad before it reads its weeks).
      result.weeks = weeksBefore;
      result.minWeek = minBefore;
      result.maxWeek = maxBefore;
      fail(lineNumber, scan);
      continue;
    }
    result.spells += lineSpells;
    if (lineSpells === 0) continue;
    if (at >= 0) {
      result.storedSpells += lineSpells;
      Atomics.add(lookup.lines, at, 1);
    } else result.unknownCprs.push(cprNumber);
  }
  return { ...result, rows: failed ? new Uint8Array(0) : out.done() };
}
