// The pipeline's own logic, with a fake warehouse passed in through its factory: batching by rows
// and by time, retry while the warehouse is unavailable, dead letters for refused records.
import { describe, expect, test } from 'vitest';
import { createMemoryDeadLetters } from '../../ingest/dead-letters.ts';
import { createPipeline } from '../../ingest/pipeline.ts';
import { WarehouseError, type Warehouse } from '../../warehouse/warehouse.ts';
import { POS_FIXTURE } from '../fixtures/warehouse.ts';

/** `refuse`: the engine refuses any insert holding such a row, as it would a value it cannot store. */
function fakeWarehouse(failures: Error[] = [], refuse: (row: Record<string, unknown>) => boolean = () => false) {
  const inserts: { table: string; rows: number }[] = [];
  const wh: Warehouse = {
    kind: 'embedded',
    async query() { return []; },
    async command() {},
    async insert(table, rows) {
      const failure = failures.shift();
      if (failure) throw failure;
      const bad = rows.find(refuse);
      if (bad) throw new WarehouseError(`Cannot parse input: receipt ${String(bad.receipt_id)}`, { code: 'CH_27', retryable: false });
      inserts.push({ table, rows: rows.length });
    },
    async supportsInsertDedup() { return true; },
    reader() { return wh; },
    sqlEngine() { throw new Error('not in this test'); },
    async ping() { return 'fake'; },
    async close() {},
  };
  return { wh, inserts };
}

const unavailable = () => new WarehouseError('connect ECONNREFUSED', { code: 'ECONNREFUSED', retryable: true });

