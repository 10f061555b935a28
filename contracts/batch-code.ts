// The harvest-lot code the simulator stamps on upstream orders and the trace page looks up:
// CX-<origin area code>-<yymmdd of the day>-<lot number, 4 digits>, e.g. CX-532302-261130-0218.
// The origin is the product's NBS code, a county's 6 digits or a township's 9. Zod-free: the
// web app imports it for its example, the generator to make the codes.

export const BATCH_CODE = /^CX-(\d{6}|\d{9})-(\d{6})-(\d{4})$/;

/** The code of lot `lot` (0-9999) of `origin` on `day` (yyyy-mm-dd). */
export function formatBatchCode(origin: string, day: string, lot: number): string {
  if (!/^(\d{6}|\d{9})$/.test(origin)) throw new Error(`invalid origin area code: ${origin}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`invalid day: ${day}`);
  if (!Number.isInteger(lot) || lot < 0 || lot > 9999) throw new Error(`invalid lot number: ${lot}`);
  return `CX-${origin}-${day.slice(2).replaceAll('-', '')}-${String(lot).padStart(4, '0')}`;
}

/** An example for hints: Lufeng (禄丰市), 30 November 2026, lot 218. */
export const BATCH_CODE_EXAMPLE = formatBatchCode('532302', '2026-11-30', 218);
