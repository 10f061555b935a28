// Small-area suppression for merchants, second stage. The warehouse already withholds every cell
// that fewer than k stores besides the caller's own stand behind (primary suppression, in
// demand-heatmap-merchant.sql). A column (week) with exactly one withheld cell would give it away
// by subtraction from the parent area's total, which the caller can see one level up: so the
// smallest other cell of that column that is not the caller's alone is withheld with it.

export interface MerchantCell {
  areaCode: string;
  week: string;
  stores: number;
  ownStores: number;
  qty: number | null; // null: withheld by the warehouse
  amountFen: number | null;
}

export interface Suppressed {
  visible: { areaCode: string; week: string; qty: number; amountFen: number }[];
  suppressed: { areaCode: string; week: string; stores: number }[];
}

export function suppressComplements(cells: readonly MerchantCell[]): Suppressed {
  const byWeek = new Map<string, MerchantCell[]>();
  for (const c of cells) {
    const list = byWeek.get(c.week);
    if (list) list.push(c);
    else byWeek.set(c.week, [c]);
  }
  const withheld = new Set<MerchantCell>(cells.filter((c) => c.qty === null || c.amountFen === null));
  for (const column of byWeek.values()) {
    if (column.filter((c) => withheld.has(c)).length !== 1) continue;
    const candidates = column.filter((c) => !withheld.has(c) && c.stores !== c.ownStores);
    const smallest = candidates.sort((a, b) => a.amountFen! - b.amountFen! || a.areaCode.localeCompare(b.areaCode))[0];
    if (smallest) withheld.add(smallest);
  }
  return {
    visible: cells.filter((c) => !withheld.has(c)).map((c) => ({ areaCode: c.areaCode, week: c.week, qty: c.qty!, amountFen: c.amountFen! })),
    suppressed: cells.filter((c) => withheld.has(c)).map((c) => ({ areaCode: c.areaCode, week: c.week, stores: c.stores })),
  };
}
