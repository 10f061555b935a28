// The three streams' topics and their dead-letter topics, created through the admin client
// (a broker may not auto-create, and kafkajs races KRaft's auto-creation).
import type { Admin } from 'kafkajs';
import { EVENT_KINDS, type EventKind } from '../../contracts/events.ts';

export type Topics = Record<EventKind, string>;

/** `cx.pos`, `cx.distribution`, `cx.parcel` with the default prefix. */
export function topicNames(prefix = 'cx'): Topics {
  return Object.fromEntries(EVENT_KINDS.map((k) => [k, `${prefix}.${k}`])) as Topics;
}

export const dlqTopic = (topic: string) => `${topic}.dlq`;

export async function ensureTopics(admin: Admin, topics: Topics, partitions = 3): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const wanted = Object.values(topics).flatMap((t) => [t, dlqTopic(t)]);
  const missing = wanted.filter((t) => !existing.has(t));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: topic.endsWith('.dlq') ? 1 : partitions })),
    });
  }
  return missing;
}
