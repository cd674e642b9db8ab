/**
 * A function of a string with its results kept, for the few values that recur all the time (words,
 * labels, rule names): once `limit` are kept, new ones are computed each time rather than kept, so
 * that a stream of one-off values cannot fill the memory.
 */
export function memoize<T>(derive: (key: string) => T, limit: number): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = derive(key);
      if (kept.size < limit) kept.set(key, value);
    }
    return value;
  };
}
