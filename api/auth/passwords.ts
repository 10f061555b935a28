// Passwords are stored as scrypt hashes (memory-hard, in node:crypto): `scrypt$N$r$p$salt$hash`,
// salt and hash in base64url. The parameters travel with the hash, so a stronger cost later
// still verifies the old hashes; `needsRehash` says when to upgrade one at the next sign-in.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** log2 of scrypt's N. 15 (32 MiB, about 60 ms here) by default; tests pass a cheaper cost. */
export const DEFAULT_COST = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** cost;
  const key = await scrypt(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Bounds keep a tampered row from making the server allocate gigabytes.
  if (!(N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16)) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  const key = await scrypt(password, salt, N, r, p);
  return timingSafeEqual(key, expected);
}

/** Whether a hash was made with less than the current cost. */
export function needsRehash(stored: string, cost = DEFAULT_COST): boolean {
  return Number(stored.split('$')[1]) < 2 ** cost;
}

// A hash of nothing in particular, verified against when a login does not exist, so that an
// unknown login takes as long to refuse as a wrong password (no timing oracle for logins).
let decoy: Promise<string> | undefined;
export function decoyHash(cost = DEFAULT_COST): Promise<string> {
  decoy ??= hashPassword(randomBytes(12).toString('base64url'), cost);
  return decoy;
}

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 16 characters from an alphabet without look-alikes (about 92 bits). */
export function generatePassword(length = 16): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 256 - (256 % PASSWORD_ALPHABET.length)) out += PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length];
  }
  return out.length === length ? out : generatePassword(length);
}
