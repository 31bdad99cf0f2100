/**
 * Streams the risk set of the in-app effect analysis (definition in
 * db/repositories/risk-set-repository.ts) from the database into flat columns: chunk by chunk
 * (citizen-id ranges, every quarter at once), with the next chunk already running on the database while
 * this process converts the current one, so a PostgreSQL server works on one core while Node works on
 * the other. At most `inFlight` chunks of row objects are alive at a time; converted chunks are typed arrays,
 * scattered into quarter order (treated first, then controls, by citizen id) at the end.
 */
import type { Database } from '../db/database.ts';
import {
  riskSetFields,
  riskSetRepository,
  type RiskSetChunk,
  type RiskSetField,
  type RiskSetInput,
} from '../db/repositories/risk-set-repository.ts';
import type { AnalysisOutcome, RiskSetColumns } from './analyse-risk-set.ts';

export type LoadRiskSetOptions = {
  /** Citizens per chunk (by id range): about the row objects held in memory per chunk (default 100,000; 5,000 on PGlite). */
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
] as const;
const outcomeFields: [AnalysisOutcome, RiskSetField][] = [
  ['employment', 'employment'],
  ['education', 'education'],
  ['self_support', 'selfSupport'],
  ['benefit_weeks_52', 'benefitWeeks52After'],
];
const position = (field: RiskSetField) => riskSetFields.indexOf(field);
const numericPositions = numericFields.map(position);
const outcomePositions = outcomeFields.map(([, field]) => position(field));
const quarterAt = position('quarter');
const treatedAt = position('treated');
const genderAt = position('gender');
const originAt = position('origin');
const targetGroupAt = position('targetGroup');

/**
 * A chunk's text → the unit's fields, one line at a time: numbers parsed digit by digit, text fields as
 * strings (the same value as the line before reuses that line's string).
 */
function* unitsOfText(text: string): Generator<{ numbers: Float64Array; texts: string[] }> {
  const numbers = new Float64Array(riskSetFields.length);
  const texts: string[] = riskSetFields.map(() => '');
  let pos = 0;
  while (pos < text.length) {
    for (let k = 0; k < riskSetFields.length; k += 1) {
      let end = text.indexOf(k === riskSetFields.length - 1 ? '\n' : '\t', pos);
      if (end < 0) end = text.length;
      if (k === quarterAt || k === genderAt || k === originAt || k === targetGroupAt) {
        const previous = texts[k]!;
        if (!(end - pos === previous.length && text.startsWith(previous, pos))) texts[k] = text.slice(pos, end);
      } else {
        let value = 0;
        let negative = false;
        for (let i = pos; i < end; i += 1) {
          const c = text.charCodeAt(i);
          if (c === 45) negative = true;
          else value = value * 10 + (c - 48);
        }
        numbers[k] = negative ? -value : value;
      }
      pos = end + 1;
    }
    yield { numbers, texts };
  }
}

/** One chunk as columns: its rows belong to segments (quarter × treated/controls), in segment order. */
type ChunkColumns = { segment: Int32Array; numeric: Float64Array[]; outcomes: Float64Array[]; codes: Int32Array[] };

export async function loadRiskSet(db: Database, input: RiskSetInput, options: LoadRiskSetOptions = {}): Promise<RiskSetColumns> {
  const repository = riskSetRepository(db);
  // The embedded database (issue 14): one connection, and each query runs on this thread, so small
  // chunks one at a time — other users' requests are answered between them instead of waiting for a
  // 100,000-citizen query (and a chunk sent ahead would queue before them). 5,000 citizens are
  // 0.1–0.2 s of PGlite on this machine.
  const pglite = db.engine === 'pglite';
  const chunkCitizens = options.chunkCitizens ?? (pglite ? 5_000 : 100_000);
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
  const quarterIndex = new Map(quarters.map((q, k) => [q.quarter, k]));
  const books = [codebook(), codebook(), codebook()];
  const segmentSizes = new Int32Array(2 * quarters.length);

  const toColumns = (text: string): ChunkColumns => {
    let n = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n += 1;
    if (text.length > 0) n += 1;
    const columns: ChunkColumns = {
      segment: new Int32Array(n),
      numeric: numericFields.map(() => new Float64Array(n)),
      outcomes: outcomeFields.map(() => new Float64Array(n)),
      codes: books.map(() => new Int32Array(n)),
    };
    let i = 0;
    for (const { numbers, texts } of unitsOfText(text)) {
      const segment = 2 * quarterIndex.get(texts[quarterAt]!)! + (numbers[treatedAt] === 1 ? 0 : 1);
      columns.segment[i] = segment;
      segmentSizes[segment]! += 1;
      for (let k = 0; k < numericPositions.length; k += 1) columns.numeric[k]![i] = numbers[numericPositions[k]!]!;
      for (let k = 0; k < outcomePositions.length; k += 1) columns.outcomes[k]![i] = numbers[outcomePositions[k]!]!;
      columns.codes[0]![i] = books[0]!.code(texts[genderAt]!);
      columns.codes[1]![i] = books[1]!.code(texts[originAt]!);
      columns.codes[2]![i] = books[2]!.code(texts[targetGroupAt]!);
      i += 1;
    }
    return columns;
  };

  // Up to `inFlight` chunk queries are under way; chunks are converted strictly in order.
  const loaded: ChunkColumns[] = [];
  const pending: Promise<string>[] = [];
  let next = 0;
  const launch = () => {
    while (next < chunks.length && pending.length < inFlight) {
      const chunk = chunks[next++]!;
      // On PGlite the next chunk is sent only after the event loop's turn: a request whose queries
      // follow one another (each waiting for the connection) then finishes before it, instead of
      // waiting a chunk per query.
      const query = pglite
        ? new Promise<void>((resolve) => setImmediate(resolve)).then(() => repository.chunk(input, chunk))
        : repository.chunk(input, chunk);
      // A query that fails after an earlier one already failed must not become an unhandled rejection.
      query.catch(() => {});
      pending.push(query);
    }
  };
  launch();
  let rowsLoaded = 0;
  for (let done = 0; done < chunks.length; done += 1) {
    const text = await pending.shift()!;
    launch();
    const columns = toColumns(text);
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
