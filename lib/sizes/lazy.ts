/**
 * Values decoded on first use from the constant tables bundled with the code (the npm index, an
 * apt release's rows, the dpkg-state median) and kept for the life of the program. This is not
 * hidden state: the value depends on nothing but those tables, never changes once made, and no
 * answer depends on whether it was made before; only the first caller pays for the decoding.
 * Memory that depends on what was analysed lives in the caller's AnalyzerCache instead.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** `lazy` per key of a small, fixed set of keys (e.g. an apt release). */
export function lazyPer<K, T>(make: (key: K) => T): (key: K) => T {
  const made = new Map<K, T>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key) as T;
  };
}
