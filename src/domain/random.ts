/**
 * The one source of chance for searches (the agenda's, the schedule's improvement): mulberry32 seeded from a --seed text
 * (FNV-1a), so the same seed gives the same agenda on every machine. Never
 * Math.random.
 */
export type Random = {
  /** A number in [0, 1). */
  readonly next: () => number;
  /** A whole number in [0, n). */
  readonly below: (n: number) => number;
  /** A copy of `items` in a random order. */
  readonly shuffled: <T>(items: readonly T[]) => T[];
};

export function seededRandom(seed: string): Random {
  let h = 0x811c9dc5;
  for (const ch of seed) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  const next = mulberry32(h);
  const below = (n: number) => Math.floor(next() * n);
  const shuffled = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = below(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, below, shuffled };
}

/** mulberry32: numbers in [0, 1) from a 32-bit seed, the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
