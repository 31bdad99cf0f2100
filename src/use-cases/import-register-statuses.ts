/**
 * Register import (issue 5 point 1): weekly public-support codes per citizen from a CSV extract, long
 * (`cpr;week;code`) or wide (`cpr;2015-W01;2015-W02;…`), comma or semicolon, UTF-8. A mapping (`dst`
 * verified, the default; `dream`, an unverified template; or an uploaded one by id) turns codes into the
 * outcome categories of domain spec §4.2; an empty week means no public support and stores nothing (§4.3).
 *
 * Built for national size with flat memory: weeks become spells while the file streams (a wide line is
 * one citizen; in the long layout consecutive lines of the same CPR and category extend one spell), the
 * spells are bulk-loaded into a staging table in batches, and SQL merges what touches or overlaps (so an
 * unsorted long file gives the same spells) into `register_status_spells`. No per-citizen state is kept
 * beyond the current line. The whole import is one transaction: any bad line leaves the database as it
 * was, and the first 100 bad lines are reported with their numbers. Citizens not in the case system are
 * counted and skipped.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { cohortReportsRepository } from '../db/repositories/cohort-reports-repository.ts';
import { registerStatusesRepository, type StagedSpells } from '../db/repositories/register-statuses-repository.ts';
import { parseCpr } from '../domain/cpr.ts';
import type { OutcomeCategory } from '../domain/outcome-categories.ts';
import { noCitizenMatchedWarning, unverifiedMappingWarning } from '../domain/register-mappings.ts';
import { canExtendSpell, compressWideLine, extendSpell, type StatusSpell } from '../domain/register-spells.ts';
import { parseIsoWeek } from '../domain/register-week.ts';
import { AppError } from '../errors.ts';
import { loadMappingForImport } from './get-register-mapping.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type RegisterImportResult = {
  lines: number;
  weeks: number;
  /** Spells loaded into staging before the SQL merge (≥ spells). */
  stagedSpells: number;
  spells: number;
  citizens: number;
  unknownCitizens: number;
  mapping: { id: number; name: string; verified: boolean };
  warnings: string[];
};
export type ImportLineError = { line: number; message: string };
export type RegisterImportProgress = { lines: number; stagedSpells: number; phase: 'reading' | 'merging' | 'done' };

const maxReportedErrors = 100;

export async function importRegisterStatuses(
  ctx: UseCaseContext,
  input: {
    source: Readable;
    layout: 'long' | 'wide';
    /** `dst`, `dream` or the id of an uploaded mapping. */
    mapping: string;
    onProgress?: (lines: number, progress: RegisterImportProgress) => void;
    /** How staged spells are bulk-loaded: COPY (default) or multi-row insert from unnest (measured in bench/). */
    staging?: 'copy' | 'unnest';
    batchSpells?: number;
    /** From this many staged spells on, the final insert checks foreign keys set-based (see the repository). */
    bulkFromSpells?: number;
  },
): Promise<RegisterImportResult> {
  requirePermission(ctx, 'outcomes:import');
  const batchSpells = input.batchSpells ?? 50_000;
  return ctx.db.transaction(async (tx) => {
    const mapping = await loadMappingForImport({ ...ctx, db: tx }, input.mapping);
    const categoryOf = (code: string) => mapping.codes.get(code);
    const statuses = registerStatusesRepository(tx);
    await statuses.createStaging();
    const stage = input.staging === 'unnest' ? statuses.stageSpellsByUnnest : statuses.stageSpells;

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
    const fail = (message: string) => {
      badLines += 1;
      if (errors.length < maxReportedErrors) errors.push({ line: lineNumber, message });
    };

    let separator: string | null = null;
    let fieldCount = 0;
    let weekColumns = new Int32Array(0);
    // Long layout: the spell being extended by consecutive lines of the same CPR, and small caches.
    let current: { cpr: string; line: number; spell: StatusSpell } | null = null;
    let lastCprText = '';
    let lastCpr: string | null = null;
    const weekCache = new Map<string, number | null>();
    const closeCurrent = () => {
      if (current) push(current.cpr, current.line, current.spell);
      current = null;
    };

    const lines = createInterface({ input: input.source, crlfDelay: Infinity });
    for await (const raw of lines) {
      lineNumber += 1;
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      if (separator === null) {
        separator = (line.match(/;/g)?.length ?? 0) >= (line.match(/,/g)?.length ?? 0) ? ';' : ',';
        const header = line.split(separator).map((h) => h.trim());
        fieldCount = header.length;
        if (input.layout === 'long' && (header.length !== 3 || header[0]!.toLowerCase() !== 'cpr')) {
          throw new AppError('INVALID_INPUT', 'The long layout needs the header cpr;week;code', { line: 1 });
        }
        if (input.layout === 'wide') {
          const parsed = header.slice(1).map(parseIsoWeek);
          const bad = parsed.findIndex((w) => w === null);
          if (header[0]!.toLowerCase() !== 'cpr' || bad >= 0 || parsed.length === 0) {
            throw new AppError(
              'INVALID_INPUT',
              `The wide layout needs the header cpr;2015-W01;…${bad >= 0 ? ` ('${header[bad + 1]}' is not an ISO week)` : ''}`,
              { line: 1 },
            );
          }
          weekColumns = Int32Array.from(parsed as number[]);
        }
        continue;
      }
      let fields = line.split(separator);
      if (line.includes(' ') || line.includes('\t')) fields = fields.map((f) => f.trim());
      if (fields.length !== fieldCount) {
        fail(`expected ${fieldCount} fields, found ${fields.length}`);
        continue;
      }
      if (input.layout === 'wide') {
        const cpr = parseCpr(fields[0]!);
        if (!cpr.ok) {
          fail(`invalid CPR '${fields[0]!.slice(0, 6)}…'`);
          continue;
        }
        const result = compressWideLine({ weeks: weekColumns, codes: fields, firstCode: 1, categoryOf, mappingName: mapping.name });
        if (!result.ok) {
          fail(result.message);
          continue;
        }
        for (const spell of result.spells) {
          weeks += spell.toWeek - spell.fromWeek + 1;
          push(cpr.cpr, lineNumber, spell);
        }
      } else {
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
        if (lastCpr === null) fail(`invalid CPR '${cprText.slice(0, 6)}…'`);
        else if (week === null) fail(`'${weekText}' is not an ISO week like 2015-W07`);
        else if (code !== '') {
          const category: OutcomeCategory | undefined = categoryOf(code);
          if (!category) fail(`unknown code '${code}' in the ${mapping.name} mapping`);
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
    const known = await statuses.countStagedCitizens(ctx.actor.municipalityId);
    // A wide line's spells are final when its week columns increase; only citizens on several lines need the merge.
    const linesAreFinal = input.layout === 'wide' && weekColumns.every((week, i) => i === 0 || week > weekColumns[i - 1]!);
    const replacedSpells = await statuses.clearCoveredWeeks(ctx.actor.municipalityId);
    const spells = await statuses.insertMergedSpells(ctx.actor.municipalityId, {
      bulk: stagedSpells >= (input.bulkFromSpells ?? 1_000_000),
      linesAreFinal,
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
