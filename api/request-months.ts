// Months a request may name: not after the current one on the Shanghai calendar (a month to come
// has no data; answered, it drew zeros as if they were figures). The cockpit's routes and the flows
// ask the same.
import { shanghaiMonth } from '../contracts/time.ts';
import { badRequest } from './errors.ts';

export function notAfterCurrentMonth(field: string, month: string | undefined, now: number): void {
  const current = shanghaiMonth(now);
  if (month !== undefined && month > current) throw badRequest(field, `${month} is after the current month ${current}`);
}
