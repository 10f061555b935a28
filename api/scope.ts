// What a caller may see, from their role: an official their area and everything below it; a
// merchant their own stores' rows and aggregates of their stores' counties; an analyst all data;
// an administrator no business data at all. Routes hand `areas` and `stores` to their SQL as
// bound parameters, so a query cannot read outside them even if a check above it were wrong.
import { PREFECTURE_CODE } from '../contracts/demand.ts';
import type { Principal } from './auth/principal.ts';
import type { Directory, StoreInfo } from './directory.ts';

export interface Scope {
  /** Area code prefixes the caller may see aggregates of; empty: none. */
  areas: readonly string[];
  /** Stores whose own rows the caller may see: a list, or every store inside `areas`. */
  stores: readonly string[] | 'in-areas';
  /** The area their views open on; null when they see no areas. */
  homeArea: string | null;
  /** Merchants see area aggregates only where enough stores stand behind them. */
  suppressSmallAreas: boolean;
}

export const NO_SCOPE: Scope = { areas: [], stores: [], homeArea: null, suppressSmallAreas: false };

export async function scopeOf(p: Principal, directory: Directory): Promise<Scope> {
  switch (p.role) {
    case 'analyst':
      return { areas: [PREFECTURE_CODE], stores: 'in-areas', homeArea: PREFECTURE_CODE, suppressSmallAreas: false };
    case 'official':
      return { areas: p.areaCode ? [p.areaCode] : [], stores: 'in-areas', homeArea: p.areaCode, suppressSmallAreas: false };
    case 'merchant': {
      const counties: string[] = [];
      for (const id of p.storeIds) {
        const county = (await directory.store(id))?.areaCode.slice(0, 6);
        if (county && !counties.includes(county)) counties.push(county);
      }
      return { areas: counties, stores: p.storeIds, homeArea: counties[0] ?? null, suppressSmallAreas: true };
    }
    case 'admin':
      return NO_SCOPE;
  }
}

export const areaInScope = (scope: Scope, code: string): boolean => scope.areas.some((a) => code.startsWith(a));

export function storeInScope(scope: Scope, store: StoreInfo): boolean {
  return scope.stores === 'in-areas' ? areaInScope(scope, store.areaCode) : scope.stores.includes(store.id);
}

/** The caller's scope in words, for a 403: `area 532302 (禄丰市)`, `stores ST-532302101`. */
export async function describeScope(p: Principal, scope: Scope, directory: Directory): Promise<string> {
  if (p.role === 'merchant') return `your stores ${p.storeIds.join(', ')}${scope.areas.length ? ` and aggregates of ${await areaWords(scope.areas, directory)}` : ''}`;
  if (scope.areas.length === 0) return 'no business data';
  return `area ${await areaWords(scope.areas, directory)}`;
}

async function areaWords(codes: readonly string[], directory: Directory): Promise<string> {
  const words = await Promise.all(codes.map(async (c) => {
    const name = (await directory.area(c))?.name;
    return name ? `${c} (${name})` : c;
  }));
  return words.join(', ');
}
