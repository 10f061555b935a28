// The navigation each role sees: its home and the views made for it. Later views join here.
import type { Role } from '../contracts/auth.ts';
import type { MessageKey } from './i18n.ts';

export interface NavItem { path: string; label: MessageKey; hint?: MessageKey }

const DATA_VIEWS: Record<'merchant' | 'official' | 'analyst', NavItem[]> = {
  merchant: [
    { path: '/workspace', label: 'nav.workspace', hint: 'home.workspaceHint' },
    { path: '/stores', label: 'nav.myStores' },
    { path: '/demand', label: 'nav.demand', hint: 'home.demandHint' },
  ],
  official: [
    { path: '/cockpit', label: 'nav.cockpit', hint: 'home.cockpitHint' },
    { path: '/flows', label: 'nav.flows', hint: 'home.flowsHint' },
    { path: '/demand', label: 'nav.demand', hint: 'home.demandHint' },
    { path: '/stores', label: 'nav.stores', hint: 'home.storesHint' },
  ],
  analyst: [
    { path: '/cockpit', label: 'nav.cockpit', hint: 'home.cockpitHint' },
    { path: '/flows', label: 'nav.flows', hint: 'home.flowsHint' },
    { path: '/demand', label: 'nav.demand', hint: 'home.demandHint' },
    { path: '/stores', label: 'nav.stores', hint: 'home.storesHint' },
    { path: '/workbench', label: 'nav.workbench', hint: 'home.workbenchHint' },
  ],
};

const ADMIN_VIEWS: NavItem[] = [
  { path: '/admin/accounts', label: 'nav.accounts', hint: 'home.accountsHint' },
  { path: '/admin/ops', label: 'nav.ops', hint: 'home.opsHint' },
];

export function navFor(role: Role): NavItem[] {
  const views = role === 'admin' ? ADMIN_VIEWS : DATA_VIEWS[role];
  return [{ path: '/', label: 'nav.home' }, ...views];
}
