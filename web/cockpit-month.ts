// The cockpit's months by the Shanghai calendar, whatever the browser's zone: the platform's
// business day is Asia/Shanghai (contracts/time.ts). Built from local time and read back with
// toISOString(), "last month" was a month early in Beijing between 00:00 and 08:00.
import { shanghaiDay } from '../contracts/time.ts';

/** The month it is now in Shanghai, `YYYY-MM`: the latest a month picker offers. */
export function currentMonth(nowMs: number): string {
  return shanghaiDay(nowMs).slice(0, 7);
}

/** The month before the current one in Shanghai: the month a report is due for. */
export function previousMonth(nowMs: number): string {
  const [y, m] = currentMonth(nowMs).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
