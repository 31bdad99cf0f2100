/**
 * Tests only: a second Mentorspor server in a process of its own, on the PostgreSQL database named by
 * the first argument (already migrated). Prints `listening <url>` when ready; stops with stdin.
 *   node --import tsx src/api/test-second-server.ts postgres://…/db 2026-12-04T09:00:00Z
 */
import { openPostgres } from '../db/database.ts';
import { buildApp } from './app.ts';

const [url, nowText] = process.argv.slice(2);
if (!url || !nowText) throw new Error('usage: test-second-server.ts DATABASE_URL NOW');
const now = new Date(nowText);
const db = await openPostgres(url);
const app = await buildApp({ db, now: () => now, webDir: null });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${address}`);
process.stdin.resume();
process.stdin.on('end', () => {
  void app.close().then(() => db.close().then(() => process.exit(0)));
});
