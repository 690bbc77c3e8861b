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

/**
 * Notes where each person's row is now (`before`: the people in the rendered order); the function it
 * returns, called after the next render with the people then shown, slides each row from there.
 */
export function prepareSlide(root: ParentNode, before: readonly Person[]): (after: readonly Person[]) => void {
  const from = new Map<string, number>();
  tableRows(root).forEach((row, index) => {
    const userId = before[index]?.userId;
    if (userId !== undefined) from.set(userId, row.getBoundingClientRect().top);
  });
  return (after) => {
    const rows = tableRows(root);
    if (from.size === 0 || rows.length !== after.length || typeof Element.prototype.animate !== 'function') return;
    for (const [index, row] of rows.entries()) {
      const top = from.get(after[index]?.userId ?? '');
      if (top === undefined) continue;
      const delta = top - row.getBoundingClientRect().top;
      if (Math.abs(delta) < 1) continue;
      // The Web Animations API, not a style attribute: allowed under a strict CSP.
      row.animate([{ transform: `translateY(${delta}px)` }, { transform: 'none' }], { duration: 450, easing: 'ease-out' });
    }
  };
}
