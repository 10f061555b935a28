// The festivals that move rural demand in Chuxiong, by Gregorian date: the Spring Festival (lunar new
// year) and the Yi Torch Festival (火把节, lunar 6th month 24th). Both are fixed by the Chinese
// calendar; they are listed rather than computed, since a lunar calendar would be far larger than
// this table. Shared by the simulator (the demand it makes) and the merchants' workspace (the
// markers it draws and the uplift it expects). Browser-safe.

export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22',
  2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26',
  2029: '2029-02-13', 2030: '2030-02-03',
};

export const TORCH_FESTIVAL: Readonly<Record<number, string>> = {
  2019: '2019-07-26', 2020: '2020-08-13', 2021: '2021-08-02', 2022: '2022-07-21', 2023: '2023-08-08',
  2024: '2024-07-29', 2025: '2025-07-18', 2026: '2026-08-07', 2027: '2027-07-27', 2028: '2028-08-14',
  2029: '2029-08-03', 2030: '2030-07-24',
};

export type FestivalKind = 'spring_festival' | 'torch_festival';

/** The days around a festival when shops sell more, as offsets from its day (inclusive): the two
 *  weeks of new-year shopping before the Spring Festival; the Torch Festival's three days and the
 *  three before them. */
export const FESTIVAL_WINDOWS: Readonly<Record<FestivalKind, { table: Readonly<Record<number, string>>; from: number; to: number }>> = {
  spring_festival: { table: SPRING_FESTIVAL, from: -14, to: -1 },
  torch_festival: { table: TORCH_FESTIVAL, from: -3, to: 2 },
};

const DAY_MS = 86400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export interface FestivalWindow { kind: FestivalKind; year: number; day: string; from: string; to: string }

/** Every festival window that overlaps [from, to] (days, inclusive), in date order. */
export function festivalWindows(from: string, to: string): FestivalWindow[] {
  const out: FestivalWindow[] = [];
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)) + 1; year++) {
    for (const kind of Object.keys(FESTIVAL_WINDOWS) as FestivalKind[]) {
      const w = FESTIVAL_WINDOWS[kind];
      const day = w.table[year];
      if (!day) continue;
      const start = shift(day, w.from);
      const end = shift(day, w.to);
      if (end >= from && start <= to) out.push({ kind, year, day, from: start, to: end });
    }
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}
