/**
 * A map that keeps its most recently used entries within a budget: each entry costs something
 * (1 by default, or the length of a text), and the least recently used go first once the total
 * is over. The decoded postings and the analysed hit texts of the last few queries are kept in
 * one, since typing asks for them again keystroke after keystroke.
 */
export class RecentCache<K, V> {
  private readonly entries = new Map<K, { value: V; cost: number }>();
  private total = 0;

  constructor(private readonly budget: number) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map order is insertion order: re-inserting marks the key as recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` unless it alone costs more than a quarter of the budget (it would push out the rest). */
  set(key: K, value: V, cost = 1): void {
    if (cost > this.budget / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.cost;
    }
    this.entries.set(key, { value, cost });
    this.total += cost;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.budget) break;
      this.entries.delete(oldest);
      this.total -= entry.cost;
    }
  }
}
