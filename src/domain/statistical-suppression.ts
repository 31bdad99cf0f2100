/**
 * R-STAT-1 statistical discretion (Statistics Denmark's rules, E47): a cell with 0 < n < threshold is
 * suppressed (primary), and further cells are suppressed (secondary) until no suppressed cell can be
 * recovered from its row or column total: every row and column holds either zero or at least two
 * suppressed cells. The smallest non-zero remaining cell is chosen each time, so as little as possible
 * is hidden. Totals themselves are shown unless they are small.
 */

export type SuppressedTable = { values: (number | null)[][]; suppressed: [number, number][] };

export function suppressTable(input: { cells: number[][]; threshold: number }): SuppressedTable {
  const rows = input.cells.length;
  const cols = rows > 0 ? input.cells[0]!.length : 0;
  const hidden = input.cells.map((row) => row.map((n) => n > 0 && n < input.threshold));
  const smallestVisible = (candidates: [number, number][]) =>
    candidates
      .filter(([r, c]) => !hidden[r]![c] && input.cells[r]![c]! > 0)
      .sort((a, b) => input.cells[a[0]]![a[1]]! - input.cells[b[0]]![b[1]]! || a[0] - b[0] || a[1] - b[1])[0];
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < rows; r += 1) {
      if (hidden[r]!.filter(Boolean).length === 1) {
        const pick = smallestVisible(Array.from({ length: cols }, (_, c) => [r, c] as [number, number]));
        if (pick) {
          hidden[pick[0]]![pick[1]] = true;
          changed = true;
        }
      }
    }
    for (let c = 0; c < cols; c += 1) {
      if (hidden.filter((row) => row[c]).length === 1) {
        const pick = smallestVisible(Array.from({ length: rows }, (_, r) => [r, c] as [number, number]));
        if (pick) {
          hidden[pick[0]]![pick[1]] = true;
          changed = true;
        }
      }
    }
  }
  const suppressed: [number, number][] = [];
  const values = input.cells.map((row, r) =>
    row.map((n, c) => {
      if (hidden[r]![c]) {
        suppressed.push([r, c]);
        return null;
      }
      return n;
    }),
  );
  return { values, suppressed };
}
