import { InputError } from './errors';
import { formatThousands, gcd } from './money';

// Read once: a column of needs asks the solver hundreds of thousands of times, and where globals
// live on a global object (Apps Script, node:vm) each lookup of Math or Number costs.
const ceil = Math.ceil;
const isInteger = Number.isInteger;

/** A kind of pack that can be bought any number of times: positive integer cost (money units) and size. */
export interface PackKind {
  readonly cost: number;
  readonly size: number;
}

/** What a cover adds up to, without saying which packs. */
export interface CoverTotals {
  readonly cost: number;
  readonly size: number;
  /** Number of packs bought. */
  readonly packs: number;
}

/** The packs of a cover: a count per kind (index as in the solver's kinds); packs = sum of counts. */
export interface Cover extends CoverTotals {
  readonly counts: readonly number[];
}

/**
 * Among covers of equal cost: prefer more size (top-ups: more credits left) or less size (API:
 * fewer units bought); then fewer packs.
 */
export type CoverTieBreak = 'more-size' | 'less-size';

/** How messages name the packs and what they hold, e.g. "top-up packs" and "credits". */
export interface CoverWording {
  readonly noun: string;
  readonly unit: string;
}

/** Most table steps ever built (memory: about 24 bytes a step). */
const MAX_STEPS = 2_000_000;
/** Most table steps times kinds ever evaluated (time: well under a second). */
const MAX_WORK = 24_000_000;
/** First table size; the table doubles from there, so its sizes never depend on the needs asked. */
const FIRST_STEPS = 1_024;

/**
 * Exact min-cost cover: the cheapest multiset of packs (each kind any number of times) whose sizes
 * add up to at least a need, ordered by cost, then the tie-break on size, then fewer packs.
 *
 * Sizes are counted in steps of the kinds' greatest common divisor g, so a need n asks for
 * t = ceil(n / g) steps. The table f(t) = min over kinds i of f(max(0, t - u_i)) + key_i holds the
 * optimum key (cost, +/- size, packs) of every t: a cover of t without its last pack i covers
 * t - u_i, and keys add, and a lexicographic order on added keys is kept by adding the same key to
 * both sides, so the minimum of the sums is the sum of the minima.
 *
 * Large needs use the periodicity of the optimum in the best-value kind b (least cost per step,
 * ties to the larger size, then the lower index): once f(u) = f(u - u_b) + key_b holds for W
 * consecutive u ending at the table's end L (W = the largest kind, and L >= W + u_b - 1), it holds
 * for every u > L, since f(u) is a minimum over f(u - u_i) + key_i, all inside the W entries
 * before u, and adding key_b to all of them adds it to their minimum. This uses only that keys
 * add, so it holds for both tie-breaks. It is reached: a cover of u_b x W steps or more without b
 * has at least u_b packs, some of which sum to a multiple m u_b (pigeonhole on prefix sums); m packs b
 * cost no more, hold the same size and are no more packs, so some optimum holds b.
 *
 * When still tied, the choice is deterministic: up to the table's end, the lowest-index kind
 * that reaches the optimum is the last pack added at each step; beyond it, whole packs b plus the
 * table's cover of the rest. The table grows lazily to sizes 1,024 x 2^k (never more than
 * MAX_STEPS, nor MAX_WORK steps x kinds); a need the table cannot reach and whose period it has not
 * seen is refused with an InputError.
 */
export class CoverSolver {
  private readonly step: number;
  /** Each kind's size in steps. */
  private readonly units: readonly number[];
  private readonly costs: readonly number[];
  private readonly widest: number;
  private readonly bulk: number;
  private readonly maxSteps: number;
  private readonly moreSize: boolean;
  private tableCost = new Float64Array(1);
  private tableSize = new Float64Array(1);
  private tablePacks = new Int32Array(1);
  private tableChoice = new Int32Array(1).fill(-1);
  /** How many times the chosen kind repeats down the chain from an entry (so counts are read run by run). */
  private tableRun = new Int32Array(1);
  private built = 0;
  private periodic = false;
  private evaluated = 0;

