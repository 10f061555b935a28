// Dead letters keep the bytes they arrived with (not cut, not decoded), and `npm run dlq:replay`
// re-drives them to their topic once the cause is fixed: here a message size limit raised.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PosReceipt } from '../../../contracts/events.ts';
import { createKafkaSource } from '../../../ingest/kafka/consumer.ts';
import { createGenerator } from '../../../ingest/sources/generator.ts';
import { loadModelData } from '../../../ingest/sources/model-data.ts';
import { KAFKA_BROKERS, produce, readDeadLetters, setupTopics, uniquePrefix, waitForDrained } from '../../fixtures/kafka.ts';
import { openFixtureWarehouse, ROOT, type FixtureWarehouse } from '../../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

const count = async (sql: string) => Number((await wh.query<{ n: number }>(sql))[0]!.n);

function receipts(n: number): PosReceipt[] {
  const gen = createGenerator({ ...loadModelData(21), seed: 21 });
  const out: PosReceipt[] = [];
  for (const d of gen.days('2026-08-01', 30)) {
    for (const r of gen.day(d)) {
      if (r.kind === 'pos') out.push({ ...(r.value as PosReceipt), receiptId: `replay-${out.length}` });
      if (out.length === n) return out;
    }
  }
  return out;
}

function replay(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/dlq-replay.ts'), ...args], {
    env: { ...process.env, KAFKA_BROKERS: KAFKA_BROKERS ?? '' }, encoding: 'utf8', cwd: ROOT, timeout: 60_000,
  });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe.skipIf(!KAFKA_BROKERS)('dead letters: kept whole, re-driven once fixed', () => {
  test('too_large letters re-driven after the limit is raised land once; the rest stay; a second run re-drives nothing', async () => {
    const prefix = uniquePrefix('replay');
    const { kafka, topics } = await setupTopics(prefix, 2);
    const valid = receipts(60);
    // Three receipts padded past 4 KiB with a field the schema ignores: too large for a 4 KiB limit.
    const big = valid.slice(0, 3).map((r) => ({ ...r, note: 'x'.repeat(5000) }));
    const notUtf8 = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80]); // not UTF-8: its letter must keep these bytes, not U+FFFD
    const longText = Buffer.from(`not json ${'y'.repeat(70_000)}`); // more than the 64 KiB a payload was cut to
    await produce(kafka, topics, [
      ...big.map((value) => ({ kind: 'pos' as const, value })),
      ...valid.slice(3).map((value) => ({ kind: 'pos' as const, value })),
      { kind: 'pos', value: notUtf8 as never },
      { kind: 'pos', value: longText as never },
    ]);

    const groupId = `${prefix}-g`;
    const strict = createKafkaSource({ kafka, warehouse: wh, topics, groupId, maxMessageBytes: 4096 });
    await strict.start();
    await waitForDrained(kafka, groupId, topics);
    await strict.stop();
    expect(strict.stats()).toMatchObject({ accepted: 57, rejected: { too_large: 4, not_json: 1 } });

    const letters = await readDeadLetters(kafka, topics.pos);
    // The 70 KB text is over the 4 KiB limit too. Each letter carries its message's bytes, whole.
    expect(letters.map((l) => l.reason).sort()).toEqual(['not_json', 'too_large', 'too_large', 'too_large', 'too_large']);
    expect(letters.find((l) => l.bytes.equals(notUtf8))?.reason).toBe('not_json');
    expect(letters.find((l) => l.bytes.equals(longText))?.reason).toBe('too_large');
    for (const b of big) expect(letters.some((l) => l.bytes.equals(Buffer.from(JSON.stringify(b))))).toBe(true);

    const ids = (rs: { receiptId: string }[]) => rs.map((r) => `'${r.receiptId}'`).join(',');
    expect(await count(`SELECT uniqExact(receipt_id) AS n FROM pos_lines WHERE receipt_id IN (${ids(valid)})`)).toBe(57);

    const dlq = `${topics.pos}.dlq`;
    expect(replay(['--topic', dlq, '--reason', 'too_large', '--dry-run'])).toEqual({ status: 0, out: `would re-drive 4 to ${topics.pos}; read 5 letters, 1 of another reason left`, err: expect.any(String) });
    expect(replay(['--topic', dlq, '--reason', 'too_large']).out).toBe(`re-drove 4 to ${topics.pos}; read 5 letters, 1 of another reason left`);
    // The limit raised (the default, 1 MiB): the three receipts land; the 70 KB text is not JSON now.
    const fixed = createKafkaSource({ kafka, warehouse: wh, topics, groupId });
    await fixed.start();
    await waitForDrained(kafka, groupId, topics);
    await fixed.stop();
    expect(fixed.stats()).toMatchObject({ accepted: 3, rejected: { not_json: 1 } });
    expect(await count(`SELECT uniqExact(receipt_id) AS n FROM pos_lines WHERE receipt_id IN (${ids(valid)})`)).toBe(60);
    expect(await count(`SELECT count() AS n FROM pos_lines WHERE receipt_id IN (${ids(valid)})`)).toBe(valid.reduce((s, r) => s + r.lines.length, 0));
    // Since the first run, one new letter (the long text, now not JSON), of another reason: a
    // second run re-drives nothing; the letters it already re-drove are not read again.
    expect(replay(['--topic', dlq, '--reason', 'too_large']).out).toBe('re-drove none; read 1 letter, 1 of another reason left');
    expect(replay(['--topic', dlq, '--reason', 'not_json', '--dry-run']).out).toBe(`would re-drive 2 to ${topics.pos}; read 6 letters, 4 of another reason left`);
  }, 120_000);

  test('clear refusals: no topic, not a dead-letter topic, an unknown reason, no such topic', () => {
    expect(replay([])).toMatchObject({ status: 2, err: expect.stringMatching(/^dlq:replay: --topic is required/) });
    expect(replay(['--topic', 'cx.pos'])).toMatchObject({ status: 2, err: 'dlq:replay: --topic: cx.pos is not a dead-letter topic (they end in .dlq)' });
    expect(replay(['--topic', 'cx.pos.dlq', '--reason', 'bad'])).toMatchObject({ status: 2, err: 'dlq:replay: --reason: bad is not one of too_large, not_json, schema, out_of_range, insert_rejected' });
    expect(replay(['--topic', 'no-such-topic.dlq'])).toMatchObject({ status: 2, err: 'dlq:replay: no such topic: no-such-topic.dlq' });
  }, 120_000);
});
