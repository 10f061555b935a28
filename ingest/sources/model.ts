// The assumptions that shape the simulated county, in one place so they can be read and argued
// with. None of these numbers is sourced; they are chosen so the dashboards look like a rural
// county: modest growth of shop sales, faster growth online, Lufeng (the demonstration county)
// fastest, parcels coming in several times the parcels going out.

/** Yearly growth of counter (offline) sales and of online activity, by county. */
export const COUNTY_GROWTH: Readonly<Record<string, { offline: number; online: number }>> = {
  '532301': { offline: 0.05, online: 0.14 }, // 楚雄市
  '532302': { offline: 0.06, online: 0.26 }, // 禄丰市, the demonstration county
  '532322': { offline: 0.03, online: 0.10 }, // 双柏县
  '532323': { offline: 0.04, online: 0.11 }, // 牟定县
  '532324': { offline: 0.04, online: 0.16 }, // 南华县 (wild mushrooms sell online)
  '532325': { offline: 0.03, online: 0.09 }, // 姚安县
  '532326': { offline: 0.04, online: 0.13 }, // 大姚县
  '532327': { offline: 0.03, online: 0.12 }, // 永仁县
  '532328': { offline: 0.05, online: 0.18 }, // 元谋县 (winter vegetables)
  '532329': { offline: 0.04, online: 0.12 }, // 武定县
};

const BASE_DAY = Date.parse('2025-01-01T00:00:00Z');

/** Growth factor of a county's offline or online activity on a day, 1 on 2025-01-01. */
export function growth(county: string, kind: 'offline' | 'online', day: string): number {
  const rate = COUNTY_GROWTH[county]?.[kind] ?? 0.05;
  const years = (Date.parse(`${day}T00:00:00Z`) - BASE_DAY) / (365.25 * 86400_000);
  return (1 + rate) ** years;
}

/** Month-of-year multipliers by top category: drinks in the hot months, farm inputs at planting. */
const MONTHLY: Readonly<Record<string, readonly number[]>> = {
  beverages: [0.75, 0.75, 0.85, 0.95, 1.1, 1.3, 1.4, 1.35, 1.1, 0.95, 0.8, 0.8],
  dairy: [1.1, 1.2, 1, 0.95, 0.95, 0.95, 0.95, 0.95, 1, 1, 1, 1.1],
  agri_inputs: [0.5, 0.8, 1.8, 2.1, 1.6, 1.1, 1.2, 0.8, 0.6, 0.5, 0.5, 0.6],
};

export function monthFactor(category: string, month: number): number {
  return MONTHLY[category.split('.')[0]!]?.[month - 1] ?? 1;
}

/** Receipts per day of an outlet of each type, before growth and calendar. */
export const RECEIPTS_PER_DAY: Readonly<Record<string, number>> = {
  township_station: 14, convenience_store: 26, village_shop: 7, village_point: 2,
};

/** Share of a station's receipts that are online orders placed for villagers (代买代购), 2025. */
export const ONLINE_PROXY_SHARE = 0.12;

/** Online orders a day of Yi embroidery (楚雄彝绣, made in villages across the prefecture) that a
 *  seller ships besides its produce, in 2025, growing with the county's online activity: a township
 *  station sells its villages' handicrafts, a co-operative mostly its crops. With them produce is
 *  15-80% of a county's online retail, about half over the prefecture, not all of it (nationally,
 *  agricultural products are about a quarter of rural online retail). */
export const CRAFT_ORDERS_PER_DAY: Readonly<Record<string, number>> = { township_station: 0.8, cooperative: 0.2 };

/** Destination cities of upstream produce and their weight (Kunming is the nearest big market). */
export const DESTINATIONS: readonly { code: string; weight: number }[] = [
  { code: '530100', weight: 34 }, { code: '510100', weight: 9 }, { code: '500100', weight: 8 },
  { code: '440100', weight: 10 }, { code: '440300', weight: 8 }, { code: '310100', weight: 8 },
  { code: '110100', weight: 6 }, { code: '330100', weight: 6 }, { code: '610100', weight: 3 },
  { code: '420100', weight: 3 }, { code: '430100', weight: 2 }, { code: '320100', weight: 3 },
];

export const PLATFORMS: readonly { code: string; weight: number }[] = [
  { code: 'pinduoduo', weight: 30 }, { code: 'taobao', weight: 25 }, { code: 'douyin', weight: 22 },
  { code: 'jd', weight: 10 }, { code: 'county_mall', weight: 8 }, { code: 'wechat_shop', weight: 5 },
];

export const CARRIERS: readonly { code: string; weight: number }[] = [
  { code: 'ems', weight: 30 }, { code: 'zto', weight: 18 }, { code: 'yto', weight: 14 }, { code: 'yunda', weight: 12 },
  { code: 'jtexpress', weight: 12 }, { code: 'sto', weight: 8 }, { code: 'sf', weight: 6 },
];
