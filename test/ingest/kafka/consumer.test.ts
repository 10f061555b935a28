// The Kafka source against the real local broker and the embedded warehouse: exact counts in
// the tables and on the dead-letter topic.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PosReceipt } from '../../../contracts/events.ts';
import { createKafkaSource } from '../../../ingest/kafka/consumer.ts';
import { batchToken, createWarehouseLedger } from '../../../ingest/kafka/ledger.ts';
import { addRecord, createBatch } from '../../../ingest/batch.ts';
import { insertEvents } from '../../../ingest/event-insert.ts';
import { claimIds } from '../../../ingest/identity.ts';
import { WarehouseError, type Warehouse } from '../../../warehouse/warehouse.ts';
import type { RecordOut } from '../../../ingest/kafka/producer.ts';
import { createGenerator } from '../../../ingest/sources/generator.ts';
import { loadModelData } from '../../../ingest/sources/model-data.ts';
import { KAFKA_BROKERS, produce, readDeadLetters, setupTopics, uniquePrefix, waitForDrained } from '../../fixtures/kafka.ts';
import { openFixtureWarehouse, type FixtureWarehouse } from '../../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

const count = async (sql: string) => Number((await wh.query<{ n: number }>(sql))[0]!.n);

/** `n` valid POS receipts from the generator, from its day `day`. */
function receipts(seed: number, n: number, day = '2026-04-01'): PosReceipt[] {
  const gen = createGenerator({ ...loadModelData(seed), seed });
  const out: PosReceipt[] = [];
  for (const d of gen.days(day, 30)) {
    for (const r of gen.day(d)) {
      if (r.kind === 'pos') out.push(r.value as PosReceipt);
      if (out.length === n) return out;
    }
  }
  return out;
}

const lineCount = (rs: readonly PosReceipt[]) => rs.reduce((s, r) => s + r.lines.length, 0);

