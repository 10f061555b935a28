// Every string the page shows, Chinese first: the people who read this dashboard are county and
// township commerce staff. English is there for visitors and reviewers (`?lang=en` or the toggle).
import { categoryName } from '../contracts/categories.ts';

export type Lang = 'zh' | 'en';

const zh = {
  title: '楚雄州农村消费需求热力图',
  subtitle: '各地区按 ISO 周的 POS 销售额',
  langToggle: 'English',
  area: '地区',
  category: '品类',
  allCategories: '全部品类',
  from: '起始日期',
  to: '截止日期（含）',
  apply: '查询',
  reset: '默认范围',
  loading: '加载中…',
  empty: '暂无数据',
  emptyHint: '所选地区、品类和日期范围内没有销售记录。请换一个品类，或放宽日期范围。',
  error: '加载失败',
  errorNetwork: '无法连接服务器：',
  errorInvalid: '服务器返回的数据格式不正确：',
  retry: '重试',
  amount: '销售额',
  qty: '销量',
  noData: '无数据',
  week: '周',
  weekOf: '起',
  legendTitle: '销售额（元）',
  drillHint: '点击地区名称查看下级',
  rowsCaption: '行：{level}；列：ISO 周',
  prefectureName: '楚雄彝族自治州',
  'level.county': '县（市）',
  'level.township': '乡镇',
  'level.village': '村（社区）',
  units: '件',
  seatRow: '{name}（本级）',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  title: 'Chuxiong rural consumer demand heatmap',
  subtitle: 'POS sales by area and ISO week',
  langToggle: '中文',
  area: 'Area',
  category: 'Category',
  allCategories: 'All categories',
  from: 'From',
  to: 'To (inclusive)',
  apply: 'Apply',
  reset: 'Default range',
  loading: 'Loading…',
  empty: 'No data',
  emptyHint: 'No sales for this area, category and date range. Try another category or a wider range.',
  error: 'Could not load',
  errorNetwork: 'Cannot reach the server: ',
  errorInvalid: 'The server answered in an unexpected shape: ',
  retry: 'Retry',
  amount: 'Sales',
  qty: 'Quantity',
  noData: 'No data',
  week: 'Week',
  weekOf: 'from',
  legendTitle: 'Sales (yuan)',
  drillHint: 'Click an area name to drill down',
  rowsCaption: 'Rows: {level}; columns: ISO weeks',
  prefectureName: 'Chuxiong Yi Autonomous Prefecture',
  'level.county': 'counties',
  'level.township': 'townships',
  'level.village': 'villages',
  units: 'units',
  seatRow: '{name} (itself)',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** The message `key` in `lang`, with its `{name}` slots filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** `?lang=en` picks English; anything else, or nothing, is Chinese. */
export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'zh';
}

export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');

export { categoryName };

/** Integer fen as exact yuan, `¥1,234,567.89`: integer arithmetic, so no float rounding of cents. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Short money for axes and legends: 万元 in Chinese (the unit local reports use), k/M in English. */
export function formatYuanShort(fen: number, lang: Lang): string {
  const yuan = fen / 100;
  if (lang === 'zh') {
    if (Math.abs(yuan) >= 10_000) return `${trim(yuan / 10_000)}万`;
    return trim(yuan);
  }
  if (Math.abs(yuan) >= 1_000_000) return `${trim(yuan / 1_000_000)}M`;
  if (Math.abs(yuan) >= 1_000) return `${trim(yuan / 1_000)}k`;
  return trim(yuan);
}

/** At most two decimals, and none that are trailing zeros: 12.5, 3, 0.75. */
function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A count of units, grouped the way each language writes it. */
export function formatQty(qty: number, lang: Lang): string {
  return `${qty.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')} ${t(lang, 'units')}`;
}
