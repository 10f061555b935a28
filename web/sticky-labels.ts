// A heatmap wider than a phone scrolls sideways. Its row labels (the areas, categories or days)
// would scroll away with the weeks, leaving colours with no names; and the grid opened on its
// oldest weeks, with the newest, which a shop owner looks at first, out of sight with nothing to
// say they were there. So the labels sit in a layer of their own, drawn last over a background, that
// moves with the scroll to stay at the left edge; and the chart opens at `startAt`'s column.

/** The layer the row labels go in: call before the rows are drawn, then `pin` once they are. */
export function labelLayer(svg: SVGSVGElement, labelWidth: number, height: number): SVGGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const layer = document.createElementNS(ns, 'g');
  layer.setAttribute('class', 'row-labels');
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('class', 'row-labels-bg');
  bg.setAttribute('x', '0');
  bg.setAttribute('y', '0');
  bg.setAttribute('width', String(labelWidth));
  bg.setAttribute('height', String(height));
  layer.append(bg);
  svg.append(layer);
  return layer;
}

/**
 * Keeps `layer` at the scroller's left edge and, once the chart is on the page, scrolls it to
 * `startAt` ('end': the last column; a number: that many pixels from the left of the grid).
 */
export function pin(scroller: HTMLElement, layer: SVGGElement, startAt: 'end' | number): void {
  layer.parentNode!.append(layer); // drawn over the cells that scroll beneath it
  const follow = () => layer.setAttribute('transform', scroller.scrollLeft > 0 ? `translate(${scroller.scrollLeft},0)` : '');
  scroller.addEventListener('scroll', follow, { passive: true });
  // The chart is built before it is placed: wait for the page to lay it out (a few frames at most).
  let frames = 0;
  const start = () => {
    if (!scroller.isConnected || scroller.clientWidth === 0) {
      if (++frames < 30) requestAnimationFrame(start);
      return;
    }
    if (scroller.scrollWidth > scroller.clientWidth) scroller.scrollLeft = startAt === 'end' ? scroller.scrollWidth : startAt;
    follow();
  };
  requestAnimationFrame(start);
}
