/**
 * The phone layout of tables (issue 14): below 600 px every simple table — one heading row, one cell per
 * column — shows each row as a card, each value under the text of its column heading (styles.css,
 * `table.cards`). The heading text is copied into `data-label` here, for every table on every page, so no
 * page has to repeat its headings. A table with grouped headings (colspan, several heading rows) or the
 * class `keep-table` stays a table. A cell with the class `card-wide` (a long file name) shows its value under
 * its label, across the whole card.
 */
export function labelTableCells(root: ParentNode): void {
  for (const table of root.querySelectorAll('table')) {
    if (table.classList.contains('keep-table')) continue;
    const head = table.tHead;
    const headingRow = head?.rows.length === 1 ? head.rows[0] : undefined;
    if (!headingRow || [...headingRow.cells].some((c) => c.colSpan > 1)) {
      table.classList.remove('cards');
      continue;
    }
    const labels = [...headingRow.cells].map(labelOf);
    let simple = true;
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        if (row.cells.length !== labels.length || [...row.cells].some((c) => c.colSpan > 1)) {
          simple = false;
          continue;
        }
        [...row.cells].forEach((cell, i) => {
          const label = labels[i]!;
          if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
        });
      }
    }
    table.classList.toggle('cards', simple);
  }
}

/** A heading's text as a label: without what is hidden from screen readers too (a sort arrow ▲). */
function labelOf(cell: HTMLTableCellElement): string {
  const copy = cell.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return copy.textContent?.trim() ?? '';
}

/** Keeps the labels current while the pages under `root` load and change. Returns the disconnect. */
export function keepTableCellsLabelled(root: HTMLElement): () => void {
  labelTableCells(root);
  const observer = new MutationObserver(() => labelTableCells(root));
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
