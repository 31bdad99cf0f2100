/**
 * Register import (issue 5 point 1): weekly public-support codes per citizen from a CSV extract, long
 * (`cpr;week;code`) or wide (`cpr;2015-W01;2015-W02;…`), comma or semicolon, UTF-8. A mapping (`dst`
 * verified, the default; `dream`, an unverified template; or an uploaded one by id) turns codes into the
 * outcome categories of domain spec §4.2; an empty week means no public support and stores nothing (§4.3).
 *
 * Built for national size with flat memory: weeks become spells while the file streams. The wide layout
 * (one citizen a line) is parsed on several threads and copied straight into `register_status_spells`
 * (`importWideExtract`, issue 12). In the long layout consecutive lines of the same CPR and category
 * extend one spell, the spells are bulk-loaded into a staging table in batches, and SQL merges what
 * touches or overlaps (so an unsorted long file gives the same spells). No per-citizen state is kept
 * beyond the current line. The import is all or nothing: any bad line leaves the database as it was,
 * and the first 100 bad lines are reported with their numbers. Citizens not in the case system are
 * counted and skipped. On a PostgreSQL server the whole import is one transaction. On the embedded
 * database (one connection, which a transaction holds) it runs in steps (issue 14): spells are staged in
 * a temporary table by short transactions, so other users' requests are answered in between, and one
 * last transaction changes the real tables; a failure drops the staging table (`importInSteps`).
 */
import type { Readable } from 'node:stream';
import { cohortReportsRepository } from '../db/repositories/cohort-reports-repository.ts';
import type { Database } from '../db/database.ts';
import { newStagingTableName, registerStatusesRepository, type StagedSpells } from '../db/repositories/register-statuses-repository.ts';
import { parseCpr } from '../domain/cpr.ts';
import { lineError, type LineError } from '../domain/import-line-error.ts';
import { numberSpellTuples, parseExtractHeader, type CitizenLookup } from '../domain/register-extract.ts';
import type { OutcomeCategory } from '../domain/outcome-categories.ts';
import { noCitizenMatchedWarning, unverifiedMappingWarning } from '../domain/register-mappings.ts';
import { canExtendSpell, extendSpell, type StatusSpell } from '../domain/register-spells.ts';
import { parseIsoWeek } from '../domain/register-week.ts';
import { AppError } from '../errors.ts';
import { loadMappingForImport } from './get-register-mapping.ts';
import { recordAudit } from './record-audit.ts';
import { sourceLines } from './source-lines.ts';
import {
  defaultParserThreads,
  parseWideChunks,
  readHeaderAndChunks,
  type LineChunk,
  type ParsedChunk,
} from './register-extract-threads.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type RegisterImportResult = {
  lines: number;
  weeks: number;
  /** Spells loaded into staging before the SQL merge (≥ spells). */
  stagedSpells: number;
  spells: number;
  /** Stored spells deleted or cut because the extract covers their weeks for their citizens. */
  replacedSpells: number;
  citizens: number;
  unknownCitizens: number;
  mapping: { id: number; name: string; verified: boolean };
  warnings: string[];
};
/** A bad line: its number, code and params (domain/import-line-error.ts) and the English message. */
export type ImportLineError = { line: number } & LineError;
export type RegisterImportProgress = { lines: number; stagedSpells: number; phase: 'reading' | 'merging' | 'done' };

const maxReportedErrors = 100;
/** The embedded database's wide import checks the foreign keys set-based from this many spells on (see `importWideExtractInSteps`). */
const stepwiseBulkFromSpells = 20_000;

