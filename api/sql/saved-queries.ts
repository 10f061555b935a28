// Saved queries: every save is a new version row (nothing is overwritten, so each version can be
// opened again), the latest version is the query, and a version marked deleted ends it. Only the
// owner saves new versions or deletes; others see it when it is shared with their role. Saves of
// one query are serialised in this process, and a save states the version it started from, so
// two edits cannot both become version N + 1 unnoticed.
import { randomBytes } from 'node:crypto';
import { formatShanghaiTime } from '../../contracts/time.ts';
import type { SavedGetResponse, SavedQuerySummary } from '../../contracts/sql.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { forbidden, HttpError, notFound } from '../errors.ts';

export interface SavedInput {
  name: string;
  description: string;
  sql: string;
  params: { name: string; type: string; value: string | number | boolean | null }[];
  chart: Record<string, unknown> | null;
  sharedWith: string[];
}

interface VersionRow {
  id: string; version: number; owner: string; name: string; description: string; sql: string; params: string; chart: string;
  shared_with: string[]; deleted: number; saved_at: string; saved_by: string;
}

export interface Caller { login: string; role: string }

export function createSavedQueries(deps: { warehouse: Warehouse; queries: Queries; clock: () => number }) {
  const { warehouse, queries, clock } = deps;
  const locks = new Map<string, Promise<unknown>>();

  function serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const next = (locks.get(id) ?? Promise.resolve()).then(task, task);
    const settled = next.catch(() => undefined);
    locks.set(id, settled);
    void settled.then(() => { if (locks.get(id) === settled) locks.delete(id); });
    return next;
  }

  async function versions(id: string): Promise<VersionRow[]> {
    return (await warehouse.query<VersionRow>(queries['saved-query-versions'], { id })).map((r) => ({ ...r, version: Number(r.version), deleted: Number(r.deleted) }));
  }

  const visible = (latest: VersionRow, caller: Caller) => latest.deleted === 0 && (latest.owner === caller.login || latest.shared_with.includes(caller.role));

  /** The versions of a query the caller may open; 404 alike for one that does not exist and one not shared with them. */
  async function open(id: string, caller: Caller): Promise<VersionRow[]> {
    const all = await versions(id);
    const latest = all.at(-1);
    if (!latest || !visible(latest, caller)) throw notFound(`no saved query ${id} that you may open (it may be private to its owner)`);
    return all;
  }

  function answer(all: VersionRow[], caller: Caller, version?: number): SavedGetResponse {
    const row = version === undefined ? all.at(-1)! : all.find((v) => v.version === version && v.deleted === 0);
    if (!row) throw notFound(`saved query ${all[0]!.id} has no version ${version}`);
    const latest = all.at(-1)!;
    return {
      id: row.id, version: row.version, owner: row.owner, name: row.name, description: row.description, sql: row.sql,
      params: JSON.parse(row.params || '[]'), chart: row.chart ? JSON.parse(row.chart) : null,
      sharedWith: latest.shared_with, savedAt: row.saved_at, mine: latest.owner === caller.login,
      versions: all.filter((v) => v.deleted === 0).map((v) => ({ version: v.version, savedAt: v.saved_at, savedBy: v.saved_by })),
    };
  }

  async function write(id: string, version: number, owner: string, input: SavedInput, caller: Caller, deleted = 0) {
    await warehouse.insert('saved_queries', [{
      id, version, owner, name: input.name, description: input.description, sql: input.sql,
      params: JSON.stringify(input.params), chart: input.chart ? JSON.stringify(input.chart) : '',
      shared_with: [...new Set(input.sharedWith)].sort(), deleted, saved_at: formatShanghaiTime(clock()), saved_by: caller.login,
    }]);
  }

  return {
    async list(caller: Caller): Promise<SavedQuerySummary[]> {
      const rows = await warehouse.query<{ id: string; version: number; owner: string; name: string; description: string; shared_with: string[]; saved_at: string }>(
        queries['saved-queries-visible'], { login: caller.login, role: caller.role });
      return rows.map((r) => ({ id: r.id, version: Number(r.version), owner: r.owner, name: r.name, description: r.description, sharedWith: r.shared_with, savedAt: r.saved_at, mine: r.owner === caller.login }));
    },
    async get(id: string, caller: Caller, version?: number): Promise<SavedGetResponse> {
      return answer(await open(id, caller), caller, version);
    },
    async create(input: SavedInput, caller: Caller): Promise<SavedGetResponse> {
      // 20 characters of [a-z0-9]: not guessable, so a link is shared only by giving it.
      const id = [...randomBytes(20)].map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
      await write(id, 1, caller.login, input, caller);
      return answer(await versions(id), caller);
    },
    update(id: string, input: SavedInput, baseVersion: number, caller: Caller): Promise<SavedGetResponse> {
      return serial(id, async () => {
        const all = await open(id, caller);
        const latest = all.at(-1)!;
        if (latest.owner !== caller.login) throw forbidden(`saved query ${id} belongs to ${latest.owner}; save a copy of your own instead`);
        if (latest.version !== baseVersion) {
          throw new HttpError(409, 'conflict', `baseVersion: saved query ${id} is at version ${latest.version} (saved ${latest.saved_at} by ${latest.saved_by}), not ${baseVersion}; open the latest and edit that`, 'baseVersion', { version: latest.version });
        }
        await write(id, latest.version + 1, latest.owner, input, caller);
        return answer(await versions(id), caller);
      });
    },
    remove(id: string, caller: Caller): Promise<void> {
      return serial(id, async () => {
        const all = await open(id, caller);
        const latest = all.at(-1)!;
        if (latest.owner !== caller.login) throw forbidden(`saved query ${id} belongs to ${latest.owner}; only its owner deletes it`);
        const input = { name: latest.name, description: latest.description, sql: latest.sql, params: JSON.parse(latest.params || '[]'), chart: null, sharedWith: latest.shared_with };
        await write(id, latest.version + 1, latest.owner, input, caller, 1);
      });
    },
  };
}

export type SavedQueries = ReturnType<typeof createSavedQueries>;
