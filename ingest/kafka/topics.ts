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

export interface EnsureTopicsOptions {
  partitions?: number; // 3 by default (dead-letter topics have 1)
  readyWithinMs?: number; // 30_000 by default: how long new topics may take to get their leaders
  pollMs?: number; // 100 by default
}

/** Creates the missing topics and waits until every partition of every topic has a leader. */
export async function ensureTopics(admin: Admin, topics: Topics, options: EnsureTopicsOptions = {}): Promise<string[]> {
  const { partitions = 3, readyWithinMs = 30_000, pollMs = 100 } = options;
  const existing = new Set(await admin.listTopics());
  const wanted = Object.values(topics).flatMap((t) => [t, dlqTopic(t)]);
  const missing = wanted.filter((t) => !existing.has(t));
  if (missing.length > 0) {
    // kafkajs's own wait for leaders retries only LEADER_NOT_AVAILABLE, but a broker that has just
    // created a topic may first answer its metadata with UNKNOWN_TOPIC_OR_PARTITION (seen on a
    // freshly started KRaft broker): that wait would fail a start-up that a moment later succeeds.
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((topic) => ({ topic, numPartitions: topic.endsWith('.dlq') ? 1 : partitions })),
    });
  }
  await leadersElected(admin, wanted, readyWithinMs, pollMs);
  return missing;
}

const SETTLING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

async function leadersElected(admin: Admin, topics: string[], withinMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  let waitingFor = 'no answer yet';
  for (;;) {
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics });
      const leaderless = described.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
      if (leaderless.length === 0) return;
      waitingFor = `no leader yet for ${leaderless.map((t) => t.name).join(', ')}`;
    } catch (e) {
      const err = e as { type?: string; cause?: { type?: string } };
      if (!SETTLING.has(err.type ?? err.cause?.type ?? '')) throw e;
      waitingFor = (e as Error).message;
    }
    if (Date.now() >= deadline) throw new Error(`Kafka topics ${topics.join(', ')} not ready after ${withinMs} ms: ${waitingFor}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