export async function importRegisterStatuses(
  ctx: UseCaseContext,
  input: {
    source: Readable;
    layout: 'long' | 'wide';
    /** `dst`, `dream` or the id of an uploaded mapping. */
    mapping: string;
    onProgress?: (lines: number, progress: RegisterImportProgress) => void;
    batchSpells?: number;
    /** Long layout: from this many staged spells on, the final insert checks foreign keys set-based (see the repository). */
    bulkFromSpells?: number;
    /** The input's size when known (a file, a stored upload): the wide layout's national-size path needs it up front. */
    sizeBytes?: number;
    /** Wide layout: from this input size on, the foreign keys are checked set-based after the load (default 64 MB). */
    bulkFromBytes?: number;
    /** Wide layout: threads that parse (default: the machine's cores, at most 8; 0 = this thread) and their chunk size. */
    threads?: number;
    chunkBytes?: number;
  },
): Promise<RegisterImportResult> {
  requirePermission(ctx, 'outcomes:import');
  if (input.layout === 'wide') return importWideExtract(ctx, input);
  const batchSpells = input.batchSpells ?? 50_000;
  return importInSteps(ctx.db, async ({ db, final, stepwise }) => {
    const mapping = await loadMappingForImport({ ...ctx, db }, input.mapping);
    const categoryOf = (code: string) => mapping.codes.get(code);
    const staging = stepwise ? newStagingTableName('register_spell_staging') : undefined;
    const staged = registerStatusesRepository(db, { staging });
    await staged.createStaging({ keep: stepwise });
    try {
      return await importLongExtract(ctx, input, { mapping, categoryOf, staged, final, batchSpells, staging });
    } finally {
      if (stepwise) await staged.dropStaging();
    }
  });
}

/**
 * The import's transaction(s). On a PostgreSQL server: one transaction around everything (`db` is it,
 * `final` runs in it); other users have connections of their own. On the embedded database (issue 14):
 * no long transaction — `db` runs each statement in a short transaction of its own, so other requests
 * are answered between the import's steps, and `final` is the one transaction that changes the real tables.
 */
async function importInSteps<T>(
  db: Database,
  work: (steps: { db: Database; final: <R>(step: (tx: Database) => Promise<R>) => Promise<R>; stepwise: boolean }) => Promise<T>,
): Promise<T> {
  if (db.engine !== 'pglite') return db.transaction((tx) => work({ db: tx, final: (step) => step(tx), stepwise: false }));
  return work({ db, final: (step) => db.transaction(step), stepwise: true });
}

