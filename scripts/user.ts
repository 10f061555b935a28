// Managing accounts from the command line, on the warehouse `npm start` uses (DATA_DIR or
// CLICKHOUSE_URL). Passwords are never taken on the command line (shell history): --password-stdin
// reads one line from standard input, and without it a random password is made and printed once.
//   npm run user -- add LOGIN --role admin|official|merchant|analyst [--name NAME] [--area CODE] [--stores ID,ID] [--password-stdin]
//   npm run user -- list
//   npm run user -- disable LOGIN | enable LOGIN | sign-out LOGIN
//   npm run user -- reset-password LOGIN [--password-stdin]
//   npm run user -- token create LOGIN --name NAME [--days N] | token list LOGIN | token revoke ID
import { parseArgs } from 'node:util';
import { createAuthServices } from '../api/auth/services.ts';
import { AccountError } from '../api/auth/accounts.ts';
import { generatePassword } from '../api/auth/passwords.ts';
import { createAccountRequest, createTokenRequest, login as loginSchema, password as passwordSchema } from '../contracts/auth.ts';
import { migrateOptions, parseConfig, warehouseConfig } from '../config.ts';
import { migrate, readMigrations } from '../warehouse/migrate.ts';
import { openWarehouse } from '../warehouse/open.ts';
import { loadQueries } from '../warehouse/queries.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { join } from 'node:path';
import type { ZodError } from 'zod';

const USAGE = `usage: npm run user -- <command>
  add LOGIN --role admin|official|merchant|analyst [--name NAME] [--area CODE] [--stores ID,ID] [--password-stdin]
  list
  disable LOGIN | enable LOGIN | sign-out LOGIN
  reset-password LOGIN [--password-stdin]
  token create LOGIN --name NAME [--days N] | token list LOGIN | token revoke ID`;

const FLAG_OF: Record<string, string> = { login: 'LOGIN', areaCode: '--area', storeIds: '--stores', role: '--role', name: '--name', password: 'the password', expiresInDays: '--days' };

class UsageError extends Error {}

