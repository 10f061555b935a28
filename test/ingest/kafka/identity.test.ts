// The identity of an event is (stream, id): `receiptId`, `txnId`, `recordId`, unique across the
// platform. The first message with an id wins; every later one is a duplicate, whatever its
// partition, its time or its distance from the first. Against the real broker and engine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Partitioners } from 'kafkajs';
import type { PosReceipt } from '../../../contracts/events.ts';
import { createKafkaSource } from '../../../ingest/kafka/consumer.ts';
import { createGenerator } from '../../../ingest/sources/generator.ts';
import { loadModelData } from '../../../ingest/sources/model-data.ts';
import { KAFKA_BROKERS, readDeadLetters, setupTopics, uniquePrefix, waitForDrained } from '../../fixtures/kafka.ts';
import { openFixtureWarehouse, type FixtureWarehouse } from '../../fixtures/warehouse.ts';
import type { Kafka } from 'kafkajs';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

const count = async (sql: string) => Number((await wh.query<{ n: number }>(sql))[0]!.n);
const lineCount = (rs: readonly PosReceipt[]) => rs.reduce((s, r) => s + r.lines.length, 0);

function receipts(seed: number, n: number, tag: string): PosReceipt[] {
  const gen = createGenerator({ ...loadModelData(seed), seed });
  const out: PosReceipt[] = [];
  for (const d of gen.days('2026-05-01', 30)) {
    for (const r of gen.day(d)) {
      if (r.kind === 'pos') out.push({ ...(r.value as PosReceipt), receiptId: `${tag}-${out.length}` });
      if (out.length === n) return out;
    }
  }
  return out;
}

/** Sends each receipt to the partition given, as a producer that re-sends anywhere would. */
async function sendTo(kafka: Kafka, topic: string, items: { partition: number; value: PosReceipt | string }[]) {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 }); // a retry appends nothing twice
  await producer.connect();
  for (let i = 0; i < items.length; i += 500) {
    await producer.send({ topic, acks: -1, messages: items.slice(i, i + 500).map((m) => ({ partition: m.partition, value: typeof m.value === 'string' ? m.value : JSON.stringify(m.value) })) });
  }
  await producer.disconnect();
}

async function consume(kafka: Kafka, topics: Awaited<ReturnType<typeof setupTopics>>['topics'], groupId: string, batchMaxRows = 10_000) {
  // Two recorded ranges a page: a replay pages through the ledger, as one of millions would.
  const source = createKafkaSource({ kafka, warehouse: wh, topics, groupId, batchMaxRows, ledgerPage: 2 });
  await source.start();
  await waitForDrained(kafka, groupId, topics);
  await source.stop();
  return source.stats();
}

