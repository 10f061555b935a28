// The ingest source as the health check names it for machines (`in-process (backfill)`,
// `kafka (cx-ingest)`), in the reader's words on the operations page.
import type { Lang } from './i18n.ts';

/** The ingest source as the health check names it (`in-process (backfill)`, `kafka (cx-ingest)`), in the reader's words. */
export function sourceName(source: string, lang: Lang): string {
  const inProcess = /^in-process \((\w+)\)$/.exec(source);
  if (inProcess) {
    const phase = ({ idle: ['待启动', 'starting'], backfill: ['回填历史数据', 'loading history'], live: ['实时', 'live'], stopped: ['已停止', 'stopped'], done: ['已完成', 'done'] } as Record<string, [string, string]>)[inProcess[1]!];
    if (phase) return lang === 'zh' ? `内置模拟数据（${phase[0]}）` : `built-in simulator (${phase[1]})`;
  }
  const kafka = /^kafka \((.*)\)$/.exec(source);
  if (kafka) return lang === 'zh' ? `Kafka（消费组 ${kafka[1]}）` : `Kafka (group ${kafka[1]})`;
  return source;
}
