import { describe, expect, it } from 'vitest';
import { InOrderFeed } from '../../src/cli/in-order.js';

describe('in-order feed of the assembler', () => {
  it('consumes items in index order whatever order they arrive in, one at a time', async () => {
    const seen: string[] = [];
    let running = 0;
    const feed = new InOrderFeed<string>(async (item) => {
      running++;
      expect(running).toBe(1);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(item);
      running--;
    });
    void feed.put(2, 'c');
    void feed.put(4, 'e');
    await feed.settled();
    expect(seen).toEqual([]);
    void feed.put(0, 'a');
    void feed.put(1, 'b');
    await feed.settled();
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(feed.consumed).toBe(3);
    await feed.put(3, 'd');
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(feed.consumed).toBe(5);
  });

  it('reports a failure of the consumer from put and settled, and consumes nothing after it', async () => {
    const seen: number[] = [];
    const feed = new InOrderFeed<number>(async (n) => {
      if (n === 1) throw new Error('disk full');
      seen.push(n);
    });
    await feed.put(0, 0);
    await expect(feed.put(1, 1)).rejects.toThrow('disk full');
    await expect(feed.put(2, 2)).rejects.toThrow('disk full');
    await expect(feed.settled()).rejects.toThrow('disk full');
    expect(seen).toEqual([0]);
  });
});