/** The long layout's reading and staging, then its merge in `final` (see `importRegisterStatuses`). */
async function importLongExtract(
  ctx: UseCaseContext,
  input: Parameters<typeof importRegisterStatuses>[1],
  state: {
    mapping: ImportMapping;
    categoryOf: (code: string) => OutcomeCategory | undefined;
    staged: ReturnType<typeof registerStatusesRepository>;
    final: <R>(step: (tx: Database) => Promise<R>) => Promise<R>;
    batchSpells: number;
    staging: string | undefined;
  },
): Promise<RegisterImportResult> {
  const { mapping, categoryOf, batchSpells } = state;
  // In steps (PGlite): each batch after the event loop's turn, so that queued requests go first.
  const stage = state.staging
    ? (batch: StagedSpells) => yieldToOtherRequests().then(() => state.staged.stageSpells(batch))
    : state.staged.stageSpells;

  const errors: ImportLineError[] = [];
  let badLines = 0;
  let lineNumber = 0;
  let weeks = 0;
  let stagedSpells = 0;
  const report = (phase: RegisterImportProgress['phase']) => input.onProgress?.(lineNumber, { lines: lineNumber, stagedSpells, phase });

  // One batch is filled while the previous one loads (the server works while this process parses).
  let batch: StagedSpells = emptyBatch();
  let loading: Promise<void> = Promise.resolve();
  let loadError: unknown = null;
  const flush = async () => {
    await loading;
    if (loadError) throw loadError;
    if (batch.cpr.length === 0) return;
    const full = batch;
    batch = emptyBatch();
    stagedSpells += full.cpr.length;
    loading = stage(full).catch((error: unknown) => {
      loadError = error;
    });
  };
  const push = (cpr: string, line: number, spell: StatusSpell) => {
    // After the first bad line nothing will be stored: keep reading only to report the other bad lines.
    if (badLines > 0) return;
    batch.cpr.push(cpr);
    batch.line.push(line);
    batch.category.push(spell.category);
    batch.code.push(spell.code);
    batch.fromWeek.push(spell.fromWeek);
    batch.toWeek.push(spell.toWeek);
  };
  const fail = (error: LineError) => {
    badLines += 1;
    if (errors.length < maxReportedErrors) errors.push({ line: lineNumber, ...error });
  };

  let separator: string | null = null;
  let fieldCount = 0;
  // Long layout: the spell being extended by consecutive lines of the same CPR, and small caches.
  let current: { cpr: string; line: number; spell: StatusSpell } | null = null;
  let lastCprText = '';
  let lastCpr: string | null = null;
  const weekCache = new Map<string, number | null>();
  const closeCurrent = () => {
    if (current) push(current.cpr, current.line, current.spell);
    current = null;
  };

  for await (const raw of sourceLines(input.source)) {
    lineNumber += 1;
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    if (separator === null) {
      const header = parseExtractHeader(line, 'long');
      if (!header.ok) throw new AppError('INVALID_INPUT', header.message, { line: 1 });
      separator = header.separator;
      fieldCount = header.fieldCount;
      continue;
    }
    let fields = line.split(separator);
    if (line.includes(' ') || line.includes('\t')) fields = fields.map((f) => f.trim());
    if (fields.length !== fieldCount) {
      fail(lineError('FIELD_COUNT', { expected: fieldCount, found: fields.length }));
      continue;
    }
    const [cprText, weekText, code] = fields as [string, string, string];
    if (cprText !== lastCprText) {
      const parsed = parseCpr(cprText);
      lastCprText = cprText;
      lastCpr = parsed.ok ? parsed.cpr : null;
    }
    let week = weekCache.get(weekText);
    if (week === undefined) {
      week = parseIsoWeek(weekText);
      if (weekCache.size < 10_000) weekCache.set(weekText, week);
    }
    if (lastCpr === null) fail(lineError('INVALID_CPR', { cprStart: cprText.trim().slice(0, 6) }));
    else if (week === null) fail(lineError('INVALID_ISO_WEEK', { value: weekText }));
    else if (code !== '') {
      const category: OutcomeCategory | undefined = categoryOf(code);
      if (!category) fail(lineError('UNKNOWN_CODE', { code, mapping: mapping.name }));
      else {
        weeks += 1;
        const open = current as { cpr: string; line: number; spell: StatusSpell } | null;
        if (open && open.cpr === lastCpr && canExtendSpell(open.spell, week, category)) extendSpell(open.spell, week, code);
        else {
          closeCurrent();
          current = { cpr: lastCpr, line: lineNumber, spell: { category, code, fromWeek: week, toWeek: week } };
        }
      }
    }
    if (batch.cpr.length >= batchSpells) await flush();
    if (lineNumber % 10_000 === 0) report('reading');
  }
  closeCurrent();
  await flush();
  await flush();
  if (badLines > 0) {
    throw new AppError('INVALID_INPUT', `${badLines} bad line(s); nothing was imported`, { errors, badLines });
  }
  report('merging');
  return state.final(async (tx) => {
    const statuses = registerStatusesRepository(tx, { staging: state.staging });
    const known = await statuses.countStagedCitizens(ctx.actor.municipalityId);
    const replacedSpells = await statuses.clearCoveredWeeks(ctx.actor.municipalityId);
    const spells = await statuses.insertMergedSpells(ctx.actor.municipalityId, {
      bulk: stagedSpells >= (input.bulkFromSpells ?? 1_000_000),
    });
    // R-DEL-2: statuses computed from the old spells are recomputed from the new ones on the next report.
    await cohortReportsRepository(tx).forgetStatuses(ctx.actor.municipalityId);
    report('done');
    const warnings = mapping.verified ? [] : [unverifiedMappingWarning(mapping.name)];
    if (known.citizens === 0) warnings.push(noCitizenMatchedWarning);
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'create', entity: 'register_statuses', criterion: `import:${input.layout}:${mapping.name}:${weeks} weeks` },
    );
    return {
      lines: lineNumber,
      weeks,
      stagedSpells,
      spells,
      replacedSpells,
      citizens: known.citizens,
      unknownCitizens: known.unknown,
      mapping: { id: mapping.id, name: mapping.name, verified: mapping.verified },
      warnings,
    };
  });
}

