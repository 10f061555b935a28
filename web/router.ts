// Paths of the web app, one per view, each bookmarkable with its parameters in the query string.
// The table says which roles a view is for; the server checks again on every request.
import type { Role } from '../contracts/auth.ts';

export interface RouteDef<V> {
  pattern: string; // '/stores/:id'
  view: V;
  roles?: readonly Role[]; // signed in with one of these; absent: any signed-in role
  public?: boolean; // no sign-in needed
}

export interface Match<V> {
  route: RouteDef<V>;
  params: Record<string, string>;
}

export function matchRoute<V>(routes: readonly RouteDef<V>[], pathname: string): Match<V> | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const route of routes) {
    const keys: string[] = [];
    const source = route.pattern.replace(/:(\w+)/g, (_m, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    const m = new RegExp(`^${source}$`).exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    keys.forEach((k, i) => {
      try {
        params[k] = decodeURIComponent(m[i + 1]!);
      } catch {
        params[k] = m[i + 1]!;
      }
    });
    return { route, params };
  }
  return null;
}

/** Where to go after signing in: a path of this app from `?next=`, never another site. */
export function safeNext(next: string | null): string {
  return next && /^\/(?!\/)[^\s\\]*$/.test(next) && !next.startsWith('/signin') ? next : '/';
}
