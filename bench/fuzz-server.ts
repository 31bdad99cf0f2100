/**
 * `npx tsx bench/fuzz-server.ts [base-url]` — the fuzz variants of src/api/test-fuzz.ts over real HTTP
 * (issue 10), against a running server (`npm start`, demo data, user `sara`) or, without a URL, against
 * one started here on a fresh embedded database. Prints the answers by status class; exits 1 on any 5xx
 * or when the server stops answering.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzVariants, type OpenApiDocument } from '../src/api/test-fuzz.ts';
import { startMentorspor } from '../src/start-mentorspor.ts';

const given = process.argv[2];
const dataDir = given ? null : mkdtempSync(join(tmpdir(), 'mentorspor-fuzz-'));
const server = given ? null : await startMentorspor({ port: 0, dataDir: dataDir!, demo: 'always', log: () => {} });
const base = (given ?? server!.url).replace(/\/$/, '');
const origin = new URL(base).origin;

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { origin, 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'sara', password: 'mentorspor' }),
});
if (login.status !== 200) throw new Error(`login as sara failed: ${login.status}`);
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApiDocument;
const variants = fuzzVariants(doc, { origin });
const byClass = new Map<string, number>();
const serverErrors: string[] = [];
const accepted: string[] = [];
const started = performance.now();
for (const variant of variants) {
  const response = await fetch(`${base}${variant.url}`, {
    method: variant.method,
    headers: { ...variant.headers, cookie },
    body: variant.payload,
  });
  await response.arrayBuffer();
  const statusClass = `${String(response.status)[0]}xx`;
  byClass.set(statusClass, (byClass.get(statusClass) ?? 0) + 1);
  if (response.status >= 500) serverErrors.push(`${variant.label} → ${response.status}`);
  if (response.status < 400) accepted.push(`${variant.label} → ${response.status}`);
}
const alive = (await fetch(`${base}/api/health`)).status === 200;
console.log(`fuzz: ${variants.length} invalid requests in ${((performance.now() - started) / 1000).toFixed(1)} s against ${base}`);
console.log(
  `answers: ${[...byClass]
    .sort()
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}; 5xx: ${serverErrors.length}; server alive after: ${alive ? 'yes' : 'NO'}`,
);
for (const line of [...serverErrors, ...accepted].slice(0, 20)) console.log(`  ${line}`);
await server?.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
process.exit(serverErrors.length === 0 && alive ? 0 : 1);
