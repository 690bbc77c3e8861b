// The reordering animation (FLIP) after a refresh, loaded with the first refresh of a table: a first
// render never moves rows.
//
// Rows are matched to people through the rendered order (no user ids in DOM attributes). Rows are
// rendered by position, not keyed with `repeat`: lit-html 3.3 leaves a comment node behind for every
// keyed part it removes (lit/lit#5010), which a live board would pile up for hours. The animation is
// the same either way: each row slides from where its person was.

interface Person {
  userId: string;
}

const tableRows = (root: ParentNode) => root.querySelectorAll<HTMLElement>('tbody tr');

/** Where each person's row is now, by user id. */
export function rowPositions(root: ParentNode, shown: readonly Person[]): Map<string, number> {
  const positions = new Map<string, number>();
  tableRows(root).forEach((row, index) => {
    const userId = shown[index]?.userId;
    if (userId !== undefined) positions.set(userId, row.getBoundingClientRect().top);
  });
  return positions;
}

/** Slides each row from where its person was (`from`, by rowPositions) to where it is now. */
export function slideRows(root: ParentNode, shown: readonly Person[], from: Map<string, number>): void {
  const rows = tableRows(root);
  if (from.size === 0 || rows.length !== shown.length || typeof Element.prototype.animate !== 'function') return;
  for (const [index, row] of rows.entries()) {
    const before = from.get(shown[index]?.userId ?? '');
    if (before === undefined) continue;
    const delta = before - row.getBoundingClientRect().top;
    if (Math.abs(delta) < 1) continue;
    // The Web Animations API, not a style attribute: allowed under a strict CSP.
    row.animate([{ transform: `translateY(${delta}px)` }, { transform: 'none' }], { duration: 450, easing: 'ease-out' });
  }
}
