/**
 * A plain reference for "the cheapest multiset of packs covering a need", written differently
 * from src/pricing/packCover.ts so that the two can check each other: first the cheapest way to
 * buy EXACTLY u (unbounded knapsack over exact sums, ties to fewer packs; no gcd steps, no
 * periodicity), then for a need t the best exact sum u >= t: cheapest, then more (or less) size,
 * then fewer packs. Sums of t + the largest pack or more are never best for t (dropping any pack
 * still covers t, for less), so a table up to maxNeed + largest answers every need up to maxNeed.
 */
import type { CoverTieBreak } from '../../src/pricing/packCover';

export interface RefKind {
  readonly cost: number;
  readonly size: number;
}

export interface RefCover {
  readonly cost: number;
  readonly size: number;
  readonly packs: number;
}

export class ExactCoverReference {
  private readonly cost: Float64Array;
  private readonly packs: Float64Array;
  /** For each need u, the exact sum u' >= u that is its best cover. */
  private readonly bestFrom: Int32Array;

  constructor(kinds: readonly RefKind[], maxNeed: number, tieBreak: CoverTieBreak) {
    const largest = Math.max(...kinds.map((k) => k.size));
    const size = maxNeed + largest + 1;
    this.cost = new Float64Array(size).fill(Infinity);
    this.packs = new Float64Array(size).fill(Infinity);
    this.cost[0] = 0;
    this.packs[0] = 0;
    for (let u = 1; u < size; u++) {
      for (const kind of kinds) {
        const from = u - kind.size;
        if (from < 0 || this.cost[from] === Infinity) continue;
        const c = (this.cost[from] as number) + kind.cost;
        const n = (this.packs[from] as number) + 1;
        if (c < (this.cost[u] as number) || (c === this.cost[u] && n < (this.packs[u] as number))) {
          this.cost[u] = c;
          this.packs[u] = n;
        }
      }
    }
    // Scanning down, the best so far is a larger sum. A cheaper sum always replaces it; an equally
    // cheap one replaces it only when less size is preferred. Different sums never tie on size, so
    // fewer packs is settled by the exact table.
    this.bestFrom = new Int32Array(size);
    let best = size - 1;
    for (let u = size - 1; u >= 0; u--) {
      const c = this.cost[u] as number;
      const b = this.cost[best] as number;
      if (c < b || (c === b && tieBreak === 'less-size')) best = u;
      this.bestFrom[u] = best;
    }
  }

  cover(need: number): RefCover {
    if (need <= 0) return { cost: 0, size: 0, packs: 0 };
    const u = this.bestFrom[need] as number;
    return { cost: this.cost[u] as number, size: u, packs: this.packs[u] as number };
  }
}
