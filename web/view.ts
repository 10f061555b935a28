// What every view is handed: where to draw, who is asking, the language, the route's parameters,
// and the app's ways to move on. A view draws into `main` and stops its work when `signal` aborts.
import type { Me } from '../contracts/auth.ts';
import type { Lang } from './i18n.ts';

export interface ViewContext {
  main: HTMLElement;
  me: Me | null;
  lang: Lang;
  params: Record<string, string>;
  search: URLSearchParams;
  signal: AbortSignal;
  /** The view this page showed before this drawing (gone from `main` already), for a page that keeps
   *  its last answer on screen while a new choice loads; null on a first drawing. */
  previous: HTMLElement | null;
  /** Moves to `url` (path and query) and draws it; `replace` keeps the history entry. */
  navigate(url: string, options?: { replace?: boolean }): void;
  /** Shows the 403 page in place, with what the API said. */
  forbidden(message?: string): void;
  /** Signs in or out: the app redraws with the new caller. */
  setMe(me: Me | null): void;
}

export type View = (ctx: ViewContext) => void | Promise<void>;