function fromZod(e: ZodError): UsageError {
  const issue = e.issues[0]!;
  const key = String(issue.path[0] ?? '');
  return new UsageError(`${FLAG_OF[key] ?? key}: ${issue.message}`);
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function passwordFrom(flag: boolean | undefined): Promise<{ password: string; generated: boolean }> {
  if (!flag) return { password: generatePassword(), generated: true };
  const password = await readStdinLine();
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new UsageError(`the password: ${checked.error.issues[0]!.message}`);
  return { password, generated: false };
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function run(argv: string[]): Promise<void> {
  const { values: flags, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      role: { type: 'string' }, name: { type: 'string' }, area: { type: 'string' }, stores: { type: 'string' },
      'password-stdin': { type: 'boolean' }, days: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || flags.help) throw new UsageError(USAGE);

  const config = parseConfig(process.env);
  const root = join(import.meta.dirname, '..');
  const queries = loadQueries(join(root, 'sql/queries'));
  let warehouse: Warehouse;
  try {
    warehouse = openWarehouse(warehouseConfig(config));
    await migrate(warehouse, readMigrations(join(root, 'sql/migrations')), migrateOptions(config));
  } catch (e) {
    throw new UsageError(`cannot open the warehouse: ${(e as Error).message}${config.CLICKHOUSE_URL ? '' : ' (stop `npm start` first: the embedded warehouse takes one process at a time; or use the admin page)'}`);
  }
  // The command never signs anyone in: the secret only has to exist.
  const { accounts, tokens, directory } = createAuthServices({ warehouse, queries, options: { secret: 'x'.repeat(32), cacheMs: 0 } });
  const needLogin = (value: string | undefined) => {
    const parsed = loginSchema.safeParse(value ?? '');
    if (!parsed.success) throw new UsageError(`LOGIN: ${value === undefined ? 'is required' : parsed.error.issues[0]!.message}\n${USAGE}`);
    return parsed.data;
  };

  try {
    switch (command) {
      case 'add': {
        const request = createAccountRequest.safeParse({
          login: rest[0] ?? '', role: flags.role, name: flags.name ?? rest[0] ?? '',
          ...(flags.area !== undefined ? { areaCode: flags.area } : {}),
          ...(flags.stores !== undefined ? { storeIds: flags.stores.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
        });
        if (!request.success) throw fromZod(request.error);
        if ((await directory.stores()).length === 0 && request.data.role === 'merchant') {
          throw new UsageError('--stores: the stores table is empty; start the platform once so it loads the reference, then add merchants');
        }
        const { password, generated } = await passwordFrom(flags['password-stdin']);
        const a = await accounts.create({ ...request.data, password });
        out(`created ${a.login} (${a.role}${a.areaCode ? ` of ${a.areaCode}` : ''}${a.storeIds.length ? ` of ${a.storeIds.join(', ')}` : ''})`);
        if (generated) out(`password: ${password}\n(shown once; the account holder can change it after signing in)`);
        return;
      }
      case 'list': {
        const all = await accounts.list();
        if (all.length === 0) return out('no accounts');
        for (const a of all) {
          const scope = a.areaCode ?? (a.storeIds.join(',') || '-');
          out([a.login.padEnd(24), a.role.padEnd(9), scope.padEnd(20), a.disabled ? 'disabled' : 'active  ', a.demo ? 'demo' : '    ', a.name].join(' '));
        }
        return;
      }
      case 'disable':
      case 'enable': {
        const a = await accounts.update(needLogin(rest[0]), { disabled: command === 'disable' });
        return out(`${a.login} ${a.disabled ? 'disabled: it can no longer sign in, and its sessions and tokens are refused' : 'enabled'}`);
      }
      case 'sign-out': {
        const a = await accounts.update(needLogin(rest[0]), { sessionsValidAfterMs: Date.now() + 1 });
        return out(`${a.login}: every session ended`);
      }
      case 'reset-password': {
        const login = needLogin(rest[0]);
        const { password, generated } = await passwordFrom(flags['password-stdin']);
        await accounts.setPassword(login, password);
        out(`${login}: password changed; its sessions ended`);
        if (generated) out(`password: ${password}\n(shown once)`);
        return;
      }
      case 'token': {
        const [sub, arg] = rest;
        if (sub === 'create') {
          const login = needLogin(arg);
          if (!(await accounts.get(login))) throw new AccountError('not_found', 'login', `no account ${login}`);
          const req = createTokenRequest.safeParse({ name: flags.name ?? '', ...(flags.days !== undefined ? { expiresInDays: Number(flags.days) } : {}) });
          if (!req.success) throw fromZod(req.error);
          const { token, record } = await tokens.create(login, req.data.name, req.data.expiresInDays);
          out(`token ${record.id} for ${login} (${record.name}${record.expiresMs ? `, expires ${new Date(record.expiresMs).toISOString()}` : ', no expiry'}):`);
          return out(`${token}\n(shown once; send it as "Authorization: Bearer <token>")`);
        }
        if (sub === 'list') {
          const list = await tokens.list(needLogin(arg));
          if (list.length === 0) return out('no tokens');
          for (const t of list) out(`${t.id}  ${tokens.stateOf(t).padEnd(7)}  ${new Date(t.createdMs).toISOString()}  ${t.name}`);
          return;
        }
        if (sub === 'revoke') {
          if (!arg || !/^[a-f0-9]{16}$/.test(arg)) throw new UsageError(`ID: must be a 16-digit hex token id\n${USAGE}`);
          if (!(await tokens.revoke(arg, null))) throw new UsageError(`ID: no token ${arg}`);
          return out(`token ${arg} revoked`);
        }
        throw new UsageError(`unknown token command ${sub ?? '(none)'}\n${USAGE}`);
      }
      default:
        throw new UsageError(`unknown command ${command}\n${USAGE}`);
    }
  } finally {
    await warehouse.close();
  }
}

try {
  await run(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) process.stderr.write(`user: ${e.message}\n`);
  else if (e instanceof AccountError) process.stderr.write(`user: ${FLAG_OF[e.field] ?? e.field}: ${e.message}\n`);
  else process.stderr.write(`user: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
