/**
 * Streams the risk set of the in-app effect analysis (definition in domain/risk-set-units.ts) from the
 * database into flat columns: slice by slice (citizen-id ranges, every quarter at once), with the next
 * slices' rows already being read by the database while this process computes the units of the current
 * one. At most `inFlight` slices of rows are alive at a time; computed slices are typed arrays, scattered
 * into quarter order (treated first, then controls, by citizen id) at the end.
 */
import type { Database } from '../db/database.ts';
import { riskSetRepository, type RiskSetChunk, type RiskSetInput } from '../db/repositories/risk-set-repository.ts';
import {
  dayNumberOf,
  numberAt,
  riskSetUnitNumbers,
  riskSetUnits,
  type RiskSetRows,
  type RiskSetUnitNumber,
} from '../domain/risk-set-units.ts';
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

/** The analysis' outcomes and the unit numbers they are. */
const outcomeNumbers: [AnalysisOutcome, RiskSetUnitNumber][] = [
  ['employment', 'employment'],
  ['education', 'education'],
  ['self_support', 'selfSupport'],
  ['benefit_weeks_52', 'benefitWeeks52After'],
];
const numberCount = riskSetUnitNumbers.length;

/**
 * One chunk as columns: its rows belong to segments (quarter × treated/controls), in segment order; the
 * units' numbers row by row (`numberCount` a unit: a copy loop into one array is as fast as writing the
 * fields one by one into a column each, and a loop over columns was 12–16 % slower for a million units).
 */
type ChunkColumns = { segment: Int32Array; numbers: Float64Array; codes: Int32Array[] };

export async function loadRiskSet(db: Database, input: RiskSetInput, options: LoadRiskSetOptions = {}): Promise<RiskSetColumns> {
  const repository = riskSetRepository(db);
  // The embedded database (issue 14): one connection, and each query runs on this thread, so small
  // chunks one at a time — other users' requests are answered between them instead of waiting for a
  // 50,000-citizen slice (and a chunk sent ahead would queue before them). 5,000 citizens are
  // 0.1–0.2 s of PGlite on this machine.
  const pglite = db.engine === 'pglite';
  const chunkCitizens = options.chunkCitizens ?? (pglite ? 5_000 : 50_000);
  const inFlight = Math.max(1, options.inFlight ?? (pglite ? 1 : 2));
  // The three reads before the slices, at once (on the server each on a connection of its own).
  const [quarters, ids, lastWeek] = await Promise.all([
    repository.quarters(input),
    repository.citizenIdRange(input.municipalityId),
    repository.lastRegisterWeek(input.municipalityId),
  ]);
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
    lastWeek,
  };
  const toColumns = (rows: RiskSetRows): ChunkColumns => {
    // At most one treated unit and one control unit per quarter for each citizen of the slice.
    const capacity = rows.citizens.id.length * (1 + quarters.length);
    const segments = new Int32Array(capacity);
    const numbers = new Float64Array(capacity * numberCount);
    const codes = books.map(() => new Int32Array(capacity));
    let i = 0;
    riskSetUnits(rows, definition, (unit) => {
      const segment = 2 * unit.quarterIndex + (unit.treated ? 0 : 1);
      segments[i] = segment;
      segmentSizes[segment]! += 1;
      const at = i * numberCount;
      const values = unit.numbers;
      for (let k = 0; k < numberCount; k += 1) numbers[at + k] = values[k]!;
      codes[0]![i] = books[0]!.code(unit.gender);
      codes[1]![i] = books[1]!.code(unit.origin);
      codes[2]![i] = books[2]!.code(unit.targetGroup);
      i += 1;
    });
    return { segment: segments.slice(0, i), numbers: numbers.slice(0, i * numberCount), codes: codes.map((values) => values.slice(0, i)) };
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
  // On shared memory: the estimation threads read the columns without a copy (analyse-risk-set-in-worker.ts).
  const treatment = new Uint8Array(new SharedArrayBuffer(n));
  const strata = new Int32Array(new SharedArrayBuffer(4 * n));
  const numbers = riskSetUnitNumbers.map(() => new Float64Array(new SharedArrayBuffer(8 * n)));
  const remaps = books.map((b) => b.finish());
  const codes = books.map(() => new Int32Array(new SharedArrayBuffer(4 * n)));
  while (loaded.length > 0) {
    const chunk = loaded.shift()!;
    for (let i = 0; i < chunk.segment.length; i += 1) {
      const segment = chunk.segment[i]!;
      const at = offsets[segment]!++;
      treatment[at] = segment % 2 === 0 ? 1 : 0;
      strata[at] = segment >> 1;
      for (let k = 0; k < numberCount; k += 1) numbers[k]![at] = chunk.numbers[i * numberCount + k]!;
      for (let k = 0; k < codes.length; k += 1) codes[k]![at] = remaps[k]!.remap[chunk.codes[k]![i]!]!;
    }
  }
  const column = (name: RiskSetUnitNumber) => numbers[numberAt[name]]!;
  const coded = (k: number) => ({ codes: codes[k]!, levels: remaps[k]!.levels });
  return {
    n,
    treatment,
    strata,
    quarters: quarters.map((q) => q.quarter),
    age: column('age'),
    gender: coded(0),
    origin: coded(1),
    targetGroup: coded(2),
    publicWeeks52: column('publicWeeks52'),
    publicWeeks156: column('publicWeeks156'),
    employedWeeks156: column('employedWeeks156'),
    months: {
      employment: column('employedMonths'),
      education: column('educationMonths'),
      supported: column('supportedMonths'),
      observed: column('observedMonths'),
    },
    outcomes: Object.fromEntries(outcomeNumbers.map(([outcome, name]) => [outcome, column(name)])) as Record<AnalysisOutcome, Float64Array>,
  };
}