  constructor(
    private readonly kinds: readonly PackKind[],
    tieBreak: CoverTieBreak,
    private readonly wording: CoverWording = { noun: 'packs', unit: 'units' },
  ) {
    for (const kind of kinds) {
      if (!isPositiveInteger(kind.cost) || !isPositiveInteger(kind.size)) {
        throw new InputError(`the ${wording.noun} need a whole price above 0 and a whole number of ${wording.unit} above 0`);
      }
    }
    this.moreSize = tieBreak === 'more-size';
    this.step = kinds.reduce((g, k) => gcd(g, k.size), 0) || 1;
    this.units = kinds.map((k) => k.size / this.step);
    this.costs = kinds.map((k) => k.cost);
    this.widest = Math.max(0, ...this.units);
    this.bulk = bestValueKind(this.costs, this.units);
    this.maxSteps = Math.min(MAX_STEPS, Math.floor(MAX_WORK / Math.max(1, kinds.length)));
  }

  get hasKinds(): boolean {
    return this.kinds.length > 0;
  }

  /** Table steps built so far (work done = tableSteps x kinds). */
  get tableSteps(): number {
    return this.built;
  }

  /** Table entries evaluated so far, each a minimum over every kind: the solver's whole work. */
  get work(): number {
    return this.evaluated * this.kinds.length;
  }

  /** The cheapest packs covering `need` (an integer >= 0), as counts per kind. */
  cover(need: number): Cover {
    const target = this.targetFor(need);
    if (target === 0) return { cost: 0, size: 0, packs: 0, counts: this.kinds.map(() => 0) };
    const { bulkCount, rest } = this.split(target);
    const counts = this.kinds.map(() => 0);
    counts[this.bulk] = bulkCount;
    // Run by run: a 1-credit pack chosen 100,000 times in a row is one step, not 100,000.
    for (let u = rest; u > 0; ) {
      const i = this.tableChoice[u] as number;
      const run = this.tableRun[u] as number;
      counts[i] = (counts[i] as number) + run;
      u = Math.max(0, u - run * (this.units[i] as number));
    }
    return { ...this.totalsOf(bulkCount, rest), counts };
  }

  /** What the cheapest cover of `need` adds up to, without building its counts. */
  coverTotals(need: number): CoverTotals {
    const target = this.targetFor(need);
    if (target === 0) return { cost: 0, size: 0, packs: 0 };
    const { bulkCount, rest } = this.split(target);
    return this.totalsOf(bulkCount, rest);
  }

  /**
   * The cost of the cheapest cover of `need`, its size and pack count written into `into`: the
   * same as coverTotals without allocating (a column of 400,000 needs asks four plans each).
   */
  coverTotalsInto(need: number, into: { cost: number; size: number; packs: number }): void {
    const target = this.targetFor(need);
    if (target === 0) {
      into.cost = 0;
      into.size = 0;
      into.packs = 0;
      return;
    }
    let bulkCount = 0;
    let rest = target;
    if (target > this.built) {
      const b = this.units[this.bulk] as number;
      bulkCount = ceil((target - this.built) / b);
      rest = target - bulkCount * b;
    }
    const bulk = this.bulk;
    into.cost = (this.tableCost[rest] as number) + bulkCount * (this.costs[bulk] as number);
    into.size = ((this.tableSize[rest] as number) + bulkCount * (this.units[bulk] as number)) * this.step;
    into.packs = (this.tablePacks[rest] as number) + bulkCount;
  }

  private targetFor(need: number): number {
    if (!isInteger(need) || need < 0) throw new RangeError(`a cover needs a whole number of 0 or more, not ${need}`);
    if (need === 0) return 0;
    if (!this.hasKinds) throw new InputError(`the price book has no ${this.wording.noun}`);
    const remainder = need % this.step;
    const target = (need - remainder) / this.step + (remainder > 0 ? 1 : 0);
    this.reach(target, need);
    return target;
  }

  /** A target as whole packs b plus a table entry `rest` (rest = target inside the table). */
  private split(target: number): { bulkCount: number; rest: number } {
    if (target <= this.built) return { bulkCount: 0, rest: target };
    const b = this.units[this.bulk] as number;
    const bulkCount = ceil((target - this.built) / b);
    return { bulkCount, rest: target - bulkCount * b };
  }

