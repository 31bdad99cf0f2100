/**
 * `mentorspor users add --username NAME --name "Full Name" --role ROLE [--mentor-id ID] [--user admin]`
 * creates a user of the municipality and prints a one-time password (the first caseworker before single
 * sign-on is set up); `mentorspor users list` prints the users. Acts as `--user` (default admin), audited.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { roles, type Role } from '../../domain/access-policy.ts';
import { openDatabase } from '../../open-database.ts';
import { createUser } from '../../use-cases/create-user.ts';
import { listUsers } from '../../use-cases/list-users.ts';
import { commandLineContext } from '../../use-cases/system-actor.ts';

export const usage = [
  'Usage: mentorspor users add --username NAME --name "Full Name" --role caseworker|mentor|coordinator|manager|admin [--mentor-id ID] [--user admin]',
  '       mentorspor users list [--user admin]',
].join('\n');

const options = {
  username: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  'mentor-id': { type: 'string' },
  user: { type: 'string' },
  help: { type: 'boolean' },
} as const;

export async function run(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options });
  } catch (error) {
    process.stderr.write(`INVALID_INPUT: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const [verb, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if ((verb !== 'add' && verb !== 'list') || extra.length > 0) {
    process.stderr.write(`INVALID_INPUT: expected 'users add' or 'users list'\n${usage}\n`);
    return 2;
  }
  const { username, name, role } = parsed.values;
  const mentorIdText = parsed.values['mentor-id'];
  if (verb === 'add') {
    const problem = !username
      ? '--username is required'
      : !name
        ? '--name is required'
        : !roles.includes(role as Role)
          ? `--role must be one of ${roles.join(', ')}`
          : mentorIdText !== undefined && !/^[1-9][0-9]{0,9}$/.test(mentorIdText)
            ? '--mentor-id must be a mentor id'
            : null;
    if (problem) {
      process.stderr.write(`INVALID_INPUT: ${problem}\n${usage}\n`);
      return 2;
    }
  }
  const db = await openDatabase(loadConfig());
  try {
    await migrateDatabase(db);
    const ctx = await commandLineContext(db, parsed.values.user ?? 'admin', 'user_administration');
    if (verb === 'list') {
      for (const u of await listUsers(ctx))
        process.stdout.write(
          `${String(u.id).padStart(5)}  ${u.username.padEnd(24)} ${u.role.padEnd(12)} ${u.active ? 'aktiv ' : 'inaktiv'} ${u.name}\n`,
        );
      return 0;
    }
    const user = await createUser(ctx, {
      username: username!,
      name: name!,
      role: role as Role,
      mentorId: mentorIdText === undefined ? null : Number(mentorIdText),
    });
    process.stdout.write(
      `Created user '${user.username}' (${user.role}). One-time password: ${user.oneTimePassword}\nGive it to the user in person; it is not shown again.\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
