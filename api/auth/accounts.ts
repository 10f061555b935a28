// Accounts in the warehouse: create, read, change, verify a password. Used by the API and by the
// `npm run user` command alike. Every change is a new row with a higher version (see migration
// 0010); reads of one login are cached for `cacheMs`, and a change made here drops the entry at
// once, so only other API processes see a change late, by at most that long.
import type { Role } from '../../contracts/auth.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { Directory } from '../directory.ts';
import { decoyHash, DEFAULT_COST, hashPassword, verifyPassword } from './passwords.ts';

export interface AccountRecord {
  login: string;
  name: string;
  role: Role;
  areaCode: string | null; // official only
  storeIds: string[]; // merchant only
  passwordHash: string;
  disabled: boolean;
  demo: boolean;
  sessionsValidAfterMs: number; // sign-out everywhere: sessions created before this are refused
  createdMs: number;
  version: number;
}

export interface NewAccount {
  login: string;
  name: string;
  role: Role;
  areaCode?: string;
  storeIds?: string[];
  password: string;
  demo?: boolean;
}

/** Why an account change was refused; `field` names the input at fault. */
export class AccountError extends Error {
  constructor(readonly code: 'duplicate_login' | 'unknown_area' | 'unknown_store' | 'not_found' | 'bad_scope', readonly field: string, message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface Accounts {
  get(login: string): Promise<AccountRecord | null>;
  list(): Promise<AccountRecord[]>;
  create(input: NewAccount): Promise<AccountRecord>;
  /** A scope in the patch (an area, stores) is checked against the account's role, as at creation. */
  update(login: string, patch: Partial<Pick<AccountRecord, 'name' | 'disabled' | 'sessionsValidAfterMs' | 'passwordHash' | 'areaCode' | 'storeIds'>>): Promise<AccountRecord>;
  setPassword(login: string, password: string): Promise<AccountRecord>;
  /** The account when the password matches and it is not disabled; the reason otherwise. Takes as long for an unknown login. */
  verify(login: string, password: string): Promise<{ account: AccountRecord } | { refused: 'wrong' | 'disabled' }>;
  /** Drops cached reads, e.g. after another process changed an account. */
  forget(login?: string): void;
}

interface Row {
  login: string; name: string; role: Role; area_code: string; store_ids: string[]; password_hash: string;
  disabled: number; demo: number; sessions_valid_after_ms: number; created_ms: number; version: number;
}

export function createAccounts(deps: {
  warehouse: Warehouse; queries: Queries; directory: Directory; clock?: () => number; cacheMs?: number;
  passwordCost?: number; // log2 of scrypt's N; DEFAULT_COST by default, less in tests
}): Accounts {
  const { warehouse, queries, directory, clock = Date.now, cacheMs = 10_000, passwordCost = DEFAULT_COST } = deps;
  const cache = new Map<string, { record: AccountRecord | null; at: number }>();

  const fromRow = (r: Row): AccountRecord => ({
    login: r.login, name: r.name, role: r.role, areaCode: r.area_code || null, storeIds: r.store_ids,
    passwordHash: r.password_hash, disabled: Number(r.disabled) === 1, demo: Number(r.demo) === 1,
    sessionsValidAfterMs: Number(r.sessions_valid_after_ms), createdMs: Number(r.created_ms), version: Number(r.version),
  });

  async function write(a: AccountRecord): Promise<AccountRecord> {
    await warehouse.insert('accounts', [{
      login: a.login, name: a.name, role: a.role, area_code: a.areaCode ?? '', store_ids: a.storeIds,
      password_hash: a.passwordHash, disabled: a.disabled ? 1 : 0, demo: a.demo ? 1 : 0,
      sessions_valid_after_ms: a.sessionsValidAfterMs, created_ms: a.createdMs, version: a.version,
    }]);
    cache.delete(a.login);
    return a;
  }

  async function read(login: string): Promise<AccountRecord | null> {
    const [row] = await warehouse.query<Row>(queries['account-by-login'], { login });
    return row ? fromRow(row) : null;
  }

  async function get(login: string): Promise<AccountRecord | null> {
    const hit = cache.get(login);
    if (hit && clock() - hit.at < cacheMs) return hit.record;
    const record = await read(login);
    if (cache.size > 10_000) cache.clear(); // bounded: a flood of unknown logins cannot grow it
    cache.set(login, { record, at: clock() });
    return record;
  }

  async function mustGet(login: string): Promise<AccountRecord> {
    const a = await read(login); // uncached: a change builds on the newest row
    if (!a) throw new AccountError('not_found', 'login', `no account ${login}`);
    return a;
  }

  // Two changes in one millisecond still order: the version only ever grows.
  const nextVersion = (previous: number) => Math.max(clock(), previous + 1);

  async function checkScope(input: Pick<NewAccount, 'role' | 'areaCode' | 'storeIds'>): Promise<void> {
    if (input.role === 'official') {
      const area = input.areaCode ? await directory.area(input.areaCode) : undefined;
      if (!area || (area.level !== 'prefecture' && area.level !== 'county')) {
        throw new AccountError('unknown_area', 'areaCode', `unknown area code ${input.areaCode ?? '(none)'}: an official oversees 5323 or one of its counties`);
      }
    }
    if (input.role === 'merchant') {
      if (!input.storeIds?.length) throw new AccountError('bad_scope', 'storeIds', 'a merchant needs at least one store');
      for (const id of input.storeIds) {
        if (!(await directory.store(id))) throw new AccountError('unknown_store', 'storeIds', `unknown store ${id}`);
      }
    }
    if (input.role !== 'official' && input.areaCode) throw new AccountError('bad_scope', 'areaCode', `an area is only for officials, not ${input.role}`);
    if (input.role !== 'merchant' && input.storeIds?.length) throw new AccountError('bad_scope', 'storeIds', `stores are only for merchants, not ${input.role}`);
  }

  return {
    get,
    async list() {
      return (await warehouse.query<Row>(queries['accounts-list'])).map(fromRow);
    },
    async create(input) {
      if (await read(input.login)) throw new AccountError('duplicate_login', 'login', `login ${input.login} already exists`);
      await checkScope(input);
      const now = clock();
      return write({
        login: input.login, name: input.name, role: input.role, areaCode: input.areaCode ?? null,
        storeIds: [...new Set(input.storeIds ?? [])], passwordHash: await hashPassword(input.password, passwordCost),
        disabled: false, demo: input.demo ?? false, sessionsValidAfterMs: 0, createdMs: now, version: now,
      });
    },
    async update(login, patch) {
      const a = await mustGet(login);
      const next = { ...a, ...patch };
      if (patch.areaCode !== undefined || patch.storeIds !== undefined) {
        await checkScope({ role: a.role, areaCode: next.areaCode ?? undefined, storeIds: next.storeIds });
        next.storeIds = [...new Set(next.storeIds)];
      }
      return write({ ...next, version: nextVersion(a.version) });
    },
    async setPassword(login, password) {
      const a = await mustGet(login);
      // A new password ends every session made with the old one.
      return write({ ...a, passwordHash: await hashPassword(password, passwordCost), sessionsValidAfterMs: clock(), version: nextVersion(a.version) });
    },
    async verify(login, password) {
      const a = await get(login);
      const ok = await verifyPassword(password, a?.passwordHash ?? (await decoyHash(passwordCost)));
      if (!a || !ok) return { refused: 'wrong' };
      if (a.disabled) return { refused: 'disabled' };
      return { account: a };
    },
    forget(login) {
      if (login === undefined) cache.clear();
      else cache.delete(login);
    },
  };
}
