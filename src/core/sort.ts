/**
 * Sorts a list in place, stably, like `Array.prototype.sort`. The lists of one provision (its clause
 * starts, its holders, a topic's evidence) hold a handful of items, and the built-in sort copies
 * every list into a work array first: short lists are sorted by insertion instead, without one.
 */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > SHORT_LIST) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i];
    let j = i - 1;
    for (; j >= 0 && compare(list[j], item) > 0; j--) list[j + 1] = list[j];
    list[j + 1] = item;
  }
  return list;
}

/** Up to this length, insertion (at most n²/2 comparisons) costs less than the built-in sort's copy. */
const SHORT_LIST = 16;

/** Strings in the built-in sort's default order (by UTF-16 code units). */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
