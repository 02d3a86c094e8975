/**
 * The cheapest month-by-month schedule of a production (shared/spec/schedule.md): which paid plan
 * in each month, which top-up packs, bought just in time, and what is carried over. Exact.
 */
import { InputError } from './errors';
import { packsLabel } from './labels';
import { ceilCount, floorCount } from './money';
import { CoverSolver } from './packCover';

export type ScheduleBilling = 'monthly' | 'intro' | 'annual' | 'list';

/** A paid plan, prices in whole cents. */
export interface SchedulePlan {
  readonly name: string;
  readonly credits: number;
  readonly firstMonthCents: number;
  readonly renewalCents: number;
  readonly listCents: number;
  readonly yearlyCents: number;
}

/** A top-up pack; credits include the bonus. */
export interface SchedulePack {
  readonly cents: number;
  readonly credits: number;
}

export interface ScheduleInput {
  readonly plans: readonly SchedulePlan[];
  readonly packs: readonly SchedulePack[];
  /** Credits needed in each month, month 1 first: 1 to 24 whole numbers >= 0. */
  readonly needs: readonly number[];
  readonly billing: ScheduleBilling;
  /** Top-up credits held at the start, a whole number >= 0. */
  readonly startBalance: number;
}

export interface ScheduleMonth {
  readonly month: number;
  readonly need: number;
  /** Index into the plans, or -1 for No plan. */
  readonly plan: number;
  readonly planCredits: number;
  /** Packs bought this month, per pack index. */
  readonly packCounts: readonly number[];
  readonly creditsBought: number;
  /** Top-up credits used: max(0, need - plan credits). */
  readonly creditsUsed: number;
  /** Top-up balance at the end of the month. */
  readonly balance: number;
  readonly spendCents: number;
  readonly cumulativeCents: number;
}

export interface Schedule {
  readonly months: readonly ScheduleMonth[];
  readonly totalCents: number;
  /** Packs bought over the whole schedule, per pack index. */
  readonly packCounts: readonly number[];
  readonly creditsBought: number;
  readonly finalBalance: number;
  /** Months with a plan whose previous month with a plan had a different plan. */
  readonly planChanges: number;
}

/** Months a schedule spans at most: top-up credits, valid 24 months, never expire within it. */
export const MAX_MONTHS = 24;
const TERM_MONTHS = 12;

/**
 * A block is a run of months that share one plan choice: under monthly, intro and list billing
 * each month that needs credits; under annual billing each 12-month term in which some month
 * needs credits. Months outside every block have no plan. Consecutive blocks are consecutive
 * months-with-a-plan, so a plan change is exactly a block whose plan differs from the block before.
 */
interface Block {
  readonly first: number;
  /** Months of the block, 0-based, inclusive. */
  readonly last: number;
  /** The month that pays for the block (0-based). */
  readonly payMonth: number;
  /** Per plan: what the block pays, and the credits its months need beyond the plan's. */
  readonly cents: readonly number[];
  readonly shortfall: readonly number[];
}

/** A partial schedule after some blocks: total plan cents, total shortfall, last plan, changes. */
interface State {
  readonly cents: number;
  readonly shortfall: number;
  readonly plan: number;
  readonly changes: number;
  /** Index of the state it extends, in the previous block's list (-1 for the first block). */
  readonly from: number;
}

