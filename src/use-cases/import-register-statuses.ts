/**
 * Register import (issue 5 point 1): weekly public-support codes per citizen from a CSV extract, long
 * (`cpr;week;code`) or wide (`cpr;2015-W01;2015-W02;…`), comma or semicolon, UTF-8. Codes are mapped to
 * outcome categories (DST mapping by default); an empty week means no public support and stores nothing.
 * Lines stream into a staging table (flat memory) and are turned into spells in SQL; the whole import is
 * one transaction: any bad line leaves the database as it was, and every bad line is reported with its
 * number. Citizens not in the case system are counted and skipped.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { cohortReportsRepository } from '../db/repositories/cohort-reports-repository.ts';
import { parseCpr } from '../domain/cpr.ts';
import { dstMapping, type OutcomeCategory } from '../domain/outcome-categories.ts';
import { parseIsoWeek } from '../domain/register-week.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import type { UseCaseContext } from './use-case-context.ts';

export type RegisterImportResult = { lines: number; weeks: number; spells: number; citizens: number; unknownCitizens: number };
export type ImportLineError = { line: number; message: string };

const batchSize = 2000;

export async function importRegisterStatuses(
  ctx: UseCaseContext,
  input: { source: Readable; layout: 'long' | 'wide'; mapping: 'dst'; onProgress?: (lines: number) => void },
): Promise<RegisterImportResult> {
  if (!['admin', 'coordinator', 'manager'].includes(ctx.actor.role)) throw new AppError('FORBIDDEN', 'Only admins, coordinators and managers import register data');
  const mapping: Record<string, OutcomeCategory> = dstMapping;
  return ctx.db.transaction(async (tx) => {
    await tx.exec('create temp table if not exists register_staging (cpr text, week integer, category text, code text) on commit drop');
    await tx.exec('delete from register_staging');
    const errors: ImportLineError[] = [];
    let separator: string | null = null;
    let header: string[] = [];
    let weekColumns: (number | null)[] = [];
    let lineNumber = 0;
    let weeks = 0;
    let batch: { cpr: string; week: number; category: string; code: string }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.query('insert into register_staging (cpr, week, category, code) select * from unnest($1::text[], $2::int[], $3::text[], $4::text[])', [
        batch.map((r) => r.cpr), batch.map((r) => r.week), batch.map((r) => r.category), batch.map((r) => r.code),
      ]);
      batch = [];
    };
    const fail = (message: string) => {
      if (errors.length < 100) errors.push({ line: lineNumber, message });
    };
    const add = (cprText: string, week: number, code: string) => {
      const cpr = parseCpr(cprText);
      if (!cpr.ok) return fail(`invalid CPR '${cprText.slice(0, 6)}…'`);
      const category = mapping[code];
      if (!category) return fail(`unknown code '${code}' in the ${input.mapping} mapping`);
      batch.push({ cpr: cpr.cpr, week, category, code });
      weeks += 1;
    };
    const lines = createInterface({ input: input.source, crlfDelay: Infinity });
    for await (const raw of lines) {
      lineNumber += 1;
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      if (separator === null) {
        separator = (line.match(/;/g)?.length ?? 0) >= (line.match(/,/g)?.length ?? 0) ? ';' : ',';
        header = line.split(separator).map((h) => h.trim());
        if (input.layout === 'long' && (header.length !== 3 || header[0]!.toLowerCase() !== 'cpr')) {
          throw new AppError('INVALID_INPUT', 'The long layout needs the header cpr;week;code', { line: 1 });
        }
        if (input.layout === 'wide') {
          weekColumns = header.slice(1).map(parseIsoWeek);
          const bad = weekColumns.findIndex((w) => w === null);
          if (header[0]!.toLowerCase() !== 'cpr' || bad >= 0) {
            throw new AppError('INVALID_INPUT', `The wide layout needs the header cpr;2015-W01;…${bad >= 0 ? ` ('${header[bad + 1]}' is not an ISO week)` : ''}`, { line: 1 });
          }
        }
        continue;
      }
      const fields = line.split(separator).map((f) => f.trim());
      if (fields.length !== header.length) {
        fail(`expected ${header.length} fields, found ${fields.length}`);
        continue;
      }
      if (input.layout === 'long') {
        const week = parseIsoWeek(fields[1]!);
        if (week === null) fail(`'${fields[1]}' is not an ISO week like 2015-W07`);
        else if (fields[2] !== '') add(fields[0]!, week, fields[2]!);
      } else {
        for (let j = 1; j < fields.length; j += 1) if (fields[j] !== '') add(fields[0]!, weekColumns[j - 1]!, fields[j]!);
      }
      if (batch.length >= batchSize) await flush();
      if (lineNumber % 10_000 === 0) input.onProgress?.(lineNumber);
    }
    await flush();
    if (errors.length > 0) throw new AppError('INVALID_INPUT', `${errors.length} bad line(s); nothing was imported`, { errors });
    const [known] = await tx.query<{ citizens: number; unknown: number }>(
      `select count(distinct c.id) as citizens, count(distinct s.cpr) filter (where c.id is null) as unknown
       from register_staging s left join citizens c on c.cpr = s.cpr and c.municipality_id = $1`,
      [ctx.actor.municipalityId],
    );
    // Gaps and islands: consecutive weeks with the same category become one spell.
    const inserted = await tx.query<{ id: number }>(
      `insert into register_status_spells (municipality_id, citizen_id, category, source_code, from_week, to_week)
       select $1, c.id, s.category, min(s.code), min(s.week), max(s.week)
       from (select cpr, category, code, week, week - dense_rank() over (partition by cpr, category order by week) as island
             from (select distinct cpr, category, code, week from register_staging) d) s
       join citizens c on c.cpr = s.cpr and c.municipality_id = $1
       group by c.id, s.category, s.island
       returning id`,
      [ctx.actor.municipalityId],
    );
    // R-DEL-2: statuses computed from the old spells are recomputed from the new ones on the next report.
    await cohortReportsRepository(tx).forgetStatuses(ctx.actor.municipalityId);
    input.onProgress?.(lineNumber);
    await recordAudit({ ...ctx, db: tx }, { action: 'create', entity: 'register_statuses', criterion: `import:${input.layout}:${weeks} weeks` });
    return { lines: lineNumber, weeks, spells: inserted.length, citizens: known?.citizens ?? 0, unknownCitizens: known?.unknown ?? 0 };
  });
}
