// Memoizing pure functions that every projection calls again and again with the same small values (each team's,
// the host's and the projector's view re-derive the same hidden truths and latency percentiles). The memo is keyed
// by a string of the arguments' values, bounded (emptied when full, so a long-running server never grows it past
// `limit` entries) and returns frozen values, so that no caller can change what the next one reads. It never
// changes a result: the functions it wraps are pure.

/** `fn`, memoized by `keyOf(...args)` in a map of at most `limit` entries. */
export function memoized<A extends unknown[], V>(limit: number, keyOf: (...args: A) => string, fn: (...args: A) => V): (...args: A) => V {
  const cache = new Map<string, V>();
  return (...args: A) => {
    const key = keyOf(...args);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    if (cache.size >= limit) cache.clear();
    const value = deepFreeze(fn(...args));
    cache.set(key, value);
    return value;
  };
}

function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
