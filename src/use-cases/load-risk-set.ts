/**
 * Streams the risk set of the in-app effect analysis (definition in domain/risk-set-units.ts) from the
 * database into flat columns: slice by slice (citizen-id ranges, every quarter at once), with the next
 * slices' rows already being read by the database while this process computes the units of the current
 * one. At most `inFlight` slices of rows are alive at a time; computed slices are typed arrays, scattered
 * into quarter order (treated first, then controls, by citizen id) at the end.
 */
import type { Database } from '../db/database.ts';
import { riskSetRepository, type RiskSetChunk, type RiskSetInput } from '../db/repositories/risk-set-repository.ts';
import { dayNumberOf, riskSetUnits, type RiskSetRows, type RiskSetUnit } from '../domain/risk-set-units.ts';
import type { AnalysisOutcome, RiskSetColumns } from './analyse-risk-set.ts';

export type LoadRiskSetOptions = {
  /** Citizens per chunk (by id range): about the row objects held in memory per chunk (default 50,000; 5,000 on PGlite). */
  chunkCitizens?: number;
  /** Chunk queries running at once (1 = one after the other; default 2, 1 on PGlite). */
  inFlight?: number;
  onProgress?: (p: { chunksDone: number; chunks: number; rows: number }) => void;
};

/** Codes in order of first appearance while loading; sorted levels (as analytics' `categorical`) at the end. */
function codebook() {
  const index = new Map<string, number>();
  return {
    code(value: string): number {
      let code = index.get(value);
      if (code === undefined) index.set(value, (code = index.size));
      return code;
    },
    /** Maps first-appearance codes to codes into the sorted levels. */
    finish(): { levels: string[]; remap: Int32Array } {
      const levels = [...index.keys()].sort();
      return { levels, remap: Int32Array.from(index.keys(), (level) => levels.indexOf(level)) };
    },
  };
}

const numericFields = [
  'age',
  'publicWeeks52',
  'publicWeeks156',
  'employedWeeks156',
  'employedMonths',
  'educationMonths',
  'supportedMonths',
  'observedMonths',
] as const satisfies readonly (keyof RiskSetUnit)[];
const outcomeFields: [AnalysisOutcome, keyof RiskSetUnit & ('employment' | 'education' | 'selfSupport' | 'benefitWeeks52After')][] = [
  ['employment', 'employment'],
  ['education', 'education'],
  ['self_support', 'selfSupport'],
  ['benefit_weeks_52', 'benefitWeeks52After'],
];

/** One chunk as columns: its rows belong to segments (quarter × treated/controls), in segment order. */
type ChunkColumns = { segment: Int32Array; numeric: Float64Array[]; outcomes: Float64Array[]; codes: Int32Array[] };

