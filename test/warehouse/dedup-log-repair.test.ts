// The state a kill of the engine in the middle of an insert's commit leaves (a block recorded in a
// table's deduplication log, its part never renamed into place), built exactly: the part's
// directory is renamed to the temporary name it had before the commit, which the engine deletes
// when it opens. Each open is a new process, as a restart is (the engine is per process).
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function run(dir: string, statements: string[], engineOnly = false): unknown[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/warehouse-process.ts', dir, ...(engineOnly ? ['--engine-only'] : []), ...statements], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`warehouse process failed (${child.status}): ${child.stderr}`);
  return child.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

const insert = (p: number, token: string) =>
  `INSERT INTO raw SELECT ${p * 100} + number, ${p} FROM numbers(10) SETTINGS insert_deduplication_token = '${token}'`;
const COUNTS = [
  'SELECT p, toUInt32(count()) AS n FROM raw GROUP BY p ORDER BY p',
  'SELECT p, toUInt32(sum(n)) AS n FROM roll GROUP BY p ORDER BY p',
];
const tenEach = [{ p: 1, n: 10 }, { p: 2, n: 10 }, { p: 3, n: 10 }];

/** Renames the one part of `partition` in the table's directory to a temporary insert's name. */
function uncommit(tableDir: string, partition: string): string {
  const [part] = readdirSync(tableDir).filter((n) => n.startsWith(`${partition}_`));
  renameSync(join(tableDir, part!), join(tableDir, `tmp_insert_${part}`));
  return part!;
}

describe('deduplication logs after a kill in the middle of a commit', () => {
  test('the open drops the blocks whose parts never appeared, and the replay writes each table exactly once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-dedup-'));
    dirs.push(dir);
    const [, , , , , , , , , tables] = run(dir, [
      'CREATE TABLE raw (id UInt64, p UInt8) ENGINE = MergeTree PARTITION BY p ORDER BY id SETTINGS non_replicated_deduplication_window = 100',
      'CREATE TABLE roll (p UInt8, n UInt64) ENGINE = SummingMergeTree PARTITION BY p ORDER BY p SETTINGS non_replicated_deduplication_window = 100',
      'CREATE MATERIALIZED VIEW mv TO roll AS SELECT p, count() AS n FROM raw GROUP BY p',
      insert(1, 'a'),
      // b reaches raw only (the view detached): raw's block 2; roll has nothing of b.
      'DETACH TABLE mv', insert(2, 'b'), 'ATTACH TABLE mv',
      insert(3, 'c'), // raw's block 3, roll's block 2
      "SELECT name, data_paths[1] AS path FROM system.tables WHERE database = currentDatabase() AND name IN ('raw', 'roll') ORDER BY name",
    ]) as [unknown, ...unknown[]];
    const [raw, roll] = (tables as { path: string }[]).map((t) => t.path);
    // The kill: raw's commit of b recorded, its part not renamed (the view's had not begun); roll's
    // commit of c recorded, its part not renamed (raw's was done).
    expect(uncommit(raw!, '2')).toBe('2_2_2_0');
    expect(uncommit(roll!, '3')).toBe('3_2_2_1'); // level 1: a SummingMergeTree sums its insert's block before it writes it
    // and a record the kill cut in the middle of its line.
    const rawLog = join(raw!, 'deduplication_logs', 'deduplication_log_1.txt');
    appendFileSync(rawLog, '1\t3_4_4');

    // The engine alone, on a copy: the replay of b and c is dropped as a duplicate where the part
    // is missing (raw short of b, roll of c) and taken where it is not: raw and roll disagree.
    const copy = `${dir}-engine`;
    dirs.push(copy);
    cpSync(dir, copy, { recursive: true });
    const engine = run(copy, [insert(2, 'b'), insert(3, 'c'), ...COUNTS], true);
    expect(engine.slice(-2)).toEqual([
      [{ p: 1, n: 10 }, { p: 3, n: 10 }],
      [{ p: 1, n: 10 }, { p: 2, n: 10 }],
    ]);

    // The platform's open repairs both logs; replaying a, b and c then gives ten rows each, everywhere.
    const [opened, , , , ...counts] = run(dir, [insert(1, 'a'), insert(2, 'b'), insert(3, 'c'), ...COUNTS]);
    expect(opened).toEqual({ repairs: [
      { table: 'raw', orphans: ['2_2_2_0'], truncatedBytes: 7 },
      { table: 'roll', orphans: ['3_2_2_1'], truncatedBytes: 0 },
    ] });
    expect(counts).toEqual([tenEach, tenEach]);
    expect(readFileSync(rawLog, 'utf8').endsWith('\n')).toBe(true);

    // A later open finds nothing to repair, and every block, the replayed ones included, is still
    // known: the same three inserts change nothing.
    const [again, , , , ...after] = run(dir, [insert(1, 'a'), insert(2, 'b'), insert(3, 'c'), ...COUNTS]);
    expect(again).toEqual({ repairs: [] });
    expect(after).toEqual([tenEach, tenEach]);
  });
});
