// A Vega-Lite chart drawn once Vega has arrived: Vega is about 160 KB compressed, over a view's
// first-load budget, so it is fetched after the page (with its table) is on screen, as the
// workbench's chart tab does. The container says where it is in `data-state`; when Vega cannot be
// had (offline before it was ever saved), the page's table still carries the figures.
import { loadChunk } from '../chunk-load.ts';
import { h } from '../dom.ts';
import type { Lang } from '../i18n.ts';
import { flt } from './strings.ts';

export function lazyChart(spec: Record<string, unknown>, label: string, lang: Lang, signal: AbortSignal): HTMLElement {
  const box = h('div', { class: 'fl-chart', 'data-state': 'loading' }, h('p', { class: 'hint' }, flt(lang, 'fl.chartLoading')));
  void loadChunk(() => import('../workbench/chart-render.ts'))
    .then(async ({ drawChart }) => {
      if (signal.aborted) return;
      box.replaceChildren();
      const chart = await drawChart(box, spec, label, lang);
      signal.addEventListener('abort', () => chart.finalize(), { once: true });
      box.dataset.state = 'ready';
    })
    .catch((e: unknown) => {
      box.dataset.state = 'error';
      box.replaceChildren(h('p', { class: 'hint' }, flt(lang, 'fl.chartFailed', { msg: String((e as Error)?.message ?? e) })));
    });
  return box;
}
