// Where a county's two label lines (name, value) go and in what ink. A label centred on a county
// near the map's edge ran out of the viewBox and was clipped ("26.46 10k yua"); dark text on the
// darkest fills (deep red, deep purple) was unreadable. Pure functions: the map's test checks them.
import { rgb } from 'd3';

export const NAME_SIZE = 12; // px, the county name's font size (app.css has none for it: set here)
export const VALUE_SIZE = 11; // px, the value's
export const LINE_GAP = 13; // px from the name's baseline to the value's
const EDGE = 4; // px kept free at the viewBox's edge, for the halo around the glyphs

/** A generous width estimate of `text` at `size` px: CJK glyphs are square, Latin ones and
 *  digits narrower than 0.6 em. Overestimating only moves a label a little further inside. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : ch === ' ' ? 0.3 : 0.6;
  return em * size;
}

export type Anchor = 'start' | 'middle' | 'end';
export interface LabelPlace { x: number; y: number; anchor: Anchor }

/** A text `w` px wide anchored at x, held `edge` px inside a `width` wide frame: where it would run
 *  out, it is anchored to the nearer edge instead (the county map's labels, the flow map's names). */
export function holdInside(x: number, anchor: Anchor, w: number, width: number, edge = EDGE): { x: number; anchor: Anchor } {
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  if (left < edge) return { x: edge, anchor: 'start' };
  if (left + w > width - edge) return { x: width - edge, anchor: 'end' };
  return { x, anchor };
}

/** The name's baseline position and anchor for a label centred at (cx, cy) in a `width` by
 *  `height` viewBox: centred where it fits, else held against the nearer edge. */
export function placeLabel(cx: number, cy: number, name: string, value: string, width: number, height: number): LabelPlace {
  const { x, anchor } = holdInside(cx, 'middle', Math.max(textWidth(name, NAME_SIZE), textWidth(value, VALUE_SIZE)), width);
  // The name's ascent above its baseline, the value's descent below its own.
  const top = EDGE + NAME_SIZE;
  const bottom = height - EDGE - LINE_GAP - Math.ceil(VALUE_SIZE / 4);
  const y = Math.min(Math.max(cy, top), bottom);
  return { x, y, anchor };
}

/** WCAG relative luminance of a CSS colour. */
export function luminance(colour: string): number {
  const c = rgb(colour);
  const lin = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

export const DARK_INK = { text: '#102027', halo: 'rgba(255, 255, 255, 0.85)' };
export const LIGHT_INK = { text: '#ffffff', halo: 'rgba(0, 0, 0, 0.45)' };

/** The label ink with the higher contrast against `fill`; a pattern (no data) is light grey. */
export function labelInk(fill: string): { text: string; halo: string } {
  if (fill.startsWith('url(')) return DARK_INK;
  const l = luminance(fill);
  return contrast(l, luminance(LIGHT_INK.text)) > contrast(l, luminance(DARK_INK.text)) ? LIGHT_INK : DARK_INK;
}
