// Answers that change only when the data does (the last week a store sold in, the last month with
// flows, the cities of the reference), kept until the data version moves. A panel asks for them on
// every request, and each is one more round trip to the warehouse before the panel's own query.
// The version is the one behind the ETags, so a kept answer is never older than a 304 would be.

export interface VersionedMemo {
  /** `make()`'s answer for `key` under the data version of now; made once per key and version. */
  get<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export function createVersionedMemo(version: () => Promise<string>, maxEntries = 10_000): VersionedMemo {
  let heldFor: string | undefined;
  const held = new Map<string, Promise<unknown>>();
  return {
    async get<T>(key: string, make: () => Promise<T>): Promise<T> {
      const v = await version();
      if (v !== heldFor) {
        held.clear();
        heldFor = v;
      }
      let answer = held.get(key) as Promise<T> | undefined;
      if (!answer) {
        if (held.size >= maxEntries) held.clear(); // bounded; forgetting costs one query each
        const made = make();
        answer = made;
        held.set(key, made);
        // A failure is not kept: the next request asks the warehouse again.
        made.catch(() => { if (held.get(key) === made) held.delete(key); });
      }
      return answer;
    },
  };
}

/** For callers without a data version (scripts, unit tests): nothing is kept. */
export const noMemo: VersionedMemo = { get: (_key, make) => make() };