describe.skipIf(!KAFKA_BROKERS)('Kafka source', () => {
  test('a known mix: valid, duplicated, not JSON, off-schema and oversized messages', async () => {
    const prefix = uniquePrefix('mix');
    const { kafka, topics } = await setupTopics(prefix);
    const valid = receipts(11, 300);
    const big = { ...valid[0]!, receiptId: 'R-BIG', storeId: 'BIG-1', note: 'x'.repeat(5000) };
    const records: RecordOut[] = [
      ...valid.map((value) => ({ kind: 'pos' as const, value })),
      // A device re-sending 25 receipts after a timeout: same ids, same key, later offsets.
      ...valid.slice(100, 125).map((value) => ({ kind: 'pos' as const, value })),
      ...Array.from({ length: 10 }, (_, i) => ({ kind: 'pos' as const, value: `{"receiptId": "broken-${i}"` })),
      ...Array.from({ length: 12 }, (_, i) => ({ kind: 'pos' as const, value: { ...valid[i]!, receiptId: `R-BAD-${i}`, totalFen: 1 } })),
      { kind: 'pos', value: big },
      { kind: 'pos', value: { ...big, receiptId: 'R-BIG-2' } },
    ];
    await produce(kafka, topics, records);

    const source = createKafkaSource({ kafka, warehouse: wh, topics, groupId: `${prefix}-g`, maxMessageBytes: 4096, batchMaxRows: 100 });
    await source.start();
    await waitForDrained(kafka, `${prefix}-g`, topics);
    await source.stop();

    expect(await count('SELECT count() AS n FROM pos_lines')).toBe(lineCount(valid));
    expect(await count('SELECT uniqExact(receipt_id) AS n FROM pos_lines')).toBe(300);
    expect(await count('SELECT sum(lines) AS n FROM demand_daily')).toBe(lineCount(valid));
    expect(await count('SELECT sum(amount_fen) AS n FROM demand_daily')).toBe(valid.reduce((s, r) => s + r.totalFen, 0));

    // The counters count work: if the group rejoins (a topic's metadata arriving late, a missed
    // heartbeat on a loaded machine), a range written but not yet committed is read again, and its
    // records are counted again, as duplicates or rejected. So: every record read is accounted
    // for once, each kind at least as often as it was sent, and with no replay (349 read) exactly.
    const stats = source.stats();
    const rejected = stats.rejected;
    expect(stats.accepted).toBe(300);
    expect(stats.consumed).toBe(stats.accepted + stats.duplicates + Object.values(rejected).reduce((s, n) => s + n, 0));
    expect(Object.keys(rejected).sort()).toEqual(['not_json', 'schema', 'too_large']);
    expect({ consumed: stats.consumed >= 349, duplicates: stats.duplicates >= 25, notJson: rejected.not_json! >= 10, schema: rejected.schema! >= 12, tooLarge: rejected.too_large! >= 2 })
      .toEqual({ consumed: true, duplicates: true, notJson: true, schema: true, tooLarge: true });
    const letters = await readDeadLetters(kafka, topics.pos);
    const byReason = letters.reduce<Record<string, number>>((m, l) => ({ ...m, [l.reason]: (m[l.reason] ?? 0) + 1 }), {});
    expect(byReason).toEqual({ not_json: 10, schema: 12, too_large: 2 });
    expect(letters.find((l) => l.reason === 'not_json')!.value).toMatch(/^\{"receiptId": "broken-\d"$/);
  });

  test('two consumers in one group, one leaving mid-stream: nothing lost, nothing doubled', async () => {
    await wh.command('TRUNCATE TABLE pos_lines');
    await wh.command('TRUNCATE TABLE demand_daily');
    const prefix = uniquePrefix('pair');
    const groupId = `${prefix}-g`;
    const { kafka, topics } = await setupTopics(prefix);
    const all = receipts(12, 4000, '2026-05-01');
    await produce(kafka, topics, all.slice(0, 2500).map((value) => ({ kind: 'pos' as const, value })));

    const options = { kafka, warehouse: wh, topics, groupId, batchMaxRows: 150 };
    const a = createKafkaSource(options);
    const b = createKafkaSource(options);
    await a.start();
    await b.start();
    // Let both work until B has written some (it may join late on a loaded machine), then B
    // leaves while messages are still flowing.
    const producing = produce(kafka, topics, all.slice(2500).map((value) => ({ kind: 'pos' as const, value })));
    const deadline = Date.now() + 60_000;
    while (b.stats().accepted === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await b.stop();
    await producing;
    await waitForDrained(kafka, groupId, topics);
    await a.stop();

    expect(await count('SELECT count() AS n FROM pos_lines')).toBe(lineCount(all));
    expect(await count('SELECT uniqExact(receipt_id) AS n FROM pos_lines')).toBe(4000);
    expect(await count('SELECT sum(lines) AS n FROM demand_daily')).toBe(lineCount(all));
    expect(a.stats().accepted + b.stats().accepted).toBe(4000);
    expect(b.stats().accepted).toBeGreaterThan(0);
  }, 90_000);

  test('an error in the middle of a batch (ids insert refused once): the retry re-forms the batch, nothing doubled', async () => {
    await wh.command('TRUNCATE TABLE pos_lines');
    await wh.command('TRUNCATE TABLE demand_daily');
    const prefix = uniquePrefix('fail');
    const { kafka, topics } = await setupTopics(prefix, 1);
    const valid = receipts(13, 200, '2026-06-01');
    await produce(kafka, topics, valid.map((value) => ({ kind: 'pos' as const, value })));
    let failed = false;
    const flaky: Warehouse = {
      ...wh,
      async insert(table, rows, opts) {
        if (table === 'ingest_event_ids' && !failed) {
          failed = true;
          throw new WarehouseError('Cannot parse input (injected)', { code: 'CH_27', retryable: false });
        }
        return wh.insert(table, rows, opts);
      },
    };
    const source = createKafkaSource({ kafka, warehouse: flaky, topics, groupId: `${prefix}-g`, batchMaxRows: 100 });
    await source.start();
    await waitForDrained(kafka, `${prefix}-g`, topics);
    await source.stop();
    expect(failed).toBe(true);
    expect(await count('SELECT count() AS n FROM pos_lines')).toBe(lineCount(valid));
    expect(await count('SELECT sum(lines) AS n FROM demand_daily')).toBe(lineCount(valid));
  }, 90_000);

  test('one event the engine refuses in a batch of 200: only it is a dead letter, with its offset; the rest land once', async () => {
    await wh.command('TRUNCATE TABLE pos_lines');
    await wh.command('TRUNCATE TABLE demand_daily');
    const prefix = uniquePrefix('split');
    const { kafka, topics } = await setupTopics(prefix, 1);
    const valid = receipts(14, 200, '2026-06-10');
    await produce(kafka, topics, valid.map((value) => ({ kind: 'pos' as const, value })));
    const poison = valid[137]!.receiptId; // at offset 137 of the only partition
    // The engine refusing a value it cannot store, for the rows of one receipt.
    const picky: Warehouse = {
      ...wh,
      async insert(table, rows, opts) {
        if (table === 'pos_lines' && rows.some((r) => r.receipt_id === poison)) {
          throw new WarehouseError(`Cannot parse input: receipt ${poison} (injected)`, { code: 'CH_27', retryable: false });
        }
        return wh.insert(table, rows, opts);
      },
      // The embedded engine takes receipts as their JSON (ingest/event-insert.ts).
      async insertJson(table, lines, opts) {
        if (table === 'pos_receipts_in' && lines.includes(`"receiptId":"${poison}"`)) {
          throw new WarehouseError(`Cannot parse input: receipt ${poison} (injected)`, { code: 'CH_27', retryable: false });
        }
        return wh.insertJson!(table, lines, opts);
      },
    };
    const source = createKafkaSource({ kafka, warehouse: picky, topics, groupId: `${prefix}-g`, batchMaxRows: 10_000 });
    await source.start();
    await waitForDrained(kafka, `${prefix}-g`, topics);
    await source.stop();
    const landed = valid.filter((r) => r.receiptId !== poison);
    expect(await count('SELECT count() AS n FROM pos_lines')).toBe(lineCount(landed));
    expect(await count('SELECT uniqExact(receipt_id) AS n FROM pos_lines')).toBe(199);
    expect(await count('SELECT sum(lines) AS n FROM demand_daily')).toBe(lineCount(landed));
    expect(source.stats()).toMatchObject({ accepted: 199, rejected: { insert_rejected: 1 } });
    const letters = await readDeadLetters(kafka, topics.pos);
    expect(letters.map((l) => [l.reason, l.offset])).toEqual([['insert_rejected', '137']]);
    expect(JSON.parse(letters[0]!.value).receiptId).toBe(poison);
  }, 90_000);

  test('a range written as rows before the upgrade to receipts as JSON, and not marked done, is written again as rows: once', async () => {
    // The process that wrote it died after its rows and before its done mark (docs/exactly-once.md);
    // the new code replays the range from the ledger. Through the JSON view the same token would not
    // match the direct insert's block (test/ingest/receipt-json.test.ts), so the ledger's record of
    // the way (migration 0029, recorded 0 here as by the old code) sends it as rows.
    await wh.command('TRUNCATE TABLE pos_lines');
    await wh.command('TRUNCATE TABLE demand_daily');
    const prefix = uniquePrefix('upgrade');
    const { kafka, topics } = await setupTopics(prefix, 1);
    const valid = receipts(15, 120, '2026-06-20');
    await produce(kafka, topics, valid.map((value) => ({ kind: 'pos' as const, value })));
    const range = { first: 0n, last: 79n };
    const token = batchToken('pos_lines', topics.pos, 0, range);
    const old = createBatch();
    valid.slice(0, 80).forEach((r, i) => addRecord(old, 'pos', Buffer.from(JSON.stringify(r)), { source: 'old', maxBytes: 1 << 20, sentAt: Date.now(), offset: BigInt(i) }));
    await createWarehouseLedger(wh).record(topics.pos, 0, range, false);
    await claimIds(wh, 'pos', old.events, token);
    await insertEvents(wh, 'pos', old.events, false, { dedupToken: token });
    expect(await count('SELECT count() AS n FROM pos_lines')).toBe(lineCount(valid.slice(0, 80)));

    const source = createKafkaSource({ kafka, warehouse: wh, topics, groupId: `${prefix}-g`, batchMaxRows: 10_000 });
    await source.start();
    await waitForDrained(kafka, `${prefix}-g`, topics);
    await source.stop();
    expect(await count('SELECT count() AS n FROM pos_lines')).toBe(lineCount(valid));
    expect(await count('SELECT uniqExact(receipt_id) AS n FROM pos_lines')).toBe(120);
    expect(await count('SELECT sum(lines) AS n FROM demand_daily')).toBe(lineCount(valid));
    // The rest of the topic, new ranges (one or more, as the fetches came), went as JSON and were
    // recorded so, done marks included: merged, the table keeps a range's newest row only.
    await wh.command('OPTIMIZE TABLE ingest_batches FINAL');
    const ranges = await wh.query<{ first: string; last: string; json: number }>('SELECT toString(first_offset) AS first, toString(last_offset) AS last, max(receipts_json) AS json FROM ingest_batches WHERE topic = {t:String} GROUP BY first_offset, last_offset ORDER BY first_offset', { t: topics.pos });
    expect(ranges[0]).toEqual({ first: '0', last: '79', json: 0 });
    expect(ranges.slice(1).map((r) => r.json)).toEqual(ranges.slice(1).map(() => 1));
    expect([ranges[1]?.first, ranges.at(-1)?.last]).toEqual(['80', '119']);
  }, 90_000);

  test('thousands of dead letters in one batch go out in requests the broker accepts', async () => {
    const prefix = uniquePrefix('dlqbig');
    const { kafka, topics } = await setupTopics(prefix, 1);
    const bad = Array.from({ length: 2500 }, (_, i) => ({ kind: 'pos' as const, value: `not json ${i} ${'x'.repeat(1500)}` }));
    await produce(kafka, topics, bad);
    const source = createKafkaSource({ kafka, warehouse: wh, topics, groupId: `${prefix}-g` });
    await source.start();
    await waitForDrained(kafka, `${prefix}-g`, topics);
    await source.stop();
    expect(source.stats().rejected).toEqual({ not_json: 2500 });
    expect(new Set((await readDeadLetters(kafka, topics.pos)).map((l) => l.key)).size).toBe(2500);
  }, 90_000);
});
