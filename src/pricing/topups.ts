import { InputError } from './errors';
import { gcd, toCents } from './money';
import type { TopUpPack } from './types';

/** The cheapest set of top-up packs that covers a number of credits. */
export interface PackCover {
  readonly cents: number;
  /** Total credits of the packs, bonus included. */
  readonly credits: number;
  /** The packs, largest first; a pack bought twice appears twice. */
  readonly packs: readonly TopUpPack[];
}

/** Table entries beyond this many steps are not built; see coverFor(). */
const MAX_TABLE_STEPS = 2_000_000;

/**
 * Min-cost cover over the packs (each may be bought any number of times), solved by dynamic
 * programming over credits in steps of the packs' greatest common divisor. Ties go to more
 * credits, then to fewer packs. The table is built once per price book and grows on demand.
 *
 * Large needs: the optimum becomes periodic in the best-value pack b: once
 * best(u) = best(u - b) + b holds for a window as wide as the largest pack, it holds for every
 * larger u (each best(u) is a minimum over entries of the window before it). The table grows
 * until that window is seen, then larger needs are answered as whole b packs plus a table entry.
 */
export class PackCoverSolver {
  private readonly totals: number[];
  private readonly cents: number[];
  private readonly step: number;
  /** Each pack's credits (bonus included) in steps. */
  private readonly units: number[];
  private readonly widest: number;
  private readonly bulk: number;
  private costs = new Float64Array(1);
  private credits = new Float64Array(1);
  private counts = new Float64Array(1);
  private choice = new Int16Array(1).fill(-1);
  private built = 0;
  private periodicFrom = Infinity;

  constructor(private readonly packs: readonly TopUpPack[]) {
    this.totals = packs.map((p) => p.credits + p.bonus);
    this.cents = packs.map((p) => toCents(p.price));
    this.step = this.totals.reduce((g, t) => gcd(g, t), 0) || 1;
    const units = this.totals.map((t) => t / this.step);
    this.units = units;
    this.widest = Math.max(0, ...units);
    // The bulk pack: lowest price per credit, ties to the largest.
    let bulk = -1;
    units.forEach((u, i) => {
      if (bulk < 0) {
        bulk = i;
        return;
      }
      const better = (this.cents[i] as number) * (units[bulk] as number) - (this.cents[bulk] as number) * u;
      if (better < 0 || (better === 0 && u > (units[bulk] as number))) bulk = i;
    });
    this.bulk = bulk;
  }

  get hasPacks(): boolean {
    return this.packs.length > 0;
  }

  /** Cheapest packs covering `need` credits (need > 0 and finite). */
  coverFor(need: number): PackCover {
    if (!this.hasPacks) throw new InputError('the price book has no top-up packs');
    const target = Math.ceil(need / this.step - 1e-9);
    if (target <= 0) return { cents: 0, credits: 0, packs: [] };
    this.ensurePeriod(target);
    const { packs, units, built } = this;
    const bulkPack = packs[this.bulk] as TopUpPack;
    let bulkCount = 0;
    let rest = target;
    if (target > built) {
      const bulkUnits = units[this.bulk] as number;
      bulkCount = Math.ceil((target - built) / bulkUnits);
      rest = target - bulkCount * bulkUnits;
    }
    const chosen: TopUpPack[] = [];
    for (let i = 0; i < bulkCount; i++) chosen.push(bulkPack);
    for (let u = rest; u > 0; ) {
      const i = this.choice[u] as number;
      chosen.push(packs[i] as TopUpPack);
      u -= units[i] as number;
    }
    chosen.sort((a, b) => b.credits + b.bonus - (a.credits + a.bonus));
    return {
      cents: (this.costs[Math.max(rest, 0)] as number) + bulkCount * toCents(bulkPack.price),
      credits: (this.credits[Math.max(rest, 0)] as number) + bulkCount * (bulkPack.credits + bulkPack.bonus),
      packs: chosen,
    };
  }

  /** Build the table up to `target`, or until the periodic window is seen. */
  private ensurePeriod(target: number): void {
    while (this.built < target && this.periodicFrom === Infinity) {
      const next = Math.min(Math.max(this.built * 2, 4 * this.widest, 64), target);
      if (next > MAX_TABLE_STEPS) {
        throw new InputError('the top-up packs of this price book are too irregular to plan that many credits');
      }
      this.grow(next);
      this.checkPeriod();
    }
  }

  private grow(size: number): void {
    const costs = new Float64Array(size + 1);
    const credits = new Float64Array(size + 1);
    const counts = new Float64Array(size + 1);
    const choice = new Int16Array(size + 1).fill(-1);
    costs.set(this.costs);
    credits.set(this.credits);
    counts.set(this.counts);
    choice.set(this.choice);
    const { units, cents, totals } = this;
    for (let u = this.built + 1; u <= size; u++) {
      let bestCost = Infinity;
      let bestCredits = 0;
      let bestCount = 0;
      let best = -1;
      for (let i = 0; i < units.length; i++) {
        const from = Math.max(0, u - (units[i] as number));
        const c = (costs[from] as number) + (cents[i] as number);
        const k = (credits[from] as number) + (totals[i] as number);
        const n = (counts[from] as number) + 1;
        if (c < bestCost || (c === bestCost && (k > bestCredits || (k === bestCredits && n < bestCount)))) {
          bestCost = c;
          bestCredits = k;
          bestCount = n;
          best = i;
        }
      }
      costs[u] = bestCost;
      credits[u] = bestCredits;
      counts[u] = bestCount;
      choice[u] = best;
    }
    this.costs = costs;
    this.credits = credits;
    this.counts = counts;
    this.choice = choice;
    this.built = size;
  }

  private checkPeriod(): void {
    const { costs, credits, counts, widest, built: last } = this;
    const b = this.units[this.bulk] as number;
    if (last < b + widest + 1) return;
    const bulkCents = this.cents[this.bulk] as number;
    const bulkCredits = this.totals[this.bulk] as number;
    for (let u = last - widest + 1; u <= last; u++) {
      if (
        costs[u] !== (costs[u - b] as number) + bulkCents ||
        credits[u] !== (credits[u - b] as number) + bulkCredits ||
        counts[u] !== (counts[u - b] as number) + 1
      ) {
        return;
      }
    }
    this.periodicFrom = last;
  }
}
