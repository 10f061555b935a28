// Everything at once, against the real broker and the real engine: batches written by kcat (a
// librdkafka producer, not kafkajs) in every codec, exact duplicates, the same ids in all three
// partitions, poison messages of every kind, and the ingest process (main.ts) killed with SIGKILL
// at 20 random points while it consumes; then a clean run; then the group's offsets reset to the
// start and the topics read again. The warehouse (raw tables and rollup) and the dead-letter
// topics are compared with counts worked out here from what was produced.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { DistributionTxn, EventKind, ParcelVolume, PosReceipt } from '../../../contracts/events.ts';
import { createGenerator } from '../../../ingest/sources/generator.ts';
import { loadModelData } from '../../../ingest/sources/model-data.ts';
import { createEmbeddedWarehouse } from '../../../warehouse/embedded.ts';
import { KAFKA_BROKERS, readDeadLetters, setupTopics, startIngest, uniquePrefix, waitForDrained } from '../../fixtures/kafka.ts';
import { ROOT } from '../../fixtures/warehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'cx-faults-'));
const dataDir = join(dir, 'chdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KILLS = 20;
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
const MAX_BYTES = 8192;

type Out = { kind: EventKind; partition: number; line: string };
const idOf = (kind: EventKind, v: Record<string, unknown>) => String(kind === 'pos' ? v.receiptId : kind === 'distribution' ? v.txnId : v.recordId);

describe.skipIf(!KAFKA_BROKERS)('ingest under every fault at once', () => {
  test(`kcat in every codec, duplicates, one id in three partitions, poison, SIGKILL x${KILLS}, then offsets reset: every event once, every bad message a dead letter`, async () => {
    const prefix = uniquePrefix('faults');
    const groupId = `${prefix}-g`;
    const { kafka, topics } = await setupTopics(prefix, 3);
    const gen = createGenerator({ ...loadModelData(41), seed: 41, scale: 0.15, badShare: 0 });
    const days = gen.days('2026-06-01', KILLS + 1);

    // What must land, from the records themselves: each id once (its copies are identical).
    const seen = new Set<string>();
    const expected = { posLines: 0, amountFen: 0, distribution: 0, parcel: 0 };
    const badReasons: Record<string, number> = {};
    let bad = 0;
    const chunks: Out[][] = days.map((day, c) => {
      const out: Out[] = [];
      const records = [...gen.day(day)];
      records.forEach((r, i) => {
        const value = r.value as Record<string, unknown>;
        const key = `${r.kind}|${idOf(r.kind, value)}`;
        if (!seen.has(key)) {
          seen.add(key);
          if (r.kind === 'pos') {
            const lines = (value as unknown as PosReceipt).lines;
            expected.posLines += lines.length;
            expected.amountFen += lines.reduce((s, l) => s + l.amountFen, 0);
          } else if (r.kind === 'distribution') expected.distribution += (value as unknown as DistributionTxn).txnId ? 1 : 0;
          else expected.parcel += (value as unknown as ParcelVolume).recordId ? 1 : 0;
        }
        const line = JSON.stringify(value);
        out.push({ kind: r.kind, partition: i % 3, line });
        if (i % 33 === 0) out.push({ kind: r.kind, partition: i % 3, line }); // an exact re-send, same partition
        if (i % 50 === 7) for (const p of [0, 1, 2]) if (p !== i % 3) out.push({ kind: r.kind, partition: p, line }); // and in the others
      });
      // Poison of every kind, each message its own.
      const receipt = records.find((r) => r.kind === 'pos')!.value as PosReceipt;
      const poison: [string, string][] = [
        ['not_json', `{"receiptId": "cut-${c}"`],
        ['not_json', `garbage ${c}`],
        ['schema', JSON.stringify({ ...receipt, receiptId: `bad-total-${c}`, totalFen: receipt.totalFen + 1 })],
        ['schema', JSON.stringify({ schemaVersion: 1, receiptId: `empty-${c}` })],
        ['too_large', JSON.stringify({ ...receipt, receiptId: `big-${c}`, note: 'x'.repeat(MAX_BYTES + 100) })],
        ['out_of_range', JSON.stringify({ ...receipt, receiptId: `early-${c}`, soldAt: '1999-12-31 23:00:00' })],
        ['out_of_range', JSON.stringify({ ...receipt, receiptId: `late-${c}`, soldAt: '2099-01-01 00:00:00' })],
      ];
      poison.forEach(([reason, line], i) => {
        out.push({ kind: 'pos', partition: (c + i) % 3, line });
        badReasons[reason] = (badReasons[reason] ?? 0) + 1;
        bad++;
      });
      return out;
    });

    /** One chunk, by kcat: per topic and partition one run, compressed with the chunk's codec. */
    const send = (c: number) => {
      const codec = CODECS[c % CODECS.length]!;
      const groups = new Map<string, string[]>();
      for (const m of chunks[c]!) {
        const k = `${topics[m.kind]}|${m.partition}`;
        groups.set(k, [...(groups.get(k) ?? []), m.line]);
      }
      for (const [k, lines] of groups) {
        const [topic, partition] = k.split('|') as [string, string];
        const file = join(dir, `chunk-${c}-${topic}-${partition}.ndjson`);
        writeFileSync(file, `${lines.join('\n')}\n`);
        execFileSync('kcat', ['-P', '-b', KAFKA_BROKERS!, '-t', topic, '-p', partition, '-z', codec,
          '-X', 'enable.idempotence=true', '-X', 'linger.ms=20', '-X', 'batch.num.messages=200', '-l', file], { stdio: 'pipe', timeout: 60_000 });
      }
    };

    const env = {
      KAFKA_BROKERS: KAFKA_BROKERS!, KAFKA_TOPIC_PREFIX: prefix, KAFKA_GROUP_ID: groupId, KAFKA_SESSION_TIMEOUT_MS: '6000',
      DATA_DIR: dataDir, PORT: '0', INGEST_BATCH_ROWS: '200', INGEST_MAX_MESSAGE_BYTES: String(MAX_BYTES),
    };
    const kills: number[] = [];
    for (let c = 0; c < KILLS; c++) {
      send(c); // fresh backlog for every run
      const run = startIngest(ROOT, env);
      await run.consuming;
      const delay = 100 + Math.floor(Math.random() * 1500);
      kills.push(delay);
      await new Promise((r) => setTimeout(r, delay));
      run.child.kill('SIGKILL');
      await run.exited;
    }
    send(KILLS);
    const drain = async () => {
      const run = startIngest(ROOT, env);
      await run.consuming;
      await waitForDrained(kafka, groupId, topics, 180_000);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    };
    await drain();

    /** For a failure message: which events of a kind are missing, who claimed their ids, those ledger ranges, the dead letters. */
    const explainMissing = async (wh: ReturnType<typeof createEmbeddedWarehouse>, kind: EventKind) => {
      const [table, column] = ({ pos: ['pos_lines', 'receipt_id'], distribution: ['distribution_txns', 'txn_id'], parcel: ['parcel_volumes', 'record_id'] } as const)[kind];
      const present = new Set((await wh.query<{ id: string }>(`SELECT DISTINCT ${column} AS id FROM ${table}`)).map((r) => r.id));
      const gone = [...seen].filter((k) => k.startsWith(`${kind}|`)).map((k) => k.slice(kind.length + 1)).filter((id) => !present.has(id));
      const claims = await wh.query<{ id: string; token: string; at: string }>(
        'SELECT id, token, toString(at) AS at FROM ingest_event_ids WHERE kind = {kind:String} AND id IN {ids:Array(String)} ORDER BY id, at', { kind, ids: gone.slice(0, 5) });
      const ranges = await wh.query<Record<string, string>>(`SELECT topic, partition, toString(first_offset) AS first, toString(last_offset) AS last, max(done) AS done
        FROM ingest_batches WHERE concat({table:String}, '/', topic, '/', toString(partition), '/', toString(first_offset), '-', toString(last_offset)) IN {tokens:Array(String)}
        GROUP BY topic, partition, first_offset, last_offset`, { table, tokens: [...new Set(claims.map((c) => c.token))] });
      const letters = await readDeadLetters(kafka, topics[kind]);
      const reasons = letters.reduce<Record<string, number>>((m, l) => ({ ...m, [l.reason]: (m[l.reason] ?? 0) + 1 }), {});
      return `${gone.length} ${kind} events missing (${gone.slice(0, 5).join(', ')}); their claims ${JSON.stringify(claims)}; `
        + `those ranges in the ledger ${JSON.stringify(ranges)}; dead letters by reason ${JSON.stringify(reasons)}`;
    };
    /** A raw table's count against the expected one, explained when it differs. */
    const expectRows = async (wh: ReturnType<typeof createEmbeddedWarehouse>, kind: EventKind, sql: string, want: number, why: string) => {
      const n = Number((await wh.query<{ n: number }>(sql))[0]!.n);
      expect(n, n === want ? why : `${why}; ${await explainMissing(wh, kind)}`).toBe(want);
    };

    const check = async (when: string) => {
      const wh = createEmbeddedWarehouse({ path: dataDir });
      try {
        const one = async (sql: string) => Number((await wh.query<{ n: number }>(sql))[0]!.n);
        const why = `${when}; kills after ${kills.join(', ')} ms`;
        await expectRows(wh, 'pos', 'SELECT count() AS n FROM pos_lines', expected.posLines, why);
        expect(await one('SELECT uniqExact(receipt_id, line_no) AS n FROM pos_lines'), why).toBe(expected.posLines);
        expect(await one('SELECT sum(lines) AS n FROM demand_daily'), why).toBe(expected.posLines);
        expect(await one('SELECT sum(amount_fen) AS n FROM demand_daily'), why).toBe(expected.amountFen);
        // The weekly rollups hang off demand_daily (views of a view, and one of
        // a view of a view): exactly once through the chains too.
        for (const table of ['demand_weekly_top', 'demand_weekly_leaf', 'demand_weekly_area']) {
          expect(await one(`SELECT sum(lines) AS n FROM ${table}`), why).toBe(expected.posLines);
          expect(await one(`SELECT sum(amount_fen) AS n FROM ${table}`), why).toBe(expected.amountFen);
        }
        await expectRows(wh, 'distribution', 'SELECT count() AS n FROM distribution_txns', expected.distribution, why);
        await expectRows(wh, 'parcel', 'SELECT count() AS n FROM parcel_volumes', expected.parcel, why);
        // Every range in the ledger ends done, those a killed process left without their mark included.
        expect(await one('SELECT countIf(d = 0) AS n FROM (SELECT max(done) AS d FROM ingest_batches GROUP BY topic, partition, first_offset, last_offset)'), why).toBe(0);
      } finally {
        await wh.close();
      }
      // Every bad message is a dead letter, told apart by its source partition and offset (a crash
      // between sending one and the commit sends it again, under the same key).
      const letters = (await readDeadLetters(kafka, topics.pos)).filter((l, i, all) => all.findIndex((x) => x.key === l.key) === i);
      expect(letters.length, when).toBe(bad);
      const reasons = letters.reduce<Record<string, number>>((m, l) => ({ ...m, [l.reason]: (m[l.reason] ?? 0) + 1 }), {});
      expect(reasons, when).toEqual(badReasons);
      expect(letters.every((l) => /^[^/]+\/[0-2]\/\d+$/.test(l.key) && l.key.startsWith(`${topics.pos}/`))).toBe(true);
    };
    await check('after the kills and a clean run');

    // The group's offsets reset to the start, long after (no table keeps a deduplication token any
    // more): everything is read again, nothing counted again: the ledger's done marks alone hold.
    const wh = createEmbeddedWarehouse({ path: dataDir });
    try {
      const tables = await wh.query<{ name: string }>("SELECT name FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree'");
      for (const { name } of tables) await wh.command(`ALTER TABLE ${name} MODIFY SETTING non_replicated_deduplication_window = 0`);
    } finally {
      await wh.close();
    }
    const admin = kafka.admin();
    await admin.connect();
    for (const topic of Object.values(topics)) await admin.resetOffsets({ groupId, topic, earliest: true });
    await admin.disconnect();
    await drain();
    await check('after the offsets were reset and every topic read again, with no token window left');
  }, 900_000);
});