/**
 * The cheapest schedule: least total; then more top-up credits left at the end; then fewer packs;
 * then fewer plan changes; then, among schedules tied on all of these, the one whose plans read
 * month by month from month 1 come first in the order of `plans` (lowest index at the first month
 * where two differ). Its packs are the solver's cheapest cover of the total shortfall less the
 * start balance, bought just in time, largest first (packs of equal size: lower index first).
 *
 * `solver`, when given, must be a 'more-size' CoverSolver over `packs` (cost = cents, size =
 * credits) in the same order; passing one lets calls share its table.
 *
 * Exactness. The total is P + C(max(0, S - B)): P the plan payments, S the total shortfall, B the
 * start balance, C the cover cost, which never decreases as the need grows. The final balance is
 * B + size - S. A dynamic program over blocks keeps partial schedules (P, S, last plan, changes);
 * the blocks after a state add the same P, S and changes whatever came before (changes depend on
 * the last plan only). So a state with P' <= P and S' <= S, one of them strictly, beats every
 * completion of the other on the first keys: if P' < P, the total is strictly less (C(R') <= C(R));
 * if P' = P and S' < S, either C(R') < C(R) or the costs are equal and then the cover of R' holds
 * at least as many credits as that of R (which also covers R'), so the final balance is strictly
 * more. Such dominated states are dropped; of states with equal (P, S, last plan) the one with
 * fewer changes is kept, and on a full tie the first generated, which is the smallest prefix in
 * the plan order above because states are extended in that order. Every state left is then
 * evaluated with the exact cover, and the best is taken under the stated order. The states are
 * few: P takes at most one value per multiset of block plans (C(27, 3) = 2,925 for 24 months of 4
 * plans, times 4 under intro), and the dominance keeps far fewer.
 */
export function cheapestSchedule(given: ScheduleInput, solver?: CoverSolver): Schedule {
  // Needs are whole by the counts rule (snapped within 1e-6, then up), the balance too (snapped, then down).
  const input: ScheduleInput = { ...given, needs: given.needs.map(ceilCount), startBalance: floorCount(given.startBalance) };
  const { plans, packs, needs, billing, startBalance } = input;
  checkInput(input);
  const blocks = scheduleBlocks(plans, needs, billing);
  if (blocks.length > 0 && plans.length === 0)
    throw new InputError('the price book has no paid plan; a month that needs credits needs one');
  const cover = solver || topUpSolver(packs);
  const layers = statesByBlock(blocks, plans.length);
  const finals = layers[layers.length - 1] as readonly State[];
  let best = -1;
  let bestKey: readonly number[] = [];
  finals.forEach((state, index) => {
    const rest = Math.max(0, state.shortfall - startBalance);
    if (rest > 0 && !cover.hasKinds) return;
    const totals = cover.coverTotals(rest);
    // Smaller is better, key by key: total, minus the final balance, packs, plan changes.
    const key = [state.cents + totals.cost, -(startBalance + totals.size - state.shortfall), totals.packs, state.changes];
    if (best < 0 || lexLess(key, bestKey)) {
      best = index;
      bestKey = key;
    }
  });
  if (best < 0) {
    throw new InputError('the price book has no top-up packs, and its plans alone do not cover these months; add a pack or a larger plan');
  }
  const planOfMonth = plansByMonth(layers, blocks, best, needs.length);
  const finalState = finals[best] as State;
  const counts = cover.cover(Math.max(0, finalState.shortfall - startBalance)).counts;
  return buildSchedule(input, blocks, planOfMonth, counts, finalState.changes);
}

function checkInput({ needs, startBalance }: ScheduleInput): void {
  if (needs.length < 1 || needs.length > MAX_MONTHS) throw new InputError(`a schedule has 1 to ${MAX_MONTHS} months, not ${needs.length}`);
  needs.forEach((need, i) => {
    if (!Number.isInteger(need) || need < 0) throw new InputError(`month ${i + 1}: the credits needed must be a whole number of 0 or more`);
  });
  if (!Number.isInteger(startBalance) || startBalance < 0) throw new InputError('the top-up balance must be a whole number of 0 or more');
}

/** The solver a schedule uses for its packs when none is passed in. */
export function topUpSolver(packs: readonly SchedulePack[]): CoverSolver {
  return new CoverSolver(
    packs.map((p) => ({ cost: p.cents, size: p.credits })),
    'more-size',
    { noun: 'top-up packs', unit: 'credits' },
  );
}

