/**
 * `npm run bench [word,word…]`: runs every bench/*.bench.ts (whose name contains one of the words) that
 * exports `run()`, each in a process of its own (so one benchmark's memory is not another's peak). Each
 * prints its own details and returns its rows: what was measured, the floor or baseline measured in the
 * same run, and the peak memory; the run ends with one table of them all (issue 12).
 */
import { spawn } from 'node:child_process';
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
const marker = 'BENCH_ROWS ';

if (process.argv[2] === '--one') {
  // The child: one benchmark, its rows on a marked last line.
  const module = (await import(pathToFileURL(join(here, process.argv[3]!)).href)) as { run: () => Promise<BenchRow[] | void> };
  const rows = (await module.run()) ?? [];
  console.log(`${marker}${JSON.stringify(rows)}`);
  process.exit(0);
}

/** One benchmark in a child process: its output passed through, its rows returned. */
function runInChild(file: string): Promise<BenchRow[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let rows: BenchRow[] = [];
    let pending = '';
    child.stdout.on('data', (data: Buffer) => {
      pending += data.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith(marker)) rows = JSON.parse(line.slice(marker.length)) as BenchRow[];
        else console.log(line);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(rows) : reject(new Error(`${file} exited with ${code}`))));
  });
}

// `npm run bench register,effect-cli`: benchmarks whose file name contains any of the words.
const filters = (process.argv[2] ?? '').split(',');
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && filters.some((word) => f.includes(word)))
  .sort();
const rows: BenchRow[] = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  rows.push(...(await runInChild(file)));
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
