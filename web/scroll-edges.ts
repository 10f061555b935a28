// A row that scrolls sideways (the main navigation, the pages' tabs and the tables on a phone) says so:
// `data-more` names the edges with more beyond them (start, end, both; absent when all shows), and
// the stylesheet fades those edges. A hidden scroll bar and a clean cut look like the whole list.
// When the row is first laid out, its current item (aria-current) is scrolled into it.

const FADE = 40; // px, as wide as the stylesheet's fade

export function markScrollEdges(row: HTMLElement): void {
  const update = () => {
    const start = row.scrollLeft > 1;
    const end = row.scrollLeft < row.scrollWidth - row.clientWidth - 1;
    const more = start && end ? 'both' : start ? 'start' : end ? 'end' : '';
    if (more) row.dataset.more = more;
    else delete row.dataset.more;
  };
  row.addEventListener('scroll', update, { passive: true });
  let first = true;
  const observer = new ResizeObserver(() => {
    if (!row.isConnected) return observer.disconnect(); // the view was replaced
    const current = first ? row.querySelector<HTMLElement>('[aria-current="page"]') : null;
    first = false;
    if (current && row.clientWidth > 0) revealInRow(row, current);
    update();
  });
  // The items too: when the page's font arrives they widen inside a row whose own box keeps its
  // size, and the row overflows with no resize of its own (no fade on a slow phone; a flaky test).
  for (const el of [row, ...row.children]) observer.observe(el);
}

/** Scrolls `row` sideways just enough that `item` shows clear of the faded edges. */
export function revealInRow(row: HTMLElement, item: HTMLElement): void {
  const box = row.getBoundingClientRect();
  const r = item.getBoundingClientRect();
  if (r.right > box.right - FADE) row.scrollLeft += r.right - box.right + FADE;
  else if (r.left < box.left + FADE) row.scrollLeft -= box.left + FADE - r.left;
}

const marked = new WeakSet<HTMLElement>();

/** Marks every table box (`.table-scroll`) that views place in `container`, now and later: a
 *  column cut at a phone's edge with nothing to say more lies beyond read as the whole table. */
export function markTableEdges(container: HTMLElement): void {
  const scan = () => {
    for (const box of container.querySelectorAll<HTMLElement>('.table-scroll')) {
      if (marked.has(box)) continue;
      marked.add(box);
      markScrollEdges(box);
    }
  };
  new MutationObserver(scan).observe(container, { childList: true, subtree: true });
  scan();
}
