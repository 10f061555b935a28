// ensureTopics against a scripted admin client: a broker that has just created a topic may answer
// its metadata with UNKNOWN_TOPIC_OR_PARTITION, then with leaderless partitions, before it settles.
import { describe, expect, it } from 'vitest';
import type { Admin } from 'kafkajs';
import { ensureTopics, topicNames } from '../../../ingest/kafka/topics.ts';

type Answer = 'unknown' | 'leaderless' | 'ready' | 'denied';

function scriptedAdmin(existing: string[], answers: Answer[]) {
  const created: { topic: string; numPartitions: number }[] = [];
  let polls = 0;
  const admin = {
    listTopics: async () => existing,
    createTopics: async ({ topics }: { topics: { topic: string; numPartitions: number }[] }) => {
      created.push(...topics);
      return true;
    },
    fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
      const answer = answers[Math.min(polls++, answers.length - 1)]!;
      if (answer === 'unknown') throw Object.assign(new Error('This server does not host this topic-partition'), { type: 'UNKNOWN_TOPIC_OR_PARTITION' });
      if (answer === 'denied') throw Object.assign(new Error('Not authorized to access topics'), { type: 'TOPIC_AUTHORIZATION_FAILED' });
      return { topics: topics.map((name) => ({ name, partitions: [{ partitionId: 0, leader: answer === 'ready' ? 1 : -1 }] })) };
    },
  };
  return { admin: admin as unknown as Admin, created, polls: () => polls };
}

describe('ensureTopics', () => {
  it('creates the missing topics and waits through unknown and leaderless answers', async () => {
    const topics = topicNames('t1');
    const s = scriptedAdmin(['t1.pos', 't1.pos.dlq'], ['unknown', 'unknown', 'leaderless', 'ready']);
    const created = await ensureTopics(s.admin, topics, { partitions: 4, pollMs: 1 });
    expect(created).toEqual(['t1.distribution', 't1.distribution.dlq', 't1.parcel', 't1.parcel.dlq']);
    expect(s.created).toEqual([
      { topic: 't1.distribution', numPartitions: 4 }, { topic: 't1.distribution.dlq', numPartitions: 1 },
      { topic: 't1.parcel', numPartitions: 4 }, { topic: 't1.parcel.dlq', numPartitions: 1 },
    ]);
    expect(s.polls()).toBe(4);
  });

  it('gives up after its limit, naming the topics and what it last saw', async () => {
    const s = scriptedAdmin([], ['unknown', 'leaderless']);
    const all = 't2.pos, t2.pos.dlq, t2.distribution, t2.distribution.dlq, t2.parcel, t2.parcel.dlq';
    const error = await ensureTopics(s.admin, topicNames('t2'), { readyWithinMs: 30, pollMs: 5 }).catch((e: Error) => e);
    expect((error as Error).message).toBe(`Kafka topics ${all} not ready after 30 ms: no leader yet for ${all}`);
  });

  it('passes on an error that waiting will not change', async () => {
    const s = scriptedAdmin([], ['denied']);
    await expect(ensureTopics(s.admin, topicNames('t3'), { pollMs: 1 })).rejects.toThrow('Not authorized to access topics');
    expect(s.polls()).toBe(1);
  });
});
