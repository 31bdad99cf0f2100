/**
 * An import's progress in % (issue 14): the bytes of its input read so far of the input's size. It stays
 * below 100 while the import runs, because after the last byte the import still merges and stores.
 */
export function importPercent(input: { bytesRead: number; inputBytes: number | null }): number {
  if (!input.inputBytes || input.inputBytes <= 0) return 0;
  return Math.max(0, Math.min(99, Math.floor((input.bytesRead / input.inputBytes) * 100)));
}