function scheduleBlocks(plans: readonly SchedulePlan[], needs: readonly number[], billing: ScheduleBilling): Block[] {
  const shortfallOf = (first: number, last: number) =>
    plans.map((plan) => {
      let sum = 0;
      for (let m = first; m <= last; m++) sum += Math.max(0, (needs[m] as number) - plan.credits);
      return sum;
    });
  const blocks: Block[] = [];
  if (billing === 'annual') {
    for (let first = 0; first < needs.length; first += TERM_MONTHS) {
      const last = Math.min(needs.length, first + TERM_MONTHS) - 1;
      if (!needs.slice(first, last + 1).some((n) => n > 0)) continue;
      blocks.push({ first, last, payMonth: first, cents: plans.map((p) => p.yearlyCents), shortfall: shortfallOf(first, last) });
    }
    return blocks;
  }
  needs.forEach((need, m) => {
    if (need === 0) return;
    const price = (plan: SchedulePlan) =>
      billing === 'list' ? plan.listCents : billing === 'intro' && blocks.length === 0 ? plan.firstMonthCents : plan.renewalCents;
    blocks.push({ first: m, last: m, payMonth: m, cents: plans.map(price), shortfall: shortfallOf(m, m) });
  });
  return blocks;
}

/** The surviving states after each block; layer 0 is the empty schedule. */
function statesByBlock(blocks: readonly Block[], planCount: number): State[][] {
  const layers: State[][] = [[{ cents: 0, shortfall: 0, plan: -1, changes: 0, from: -1 }]];
  for (const block of blocks) {
    const previous = layers[layers.length - 1] as State[];
    // Generated in plan-sequence order: previous states in their order, then plans by index.
    const candidates: State[] = [];
    previous.forEach((state, from) => {
      for (let p = 0; p < planCount; p++) {
        candidates.push({
          cents: state.cents + (block.cents[p] as number),
          shortfall: state.shortfall + (block.shortfall[p] as number),
          plan: p,
          changes: state.changes + (state.plan >= 0 && state.plan !== p ? 1 : 0),
          from,
        });
      }
    });
    layers.push(undominated(candidates));
  }
  return layers;
}

/**
 * The candidates that no other beats for sure (see cheapestSchedule), in their original order.
 * Sorted by (cents, shortfall, plan, changes, order), a candidate is dropped when an earlier one
 * has less shortfall at no more cents, or the same cents and shortfall and plan.
 */
function undominated(candidates: readonly State[]): State[] {
  const order = candidates.map((_, i) => i);
  order.sort((i, j) => {
    const a = candidates[i] as State;
    const b = candidates[j] as State;
    return a.cents - b.cents || a.shortfall - b.shortfall || a.plan - b.plan || a.changes - b.changes || i - j;
  });
  const kept: number[] = [];
  let leastShortfall = Infinity;
  let previous: State | undefined;
  for (const i of order) {
    const c = candidates[i] as State;
    const sameSpot = previous !== undefined && previous.cents === c.cents && previous.shortfall === c.shortfall;
    if (sameSpot) {
      if ((previous as State).plan === c.plan) continue;
      kept.push(i);
    } else if (c.shortfall < leastShortfall) {
      kept.push(i);
      leastShortfall = c.shortfall;
    } else {
      previous = undefined;
      continue;
    }
    previous = c;
  }
  kept.sort((i, j) => i - j);
  return kept.map((i) => candidates[i] as State);
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return false;
}

/** The plan index of each month (-1 for none), read back from the chosen final state. */
function plansByMonth(layers: readonly State[][], blocks: readonly Block[], finalIndex: number, months: number): number[] {
  const planOfMonth: number[] = new Array(months).fill(-1);
  let index = finalIndex;
  for (let k = blocks.length; k > 0; k--) {
    const state = (layers[k] as State[])[index] as State;
    const block = blocks[k - 1] as Block;
    for (let m = block.first; m <= block.last; m++) planOfMonth[m] = state.plan;
    index = state.from;
  }
  return planOfMonth;
}

