/**
 * Hands items to `consume` in index order (0, 1, 2 …), whatever order they arrive in: an item that
 * arrives early waits for the ones before it. Calls to `consume` never overlap.
 */
export class InOrderFeed<T> {
  private readonly waiting = new Map<number, T>();
  private chain: Promise<void> = Promise.resolve();
  /** How many items have been consumed (the index of the next one). */
  consumed = 0;

  constructor(private readonly consume: (item: T) => Promise<void>) {}

  /** Resolves once every item that could be consumed so far has been; rejects if `consume` failed. */
  put(index: number, item: T): Promise<void> {
    this.waiting.set(index, item);
    this.chain = this.chain.then(async () => {
      for (let next = this.waiting.get(this.consumed); next !== undefined; next = this.waiting.get(this.consumed)) {
        this.waiting.delete(this.consumed++);
        await this.consume(next);
      }
    });
    return this.chain;
  }

  /** Resolves when everything put so far has been handled. */
  settled(): Promise<void> {
    return this.chain;
  }
}
