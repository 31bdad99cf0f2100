import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * Uploaded register extracts hold CPR numbers. They are streamed into a directory only this process's
 * user can enter (0700), each file readable by that user only (0600), and anything left there by a
 * killed process is swept when the server starts (issue 10).
 */
export function uploadDirectory(base: string | null = null): string {
  base ??= join(tmpdir(), `mentorspor-uploads-${userInfo().uid}`);
  mkdirSync(base, { recursive: true, mode: 0o700 });
  return base;
}

/** Removes every upload left behind by a process that stopped before its import finished. */
export function sweepUploads(directory: string): number {
  let removed = 0;
  for (const name of readdirSync(directory)) {
    if (!name.startsWith('register-')) continue;
    rmSync(join(directory, name), { force: true });
    removed += 1;
  }
  return removed;
}

export function newUploadPath(directory: string): string {
  return join(directory, `register-${randomUUID()}.csv`);
}
