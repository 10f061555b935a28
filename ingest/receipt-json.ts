// A POS receipt as the JSON the engine flattens into pos_lines (migration 0028): the producer's own
// bytes when they say exactly what the validated receipt says, otherwise the receipt written out
// again. "Exactly" is decided on the text, cheaply and conservatively; a receipt it is not sure of is
// written out again (about 3 us), never sent as it came:
// - checked by hand (ingest/fast-pos.ts): zod's path may have read defaults or other forms in;
// - its time already on the Shanghai wall clock, the form the column reads;
// - no number in a form JavaScript reads as an integer and the engine may not (1.0, 1e3, -0), found
//   by any digit before `.`, `e` or `E` and any `-` after `:`, `,` or `[` (ids and categories may
//   match too: such a receipt is written out again, which is only slower);
// - on one line, so one receipt is one JSONEachRow row whatever a reader of the text splits on;
// - no backslash: the engine reads a named tuple's keys and a DateTime's text without decoding
//   escapes ("s\u006bu" would be an unknown key to it, the line's sku left empty), and refuses a
//   lone surrogate JavaScript accepts. Every value the schema accepts is plain ASCII, so only an
//   escape or an unknown field has one.
// Keys the receipt's schema does not know are ignored by the engine as by zod. A key given twice is
// read by JavaScript as its last value; the engine refuses the row, and the receipt becomes a dead
// letter naming the engine's reason (insert_rejected) rather than landing: not silent, not exact.
import type { PosReceipt } from '../contracts/events.ts';
import { WALL_CLOCK, wallClock } from './rows.ts';

const NOT_AS_IS = /\d[.eE]|[:,[]\s*-|\n|\\/;

/** Whether `text`, valid and checked by hand as `receipt`, can go to the engine as it is. */
export function receiptTextAsIs(text: string, receipt: PosReceipt): boolean {
  return WALL_CLOCK.test(receipt.soldAt) && !NOT_AS_IS.test(text);
}

/** The receipt written out for the engine: the time on the wall clock, every line's fields. */
export function receiptText(receipt: PosReceipt): string {
  return JSON.stringify(receipt.soldAt === wallClock(receipt.soldAt) ? receipt : { ...receipt, soldAt: wallClock(receipt.soldAt) });
}
