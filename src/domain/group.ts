import { byKey } from './compare.js';

/**
 * Indices of `items` grouped under every key `keys` gives each (an item may
 * sit in several groups, or none): keys in compareText order, indices
 * ascending. The one grouping behind the rules' pairwise rows, of the
 * schedule and of the agenda alike.
 */
export function groupIndices<T>(items: readonly T[], keys: (item: T) => readonly string[]): ReadonlyMap<string, readonly number[]> {
  const map = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const k of keys(item)) {
      const list = map.get(k);
      if (list) list.push(i);
      else map.set(k, [i]);
    }
  });
  return new Map([...map.entries()].sort(byKey));
}
