/** Binary search in an ascending array (numbers, or strings in UTF-16 code-unit order). */
export function indexOfSorted<T extends number | string>(sorted: ArrayLike<T>, value: T): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const probe = sorted[mid]!;
    if (probe === value) return mid;
    if (probe < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * The first `count` items of `items` in the order of `compare`, which must be a total order
 * (no ties between different items): the same as sorting all and slicing, without sorting the
 * thousands of matches of a common word when ten hits are shown. Keeps the best `count` seen in
 * a sorted buffer; most items are worse than its last and cost one comparison.
 */
export function firstInOrder<T>(
  items: readonly T[],
  count: number,
  compare: (a: T, b: T) => number,
): T[] {
  if (count <= 0) return [];
  // For a large share of the items a full sort is as fast and simpler.
  if (count * 8 >= items.length) return [...items].sort(compare).slice(0, count);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === count && compare(item, best[count - 1]!) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(best[mid]!, item) < 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}
