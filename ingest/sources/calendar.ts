// The calendar that moves rural demand: the Spring Festival (lunar new year: shopping before,
// shops shut on the first days, migrant workers home until the Lantern Festival) and the Yi
// Torch Festival (火把节, lunar 6th month 24th, Chuxiong's largest festival). Gregorian dates of
// both are fixed by the Chinese calendar; they are listed rather than computed, since a lunar
// calendar implementation would be far larger than this table.

import { SPRING_FESTIVAL, TORCH_FESTIVAL } from '../../contracts/festivals.ts';

export { SPRING_FESTIVAL, TORCH_FESTIVAL };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86400_000;

/** Days from the nearest festival of the table to `day` (negative before it), or null if far. */
function offset(table: Readonly<Record<number, string>>, day: string, window: number): number | null {
  const year = Number(day.slice(0, 4));
  for (const y of [year - 1, year, year + 1]) {
    const f = table[y];
    if (!f) continue;
    const d = dayNumber(day) - dayNumber(f);
    if (Math.abs(d) <= window) return d;
  }
  return null;
}

export type Festive = 'baijiu' | 'drinks' | 'snacks' | 'tobacco' | 'meat' | 'other';

/** What a category is to the festivals. */
export function festiveClass(category: string): Festive {
  if (category.startsWith('beverages.baijiu')) return 'baijiu';
  if (category.startsWith('beverages.')) return 'drinks';
  if (category.startsWith('snacks.')) return 'snacks';
  if (category.startsWith('tobacco.')) return 'tobacco';
  if (category.startsWith('produce.meat') || category.startsWith('produce.ham') || category.includes('meat')) return 'meat';
  return 'other';
}

/** Demand multiplier of a festive class on a day. */
export function festivalFactor(day: string, festive: Festive): number {
  let f = 1;
  const sf = offset(SPRING_FESTIVAL, day, 30);
  if (sf !== null) {
    if (sf >= -14 && sf <= -1) {
      // New-year shopping: drink, cigarettes and snacks for guests, above all in the last week.
      const boost = { baijiu: 2.6, drinks: 2.0, snacks: 2.2, tobacco: 2.0, meat: 2.2, other: 1.4 }[festive];
      f *= sf >= -7 ? boost : 1 + (boost - 1) / 2;
    } else if (sf >= 0 && sf <= 2) {
      f *= festive === 'other' ? 0.45 : 0.8; // shops shut or open short hours
    } else if (sf >= 3 && sf <= 14) {
      f *= 1.2; // migrant workers are home
    } else if (sf >= 15 && sf <= 30) {
      f *= 0.88; // and gone again after the Lantern Festival
    }
  }
  const torch = offset(TORCH_FESTIVAL, day, 3);
  if (torch !== null && torch >= -3 && torch <= 2) {
    f *= { baijiu: 1.8, drinks: 1.6, snacks: 1.4, tobacco: 1.4, meat: 1.8, other: 1.1 }[festive];
  }
  return f;
}
