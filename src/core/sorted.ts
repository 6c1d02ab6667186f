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
