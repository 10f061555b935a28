// Reads an official view starts early (the national series, the data's months) are awaited further
// on. When an earlier step fails first, the request fails with that error, and the early read's own
// failure must not surface later as an unhandled rejection, which would stop the server process.
import { expect, test } from 'vitest';
import type { Directory } from '../../../api/directory.ts';
import { buildOverview, buildTrend } from '../../../api/officials/cockpit.ts';
import type { Queries } from '../../../warehouse/queries.ts';

const queries = new Proxy({}, { get: (_, name) => String(name) }) as Queries;
const deps = { queries, directory: {} as Directory, clock: () => Date.parse('2026-04-15T00:00:00Z') };
const down = { query: async (sql: string) => { throw new Error(`warehouse down: ${sql}`); } };
const settle = () => new Promise((r) => setTimeout(r, 50)); // lets an unhandled rejection surface, which fails the run

test('the overview fails with the first error; the national series failing too is not left unhandled', async () => {
  await expect(buildOverview(down, deps, { code: '532302', name: '禄丰市', level: 'county' }, undefined, ['532302'], Promise.reject(new Error('national down'))))
    .rejects.toThrow('warehouse down: official-data-months');
  await settle();
});

test('the trend likewise', async () => {
  await expect(buildTrend(down, deps, { code: '532302', name: '禄丰市' }, 'online_retail', 13, undefined, ['532302'], Promise.reject(new Error('national down'))))
    .rejects.toThrow('warehouse down: official-data-months');
  await settle();
});
