// The fill of a cell with no sales at all. It must not look like a small amount: the colour scale
// starts at pale yellow for 0 yuan, so "no rows" gets grey hatching instead of any colour.
import type { Selection } from 'd3';

export const NO_DATA_BACKGROUND = '#eceff1';
const STROKE = '#b0bec5';

/** Adds the hatch pattern to `svg`'s defs and returns the `url(#...)` to fill with. */
export function addNoDataPattern(svg: Selection<SVGSVGElement, undefined, null, undefined>, id: string): string {
  const pattern = svg.append('defs').append('pattern')
    .attr('id', id)
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)');
  pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', NO_DATA_BACKGROUND);
  pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6)
    .attr('stroke', STROKE).attr('stroke-width', 2);
  return `url(#${id})`;
}

/** The fill of a withheld cell (sales exist, too few stores to show them): dots, unlike no data's lines. */
export function addSuppressedPattern(svg: Selection<SVGSVGElement, undefined, null, undefined>, id: string): string {
  const pattern = svg.append('defs').append('pattern')
    .attr('id', id)
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternUnits', 'userSpaceOnUse');
  pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#e3e7ea');
  pattern.append('circle').attr('cx', 3).attr('cy', 3).attr('r', 1.3).attr('fill', '#607d8b');
  return `url(#${id})`;
}
