// Reports for the previous month are produced by themselves between the 1st and the 10th (the plan
// asks for them by the 10th): every hour it checks the prefecture and each county, and produces
// what is missing, as "system". Every API process runs it: two that produce the same report in the
// same hour write it under the same ids, and the listing shows it once. While the history is still
// loading (the embedded default's first backfill) it waits: a report made then would keep last
// month's figures half-filled for good, since a month that has its report is not produced again.
// It looks again a minute later, not an hour: the reports follow the history's end at once.
import { SCHEDULER_PRODUCER } from '../../contracts/officials-words.ts';
import { addMonths, shanghaiDay } from '../../contracts/time.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { readNationalSeries } from '../../warehouse/officials-reference.ts';
import type { Logger } from '../logger.ts';
import { produceReport, type ReportDeps } from './reports.ts';

export interface ReportScheduler { tick(): Promise<string[]>; stop(): void }

export interface SchedulerDeps extends ReportDeps {
  writer: Warehouse;
  reader: Pick<Warehouse, 'query'>;
  logger: Logger;
  everyMs?: number; // an hour by default
  retryMs?: number; // while the history loads: a minute by default
  /** True while the data of past months is still arriving (a backfill): no report is made then. */
  catchingUp?: () => boolean;
}

export function startReportScheduler(deps: SchedulerDeps): ReportScheduler {
  const { writer, reader, logger, queries, directory, clock, everyMs = 3_600_000, retryMs = 60_000, catchingUp = () => false } = deps;
  let running: Promise<string[]> | undefined;
  let waiting = false;
  let soon: ReturnType<typeof setTimeout> | undefined;
  const runIn = (ms: number) => {
    clearTimeout(soon);
    soon = setTimeout(() => void run(), ms);
    soon.unref();
  };

  async function tick(): Promise<string[]> {
    const today = shanghaiDay(clock());
    if (Number(today.slice(8, 10)) > 10) return [];
    const month = addMonths(today.slice(0, 7), -1);
    if (catchingUp()) {
      if (!waiting) logger.info('monthly reports wait until the history has loaded', { month });
      waiting = true;
      runIn(retryMs);
      return [];
    }
    waiting = false;
    const areas = ['5323', ...(await directory.areasUnder('5323')).filter((a) => a.level === 'county').map((a) => a.code)];
    const national = await readNationalSeries(reader, queries);
    const made: string[] = [];
    for (const area of areas) {
      const [r] = await reader.query<{ n: number }>(queries['reports-for-month'], { area, month });
      if (Number(r?.n ?? 0) > 0) continue;
      await produceReport(writer, reader, { queries, directory, clock }, area, month, national, SCHEDULER_PRODUCER, `${area}-${month}-auto`);
      made.push(`${area} ${month}`);
    }
    if (made.length) logger.info('monthly reports produced', { reports: made });
    return made;
  }

  const run = () => {
    running ??= tick().catch((e) => { logger.error('monthly reports failed', { error: (e as Error).message }); return []; }).finally(() => { running = undefined; });
    return running;
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  runIn(60_000); // after start-up, not during it
  return { tick: run, stop: () => { clearInterval(timer); clearTimeout(soon); } };
}
