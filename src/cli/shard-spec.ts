/** `--shard K/N`: which inputs of the sorted list a shard takes (see shard.ts). No imports: the command line parses it before anything is loaded. */
export interface ShardSpec {
  /** 0-based index of this shard. */
  k: number;
  /** Number of shards. */
  n: number;
}

/** "K/N" with 0 ≤ K < N ≤ 100000, or null when the text is not one. */
export function parseShardSpec(text: string): ShardSpec | null {
  const m = /^(\d{1,6})\/(\d{1,6})$/u.exec(text.trim());
  if (!m) return null;
  const k = Number(m[1]);
  const n = Number(m[2]);
  return n >= 1 && n <= 100_000 && k < n ? { k, n } : null;
}

/** Positions in the full list taken by a shard: K, K+N, K+2N … */
export function shardIndices(total: number, shard: ShardSpec | null): number[] {
  const out: number[] = [];
  for (let i = shard?.k ?? 0; i < total; i += shard?.n ?? 1) out.push(i);
  return out;
}
