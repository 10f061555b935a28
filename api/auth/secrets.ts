// Random identifiers and their hashes: session ids, API tokens, and the HMAC that signs cookies.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export const randomId = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** Equal strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `value.signature`, the signature an HMAC-SHA256 of the value under the secret. */
export function sign(value: string, secret: string): string {
  return `${value}.${createHmac('sha256', secret).update(value).digest('base64url')}`;
}

/** The value of a signed string, or null when the signature does not match (tampered or forged). */
export function unsign(signed: string, secret: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  return safeEqual(sign(value, secret), signed) ? value : null;
}

// API tokens read `cxt_<id>_<secret>`: the id (16 hex) finds the row, the secret (43 characters)
// is checked against its stored SHA-256. The prefix lets secret scanners recognise a leaked one.
const TOKEN = /^cxt_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export function newApiToken(): { id: string; secret: string; token: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `cxt_${id}_${secret}` };
}

export function parseApiToken(token: string): { id: string; secret: string } | null {
  const m = TOKEN.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}