  private totalsOf(bulkCount: number, rest: number): CoverTotals {
    const b = this.bulk;
    return {
      cost: (this.tableCost[rest] as number) + bulkCount * (this.costs[b] as number),
      size: ((this.tableSize[rest] as number) + bulkCount * (this.units[b] as number)) * this.step,
      packs: (this.tablePacks[rest] as number) + bulkCount,
    };
  }

  /** Grow the table until it holds `target` or its period is seen; refuse past the bounds. */
  private reach(target: number, need: number): void {
    while (target > this.built && !this.periodic) {
      if (this.built >= this.maxSteps) {
        const { noun, unit } = this.wording;
        throw new InputError(
          `the ${noun} of this price book are too irregular to plan ${formatThousands(need)} ${unit} exactly; use fewer or more regular packs`,
        );
      }
      this.grow(Math.min(this.maxSteps, Math.max(FIRST_STEPS, 2 * this.built)));
      this.periodic = this.periodSeen();
    }
  }

  private grow(size: number): void {
    const cost = new Float64Array(size + 1);
    const total = new Float64Array(size + 1);
    const packs = new Int32Array(size + 1);
    const choice = new Int32Array(size + 1).fill(-1);
    const runs = new Int32Array(size + 1);
    runs.set(this.tableRun);
    cost.set(this.tableCost);
    total.set(this.tableSize);
    packs.set(this.tablePacks);
    choice.set(this.tableChoice);
    const { units, costs, moreSize } = this;
    const kinds = units.length;
    for (let u = this.built + 1; u <= size; u++) {
      let bestCost = Infinity;
      let bestSize = 0;
      let bestPacks = 0;
      let best = -1;
      for (let i = 0; i < kinds; i++) {
        // No Math.max here: a global lookup per step is slow where globals live on a global object.
        const unit = units[i] as number;
        const from = u > unit ? u - unit : 0;
        const c = (cost[from] as number) + (costs[i] as number);
        if (c > bestCost) continue;
        const s = (total[from] as number) + unit;
        const n = (packs[from] as number) + 1;
        if (c < bestCost || (s !== bestSize ? moreSize === s > bestSize : n < bestPacks)) {
          bestCost = c;
          bestSize = s;
          bestPacks = n;
          best = i;
        }
      }
      cost[u] = bestCost;
      total[u] = bestSize;
      packs[u] = bestPacks;
      choice[u] = best;
      const from = u - (units[best] as number);
      runs[u] = from > 0 && choice[from] === best ? (runs[from] as number) + 1 : 1;
    }
    this.evaluated += size - this.built;
    this.tableCost = cost;
    this.tableSize = total;
    this.tablePacks = packs;
    this.tableChoice = choice;
    this.tableRun = runs;
    this.built = size;
  }

  /** Whether f(u) = f(u - u_b) + key_b over the last W entries (see the class comment). */
  private periodSeen(): boolean {
    const last = this.built;
    const w = this.widest;
    const b = this.units[this.bulk] as number;
    if (last < w + b - 1) return false;
    const bulkCost = this.costs[this.bulk] as number;
    const { tableCost: cost, tableSize: total, tablePacks: packs } = this;
    for (let u = last - w + 1; u <= last; u++) {
      if (
        cost[u] !== (cost[u - b] as number) + bulkCost ||
        total[u] !== (total[u - b] as number) + b ||
        packs[u] !== (packs[u - b] as number) + 1
      ) {
        return false;
      }
    }
    return true;
  }
}

function isPositiveInteger(x: number): boolean {
  return Number.isInteger(x) && x > 0;
}

/** The kind of least cost per step; ties to the larger size, then the lower index. -1 when none. */
function bestValueKind(costs: readonly number[], units: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < costs.length; i++) {
    if (best < 0) {
      best = i;
      continue;
    }
    // cost_i / u_i vs cost_best / u_best, cross-multiplied: exact while the products stay below 2^53.
    // Beyond that a wrong pick only delays or prevents seeing the period (refusal), never a wrong
    // answer: periodSeen() verifies the period on exact table entries.
    const diff = (costs[i] as number) * (units[best] as number) - (costs[best] as number) * (units[i] as number);
    if (diff < 0 || (diff === 0 && (units[i] as number) > (units[best] as number))) best = i;
  }
  return best;
}
