// The demo accounts of the embedded default, one per role, so that a person trying the platform
// can see each role's home. Made at start (main.ts) only when the built-in simulator runs: never
// with Kafka or a ClickHouse server, where real people's data lives.
import type { Role } from '../../contracts/auth.ts';
import type { Accounts } from './accounts.ts';
import { verifyPassword } from './passwords.ts';

export interface DemoAccount { login: string; name: string; role: Role; areaCode?: string; storeIds?: string[] }

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'demo-merchant', name: '金山镇电商服务站（演示）', role: 'merchant', storeIds: ['ST-532302101'] },
  { login: 'demo-official-lufeng', name: '禄丰市商务局（演示）', role: 'official', areaCode: '532302' },
  { login: 'demo-official', name: '楚雄州商务局（演示）', role: 'official', areaCode: '5323' },
  { login: 'demo-analyst', name: '数据分析员（演示）', role: 'analyst' },
  { login: 'demo-admin', name: '平台管理员（演示）', role: 'admin' },
];

/** Creates the missing demo accounts and gives every one `password`; returns their logins. */
export async function ensureDemoAccounts(accounts: Accounts, password: string): Promise<DemoAccount[]> {
  for (const d of DEMO_ACCOUNTS) {
    const existing = await accounts.get(d.login);
    if (!existing) await accounts.create({ ...d, password, demo: true });
    else {
      if (!(await verifyPassword(password, existing.passwordHash))) await accounts.setPassword(d.login, password);
      if (existing.disabled) await accounts.update(d.login, { disabled: false });
    }
  }
  return [...DEMO_ACCOUNTS];
}
