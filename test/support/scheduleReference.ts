/**
 * A brute-force reference for the month-by-month schedule (shared/spec/schedule.md), written
 * differently from src/pricing/schedule.ts: it tries EVERY plan sequence (each month that needs
 * credits takes each paid plan; under annual billing each term that needs credits takes each
 * plan), prices each one in BigInt cents straight from the rules, covers its shortfall with an
 * exact-sum cover reference, and keeps the best under the spec's order. Slow and obvious.
 */
import type { ScheduleInput, SchedulePlan } from '../../src/pricing/schedule';
import type { RefCover } from './coverReference';

export interface RefSchedule {
  readonly totalCents: bigint;
  readonly finalBalance: number;
  readonly packs: number;
  readonly changes: number;
  /** Plan index of each month, -1 for none. */
  readonly plans: readonly number[];
}

/** A cover of a need, or null when the book has no packs and the need is above 0. */
export type RefCoverOf = (need: number) => RefCover | null;

/** Every plan sequence the rules allow, month by month. */
function* planSequences(input: ScheduleInput): Generator<number[]> {
  const { needs, plans, billing } = input;
  // The months (or terms) that choose a plan, and the months each choice applies to.
  const choosers: number[][] = [];
  if (billing === 'annual') {
    for (let start = 0; start < needs.length; start += 12) {
      const term = needs.map((_, m) => m).filter((m) => m >= start && m < start + 12);
      if (term.some((m) => (needs[m] as number) > 0)) choosers.push(term);
    }
  } else {
    needs.forEach((need, m) => {
      if (need > 0) choosers.push([m]);
    });
  }
  const digits = new Array<number>(choosers.length).fill(0);
  while (true) {
    const sequence = needs.map(() => -1);
    choosers.forEach((months, k) => {
      for (const m of months) sequence[m] = digits[k] as number;
    });
    yield sequence;
    // Next sequence, like counting: the last chooser turns fastest.
    let k = choosers.length - 1;
    while (k >= 0 && (digits[k] as number) === plans.length - 1) {
      digits[k] = 0;
      k--;
    }
    if (k < 0) return;
    digits[k] = (digits[k] as number) + 1;
  }
}

/** What each month pays for its plan under the billing, in cents. */
export function planPayments(input: ScheduleInput, sequence: readonly number[]): bigint[] {
  const { plans, billing } = input;
  const firstWithPlan = sequence.findIndex((p) => p >= 0);
  return sequence.map((p, m) => {
    if (p < 0) return 0n;
    const plan = plans[p] as SchedulePlan;
    if (billing === 'annual') return m % 12 === 0 ? BigInt(plan.yearlyCents) : 0n;
    if (billing === 'list') return BigInt(plan.listCents);
    if (billing === 'intro' && m === firstWithPlan) return BigInt(plan.firstMonthCents);
    return BigInt(plan.renewalCents);
  });
}

/** Months with a plan whose previous month with a plan had another. */
export function planChanges(sequence: readonly number[]): number {
  let changes = 0;
  let last = -1;
  for (const p of sequence) {
    if (p < 0) continue;
    if (last >= 0 && p !== last) changes++;
    last = p;
  }
  return changes;
}

function lexCompare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** Whether a beats b: less total, more left, fewer packs, fewer changes, earlier plans. */
function better(a: RefSchedule, b: RefSchedule): boolean {
  if (a.totalCents !== b.totalCents) return a.totalCents < b.totalCents;
  if (a.finalBalance !== b.finalBalance) return a.finalBalance > b.finalBalance;
  if (a.packs !== b.packs) return a.packs < b.packs;
  if (a.changes !== b.changes) return a.changes < b.changes;
  return lexCompare(a.plans, b.plans) < 0;
}

/** The key of the spec's order on which the best schedule beats the next best: what decided it. */
export type DecidedBy = 'total' | 'balance' | 'packs' | 'changes' | 'plans' | 'alone';

export function decidedBy(best: RefSchedule, next: RefSchedule | null): DecidedBy {
  if (next === null) return 'alone';
  if (best.totalCents !== next.totalCents) return 'total';
  if (best.finalBalance !== next.finalBalance) return 'balance';
  if (best.packs !== next.packs) return 'packs';
  if (best.changes !== next.changes) return 'changes';
  return 'plans';
}

/** The best schedule by trying them all, or null when none is possible. */
export function bruteForceSchedule(input: ScheduleInput, coverOf: RefCoverOf): RefSchedule | null {
  return bruteForceRanking(input, coverOf)?.best ?? null;
}

/** The best schedule and the next best (null when there is one schedule), by trying them all; null when none is possible. */
export function bruteForceRanking(input: ScheduleInput, coverOf: RefCoverOf): { best: RefSchedule; next: RefSchedule | null } | null {
  if (input.plans.length === 0 && input.needs.some((n) => n > 0)) return null;
  let best: RefSchedule | null = null;
  let next: RefSchedule | null = null;
  for (const sequence of planSequences(input)) {
    let shortfall = 0;
    sequence.forEach((p, m) => {
      const credits = p >= 0 ? (input.plans[p] as SchedulePlan).credits : 0;
      shortfall += Math.max(0, (input.needs[m] as number) - credits);
    });
    const cover = coverOf(Math.max(0, shortfall - input.startBalance));
    if (cover === null) continue;
    const candidate: RefSchedule = {
      totalCents: planPayments(input, sequence).reduce((a, b) => a + b, 0n) + BigInt(cover.cost),
      finalBalance: input.startBalance + cover.size - shortfall,
      packs: cover.packs,
      changes: planChanges(sequence),
      plans: sequence,
    };
    if (best === null || better(candidate, best)) {
      next = best;
      best = candidate;
    } else if (next === null || better(candidate, next)) {
      next = candidate;
    }
  }
  return best === null ? null : { best, next };
}

export interface SimulatedMonth {
  readonly packCounts: number[];
  readonly creditsBought: number;
  readonly creditsUsed: number;
  readonly balance: number;
  readonly spendCents: bigint;
}

/**
 * Just-in-time buying of a fixed multiset of packs, one pack at a time: a month short of credits
 * takes the largest pack left (equal sizes: lower index first) until its need is covered.
 */
export function simulateJustInTime(
  input: ScheduleInput,
  sequence: readonly number[],
  counts: readonly number[],
): { months: SimulatedMonth[]; leftOver: number } {
  const queue: number[] = [];
  counts.forEach((n, i) => {
    for (let k = 0; k < n; k++) queue.push(i);
  });
  const credits = (i: number) => (input.packs[i] as { credits: number }).credits;
  queue.sort((a, b) => credits(b) - credits(a) || a - b);
  const payments = planPayments(input, sequence);
  let next = 0;
  let balance = input.startBalance;
  const months = input.needs.map((need, m) => {
    const p = sequence[m] as number;
    const used = Math.max(0, need - (p >= 0 ? (input.plans[p] as SchedulePlan).credits : 0));
    const packCounts = input.packs.map(() => 0);
    let bought = 0;
    let spend = payments[m] as bigint;
    while (balance + bought < used) {
      const i = queue[next++];
      if (i === undefined) throw new Error(`month ${m + 1}: the packs ran out`);
      packCounts[i] = (packCounts[i] as number) + 1;
      bought += credits(i);
      spend += BigInt((input.packs[i] as { cents: number }).cents);
    }
    balance += bought - used;
    return { packCounts, creditsBought: bought, creditsUsed: used, balance, spendCents: spend };
  });
  return { months, leftOver: queue.length - next };
}
