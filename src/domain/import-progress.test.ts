import { describe, expect, it } from 'vitest';
import { importPercent } from './import-progress.ts';

describe('importPercent', () => {
  it('is the share of the input read, rounded down', () => {
    // A 100 MB extract of which 37.9 MB are read: 37 %.
    expect(importPercent({ bytesRead: 37_900_000, inputBytes: 100_000_000 })).toBe(37);
    expect(importPercent({ bytesRead: 0, inputBytes: 100_000_000 })).toBe(0);
  });

  it('stays at 99 once everything is read, while the import merges and stores', () => {
    expect(importPercent({ bytesRead: 100_000_000, inputBytes: 100_000_000 })).toBe(99);
  });

  it('is 0 when the size is unknown (imports started before sizes were recorded)', () => {
    expect(importPercent({ bytesRead: 5_000, inputBytes: null })).toBe(0);
    expect(importPercent({ bytesRead: 5_000, inputBytes: 0 })).toBe(0);
  });
});
