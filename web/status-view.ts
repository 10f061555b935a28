// The view's non-chart states. Each sets `data-state` on the view so tests (and CSS) can wait for
// "loading", "empty", "error" or "ready" instead of guessing with timeouts.
import { t, type Lang } from './i18n.ts';
import { apiGet, ApiRequestError } from './api-client.ts';
import type { ViewContext } from './view.ts';
import { fieldName, reasonZh, type Reasons } from './request-fields.ts';
import { h } from './dom.ts';

export type ViewState = 'loading' | 'ready' | 'empty' | 'error';

export function setViewState(view: HTMLElement, state: ViewState, ...children: Node[]): void {
  view.dataset.state = state;
  view.setAttribute('aria-busy', String(state === 'loading'));
  view.replaceChildren(...children);
  // The view's main chart or table is on screen with data (or with the news that there is none):
  // what `npm run bench:web` times, and the moment the service worker may start to register.
  if (state === 'ready' || state === 'empty') markViewReady();
}

/** The view is drawn with its data: a performance mark (`npm run bench:web` reads it) and an event. */
export function markViewReady(): void {
  performance.mark('cx:view-ready');
  document.dispatchEvent(new CustomEvent('cx:view-ready'));
}

export function loadingNode(lang: Lang): Node {
  const div = block('status loading', t(lang, 'loading'));
  div.setAttribute('role', 'status');
  return div;
}

export function emptyNode(lang: Lang, hint?: string): Node {
  const div = block('status empty');
  div.append(block('status-title', t(lang, 'empty')), block('status-hint', hint ?? t(lang, 'emptyHint')));
  return div;
}

/** What went wrong loading a view: a retry where asking again may help; where the API refused the
 *  choices themselves (a bad month in the address), `onReset` offers the view's default choices, so
 *  a page whose controls went with its answer is never a dead end. */
export function errorNode(error: unknown, lang: Lang, onRetry: () => void, onReset?: () => void): Node {
  const div = block('status error');
  div.setAttribute('role', 'alert');
  // The API refused the question as asked (a bad month, an end before the start): it did not fail
  // to load, and asking again unchanged cannot help, so no retry; its message names the field.
  const refused = error instanceof ApiRequestError && error.kind === 'api' && error.status !== undefined
    && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
  div.append(block('status-title', t(lang, refused ? 'errorRequest' : 'error')));
  if (refused && lang === 'zh') {
    // The API words its refusals in English; the page says in Chinese which choice to change, and
    // keeps the API's sentence for whoever helps them, as the 403 page does.
    const field = error.field;
    const why = reasonZh(error.message);
    div.append(block('status-message', !field ? t(lang, 'errorRequestNoField')
      : why ? t(lang, 'errorRequestReason', { field: fieldName(field, lang), why }) : t(lang, 'errorRequestField', { field: fieldName(field, lang) })),
      technicalDetail(lang, error.message));
  } else {
    div.append(block('status-message', errorMessage(error, lang)));
  }
  if (!refused) {
    const retry = Object.assign(document.createElement('button'), { type: 'button', textContent: t(lang, 'retry') });
    retry.addEventListener('click', onRetry);
    div.append(retry);
  } else if (onReset) {
    const reset = Object.assign(document.createElement('button'), { type: 'button', className: 'reset-choices', textContent: t(lang, 'resetChoices') });
    reset.addEventListener('click', onReset);
    div.append(reset);
  }
  return div;
}

/** Why a form was not saved: in Chinese, which field to change, with the API's English sentence
 *  folded beneath (as errorNode does for a view's choices); in English, the API's sentence after
 *  the field's name as the form labels it ("Stores: unknown store ST", not "storeIds.2: ...").
 *  `extra`: the page's own reasons in Chinese (web/request-fields.ts), beside the usual ones. */
export function formRefusal(error: unknown, lang: Lang, extra: Reasons = []): Node[] {
  // A timeout or a rate limit is not a refusal of what was typed: the API's own words then.
  const refused = error instanceof ApiRequestError && error.kind === 'api' && error.status !== undefined && error.status >= 400 && error.status < 500
    && error.status !== 408 && error.status !== 429;
  if (!refused) return [block('error-text', errorMessage(error, lang))];
  if (lang !== 'zh') {
    if (!error.field) return [block('error-text', error.message)];
    const name = fieldName(error.field, lang);
    const why = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
    return [block('error-text', `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${why}`)];
  }
  const why = reasonZh(error.message, extra);
  const text = !error.field ? t(lang, 'errorFormNoField')
    : why ? t(lang, 'errorFormReason', { field: fieldName(error.field, lang), why }) : t(lang, 'errorFormField', { field: fieldName(error.field, lang) });
  return [block('error-text', text), technicalDetail(lang, error.message)];
}

/** The API's own message for a 4xx/5xx; a short prefix says what went wrong otherwise. */
function errorMessage(error: unknown, lang: Lang): string {
  if (error instanceof ApiRequestError) {
    if (error.code === 'offline') return t(lang, 'offlineNothingSaved');
    // The browser's own words ("Failed to fetch") in English on a Chinese page say nothing more.
    if (error.kind === 'network') return t(lang, 'errorNetwork');
    if (error.kind === 'invalid') return t(lang, 'errorInvalid') + error.message;
    return error.message;
  }
  return String((error as Error)?.message ?? error);
}

/** The API's own words, folded away under "technical detail" (the 403 page's too). */
export function technicalDetail(lang: Lang, text: string): HTMLElement {
  return h('details', { class: 'detail' }, h('summary', {}, t(lang, 'technicalDetail')), h('p', { lang: 'en' }, text));
}

function block(className: string, text?: string): HTMLDivElement {
  const div = document.createElement('div');
  div.className = className;
  if (text !== undefined) div.textContent = text;
  return div;
}

/** The answer of `path` for a view, or undefined after drawing why not: the 403 page, or the error
 *  with a retry. Undefined too when the view was left meanwhile. */
export async function loadView<T>(
  ctx: ViewContext, section: HTMLElement, path: string, retry: () => void, recover?: (e: ApiRequestError) => boolean, reset?: (e: unknown) => void,
): Promise<T | undefined> {
  try {
    const data = await apiGet<T>(path, { signal: ctx.signal });
    return ctx.signal.aborted ? undefined : data;
  } catch (e) {
    if (ctx.signal.aborted) return undefined;
    if (e instanceof ApiRequestError && e.status === 403) {
      ctx.forbidden(e.message);
      return undefined;
    }
    // A refusal the page can act on itself (a stale link's value): it draws something else instead.
    if (e instanceof ApiRequestError && recover?.(e)) return undefined;
    setViewState(section, 'error', errorNode(e, ctx.lang, retry, reset && (() => reset(e))));
    return undefined;
  }
}
