// The API speaks English in its error messages; the page says the usual ones in the reader's
// language and keeps the API's own words for the rest (they name the field or the scope).
import { t, type Lang, type MessageKey } from './i18n.ts';

const REASONS: [RegExp, MessageKey][] = [
  [/session has expired/, 'reason.expired'],
  [/signed out everywhere/, 'reason.everywhere'],
  [/you were signed out/, 'reason.signedOut'],
  [/disabled/, 'reason.disabled'],
  [/cookie is not valid/, 'reason.invalidCookie'],
  [/sign in first/, 'reason.signInFirst'],
  [/wrong login or password/, 'reason.wrongPassword'],
];

/** A short code for why a session ended, for `/signin?reason=`. */
export function reasonCode(message: string): string {
  return REASONS.find(([re]) => re.test(message))?.[1].slice('reason.'.length) ?? 'signInFirst';
}

export function reasonText(code: string | null, lang: Lang): string | null {
  const key = `reason.${code}` as MessageKey;
  return code && REASONS.some(([, k]) => k === key) ? t(lang, key) : null;
}

/** The API's message in the reader's language where there is a translation. */
export function apiMessage(message: string, lang: Lang): string {
  const locked = /try again in (\d+) minute/.exec(message);
  if (locked && /failed sign-ins/.test(message)) return t(lang, 'reason.locked', { minutes: locked[1]! });
  const known = REASONS.find(([re]) => re.test(message));
  return known ? t(lang, known[1]) : message;
}
