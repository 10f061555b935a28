// Token buckets per key (an address, an account): `perMinute` requests a minute on average, up to
// `burst` at once. A page load makes a handful of requests; a script hammering the API is told to
// wait (429 with Retry-After) before it reaches the warehouse.

export interface RateLimitOptions {
  perMinute: number;
  burst: number;
  clock?: () => number; // Date.now by default
  maxKeys?: number; // buckets kept before idle ones are swept; 50,000 by default
}

export interface RateLimiter {
  /** Takes one token for `key`: ok, or how many seconds until one is free. */
  take(key: string): { ok: true } | { ok: false; retryAfterS: number };
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { perMinute, burst, clock = Date.now, maxKeys = 50_000 } = options;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function sweep(now: number): void {
    for (const [key, b] of buckets) if (b.tokens + (now - b.at) * perMs >= burst) buckets.delete(key);
    if (buckets.size >= maxKeys) buckets.clear(); // a flood of distinct keys: start over rather than grow
  }

  return {
    take(key) {
      const now = clock();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) sweep(now);
        b = { tokens: burst, at: now };
        buckets.set(key, b);
      }
      b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMs);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
    },
  };
}