function emptyBatch(): StagedSpells {
  return { cpr: [], line: [], category: [], code: [], fromWeek: [], toWeek: [] };
}

type WideInput = Parameters<typeof importRegisterStatuses>[1];
type ImportMapping = Awaited<ReturnType<typeof loadMappingForImport>>;

/** The wide layout's running totals over the parsed chunks: counts, the first bad lines, unknown CPR numbers. */
function wideTally() {
  const errors: ImportLineError[] = [];
  const unknown = new Set<number>();
  const totals = {
    lines: 1,
    weeks: 0,
    spells: 0,
    stored: 0,
    badLines: 0,
    minWeek: Number.MAX_SAFE_INTEGER,
    maxWeek: Number.MIN_SAFE_INTEGER,
  };
  return {
    errors,
    unknown,
    totals,
    add(chunk: ParsedChunk): void {
      totals.lines += chunk.lines;
      totals.weeks += chunk.weeks;
      totals.spells += chunk.spells;
      totals.stored += chunk.storedSpells;
      totals.badLines += chunk.badLines;
      totals.minWeek = Math.min(totals.minWeek, chunk.minWeek);
      totals.maxWeek = Math.max(totals.maxWeek, chunk.maxWeek);
      for (const error of chunk.errors) if (errors.length < maxReportedErrors) errors.push(error);
      for (const cpr of chunk.unknownCprs) unknown.add(cpr);
    },
    /** Throws the bad lines (nothing is stored) when there are any. */
    refuseBadLines(): void {
      if (totals.badLines > 0) {
        throw new AppError('INVALID_INPUT', `${totals.badLines} bad line(s); nothing was imported`, { errors, badLines: totals.badLines });
      }
    },
  };
}

/** The header of a wide extract and the chunks after it; a bad header is refused (line 1). */
async function readWideHeader(input: WideInput) {
  const { header: headerLine, chunks } = await readHeaderAndChunks(input.source, input.chunkBytes ?? 2 * 1024 * 1024);
  const header = parseExtractHeader(headerLine ?? '', 'wide');
  if (!header.ok) {
    await chunks.return(undefined);
    throw new AppError('INVALID_INPUT', header.message, { line: 1 });
  }
  return { header, chunks };
}

function parseWide(
  input: WideInput,
  header: { separator: string; weeks: Int32Array; fieldCount: number },
  chunks: AsyncGenerator<LineChunk>,
  mapping: ImportMapping,
  municipalityId: number,
  lookup: CitizenLookup,
): AsyncGenerator<ParsedChunk> {
  return parseWideChunks(
    chunks,
    {
      separator: header.separator,
      weeks: header.weeks,
      fieldCount: header.fieldCount,
      codes: mapping.codes,
      mappingName: mapping.name,
      municipalityId,
      lookup,
      maxErrors: maxReportedErrors,
    },
    { threads: input.threads ?? defaultParserThreads() },
  );
}

/**
 * The wide layout (issue 12): one citizen a line, so a line's spells are final. The extract is parsed
 * on several threads in chunks (register-extract-threads.ts) with the citizens' ids looked up there, and
 * the spells are copied straight into `register_status_spells` — one COPY, no staging table and no
 * sort. Afterwards only what needs it is merged: citizens on several lines (or every citizen when the
 * header's weeks do not increase), and the stored weeks the extract covers for the citizens it names.
 * The spells table is locked against other writers until commit, so this import's rows are exactly
 * those above the last id before it. On the embedded database the import runs in steps instead
 * (`importWideExtractInSteps`).
 */
