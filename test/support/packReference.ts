/**
 * A plain reference for "the cheapest set of top-up packs that covers a need", written
 * differently from src/pricing/topups.ts so that the two can check each other:
 * first the cheapest way to buy EXACTLY u units (unbounded knapsack, no periodicity, no
 * shortcuts), then for a need t the best exact sum u >= t under the spec's order:
 * cheapest, then more credits, then fewer packs.
 */

export interface RefPack {
  readonly cents: number;
  /** Credits including the bonus. */
  readonly total: number;
}

export interface RefCover {
  readonly cents: number;
  readonly credits: number;
  readonly count: number;
  /** Pack totals bought, one entry per pack. */
  readonly totals: number[];
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export class ExactSumReference {
  readonly step: number;
  private readonly units: number[];
  private readonly cost: Float64Array;
  private readonly count: Float64Array;
  private readonly last: Int32Array;
  /** Index u' >= u of the best exact sum for a need of u units. */
  private readonly bestFrom: Int32Array;

  /** Answers needs up to maxCredits. */
  constructor(
    private readonly packs: readonly RefPack[],
    maxCredits: number,
  ) {
    this.step = packs.reduce((g, p) => gcd(g, p.total), 0);
    this.units = packs.map((p) => p.total / this.step);
    const widest = Math.max(...this.units);
    const size = Math.ceil(maxCredits / this.step) + widest + 1;
    this.cost = new Float64Array(size).fill(Infinity);
    this.count = new Float64Array(size).fill(Infinity);
    this.last = new Int32Array(size).fill(-1);
    this.cost[0] = 0;
    this.count[0] = 0;
    for (let u = 1; u < size; u++) {
      for (let i = 0; i < packs.length; i++) {
        const from = u - (this.units[i] as number);
        if (from < 0 || this.cost[from] === Infinity) continue;
        const c = (this.cost[from] as number) + (packs[i] as RefPack).cents;
        const n = (this.count[from] as number) + 1;
        if (c < (this.cost[u] as number) || (c === this.cost[u] && n < (this.count[u] as number))) {
          this.cost[u] = c;
          this.count[u] = n;
          this.last[u] = i;
        }
      }
    }
    // Best exact sum at or above each u, scanning down. A strictly cheaper sum replaces the best;
    // on equal cost the best found so far is the larger sum (more credits), so it stays. Fewer
    // packs only decides between equal sums, which the exact table above already did.
    // Sums of t + widest units or more are never best for a need t (dropping any pack still
    // covers t, for less), so the table's size bounds every answer.
    this.bestFrom = new Int32Array(size);
    let best = size - 1;
    for (let u = size - 1; u >= 0; u--) {
      if ((this.cost[u] as number) < (this.cost[best] as number)) best = u;
      this.bestFrom[u] = best;
    }
  }

  cover(needCredits: number): RefCover {
    if (needCredits <= 0) return { cents: 0, credits: 0, count: 0, totals: [] };
    const t = Math.ceil(needCredits / this.step);
    const u = this.bestFrom[t] as number;
    const totals: number[] = [];
    for (let v = u; v > 0; ) {
      const i = this.last[v] as number;
      totals.push((this.packs[i] as RefPack).total);
      v -= this.units[i] as number;
    }
    return { cents: this.cost[u] as number, credits: u * this.step, count: this.count[u] as number, totals };
  }
}

/** "Ultra + 2 x 1,320-credit pack + 330-credit pack": packs by total, largest first. */
export function referenceLabel(planName: string, totals: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const t of totals) counts.set(t, (counts.get(t) ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([t, n]) => `${n > 1 ? `${n} x ` : ''}${t.toLocaleString('en-US')}-credit pack`);
  return [planName, ...parts].join(' + ');
}