describe.skipIf(!KAFKA_BROKERS)('the identity of an event', () => {
  test('the same ids in three partitions at once: each counted once', async () => {
    const prefix = uniquePrefix('three');
    const { kafka, topics } = await setupTopics(prefix, 3);
    const rs = receipts(31, 600, prefix);
    // Every receipt in all three partitions: the three batches run at the same moment.
    await sendTo(kafka, topics.pos, [0, 1, 2].flatMap((partition) => rs.map((value) => ({ partition, value }))));
    const stats = await consume(kafka, topics, `${prefix}-g`);
    expect(await count(`SELECT count() AS n FROM pos_lines WHERE receipt_id LIKE '${prefix}-%'`)).toBe(lineCount(rs));
    expect(await count(`SELECT uniqExact(receipt_id) AS n FROM pos_lines WHERE receipt_id LIKE '${prefix}-%'`)).toBe(600);
    // Each of the 1,800 messages read is accepted once or a duplicate. A rebalance while the group
    // first joins the new topic can hand a range over again after its rows landed and before its
    // offset was committed (seen once in CI: 2,000 read, 1,400 duplicates): the ledger knows the
    // range is done and counts it as duplicates, writing nothing.
    expect(stats.accepted).toBe(600);
    expect(stats.consumed).toBeGreaterThanOrEqual(1800);
    expect(stats.consumed - stats.duplicates).toBe(600);
  }, 120_000);

  test('a re-send with its time corrected, days later: the first wins, the correction is a duplicate', async () => {
    const prefix = uniquePrefix('fix');
    const { kafka, topics } = await setupTopics(prefix, 1);
    const rs = receipts(32, 50, prefix);
    await sendTo(kafka, topics.pos, rs.map((value) => ({ partition: 0, value })));
    await consume(kafka, topics, `${prefix}-g`);
    const corrected = rs.slice(0, 10).map((r) => ({ ...r, soldAt: '2026-06-20 12:00:00' }));
    await sendTo(kafka, topics.pos, corrected.map((value) => ({ partition: 0, value })));
    const stats = await consume(kafka, topics, `${prefix}-g`);
    expect(stats).toMatchObject({ accepted: 0, duplicates: 10 });
    expect(await count(`SELECT count() AS n FROM pos_lines WHERE receipt_id LIKE '${prefix}-%'`)).toBe(lineCount(rs));
    expect(await count(`SELECT count() AS n FROM pos_lines WHERE receipt_id LIKE '${prefix}-%' AND sold_at >= '2026-06-20 00:00:00'`)).toBe(0);
  }, 120_000);

  test('the topic read again from the start, by a new group and by the old one reset, long after (no token window left): nothing counted twice', async () => {
    const prefix = uniquePrefix('again');
    const { kafka, topics, log } = await setupTopics(prefix, 2);
    const rs = receipts(33, 800, prefix);
    // Four lines that are not JSON among them, two a partition: each a dead letter once, however often it is read.
    const items: { partition: number; value: PosReceipt | string }[] = rs.map((value, i) => ({ partition: i % 2, value }));
    for (const [at, partition] of [[100, 0], [101, 1], [600, 0], [601, 1]] as const) items.splice(at, 0, { partition, value: `{"receiptId": "cut-${at}"` });
    await sendTo(kafka, topics.pos, items);
    await consume(kafka, topics, `${prefix}-g1`, 150); // several recorded ranges per partition
    const before = { lines: await count('SELECT count() AS n FROM pos_lines'), demand: await count('SELECT sum(lines) AS n FROM demand_daily') };
    // Each line a dead letter. (A rebalance while the group first joins can hand a range over after
    // its rows and dead letters went out and before its done mark: the new owner sends them again,
    // as docs/exactly-once.md says of that window; seen once in a fresh-clone run. What this test is
    // about is that reading the done ranges again sends none.)
    const CUT = ['{"receiptId": "cut-100"', '{"receiptId": "cut-101"', '{"receiptId": "cut-600"', '{"receiptId": "cut-601"'];
    const firstLetters = (await readDeadLetters(kafka, topics.pos)).map((l) => l.value);
    expect([...new Set(firstLetters)].sort()).toEqual(CUT);
    expect(before.lines).toBeGreaterThanOrEqual(lineCount(rs));
    // "Long after": the engine no longer remembers the batches' tokens.
    await wh.command('ALTER TABLE pos_lines MODIFY SETTING non_replicated_deduplication_window = 0');
    await wh.command('ALTER TABLE demand_daily MODIFY SETTING non_replicated_deduplication_window = 0');
    try {
      // Every message read (again, should the group rejoin and go back to its committed offsets),
      // none accepted.
      const fresh = await consume(kafka, topics, `${prefix}-g2`, 150);
      expect(fresh.accepted, log.join('\n')).toBe(0);
      expect(fresh.consumed, log.join('\n')).toBeGreaterThanOrEqual(804);
      const admin = kafka.admin();
      await admin.connect();
      await admin.resetOffsets({ groupId: `${prefix}-g1`, topic: topics.pos, earliest: true });
      await admin.disconnect();
      const reset = await consume(kafka, topics, `${prefix}-g1`, 150);
      expect(reset.accepted, log.join('\n')).toBe(0);
      expect(reset.consumed, log.join('\n')).toBeGreaterThanOrEqual(804);
      expect(await count('SELECT count() AS n FROM pos_lines')).toBe(before.lines);
      expect(await count('SELECT sum(lines) AS n FROM demand_daily')).toBe(before.demand);
      // The ranges were done, their dead letters acknowledged before the mark: not sent again.
      const letters = (await readDeadLetters(kafka, topics.pos)).map((l) => l.value);
      expect(letters.sort()).toEqual(firstLetters.sort());
    } finally {
      await wh.command('ALTER TABLE pos_lines MODIFY SETTING non_replicated_deduplication_window = 10000');
      await wh.command('ALTER TABLE demand_daily MODIFY SETTING non_replicated_deduplication_window = 10000');
    }
  }, 180_000);
});
