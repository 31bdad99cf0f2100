/**
 * `npx mentorspor <command> …` — the command line for operators and analysts (commands in
 * run-command.ts). Errors are printed as `code: message` to stderr.
 */
import { runCommand } from './run-command.ts';

process.exit(await runCommand(process.argv.slice(2)));
