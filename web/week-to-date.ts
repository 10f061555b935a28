// The days of a week under way, for labels: 周一至周二 / Mon-Tue. A week's first days set beside
// whole weeks read as a collapse, so every view names the days a partial figure covers.
import type { Lang } from './i18n.ts';

const NAMES: Record<Lang, readonly string[]> = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** The weekday of a `YYYY-MM-DD` day, by name. */
export function weekdayName(day: string, lang: Lang): string {
  return NAMES[lang][(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** Monday to `through`: `周一至周二`, `Mon-Tue`, or one name when the week is one day old. */
export function daysSoFar(through: string, lang: Lang): string {
  const last = weekdayName(through, lang);
  if (last === NAMES[lang][0]) return last;
  return lang === 'zh' ? `${NAMES.zh[0]}至${last}` : `${NAMES.en[0]}–${last}`;
}