export async function loadRiskSet(db: Database, input: RiskSetInput, options: LoadRiskSetOptions = {}): Promise<RiskSetColumns> {
  const repository = riskSetRepository(db);
  // The embedded database (issue 14): one connection, and each query runs on this thread, so small
  // chunks one at a time — other users' requests are answered between them instead of waiting for a
  // 50,000-citizen slice (and a chunk sent ahead would queue before them). 5,000 citizens are
  // 0.1–0.2 s of PGlite on this machine.
  const pglite = db.engine === 'pglite';
  const chunkCitizens = options.chunkCitizens ?? (pglite ? 5_000 : 50_000);
  const inFlight = Math.max(1, options.inFlight ?? (pglite ? 1 : 2));
  const quarters = await repository.quarters(input);
  const ids = await repository.citizenIdRange(input.municipalityId);
  const parts = Math.max(1, Math.ceil(ids.count / chunkCitizens));
  const width = Math.max(1, Math.ceil((ids.max - ids.min + 1) / parts));
  const chunks: RiskSetChunk[] = [];
  if (quarters.length > 0) {
    for (let from = ids.min; from <= ids.max; from += width)
      chunks.push({ quarters, citizenIdFrom: from, citizenIdTo: Math.min(ids.max, from + width - 1) });
  }
  // Segment 2q holds quarter q's treated, 2q + 1 its controls: the analysis order is quarter, treated first, citizen id.
  const books = [codebook(), codebook(), codebook()];
  const segmentSizes = new Int32Array(2 * quarters.length);

  const definition = {
    quarters,
    from: dayNumberOf(input.from),
    to: dayNumberOf(input.to),
    horizonMonths: input.horizonMonths,
    lastWeek: await repository.lastRegisterWeek(input.municipalityId),
  };
  const toColumns = (rows: RiskSetRows): ChunkColumns => {
    // At most one treated unit and one control unit per quarter for each citizen of the slice.
    const capacity = rows.citizens.id.length * (1 + quarters.length);
    const columns: ChunkColumns = {
      segment: new Int32Array(capacity),
      numeric: numericFields.map(() => new Float64Array(capacity)),
      outcomes: outcomeFields.map(() => new Float64Array(capacity)),
      codes: books.map(() => new Int32Array(capacity)),
    };
    let i = 0;
    // Fields written one by one in the order of `numericFields` and `outcomeFields` (a loop over the field
    // names reads the unit by computed keys, slower for a million units).
    const [age, public52, public156, employed156, employedMonths, educationMonths, supportedMonths, observedMonths] = columns.numeric;
    const [employment, education, selfSupport, benefitWeeks] = columns.outcomes;
    riskSetUnits(rows, definition, (unit) => {
      const segment = 2 * unit.quarterIndex + (unit.treated ? 0 : 1);
      columns.segment[i] = segment;
      segmentSizes[segment]! += 1;
      age![i] = unit.age;
      public52![i] = unit.publicWeeks52;
      public156![i] = unit.publicWeeks156;
      employed156![i] = unit.employedWeeks156;
      employedMonths![i] = unit.employedMonths;
      educationMonths![i] = unit.educationMonths;
      supportedMonths![i] = unit.supportedMonths;
      observedMonths![i] = unit.observedMonths;
      employment![i] = unit.employment;
      education![i] = unit.education;
      selfSupport![i] = unit.selfSupport;
      benefitWeeks![i] = unit.benefitWeeks52After;
      columns.codes[0]![i] = books[0]!.code(unit.gender);
      columns.codes[1]![i] = books[1]!.code(unit.origin);
      columns.codes[2]![i] = books[2]!.code(unit.targetGroup);
      i += 1;
    });
    return {
      segment: columns.segment.slice(0, i),
      numeric: columns.numeric.map((values) => values.slice(0, i)),
      outcomes: columns.outcomes.map((values) => values.slice(0, i)),
      codes: columns.codes.map((values) => values.slice(0, i)),
    };
  };

  // Up to `inFlight` chunk queries are under way; chunks are converted strictly in order.
  const loaded: ChunkColumns[] = [];
  const pending: Promise<RiskSetRows>[] = [];
  let next = 0;
  const launch = () => {
    while (next < chunks.length && pending.length < inFlight) {
      const chunk = chunks[next++]!;
      // On PGlite the next chunk is sent only after the event loop's turn: a request whose queries
      // follow one another (each waiting for the connection) then finishes before it, instead of
      // waiting a chunk per query.
      const query = pglite
        ? new Promise<void>((resolve) => setImmediate(resolve)).then(() => repository.slice(input, chunk))
        : repository.slice(input, chunk);
      // A query that fails after an earlier one already failed must not become an unhandled rejection.
      query.catch(() => {});
      pending.push(query);
    }
  };
  launch();
  let rowsLoaded = 0;
  for (let done = 0; done < chunks.length; done += 1) {
    const rows = await pending.shift()!;
    launch();
    const columns = toColumns(rows);
    loaded.push(columns);
    rowsLoaded += columns.segment.length;
    options.onProgress?.({ chunksDone: done + 1, chunks: chunks.length, rows: rowsLoaded });
  }

  // Scatter the chunks into the final columns: within a segment, chunk order is citizen-id order.
  const n = rowsLoaded;
  const offsets = new Int32Array(segmentSizes.length);
  for (let k = 1; k < offsets.length; k += 1) offsets[k] = offsets[k - 1]! + segmentSizes[k - 1]!;
  const treatment = new Uint8Array(n);
  const strata = new Int32Array(n);
  const numeric = numericFields.map(() => new Float64Array(n));
  const outcomes = outcomeFields.map(() => new Float64Array(n));
  const remaps = books.map((b) => b.finish());
  const codes = books.map(() => new Int32Array(n));
  while (loaded.length > 0) {
    const chunk = loaded.shift()!;
    for (let i = 0; i < chunk.segment.length; i += 1) {
      const segment = chunk.segment[i]!;
      const at = offsets[segment]!++;
      treatment[at] = segment % 2 === 0 ? 1 : 0;
      strata[at] = segment >> 1;
      for (let k = 0; k < numeric.length; k += 1) numeric[k]![at] = chunk.numeric[k]![i]!;
      for (let k = 0; k < outcomes.length; k += 1) outcomes[k]![at] = chunk.outcomes[k]![i]!;
      for (let k = 0; k < codes.length; k += 1) codes[k]![at] = remaps[k]!.remap[chunk.codes[k]![i]!]!;
    }
  }
  const coded = (k: number) => ({ codes: codes[k]!, levels: remaps[k]!.levels });
  return {
    n,
    treatment,
    strata,
    quarters: quarters.map((q) => q.quarter),
    age: numeric[0]!,
    gender: coded(0),
    origin: coded(1),
    targetGroup: coded(2),
    publicWeeks52: numeric[1]!,
    publicWeeks156: numeric[2]!,
    employedWeeks156: numeric[3]!,
    months: { employment: numeric[4]!, education: numeric[5]!, supported: numeric[6]!, observed: numeric[7]! },
    outcomes: Object.fromEntries(outcomeFields.map(([o], k) => [o, outcomes[k]!])) as Record<AnalysisOutcome, Float64Array>,
  };
}
