/**
 * Tests run the CLI in their own process (issue 12: a process per call spent most of the CLI tests' time
 * starting Node and tsx): the same `runCommand` as `npx mentorspor`, with stdout and stderr captured and
 * the environment set for the call. Each CLI test file still runs one call as a real process
 * (`runCliProcess`), through bin/mentorspor.js.
 */
import { spawnSync } from 'node:child_process';
import { runCommand } from './run-command.ts';

export type CliResult = { code: number | null; stdout: string; stderr: string };

type Write = typeof process.stdout.write;

export async function runCli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  const captured = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr'): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as Write;
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  setEnv(env);
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const code = await runCommand(argv);
    return { code, ...captured };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    setEnv(saved);
  }
}

/** The same call as a process: `node bin/mentorspor.js …`. */
export function runCliProcess(argv: string[], env: Record<string, string | undefined> = {}): CliResult {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const result = spawnSync(process.execPath, ['bin/mentorspor.js', ...argv], { encoding: 'utf8', env: merged });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