/** The month rows: plan payments where blocks pay, packs bought just in time, largest first. */
function buildSchedule(
  { plans, packs, needs, startBalance }: ScheduleInput,
  blocks: readonly Block[],
  planOfMonth: readonly number[],
  counts: readonly number[],
  planChanges: number,
): Schedule {
  const remaining = [...counts];
  const bySize = packs.map((_, i) => i).sort((i, j) => (packs[j] as SchedulePack).credits - (packs[i] as SchedulePack).credits || i - j);
  const payments: number[] = new Array(needs.length).fill(0);
  for (const block of blocks) {
    const plan = planOfMonth[block.first] as number;
    payments[block.payMonth] = (payments[block.payMonth] as number) + (block.cents[plan] as number);
  }
  const months: ScheduleMonth[] = [];
  let balance = startBalance;
  let cumulative = 0;
  needs.forEach((need, m) => {
    const plan = planOfMonth[m] as number;
    const planCredits = plan >= 0 ? (plans[plan] as SchedulePlan).credits : 0;
    const used = Math.max(0, need - planCredits);
    const bought = packs.map(() => 0);
    let creditsBought = 0;
    let spend = payments[m] as number;
    for (const i of bySize) {
      if (balance + creditsBought >= used) break;
      const pack = packs[i] as SchedulePack;
      const n = Math.min(remaining[i] as number, Math.ceil((used - balance - creditsBought) / pack.credits));
      bought[i] = n;
      remaining[i] = (remaining[i] as number) - n;
      creditsBought += n * pack.credits;
      spend += n * pack.cents;
    }
    balance += creditsBought - used;
    cumulative += spend;
    months.push({
      month: m + 1,
      need,
      plan,
      planCredits,
      packCounts: bought,
      creditsBought,
      creditsUsed: used,
      balance,
      spendCents: spend,
      cumulativeCents: cumulative,
    });
  });
  return {
    months,
    totalCents: cumulative,
    packCounts: packs.map((_, i) => months.reduce((sum, row) => sum + (row.packCounts[i] as number), 0)),
    creditsBought: months.reduce((sum, row) => sum + row.creditsBought, 0),
    finalBalance: balance,
    planChanges,
  };
}

export const SCHEDULE_HEADER: readonly string[] = [
  'Month',
  'Credits needed',
  'Plan',
  'Plan credits',
  'Top-ups bought',
  'Top-up credits bought',
  'Top-up credits used',
  'Top-up balance',
  'Spend (USD)',
  'Cumulative (USD)',
];

/** The schedule as a sheet table: header, one row per month, a Total row; money in USD. */
export function scheduleTable(schedule: Schedule, plans: readonly SchedulePlan[], packs: readonly SchedulePack[]): (string | number)[][] {
  const label = (counts: readonly number[]) =>
    packsLabel(
      packs.map((p, i) => ({ size: p.credits, count: counts[i] as number })),
      'credit',
    );
  const rows: (string | number)[][] = [[...SCHEDULE_HEADER]];
  for (const row of schedule.months) {
    rows.push([
      row.month,
      row.need,
      row.plan >= 0 ? (plans[row.plan] as SchedulePlan).name : 'No plan',
      row.planCredits,
      label(row.packCounts),
      row.creditsBought,
      row.creditsUsed,
      row.balance,
      row.spendCents / 100,
      row.cumulativeCents / 100,
    ]);
  }
  const sum = (pick: (row: ScheduleMonth) => number) => schedule.months.reduce((total, row) => total + pick(row), 0);
  rows.push([
    'Total',
    sum((r) => r.need),
    '',
    sum((r) => r.planCredits),
    label(schedule.packCounts),
    schedule.creditsBought,
    sum((r) => r.creditsUsed),
    schedule.finalBalance,
    schedule.totalCents / 100,
    schedule.totalCents / 100,
  ]);
  return rows;
}
