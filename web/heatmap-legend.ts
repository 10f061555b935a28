// The heatmap's key: a colour ramp with money ticks, and a swatch for "no data" next to it, since
// the two are easy to confuse and the whole point of the hatching is that they are not the same.
import { axisBottom, create, scaleSqrt, type ScaleSequential } from 'd3';
import { formatYuanShort, t, type Lang } from './i18n.ts';
import { addNoDataPattern } from './no-data-pattern.ts';

const RAMP_WIDTH = 240;
const RAMP_HEIGHT = 12;
const STOPS = 16;
const PAD = 10;

/** An SVG legend for `color`, whose domain is sales in fen. */
export function createHeatmapLegend(color: ScaleSequential<string>, lang: Lang, idPrefix: string): SVGSVGElement {
  const [, maxFen = 1] = color.domain();
  const svg = create('svg')
    .attr('class', 'heatmap-legend')
    .attr('width', RAMP_WIDTH + 150)
    .attr('height', 52)
    .attr('role', 'img')
    .attr('aria-label', t(lang, 'legendTitle'));
  const noData = addNoDataPattern(svg, `${idPrefix}-legend-hatch`);

  // The ramp is sampled from the scale itself, so the legend cannot drift from the cells' colours.
  const gradient = svg.select('defs').append('linearGradient').attr('id', `${idPrefix}-ramp`);
  for (let i = 0; i <= STOPS; i++) {
    const x = scaleSqrt().domain([0, maxFen]).range([0, 1]).invert(i / STOPS);
    gradient.append('stop').attr('offset', `${(100 * i) / STOPS}%`).attr('stop-color', color(x));
  }

  svg.append('text').attr('x', PAD).attr('y', 11).attr('class', 'legend-title').text(t(lang, 'legendTitle'));
  const ramp = svg.append('g').attr('transform', `translate(${PAD},18)`); // room for the half of the 0 label left of the ramp
  ramp.append('rect').attr('width', RAMP_WIDTH).attr('height', RAMP_HEIGHT).attr('fill', `url(#${idPrefix}-ramp)`);
  const x = scaleSqrt().domain([0, maxFen]).range([0, RAMP_WIDTH]);
  ramp.append('g')
    .attr('transform', `translate(0,${RAMP_HEIGHT})`)
    .call(axisBottom(x).ticks(4).tickSize(4).tickFormat((d) => formatYuanShort(Number(d), lang)))
    .call((g) => g.select('.domain').remove());

  const swatch = svg.append('g').attr('class', 'legend-no-data').attr('transform', `translate(${PAD + RAMP_WIDTH + 24},18)`);
  swatch.append('rect').attr('width', 18).attr('height', RAMP_HEIGHT).attr('fill', noData).attr('stroke', '#90a4ae');
  swatch.append('text').attr('x', 24).attr('y', RAMP_HEIGHT - 1).text(t(lang, 'noData'));
  return svg.node()!;
}
