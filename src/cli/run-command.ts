/**
 * The command table of `npx mentorspor <command> …` (main.ts) and its dispatch: each command lives in
 * src/cli/commands/<verb-noun>.ts and exports `run(argv): Promise<number>` returning the exit code
 * (0 ok, 1 failure, 2 bad usage or input). `runCommand` also turns a thrown error into `code: message`
 * on stderr and its exit code, so the process and the tests (src/cli/test-run-cli.ts) see the same.
 */
import { isAppError } from '../errors.ts';

type CommandModule = { run: (argv: string[]) => Promise<number> };

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  effect: {
    summary: 'estimate the effect of mentor support (ATT) from a CSV extract',
    load: () => import('./commands/estimate-effect.ts'),
  },
  'import register': {
    summary: 'import a register extract (CSV, long or wide) as status spells',
    load: () => import('./commands/import-register.ts'),
  },
  'import citizens': {
    summary: "import citizens from a case system's CSV export",
    load: async () => (await import('./commands/import-case-history.ts')).commandFor('citizens'),
  },
  'import target-groups': {
    summary: "import target-group spells from a case system's CSV export",
    load: async () => (await import('./commands/import-case-history.ts')).commandFor('target-groups'),
  },
  'import grants': {
    summary: "import historic grants from a case system's CSV export",
    load: async () => (await import('./commands/import-case-history.ts')).commandFor('grants'),
  },
  'import offers': {
    summary: "import offers from a case system's CSV export",
    load: async () => (await import('./commands/import-case-history.ts')).commandFor('offers'),
  },
  report: { summary: 'print or export a report (outcome-status, age, providers, …)', load: () => import('./commands/report-cohort.ts') },
  users: {
    summary: "add or list the municipality's users (users add --username … --name … --role …)",
    load: () => import('./commands/manage-users.ts'),
  },
  worker: {
    summary: 'run background jobs (imports, effect analyses) from the PostgreSQL queue, beside the servers',
    load: () => import('./commands/run-worker.ts'),
  },
  'db migrate': { summary: 'apply database migrations (DATABASE_URL or ./data)', load: () => import('./commands/migrate-database.ts') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  mentorspor ${name.padEnd(12)} ${c.summary}`);
  return ['Usage:', ...lines].join('\n');
}

async function dispatch(argv: string[]): Promise<number> {
  const two = argv.slice(0, 2).join(' ');
  const name = commands[two] ? two : argv[0];
  const command = name ? commands[name] : undefined;
  if (!command || !name) {
    process.stderr.write(`INVALID_INPUT: unknown command '${argv.join(' ')}'\n${usage()}\n`);
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  const module = await command.load();
  return module.run(rest);
}

export async function runCommand(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`${error.code}: ${error.message}\n`);
      return error.code === 'INVALID_INPUT' ? 2 : 1;
    }
    process.stderr.write(`INTERNAL: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 1;
  }
}