async function importWideExtract(ctx: UseCaseContext, input: WideInput): Promise<RegisterImportResult> {
  if (ctx.db.engine === 'pglite') return importWideExtractInSteps(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const municipalityId = ctx.actor.municipalityId;
    const mapping = await loadMappingForImport({ ...ctx, db: tx }, input.mapping);
    const statuses = registerStatusesRepository(tx);
    const { header, chunks } = await readWideHeader(input);
    const { lastIdBefore, firstId } = await statuses.lockAndLastSpellId(municipalityId);
    const lookup = await statuses.citizenLookup(municipalityId);
    const bulk = (input.sizeBytes ?? 0) >= (input.bulkFromBytes ?? 64 * 1024 * 1024);
    if (bulk) await statuses.dropSpellKeys();

    const tally = wideTally();
    const report = (phase: RegisterImportProgress['phase']) =>
      input.onProgress?.(tally.totals.lines, { lines: tally.totals.lines, stagedSpells: tally.totals.spells, phase });
    const parsed = parseWide(input, header, chunks, mapping, municipalityId, lookup);
    let nextId = firstId;
    async function* rows(): AsyncGenerator<Uint8Array> {
      for await (const chunk of parsed) {
        tally.add(chunk);
        report('reading');
        // After the first bad line nothing will be stored: keep reading only to report the other bad lines.
        if (tally.totals.badLines === 0) {
          nextId += numberSpellTuples(chunk.rows, nextId);
          yield chunk.rows;
        }
      }
    }
    await statuses.copySpells(rows());
    tally.refuseBadLines();
    if (nextId > firstId) await statuses.claimSpellIds(nextId - 1);
    report('merging');
    const result = await finishWideImport(ctx, tx, { mapping, lookup, weeksIncrease: header.weeksIncrease, tally, lastIdBefore, bulk });
    report('done');
    return result;
  });
}

/**
 * The wide layout on the embedded database (issue 14). PGlite is one connection and a transaction holds
 * it, so the one-transaction import above would leave every other user waiting until it ends. Here the
 * parsed spells go into a temporary staging table, one short transaction per chunk (about 2 MB of the
 * extract), and other requests are answered between them; then one transaction moves them into
 * `register_status_spells` set-based and merges as above. A bad line, or any failure, drops the staging
 * table and leaves the real tables as they were (all or nothing, as on a server).
 */
async function importWideExtractInSteps(ctx: UseCaseContext, input: WideInput): Promise<RegisterImportResult> {
  const municipalityId = ctx.actor.municipalityId;
  const { header, chunks } = await readWideHeader(input);
  const { mapping, lookup } = await ctx.db
    .transaction(async (tx) => ({
      mapping: await loadMappingForImport({ ...ctx, db: tx }, input.mapping),
      lookup: await registerStatusesRepository(tx).citizenLookup(municipalityId),
    }))
    .catch(async (error: unknown) => {
      await chunks.return(undefined);
      throw error;
    });
  const staged = registerStatusesRepository(ctx.db, { staging: newStagingTableName('register_wide_staging') });
  const tally = wideTally();
  const report = (phase: RegisterImportProgress['phase']) =>
    input.onProgress?.(tally.totals.lines, { lines: tally.totals.lines, stagedSpells: tally.totals.spells, phase });
  await staged.createWideStaging();
  try {
    for await (const chunk of parseWide(input, header, chunks, mapping, municipalityId, lookup)) {
      tally.add(chunk);
      report('reading');
      // After the first bad line nothing will be stored: keep reading only to report the other bad lines.
      if (tally.totals.badLines === 0) await staged.stageWideRows(chunk.rows);
      await yieldToOtherRequests();
    }
    tally.refuseBadLines();
    report('merging');
    const result = await ctx.db.transaction(async (tx) => {
      const statuses = registerStatusesRepository(tx, { staging: staged.stagingTable });
      const { lastIdBefore } = await statuses.lockAndLastSpellId(municipalityId);
      // This transaction holds the only connection, so its length is what other users wait: the two
      // foreign keys are checked set-based (dropped and added again; 20,000 citizens: 1.5 s instead of
      // 5.5 s) unless the spells already stored are many more than this import's (adding the keys
      // checks them all).
      const stored = tally.totals.stored;
      const bulk =
        (input.sizeBytes ?? 0) >= (input.bulkFromBytes ?? 64 * 1024 * 1024) ||
        (stored >= stepwiseBulkFromSpells && 2 * stored >= (await statuses.spellIdCeiling()));
      if (bulk) await statuses.dropSpellKeys();
      await statuses.insertStagedWideSpells();
      await statuses.dropStaging();
      return finishWideImport(ctx, tx, { mapping, lookup, weeksIncrease: header.weeksIncrease, tally, lastIdBefore, bulk });
    });
    report('done');
    return result;
  } finally {
    await staged.dropStaging();
  }
}

