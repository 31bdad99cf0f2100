/**
 * `npm run bench [name-filter]`: runs every bench/*.bench.ts that exports `run()`. Each benchmark prints
 * its own details and returns its rows: what was measured, the floor or baseline measured in the same
 * run, and the peak memory; the run ends with one table of them all (issue 12).
 */
import { readdirSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One line of the summary table: the ratio is `seconds / floorSeconds`. */
export type BenchRow = {
  benchmark: string;
  floor: string;
  floorSeconds: number;
  seconds: number;
  peakRssBytes: number | null;
};

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
const rows: BenchRow[] = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<BenchRow[] | void> };
  rows.push(...((await module.run()) ?? []));
}

if (rows.length > 0) {
  const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL server (TEST_DATABASE_URL)' : 'embedded PGlite';
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), load ${loadavg()[0]!.toFixed(1)} at the end, ${database}, Node ${process.version}\n`,
  );
  console.log('| benchmark | time | floor or baseline (same run) | its time | ratio | peak RSS |');
  console.log('|---|---:|---|---:|---:|---:|');
  for (const row of rows) {
    const rss = row.peakRssBytes === null ? '–' : `${(row.peakRssBytes / 1e6).toFixed(0)} MB`;
    console.log(
      `| ${row.benchmark} | ${row.seconds.toFixed(1)} s | ${row.floor} | ${row.floorSeconds.toFixed(1)} s | ${(row.seconds / row.floorSeconds).toFixed(2)}× | ${rss} |`,
    );
  }
}
