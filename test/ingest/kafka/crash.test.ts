// The ingest process (main.ts with KAFKA_BROKERS) killed with SIGKILL at random points while it
// consumes, several times, and restarted: every event must be counted exactly once, in the raw
// tables and in the rollup. The warehouse is the embedded engine in the child's data directory;
// the test opens it only after the last child has exited (one process per data directory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { decodeEvent } from '../../../ingest/decode.ts';
import type { RecordOut } from '../../../ingest/kafka/producer.ts';
import { ROWS_OF } from '../../../ingest/rows.ts';
import { createGenerator } from '../../../ingest/sources/generator.ts';
import { loadModelData } from '../../../ingest/sources/model-data.ts';
import { createEmbeddedWarehouse } from '../../../warehouse/embedded.ts';
import { KAFKA_BROKERS, produce, readDeadLetters, setupTopics, startIngest, uniquePrefix, waitForDrained } from '../../fixtures/kafka.ts';
import { ROOT } from '../../fixtures/warehouse.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'cx-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(!KAFKA_BROKERS)('crash safety', () => {
  test('SIGKILL at random points, five times, then a clean run: every event exactly once, raw and rollup', async () => {
    const prefix = uniquePrefix('crash');
    const groupId = `${prefix}-g`;
    const { kafka, topics } = await setupTopics(prefix);
    const gen = createGenerator({ ...loadModelData(21), seed: 21, scale: 0.5, badShare: 0.005 });
    const chunks: RecordOut[][] = gen.days('2026-06-01', 6).map((day) => [...gen.day(day)]);

    // What must land, worked out from the records themselves.
    const expected = { posLines: 0, amountFen: 0, distribution: 0, parcel: 0, bad: 0 };
    for (const r of chunks.flat()) {
      const d = decodeEvent(r.kind, r.value, 1 << 20, Date.now());
      if (!d.ok) { expected.bad++; continue; }
      const rows = ROWS_OF[r.kind](d.event as never);
      if (r.kind === 'pos') {
        expected.posLines += rows.length;
        expected.amountFen += rows.reduce((s, row) => s + Number(row.amount_fen), 0);
      } else if (r.kind === 'distribution') expected.distribution++;
      else expected.parcel++;
    }

    const env = {
      KAFKA_BROKERS: KAFKA_BROKERS!, KAFKA_TOPIC_PREFIX: prefix, KAFKA_GROUP_ID: groupId, KAFKA_SESSION_TIMEOUT_MS: '6000',
      DATA_DIR: dataDir, PORT: '0', INGEST_BATCH_ROWS: '300',
    };
    const kills: number[] = [];
    for (let i = 0; i < 5; i++) {
      await produce(kafka, topics, chunks[i]!); // fresh backlog for every run
      const run = startIngest(ROOT, env);
      await run.consuming;
      const delay = 200 + Math.floor(Math.random() * 1500);
      kills.push(delay);
      await new Promise((r) => setTimeout(r, delay));
      run.child.kill('SIGKILL');
      await run.exited;
    }
    await produce(kafka, topics, chunks[5]!);
    const last = startIngest(ROOT, env);
    await last.consuming;
    await waitForDrained(kafka, groupId, topics, 120_000);
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);

    const wh = createEmbeddedWarehouse({ path: dataDir });
    try {
      const one = async (sql: string) => Number((await wh.query<{ n: number }>(sql))[0]!.n);
      expect(await one('SELECT count() AS n FROM pos_lines'), `kills after ${kills.join(', ')} ms`).toBe(expected.posLines);
      expect(await one('SELECT uniqExact(receipt_id, line_no) AS n FROM pos_lines')).toBe(expected.posLines);
      expect(await one('SELECT sum(lines) AS n FROM demand_daily')).toBe(expected.posLines);
      expect(await one('SELECT sum(amount_fen) AS n FROM demand_daily')).toBe(expected.amountFen);
      // The weekly rollups hang off demand_daily (views of a view, and one of
      // a view of a view): exactly once through the chains too.
      for (const table of ['demand_weekly_top', 'demand_weekly_leaf', 'demand_weekly_area']) {
        expect(await one(`SELECT sum(lines) AS n FROM ${table}`)).toBe(expected.posLines);
        expect(await one(`SELECT sum(amount_fen) AS n FROM ${table}`)).toBe(expected.amountFen);
      }
      expect(await one('SELECT count() AS n FROM distribution_txns')).toBe(expected.distribution);
      expect(await one('SELECT count() AS n FROM parcel_volumes')).toBe(expected.parcel);
      // Every range in the ledger ends done, those a killed process left without their mark included:
      // the topics read again at any later time would write none of them twice.
      expect(await one('SELECT countIf(d = 0) AS n FROM (SELECT max(done) AS d FROM ingest_batches GROUP BY topic, partition, first_offset, last_offset)')).toBe(0);
    } finally {
      await wh.close();
    }
    // Dead letters are at-least-once (a crash between the send and the commit re-sends them);
    // the source offset in their headers tells a re-sent one from a new one.
    const letters = (await Promise.all(Object.values(topics).map((t) => readDeadLetters(kafka, t)))).flat();
    expect(new Set(letters.map((l) => l.key)).size).toBe(expected.bad);
  }, 300_000);
});
