/**
 * Streams the risk set of the in-app effect analysis (definition in
 * db/repositories/effect-analysis-repository.ts) from the database into flat columns: chunk by chunk
 * (per quarter the treated, then the controls by citizen-id range), with the next chunks already running
 * on the database while this process converts the current one, so a PostgreSQL server works on one core
 * while Node works on the other. Only one chunk of row objects is alive at a time.
 */
import type { Database } from '../db/database.ts';
import { effectAnalysisRepository, type RiskSetChunk, type RiskSetInput, type RiskSetRow } from '../db/repositories/effect-analysis-repository.ts';
import { analysisOutcomes, type AnalysisOutcome, type CodedColumn, type RiskSetColumns } from './analyse-risk-set.ts';

export type LoadRiskSetOptions = {
  /** Citizens per control chunk (by id range); about the rows held in memory at once. */
  chunkCitizens?: number;
  /** Chunk queries running at once (1 = one after the other). */
  inFlight?: number;
  onProgress?: (p: { chunksDone: number; chunks: number; quarter: string; rows: number }) => void;
};

type Growable<T extends Float64Array | Int32Array | Uint8Array> = { data: T; length: number };

function grow<T extends Float64Array | Int32Array | Uint8Array>(column: Growable<T>, needed: number, make: (n: number) => T): void {
  if (needed <= column.data.length) return;
  const next = make(Math.max(needed, column.data.length * 2));
  next.set(column.data.subarray(0, column.length) as never);
  column.data = next;
}

/** Codes in order of first appearance while loading; sorted levels (as analytics' `categorical`) at the end. */
function codebook() {
  const index = new Map<string, number>();
  const codes: Growable<Int32Array> = { data: new Int32Array(1024), length: 0 };
  return {
    push(value: string) {
      let code = index.get(value);
      if (code === undefined) index.set(value, (code = index.size));
      grow(codes, codes.length + 1, (n) => new Int32Array(n));
      codes.data[codes.length++] = code;
    },
    finish(): CodedColumn {
      const levels = [...index.keys()].sort();
      const remap = Int32Array.from(index.keys(), (level) => levels.indexOf(level));
      const out = new Int32Array(codes.length);
      for (let i = 0; i < codes.length; i += 1) out[i] = remap[codes.data[i]!]!;
      return { codes: out, levels };
    },
  };
}

export async function loadRiskSet(db: Database, input: RiskSetInput, options: LoadRiskSetOptions = {}): Promise<RiskSetColumns> {
  const repository = effectAnalysisRepository(db);
  const chunkCitizens = options.chunkCitizens ?? 100_000;
  const inFlight = Math.max(1, options.inFlight ?? 2);
  const quarters = await repository.quarters(input);
  const ids = await repository.citizenIdRange(input.municipalityId);
  const parts = Math.max(1, Math.ceil(ids.count / chunkCitizens));
  const width = Math.max(1, Math.ceil((ids.max - ids.min + 1) / parts));
  const chunks: (RiskSetChunk & { stratum: number })[] = [];
  quarters.forEach((q, stratum) => {
    chunks.push({ quarter: q.quarter, indexDate: q.indexDate, treated: true, citizenIdFrom: ids.min, citizenIdTo: ids.max, stratum });
    for (let from = ids.min; from <= ids.max; from += width) {
      chunks.push({ quarter: q.quarter, indexDate: q.indexDate, treated: false, citizenIdFrom: from, citizenIdTo: Math.min(ids.max, from + width - 1), stratum });
    }
  });

  const numeric = () => ({ data: new Float64Array(1024), length: 0 }) as Growable<Float64Array>;
  const treatment: Growable<Uint8Array> = { data: new Uint8Array(1024), length: 0 };
  const strata: Growable<Int32Array> = { data: new Int32Array(1024), length: 0 };
  const age = numeric();
  const publicWeeks52 = numeric();
  const publicWeeks156 = numeric();
  const employedWeeks156 = numeric();
  const outcomeColumns = Object.fromEntries(analysisOutcomes.map((o) => [o, numeric()])) as Record<AnalysisOutcome, Growable<Float64Array>>;
  const gender = codebook();
  const origin = codebook();
  const targetGroup = codebook();
  const outcomeFields: [AnalysisOutcome, keyof RiskSetRow][] = [
    ['employment', 'employment'], ['education', 'education'], ['self_support', 'selfSupport'], ['benefit_weeks_52', 'benefitWeeks52After'],
  ];

  const append = (rows: RiskSetRow[], chunk: RiskSetChunk & { stratum: number }) => {
    const start = treatment.length;
    const end = start + rows.length;
    grow(treatment, end, (n) => new Uint8Array(n));
    grow(strata, end, (n) => new Int32Array(n));
    for (const c of [age, publicWeeks52, publicWeeks156, employedWeeks156, ...Object.values(outcomeColumns)]) grow(c, end, (n) => new Float64Array(n));
    for (let k = 0; k < rows.length; k += 1) {
      const r = rows[k]!;
      const i = start + k;
      treatment.data[i] = chunk.treated ? 1 : 0;
      strata.data[i] = chunk.stratum;
      age.data[i] = r.age;
      publicWeeks52.data[i] = r.publicWeeks52;
      publicWeeks156.data[i] = r.publicWeeks156;
      employedWeeks156.data[i] = r.employedWeeks156;
      for (const [outcome, field] of outcomeFields) outcomeColumns[outcome].data[i] = Number(r[field]);
      gender.push(r.gender);
      origin.push(r.origin);
      targetGroup.push(r.targetGroup);
    }
    for (const c of [treatment, strata, age, publicWeeks52, publicWeeks156, employedWeeks156, ...Object.values(outcomeColumns)]) c.length = end;
  };

  // Up to `inFlight` chunk queries are under way; chunks are appended strictly in order.
  const pending: Promise<RiskSetRow[]>[] = [];
  let next = 0;
  const launch = () => {
    while (next < chunks.length && pending.length < inFlight) {
      const query = repository.chunk(input, chunks[next++]!);
      // A query that fails after an earlier one already failed must not become an unhandled rejection.
      query.catch(() => {});
      pending.push(query);
    }
  };
  launch();
  for (let done = 0; done < chunks.length; done += 1) {
    const rows = await pending.shift()!;
    launch();
    append(rows, chunks[done]!);
    options.onProgress?.({ chunksDone: done + 1, chunks: chunks.length, quarter: chunks[done]!.quarter, rows: treatment.length });
  }

  const n = treatment.length;
  const trim = <T extends Float64Array | Int32Array | Uint8Array>(c: Growable<T>) => c.data.slice(0, n) as T;
  return {
    n,
    treatment: trim(treatment),
    strata: trim(strata),
    quarters: quarters.map((q) => q.quarter),
    age: trim(age),
    gender: gender.finish(),
    origin: origin.finish(),
    targetGroup: targetGroup.finish(),
    publicWeeks52: trim(publicWeeks52),
    publicWeeks156: trim(publicWeeks156),
    employedWeeks156: trim(employedWeeks156),
    outcomes: Object.fromEntries(analysisOutcomes.map((o) => [o, trim(outcomeColumns[o])])) as Record<AnalysisOutcome, Float64Array>,
  };
}
