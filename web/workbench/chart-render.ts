// Draws a Vega-Lite spec as SVG in the browser. Loaded only when the chart tab opens (Vega is
// ~160 KB compressed, over a view's first-load budget). The page's CSP forbids eval, so Vega's
// expressions are parsed to an AST and run by vega-interpreter instead of compiled to functions.
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from './chart-spec.ts';
import { checkMark } from './spec-marks.ts';
// For nothing but its imports: this chunk then shares the shell's, and the shell stays two files (see the module).
import '../shell-modules.ts';

const CONFIG = {
  font: 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, Noto Sans SC, sans-serif',
  background: 'white',
  axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#37474f', titleColor: '#37474f', gridColor: '#e0e0e0' },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  // As many colours as chart-spec.ts's SERIES_LIMIT (a value import of it here split the spec
  // module into a chunk of its own, a file more on the workbench's first load).
  range: { category: ['#00695c', '#e65100', '#1565c0', '#6a1b9a', '#558b2f', '#ad1457', '#00838f', '#6d4c41', '#c62828', '#f9a825', '#283593', '#546e7a'] },
  mark: { color: '#00695c' },
};

// Vega names months and days in English unless told otherwise: a Chinese page's time axis reads
// "3月", "周一", not "March", "Mon".
const ZH_LOCALE = {
  number: { decimal: '.', thousands: ',', grouping: [3], currency: ['¥', ''] as [string, string] },
  time: {
    dateTime: '%Y年%-m月%-d日 %A %X', date: '%Y年%-m月%-d日', time: '%H:%M:%S', periods: ['上午', '下午'] as [string, string],
    days: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as [string, string, string, string, string, string, string],
    shortDays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as [string, string, string, string, string, string, string],
    months: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'] as [string, string, string, string, string, string, string, string, string, string, string, string],
    shortMonths: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'] as [string, string, string, string, string, string, string, string, string, string, string, string],
  },
};

export interface DrawnChart { finalize(): void }

/** Draws `spec` (with its data) into `container`; a bad spec rejects with Vega-Lite's or Vega's message. */
export async function drawChart(container: HTMLElement, spec: ChartSpec, label: string, lang: 'zh' | 'en'): Promise<DrawnChart> {
  checkMark(spec);
  const { spec: vega } = compile(spec as unknown as TopLevelSpec, { config: lang === 'zh' ? { ...CONFIG, locale: ZH_LOCALE } : CONFIG });
  const view = new View(parse(vega, undefined, { ast: true }), { expr: expressionInterpreter, renderer: 'svg', container, hover: true });
  await view.runAsync();
  const svg = container.querySelector('svg');
  svg?.setAttribute('role', 'img');
  svg?.setAttribute('aria-label', label);
  return { finalize: () => view.finalize() };
}
