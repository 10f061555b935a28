// One peer metric on a line: the middle half of the peers (P25–P75) as a bar, their median as a
// tick, my value as a dot. Plain SVG; the figures are written beside it.
import { svg } from './frame.ts';

const WIDTH = 300;
const HEIGHT = 28;
const PAD = 8;

export interface PeerSpread { mine: number | null; p25: number; median: number; p75: number }

/** The x of each figure on a scale that holds the quartiles and my value, with a margin. */
export function spreadScale(s: PeerSpread, width = WIDTH): (v: number) => number {
  const values = [s.p25, s.median, s.p75, ...(s.mine === null ? [] : [s.mine])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const margin = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  lo -= margin;
  hi += margin;
  return (v) => PAD + ((v - lo) / (hi - lo)) * (width - 2 * PAD);
}

export function createPeerRange(s: PeerSpread, label: string): SVGSVGElement {
  const x = spreadScale(s);
  const y = HEIGHT / 2;
  const chart = svg('svg', { class: 'ws-range', width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'none' },
    svg('line', { class: 'track', x1: PAD, x2: WIDTH - PAD, y1: y, y2: y }),
    svg('rect', { class: 'iqr', x: x(s.p25), y: y - 6, width: Math.max(2, x(s.p75) - x(s.p25)), height: 12, rx: 3 }),
    svg('line', { class: 'median', x1: x(s.median), x2: x(s.median), y1: y - 10, y2: y + 10 }));
  if (s.mine !== null) chart.append(svg('circle', { class: 'me', cx: x(s.mine), cy: y, r: 6 }));
  return chart;
}
