// The one batch writer every source uses, with a fake warehouse that logs each call: the order of
// the exactly-once steps (ledger record, claims, rows, given-back claims, dead letters, done mark),
// and the tokens each carries.
import { describe, expect, test } from 'vitest';
import { addRecord, createBatch } from '../../ingest/batch.ts';
import { writeBatch } from '../../ingest/batch-writer.ts';
import { createMemoryDeadLetters } from '../../ingest/dead-letters.ts';
import { createIdReservations } from '../../ingest/identity.ts';
import { createStats } from '../../ingest/stats.ts';
import { WarehouseError, type Warehouse } from '../../warehouse/warehouse.ts';
import { POS_FIXTURE } from '../fixtures/warehouse.ts';

const SENT = Date.parse('2026-06-01T00:00:00Z'); // after every fixture's time

function loggingWarehouse(log: string[], opts: { holders?: { id: string; holder: string }[]; refuse?: string } = {}) {
  const wh: Warehouse = {
    kind: 'embedded',
    async query<T>(_sql: string, params?: Record<string, unknown>) {
      log.push(`lookup ${String(params!.ids).split('\n').join(',')}`);
      return (opts.holders ?? []) as T[];
    },
    async command() {},
    async insert(table, rows, o) {
      const ids = rows.map((r) => String(r.receipt_id ?? r.record_id ?? r.id));
      if (opts.refuse && table !== 'ingest_event_ids' && ids.includes(opts.refuse)) {
        log.push(`refused ${table} ${o?.dedupToken}`);
        throw new WarehouseError(`Cannot parse input: ${opts.refuse}`, { code: 'CH_27', retryable: false });
      }
      const tokens = table === 'ingest_event_ids' ? ` [${rows.map((r) => r.token || '-').join(',')}]` : '';
      log.push(`insert ${table} ${[...new Set(ids)].join(',')} ${o?.dedupToken ?? 'no-token'}${tokens}`);
    },
    async supportsInsertDedup() { return true; },
    reader() { return wh; },
    sqlEngine() { throw new Error('not in this test'); },
    async ping() { return 'fake'; },
    async close() {},
  };
  return wh;
}

const parcel = (recordId: string) => ({
  schemaVersion: 1, recordId, stationId: 'ST-1', areaCode: '532301100', day: '2026-03-02', direction: 'out', carrier: 'ems', parcels: 3, weightG: 900,
});

describe('batch writer', () => {
  test('claim-first (Kafka): ledger record, lookup, claims, rows, refused claim given back, dead letters, done mark', async () => {
    const log: string[] = [];
    const warehouse = loggingWarehouse(log, { holders: [{ id: 'R-2', holder: 'pos_lines/cx.pos/1/0-9' }], refuse: 'R-3' });
    const batch = createBatch();
    POS_FIXTURE.forEach((r, i) => addRecord(batch, 'pos', Buffer.from(JSON.stringify(r)), { source: `kafka:cx.pos/0@${i}`, maxBytes: 1 << 20, sentAt: SENT, offset: BigInt(i) }));
    addRecord(batch, 'pos', Buffer.from('{oops'), { source: 'kafka:cx.pos/0@4', maxBytes: 1 << 20, sentAt: SENT, offset: 4n });
    const letters = createMemoryDeadLetters();
    const stats = createStats();
    const T = 'pos_lines/cx.pos/0/0-4';
    const { rows } = await writeBatch(batch, {
      warehouse, deadLetters: { write: async (l) => { log.push(`letters ${l.map((x) => `${x.offset}:${x.reason}`).join(',')}`); await letters.write(l); } },
      stats, retry: { sleep: async () => {} }, identity: 'claim-first', reservations: createIdReservations(), tokenOf: () => T,
      beforeWrite: async () => { log.push('ledger record'); },
      afterWrite: async () => { log.push('ledger done'); },
    });
    expect(log).toEqual([
      'ledger record',
      'lookup R-1,R-2,R-3,R-4',
      `insert ingest_event_ids R-1,R-3,R-4 ${T}/ids [${T},${T},${T}]`, // R-2 is held by another batch
      `refused pos_lines ${T}`,
      `refused pos_lines ${T}/0-2`, // halves of [R-1, R-3, R-4], then single events
      `insert pos_lines R-1 ${T}/0-1`,
      `refused pos_lines ${T}/1-2`,
      `insert pos_lines R-4 ${T}/2-3`,
      `insert ingest_event_ids R-3 ${T}/released [-]`, // given back: a fixed re-send may land
      'letters 2:insert_rejected,4:not_json',
      'ledger done',
    ]);
    expect(rows).toBe(3); // R-1 has two lines, R-4 one
    expect(letters.letters.map((l) => [l.source, l.reason, l.bytes?.toString()])).toEqual([
      ['kafka:cx.pos/0@2', 'insert_rejected', JSON.stringify(POS_FIXTURE[2])],
      ['kafka:cx.pos/0@4', 'not_json', '{oops'],
    ]);
    expect(stats.snapshot()).toMatchObject({ consumed: 0, accepted: 2, duplicates: 1, rejected: { insert_rejected: 1, not_json: 1 } });
  });

  test('record-after (file import), scoped: ids recorded after their rows, each table under its own token', async () => {
    const log: string[] = [];
    const warehouse = loggingWarehouse(log, { holders: [{ id: 'P-2', holder: 'import/earlier' }] });
    const batch = createBatch();
    const meta = (line: number) => ({ source: `file:a.ndjson:${line}`, maxBytes: 1 << 20, sentAt: SENT });
    addRecord(batch, 'pos', POS_FIXTURE[3], meta(1));
    addRecord(batch, 'parcel', parcel('P-1'), meta(2));
    addRecord(batch, 'parcel', parcel('P-2'), meta(3));
    addRecord(batch, 'parcel', parcel('P-1'), meta(4)); // repeated in the batch
    const stats = createStats();
    await writeBatch(batch, {
      warehouse, deadLetters: createMemoryDeadLetters(), stats, retry: {}, identity: 'record-after',
      tokenOf: (table) => `day-7/0/${table}`, letterToken: 'day-7/0/dead_letters',
    });
    expect(log).toEqual([
      'lookup R-4',
      'insert pos_lines R-4 day-7/0/pos_lines',
      'insert ingest_event_ids R-4 day-7/0/pos_lines/ids [day-7/0/pos_lines]',
      'lookup P-1,P-2',
      'insert parcel_volumes P-1 day-7/0/parcel_volumes',
      'insert ingest_event_ids P-1 day-7/0/parcel_volumes/ids [day-7/0/parcel_volumes]',
    ]);
    expect(stats.snapshot()).toMatchObject({ accepted: 2, duplicates: 2, rowsInserted: { pos_lines: 1, parcel_volumes: 1 } });
  });
});
