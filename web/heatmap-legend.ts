// The heatmap's key: a colour ramp with money ticks, and a swatch for "no data" next to it, since
// the two are easy to confuse and the whole point of the hatching is that they are not the same.
import { axisBottom, create, scaleLinear, scaleSqrt, type ScaleDiverging, type ScaleSequential } from 'd3';
import { colon, formatYuanShort, signedPct, t, type Lang } from './i18n.ts';
import { addNoDataPattern, addSuppressedPattern } from './no-data-pattern.ts';

const RAMP_WIDTH = 240;
const RAMP_HEIGHT = 12;
const STOPS = 16;
const PAD = 10;

/**
 * An SVG legend for `color`, whose domain is sales in fen; with `threshold`, also the swatch of
 * withheld cells (merchants' view). Without any coloured cell (`coloured` false: every cell
 * withheld or without data) there is no scale to read, so a sentence takes the ramp's place. A
 * diverging `color` is of each week against its row's average week, in percent.
 */
export function createHeatmapLegend(color: ScaleSequential<string> | ScaleDiverging<string>, lang: Lang, idPrefix: string, threshold: number | null = null, coloured = true): SVGSVGElement {
  const [, maxFen = 1] = color.domain();
  // A diverging scale (domain [reach, 0, -reach]): each week against its row's average week.
  const reach = color.domain().length === 3 ? Math.abs(color.domain()[0]!) : null;
  // Its low end at -100% at most: nothing falls further below its average than nothing sold.
  const low = reach === null ? 0 : Math.max(-reach, -1);
  const words = reach !== null ? `${t(lang, 'legendRowTitle')}${colon(lang)}${signedPct(low)} – ${signedPct(reach)}`
    : `${t(lang, 'legendTitle')}${colon(lang)}0 – ${formatYuanShort(color.domain()[1] ?? 0, lang)}`;
  const svg = create('svg')
    .attr('class', 'heatmap-legend')
    .attr('width', RAMP_WIDTH + 170)
    .attr('height', threshold === null ? 52 : 72)
    .attr('viewBox', `0 0 ${RAMP_WIDTH + 170} ${threshold === null ? 52 : 72}`)
    .attr('role', 'img')
    .attr('aria-label', coloured ? words : t(lang, 'legendNothingColoured'));
  const noData = addNoDataPattern(svg, `${idPrefix}-legend-hatch`);


  svg.append('text').attr('x', PAD).attr('y', 11).attr('class', 'legend-title').text(t(lang, reach !== null ? 'legendRowTitle' : 'legendTitle'));
  if (coloured && reach !== null) {
    // Below the row's average on the left, above on the right, sampled from the scale itself.
    const rowRamp = svg.select('defs').append('linearGradient').attr('id', `${idPrefix}-row-ramp`);
    for (let i = 0; i <= STOPS; i++) rowRamp.append('stop').attr('offset', `${(100 * i) / STOPS}%`).attr('stop-color', color(low + ((reach - low) * i) / STOPS));
    const g = svg.append('g').attr('class', 'legend-row-ramp').attr('transform', `translate(${PAD},18)`);
    g.append('rect').attr('width', RAMP_WIDTH).attr('height', RAMP_HEIGHT).attr('fill', `url(#${idPrefix}-row-ramp)`);
    const x = scaleLinear().domain([low, reach]).range([0, RAMP_WIDTH]);
    g.append('g').attr('transform', `translate(0,${RAMP_HEIGHT})`)
      .call(axisBottom(x).tickValues([low, 0, reach]).tickSize(4).tickFormat((d) => signedPct(Number(d))))
      .call((a) => a.select('.domain').remove());
  } else if (coloured) {
    // The ramp is sampled from the scale itself, so the legend cannot drift from the cells' colours.
    const gradient = svg.select('defs').append('linearGradient').attr('id', `${idPrefix}-ramp`);
    for (let i = 0; i <= STOPS; i++) {
      const x = scaleSqrt().domain([0, maxFen]).range([0, 1]).invert(i / STOPS);
      gradient.append('stop').attr('offset', `${(100 * i) / STOPS}%`).attr('stop-color', color(x));
    }
    const ramp = svg.append('g').attr('transform', `translate(${PAD},18)`); // room for the half of the 0 label left of the ramp
    ramp.append('rect').attr('width', RAMP_WIDTH).attr('height', RAMP_HEIGHT).attr('fill', `url(#${idPrefix}-ramp)`);
    const x = scaleSqrt().domain([0, maxFen]).range([0, RAMP_WIDTH]);
    ramp.append('g')
      .attr('transform', `translate(0,${RAMP_HEIGHT})`)
      .call(axisBottom(x).ticks(4).tickSize(4).tickFormat((d) => formatYuanShort(Number(d), lang)))
      .call((g) => g.select('.domain').remove());
  } else {
    svg.append('text').attr('x', PAD).attr('y', 18 + RAMP_HEIGHT - 1).attr('class', 'legend-nothing').text(t(lang, 'legendNothingColoured'));
  }

  const swatch = svg.append('g').attr('class', 'legend-no-data').attr('transform', `translate(${PAD + RAMP_WIDTH + 24},18)`);
  swatch.append('rect').attr('width', 18).attr('height', RAMP_HEIGHT).attr('fill', noData).attr('stroke', '#90a4ae');
  swatch.append('text').attr('x', 24).attr('y', RAMP_HEIGHT - 1).text(t(lang, 'noData'));
  if (threshold !== null) {
    const dots = addSuppressedPattern(svg, `${idPrefix}-legend-dots`);
    const s2 = svg.append('g').attr('class', 'legend-suppressed').attr('transform', `translate(${PAD + RAMP_WIDTH + 24},40)`);
    s2.append('rect').attr('width', 18).attr('height', RAMP_HEIGHT).attr('fill', dots).attr('stroke', '#90a4ae');
    s2.append('text').attr('x', 24).attr('y', RAMP_HEIGHT - 1).text(t(lang, 'suppressedLegend', { k: String(threshold) }));
  }
  return svg.node()!;
}
