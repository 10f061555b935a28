// Standard charts are Vega-Lite specs rendered to SVG here, on the server: the phone receives a
// few kilobytes of SVG instead of Vega's 160 KB runtime (over the web app's budget), and the
// monthly report's PDF embeds the same SVG. Fonts: the CJK sans the platform ships for its PDFs.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export const CHART_FONT = 'Noto Sans SC, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif';

const CONFIG = {
  font: CHART_FONT,
  background: 'white',
  axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#37474f', titleColor: '#37474f', gridColor: '#e0e0e0' },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' },
  title: { fontSize: 14, anchor: 'start', color: '#263238' },
  range: { category: ['#00695c', '#e65100', '#1565c0', '#6a1b9a', '#558b2f', '#ad1457'] },
};

/** The spec's SVG; a bad spec rejects with Vega-Lite's own message. */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const vega = compile({ ...spec, config: { ...CONFIG, ...(spec as { config?: object }).config } } as TopLevelSpec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
