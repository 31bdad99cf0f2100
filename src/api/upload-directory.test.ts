import { mkdtempSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newUploadPath, sweepUploads, uploadDirectory } from './upload-directory.ts';

describe('the private upload directory (issue 10)', () => {
  const parent = mkdtempSync(join(tmpdir(), 'upload-dir-test-'));
  afterEach(() => rmSync(join(parent, 'uploads'), { recursive: true, force: true }));

  it('is created for this user only and names each upload uniquely inside it', () => {
    const directory = uploadDirectory(join(parent, 'uploads'));
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    const a = newUploadPath(directory);
    expect(a.startsWith(directory)).toBe(true);
    expect(a).not.toBe(newUploadPath(directory));
  });

  it('sweeps the extracts a killed process left behind, and nothing else', () => {
    const directory = uploadDirectory(join(parent, 'uploads'));
    const left = newUploadPath(directory);
    writeFileSync(left, 'cpr;week;code\n', { mode: 0o600 });
    writeFileSync(join(directory, 'keep.txt'), 'not an upload');
    expect(sweepUploads(directory)).toBe(1);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(join(directory, 'keep.txt'))).toBe(true);
  });
});
