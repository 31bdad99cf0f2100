import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { openDatabase } from '../../open-database.ts';

/** `mentorspor db migrate`: apply pending migrations to DATABASE_URL (or the embedded ./data database). */
export async function run(argv: string[]): Promise<number> {
  try {
    parseArgs({ args: argv, options: {}, strict: true, allowPositionals: false });
  } catch (error) {
    process.stderr.write(`INVALID_INPUT: ${(error as Error).message}\nUsage: mentorspor db migrate\n`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const { applied } = await migrateDatabase(db);
    process.stdout.write(applied.length === 0 ? 'Database is up to date\n' : `Applied: ${applied.join(', ')}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
