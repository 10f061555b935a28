// The names of the API's request fields in the reader's words, for a refusal that names its field
// ("to: must be after from"): the page says which of its choices to change in Chinese, and keeps the
// API's English sentence folded away for whoever helps them. A field not listed is shown by its name.
import type { Lang } from './i18n.ts';

const FIELDS: Record<string, { zh: string; en: string }> = {
  area: { zh: '地区', en: 'area' },
  areaCode: { zh: '地区', en: 'area' },
  category: { zh: '品类', en: 'category' },
  from: { zh: '起始日期', en: 'start date' },
  to: { zh: '截止日期', en: 'end date' },
  month: { zh: '月份', en: 'month' },
  months: { zh: '月数', en: 'number of months' },
  week: { zh: '周', en: 'week' },
  weeks: { zh: '周数', en: 'number of weeks' },
  store: { zh: '门店', en: 'store' },
  storeId: { zh: '门店', en: 'store' },
  sku: { zh: '商品', en: 'product' },
  metric: { zh: '指标', en: 'measure' },
  measure: { zh: '指标', en: 'measure' },
  indicator: { zh: '指标', en: 'indicator' },
  level: { zh: '层级', en: 'level' },
  code: { zh: '批次编码', en: 'batch code' },
  channel: { zh: '渠道', en: 'channel' },
  platform: { zh: '平台', en: 'platform' },
  direction: { zh: '方向', en: 'direction' },
  origin: { zh: '产地', en: 'origin' },
  within: { zh: '范围', en: 'range' },
  limit: { zh: '条数', en: 'number of rows' },
  format: { zh: '文件格式', en: 'file format' },
  table: { zh: '数据表', en: 'table' },
  lang: { zh: '语言', en: 'language' },
  silentDays: { zh: '沉默天数阈值', en: 'silent-after days' }, // as the stations page labels it
  target: { zh: '目标值', en: 'target' },
  due: { zh: '完成期限', en: 'due month' },
  login: { zh: '账号', en: 'login' }, // as the sign-in and account forms label it
  current: { zh: '当前密码', en: 'current password' },
  next: { zh: '新密码', en: 'new password' },
  name: { zh: '名称', en: 'name' },
  role: { zh: '角色', en: 'role' },
  storeIds: { zh: '门店', en: 'stores' },
  password: { zh: '密码', en: 'password' },
  disabled: { zh: '账号状态', en: 'account status' },
  labelZh: { zh: '中文名称', en: 'Chinese label' },
  labelEn: { zh: '英文名称', en: 'English label' },
  description: { zh: '说明', en: 'description' },
  expiresInDays: { zh: '有效天数', en: 'days valid' }, // the API token form
};

/** The field's name for the reader: 「截止日期」 for `to`; the field itself when it is not listed. */
export function fieldName(field: string, lang: Lang): string {
  // An item of a list field is named as the list (storeIds.2: 「门店」).
  return FIELDS[field.replace(/\.\d+$/, '')]?.[lang] ?? field;
}

// The API's usual reasons, in Chinese: a refusal then says what is wrong, not only which field.
const REASONS: [RegExp, string][] = [
  [/must be after from/, '须晚于起始日期'],
  [/must be a calendar day/, '须是日历上的一天（年-月-日）'],
  [/must be a Monday/, '须是星期一（每周从星期一开始）'],
  [/(\d{4}-\d\d-\d\d) has not begun: the current week starts (\d{4}-\d\d-\d\d)/, '不能是还没开始的一周（$1）：本周从 $2 开始'],
  [/must be 0 or more/, '不能小于 0'],
  [/unknown store/, '中有不存在的门店编号'],
  [/unknown product/, '不在商品目录中'],
  [/already exists/, '已被使用'],
  [/must be whole 4-week periods/, '须是 4 周的整数倍'],
  [/must be at most 100 \(a share in percent\)/, '不能超过 100（百分比）'],
  [/must be between -100 and 100 percentage points/, '须在 -100 到 100 个百分点之间'],
  [/must be 1 \(yes\) or 0 \(no\)/, '须为 1（是）或 0（否）'],
  [/must not be before the plan's start/, '不能早于方案的起始月份'],
  [/without control characters or direction overrides|must not contain control characters/, '不能含控制字符或文字方向控制符'],
  [/cannot disable your own account/, '不能由本人停用，须由另一位管理员操作'],
  [/^(?:\w+: )?is required$/, '不能为空'],
  [/must be at least (\d+) characters/, '至少要 $1 个字符'],
  [/must be at most (\d+) characters/, '最多 $1 个字符'],
  [/is not your current password/, '不正确'],
  [/must be 3-64 lower-case letters, digits or \. _ -/, '须为 3–64 个小写字母、数字或 . _ -（以字母或数字开头）'],
  [/expected int, received number/, '须为整数'],
  [/must be at least (\d+)$/, '不能小于 $1'],
  [/must be at most (\d+)$/, '不能大于 $1'],
];

/** A page's own reasons beside the usual ones: [the API's words, their Chinese]. */
export type Reasons = readonly (readonly [RegExp, string])[];

/** What is wrong with the field, in Chinese, where the API's message is a usual one (or one of the
 *  page's `extra` reasons, tried first); else null. */
export function reasonZh(message: string, extra: Reasons = []): string | null {
  for (const [re, zh] of [...extra, ...REASONS]) {
    const m = re.exec(message);
    if (m) return zh.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
  }
  return null;
}

/** A refusal of one field in the reader's words where it is a usual one (「新密码」至少要 8 个字符);
 *  null otherwise, for the caller to say it its own way. English pages read the API's sentence. */
export function fieldRefusal(field: string | undefined, message: string, lang: Lang, extra: Reasons = []): string | null {
  if (!field || lang !== 'zh') return null;
  const why = reasonZh(message, extra);
  return why ? `「${fieldName(field, lang)}」${why}` : null;
}
