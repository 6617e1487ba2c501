/** Figures of published waves, remembered per database handle (least recently used dropped); callers put everything they depend on in the key. */

const LIMIT = 1000;
const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * A published wave's answers never change, so its figures depend only on what the caller puts in
 * `key` (the wave, the breakdown, the earlier published waves, the labels shown). The value is shared
 * between callers: treat it as read-only. Failures are not remembered.
 */
export async function remembered<T>(db: object, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  if (cache.has(key)) {
    const value = cache.get(key) as T;
    cache.delete(key);
    cache.set(key, value);
    return value;
  }
  const value = await compute();
  cache.set(key, value);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return value;
}

/** Forgets everything remembered for this handle, as a freshly started server would have (tests and benchmarks). */
export function forgetRemembered(db: object): void {
  caches.delete(db);
}
