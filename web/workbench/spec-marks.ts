// The marks Vega-Lite draws, checked before a spec is compiled: Vega-Lite itself fails on an unknown
// mark with a TypeError about its internals ("reading 'filled'"), not a word about the mark. Loaded
// with the chart (chart-render.ts), not with the workbench's first load.
// Types only: a value imported from chart-spec.ts split it into a chunk of its own, a file more on
// the workbench's first load.
import type { ChartSpec, SpecRefusal } from './chart-spec.ts';

/** Every mark of Vega-Lite 6. */
export const VEGA_LITE_MARKS = [
  'arc', 'area', 'bar', 'boxplot', 'circle', 'errorband', 'errorbar', 'geoshape', 'image', 'line', 'point', 'rect', 'rule',
  'square', 'text', 'tick', 'trail',
] as const;

/** Refuses a spec whose top-level mark Vega-Lite has not; a layered or concatenated spec's inner
 *  marks are Vega-Lite's to judge. */
export function checkMark(spec: ChartSpec): void {
  if (!('mark' in spec)) return;
  const mark = typeof spec.mark === 'object' && spec.mark !== null ? (spec.mark as { type?: unknown }).type : spec.mark;
  if (VEGA_LITE_MARKS.includes(mark as (typeof VEGA_LITE_MARKS)[number])) return;
  const refusal: SpecRefusal = Object.assign(new Error(`unknown mark "${String(mark)}"`), { code: 'mark' as const, detail: String(mark), known: VEGA_LITE_MARKS.join(', ') });
  throw refusal;
}