describe('pipeline', () => {
  test('flushes when a batch reaches its row bound, and acknowledges only after the insert', async () => {
    const { wh, inserts } = fakeWarehouse();
    const pipeline = createPipeline({ warehouse: wh, deadLetters: createMemoryDeadLetters(), batchMaxRows: 3, batchMaxMs: 60_000 });
    const acked: string[] = [];
    // R-1 has 2 lines, R-2 1 line: 3 rows, one batch.
    await pipeline.submit('pos', POS_FIXTURE[0], 't', () => acked.push('R-1'));
    expect(acked).toEqual([]);
    await pipeline.submit('pos', POS_FIXTURE[1], 't', () => acked.push('R-2'));
    expect(inserts).toEqual([{ table: 'pos_lines', rows: 3 }]);
    expect(acked).toEqual(['R-1', 'R-2']);
    await pipeline.close();
  });

  test('flushes a part batch after batchMaxMs', async () => {
    const { wh, inserts } = fakeWarehouse();
    const pipeline = createPipeline({ warehouse: wh, deadLetters: createMemoryDeadLetters(), batchMaxMs: 20 });
    await pipeline.submit('pos', POS_FIXTURE[3], 't');
    expect(inserts).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(inserts).toEqual([{ table: 'pos_lines', rows: 1 }]);
    await pipeline.close();
  });

  test('an invalid record goes to the dead letters with its reason and the rest still lands', async () => {
    const { wh, inserts } = fakeWarehouse();
    const dlq = createMemoryDeadLetters();
    const pipeline = createPipeline({ warehouse: wh, deadLetters: dlq, maxMessageBytes: 2000 });
    await pipeline.submit('pos', '{"receiptId": ', 'file:a.ndjson:1');
    await pipeline.submit('pos', { ...POS_FIXTURE[0], totalFen: 1 }, 'file:a.ndjson:2');
    await pipeline.submit('pos', 'x'.repeat(2001), 'file:a.ndjson:3');
    await pipeline.submit('pos', JSON.stringify(POS_FIXTURE[1]), 'file:a.ndjson:4');
    await pipeline.close();
    expect(inserts).toEqual([{ table: 'pos_lines', rows: 1 }]);
    expect(dlq.letters.map((l) => [l.source, l.reason, l.detail])).toEqual([
      ['file:a.ndjson:1', 'not_json', 'Unexpected end of JSON input'],
      ['file:a.ndjson:2', 'schema', "totalFen: must equal the sum of the lines' amountFen"],
      ['file:a.ndjson:3', 'too_large', '2001 bytes, limit 2000'],
    ]);
    expect(dlq.letters[0]!.payload).toBe('{"receiptId": ');
    expect(pipeline.stats()).toMatchObject({ consumed: 4, accepted: 1, rejected: { not_json: 1, schema: 1, too_large: 1 } });
  });

  test('while the warehouse is unavailable it retries with doubling backoff, then lands everything once', async () => {
    const { wh, inserts } = fakeWarehouse([unavailable(), unavailable(), unavailable()]);
    const delays: number[] = [];
    const pipeline = createPipeline({
      warehouse: wh, deadLetters: createMemoryDeadLetters(), batchMaxRows: 2, retryInitialMs: 100,
      sleep: async (ms) => { delays.push(ms); },
    });
    await pipeline.submit('pos', POS_FIXTURE[0], 't');
    expect(delays).toEqual([100, 200, 400]);
    expect(inserts).toEqual([{ table: 'pos_lines', rows: 2 }]);
    expect(pipeline.stats()).toMatchObject({ accepted: 1, waitingForWarehouse: false });
    await pipeline.close();
  });

  test('rows the engine refuses outright become dead letters instead of blocking later records', async () => {
    const { wh, inserts } = fakeWarehouse([new WarehouseError('Cannot parse input', { code: 'CH_27', retryable: false })]);
    const dlq = createMemoryDeadLetters();
    const pipeline = createPipeline({ warehouse: wh, deadLetters: dlq, batchMaxRows: 1 });
    await pipeline.submit('pos', POS_FIXTURE[1], 't');
    await pipeline.submit('pos', POS_FIXTURE[2], 't');
    await pipeline.close();
    expect(dlq.letters.map((l) => [l.reason, l.detail])).toEqual([['insert_rejected', 'Cannot parse input']]);
    expect(inserts).toEqual([{ table: 'pos_lines', rows: 1 }]);
    expect(pipeline.stats()).toMatchObject({ accepted: 1, rejected: { insert_rejected: 1 } });
  });

  test('one refused receipt among many: the batch is split until only it is a dead letter', async () => {
    const { wh, inserts } = fakeWarehouse([], (row) => row.receipt_id === 'R-3');
    const dlq = createMemoryDeadLetters();
    const pipeline = createPipeline({ warehouse: wh, deadLetters: dlq, batchMaxMs: 60_000 });
    for (const r of POS_FIXTURE) await pipeline.submit('pos', r, `t:${r.receiptId}`);
    await pipeline.close();
    expect(dlq.letters.map((l) => [l.source, l.reason, l.detail])).toEqual([['t:R-3', 'insert_rejected', 'Cannot parse input: receipt R-3']]);
    // R-1 (2 lines) and R-2 (1 line) land together; R-3 alone is refused; R-4 (1 line) lands.
    expect(inserts).toEqual([{ table: 'pos_lines', rows: 3 }, { table: 'pos_lines', rows: 1 }]);
    expect(pipeline.stats()).toMatchObject({ accepted: 3, rejected: { insert_rejected: 1 } });
  });

  test('an error without an engine code is retried with backoff, never dead-lettered', async () => {
    const { wh, inserts } = fakeWarehouse([new Error('socket hang up'), new WarehouseError('fetch failed', { code: 'UNKNOWN', retryable: false })]);
    const dlq = createMemoryDeadLetters();
    const retried: string[] = [];
    const pipeline = createPipeline({
      warehouse: wh, deadLetters: dlq, batchMaxRows: 2, retryInitialMs: 100, sleep: async () => {}, onRetry: (e) => retried.push(e.message),
    });
    await pipeline.submit('pos', POS_FIXTURE[0], 't');
    await pipeline.close();
    expect(retried).toEqual(['socket hang up', 'fetch failed']);
    expect(inserts).toEqual([{ table: 'pos_lines', rows: 2 }]);
    expect(dlq.letters).toEqual([]);
  });

  test('a flush started by the timer that fails is reported, not swallowed', async () => {
    const { wh } = fakeWarehouse();
    const deadLetters = { async write() { throw new WarehouseError('Table dead_letters is read only', { code: 'CH_0', retryable: false }); } };
    const reported: string[] = [];
    const pipeline = createPipeline({ warehouse: wh, deadLetters, batchMaxMs: 20, onError: (e) => reported.push(e.message) });
    await pipeline.submit('pos', 'not json', 't');
    await new Promise((r) => setTimeout(r, 100));
    expect(reported).toEqual(['Table dead_letters is read only']);
  });

  test('with identity: an id another batch holds is a duplicate; one given back (its event was refused) is free again', async () => {
    const { wh, inserts } = fakeWarehouse();
    // The warehouse's answer to the claims lookup: R-1 given back (empty token), R-2 held by a batch.
    const held: Warehouse = { ...wh, async query<T>() { return [{ id: 'R-1', holder: '' }, { id: 'R-2', holder: 'pos_lines/cx.pos/0/10-20' }] as T[]; } };
    const pipeline = createPipeline({ warehouse: held, deadLetters: createMemoryDeadLetters(), batchMaxMs: 60_000, identity: true });
    for (const r of POS_FIXTURE.slice(0, 3)) await pipeline.submit('pos', r, 't');
    await pipeline.submit('pos', POS_FIXTURE[2], 't'); // R-3 twice in the batch
    await pipeline.close();
    // R-1 (2 lines) and R-3 (1 line) land; then their ids are recorded.
    expect(inserts).toEqual([{ table: 'pos_lines', rows: 3 }, { table: 'ingest_event_ids', rows: 2 }]);
    expect(pipeline.stats()).toMatchObject({ accepted: 2, duplicates: 2 });
  });

  test('a flush that failed does not fail the flushes after it', async () => {
    const { wh, inserts } = fakeWarehouse();
    let down = true;
    const deadLetters = {
      async write() {
        if (down) { down = false; throw new WarehouseError('dead_letters down', { code: 'CH_0', retryable: false }); }
      },
    };
    const pipeline = createPipeline({ warehouse: wh, deadLetters, batchMaxMs: 60_000 });
    await pipeline.submit('pos', 'not json', 't');
    await expect(pipeline.flush()).rejects.toThrow('dead_letters down');
    const acked: string[] = [];
    await pipeline.submit('pos', POS_FIXTURE[1], 't', () => acked.push('R-2'));
    await pipeline.flush();
    expect(inserts).toEqual([{ table: 'pos_lines', rows: 1 }]);
    expect(acked).toEqual(['R-2']);
  });
});