/** Lets the requests queued on the embedded database's one connection run before the import's next step. */
export function yieldToOtherRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The wide import's last part, in its transaction after the spells were stored (ids above
 * `lastIdBefore`): citizens on several lines merged, the covered weeks of the named citizens' older
 * spells cleared, the foreign keys back (`bulk`), stored outcome statuses forgotten, the audit row.
 */
async function finishWideImport(
  ctx: UseCaseContext,
  tx: Database,
  state: {
    mapping: ImportMapping;
    lookup: CitizenLookup;
    weeksIncrease: boolean;
    tally: ReturnType<typeof wideTally>;
    lastIdBefore: number;
    bulk: boolean;
  },
): Promise<RegisterImportResult> {
  const { mapping, lookup, lastIdBefore, bulk } = state;
  const { totals, unknown } = state.tally;
  const municipalityId = ctx.actor.municipalityId;
  const statuses = registerStatusesRepository(tx);
  const named: number[] = [];
  const repeated: number[] = [];
  for (let i = 0; i < lookup.ids.length; i += 1) {
    const lines = lookup.lines[i]!;
    if (lines === 0) continue;
    named.push(lookup.ids[i]!);
    if (lines > 1 || !state.weeksIncrease) repeated.push(lookup.ids[i]!);
  }
  // Merge first: the cut of old spells below adds rows above the last id too.
  const merged = await statuses.mergeImportedSpellsOf(municipalityId, repeated, lastIdBefore);
  let replacedSpells = 0;
  if (lastIdBefore > 0 && named.length > 0) {
    await statuses.stageNamedCitizens(named);
    replacedSpells = await statuses.clearWeeksOfNamedCitizens(municipalityId, totals.minWeek, totals.maxWeek, lastIdBefore);
  }
  if (bulk) await statuses.addSpellKeys();
  // R-DEL-2: statuses computed from the old spells are recomputed from the new ones on the next report.
  await cohortReportsRepository(tx).forgetStatuses(municipalityId);
  await recordAudit(
    { ...ctx, db: tx },
    { action: 'create', entity: 'register_statuses', criterion: `import:wide:${mapping.name}:${totals.weeks} weeks` },
  );
  return {
    lines: totals.lines,
    weeks: totals.weeks,
    stagedSpells: totals.spells,
    spells: totals.stored - merged.removed + merged.stored,
    replacedSpells,
    citizens: named.length,
    unknownCitizens: unknown.size,
    mapping: { id: mapping.id, name: mapping.name, verified: mapping.verified },
    warnings: [
      ...(mapping.verified ? [] : [unverifiedMappingWarning(mapping.name)]),
      ...(named.length === 0 ? [noCitizenMatchedWarning] : []),
    ],
  };
}
