import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/pricing';
import type { CoverSolver } from '../../../src/pricing/packCover';
import {
  cheapestSchedule,
  type Schedule,
  type ScheduleBilling,
  type ScheduleInput,
  type SchedulePack,
  type SchedulePlan,
  scheduleTable,
  topUpSolver,
} from '../../../src/pricing/schedule';
import { ExactCoverReference } from '../../support/coverReference';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../../support/scheduleBook';
import {
  bruteForceRanking,
  type DecidedBy,
  decidedBy,
  planChanges,
  planPayments,
  type RefCoverOf,
  simulateJustInTime,
} from '../../support/scheduleReference';

const SEED = 20_261_005;
const BILLINGS: readonly ScheduleBilling[] = ['monthly', 'intro', 'annual', 'list'];
const billingArb = fc.constantFrom(...BILLINGS);

/** A month's need: many zeros, many near a plan's credits, the rest anywhere up to 40,000. */
function needArb(max: number, planSizes: readonly number[]): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.constantFrom(...planSizes).chain((s) => fc.integer({ min: Math.max(1, s - 60), max: s + 60 })) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_500 }) },
  );
}

const balanceArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30_000 }));

/**
 * Checks a schedule against the brute force (the full order: total, then more credits left, then
 * fewer packs, then fewer plan changes, then the earlier plans), then its rows against a
 * one-pack-at-a-time simulation. Returns the key that decided between the best and the next best.
 */
function expectAsBruteForce(input: ScheduleInput, solver: CoverSolver, coverOf: RefCoverOf): DecidedBy | null {
  const ranking = bruteForceRanking(input, coverOf);
  if (ranking === null) {
    expect(() => cheapestSchedule(input, solver)).toThrow(InputError);
    return null;
  }
  const best = ranking.best;
  const schedule = cheapestSchedule(input, solver);
  const packs = schedule.packCounts.reduce((a, b) => a + b, 0);
  expect(BigInt(schedule.totalCents)).toBe(best.totalCents);
  expect([schedule.finalBalance, packs, schedule.planChanges]).toEqual([best.finalBalance, best.packs, best.changes]);
  const plans = schedule.months.map((m) => m.plan);
  // The documented last tie-break: plans month by month, earliest in the book's order.
  expect(plans).toEqual(best.plans);
  expect(schedule.planChanges).toBe(planChanges(plans));
  // Every pack of the chosen cover is bought, and the rows are just-in-time buying of it.
  const shortfall = schedule.months.reduce((sum, m) => sum + m.creditsUsed, 0);
  expect(schedule.packCounts).toEqual(solver.cover(Math.max(0, shortfall - input.startBalance)).counts);
  const simulated = simulateJustInTime(input, plans, schedule.packCounts);
  expect(simulated.leftOver).toBe(0);
  let cumulative = 0n;
  schedule.months.forEach((row, m) => {
    const sim = simulated.months[m];
    if (!sim) throw new Error('missing month');
    cumulative += sim.spendCents;
    expect(row.month).toBe(m + 1);
    expect(row.need).toBe(input.needs[m]);
    expect(row.planCredits).toBe(row.plan >= 0 ? (input.plans[row.plan] as SchedulePlan).credits : 0);
    expect({
      packCounts: row.packCounts,
      creditsBought: row.creditsBought,
      creditsUsed: row.creditsUsed,
      balance: row.balance,
      spendCents: BigInt(row.spendCents),
      cumulativeCents: BigInt(row.cumulativeCents),
    }).toEqual({ ...sim, cumulativeCents: cumulative });
  });
  expect(cumulative).toBe(best.totalCents);
  return decidedBy(best, ranking.next);
}

function coverReferenceOf(packs: readonly SchedulePack[], maxNeed: number): RefCoverOf {
  if (packs.length === 0) return (need) => (need > 0 ? null : { cost: 0, size: 0, packs: 0 });
  const reference = new ExactCoverReference(
    packs.map((p) => ({ cost: p.cents, size: p.credits })),
    maxNeed,
    'more-size',
  );
  return (need) => reference.cover(need);
}

describe('the cheapest schedule, against brute force over every plan sequence', () => {
  const solver = topUpSolver(DEFAULT_PACKS);
  const coverOf = coverReferenceOf(DEFAULT_PACKS, 7 * 40_060);
  const defaultCase = (needs: number[], billing: ScheduleBilling, startBalance: number): ScheduleInput => ({
    plans: DEFAULT_PLANS,
    packs: DEFAULT_PACKS,
    needs,
    billing,
    startBalance,
  });

  it('default book: 1 to 7 months of up to 40,000 credits, every billing, each at 1 to 4 start balances (1,200 cases)', () => {
    const inputArb = fc.record({
      needs: fc.array(needArb(40_000, [660, 3_000, 8_000, 26_000]), { minLength: 1, maxLength: 7 }),
      billing: billingArb,
      balances: fc.array(balanceArb, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(inputArb, ({ needs, billing, balances }) => {
        for (const b of balances) expectAsBruteForce(defaultCase(needs, billing, b), solver, coverOf);
      }),
      { numRuns: 1_200, seed: SEED },
    );
  });

  it('default book: 6 or 7 months that all need credits near the plan sizes (4^7 sequences each, 150 cases)', () => {
    const inputArb = fc.record({
      needs: fc.array(
        fc.oneof(
          fc.constantFrom(660, 3_000, 8_000, 26_000).chain((s) => fc.integer({ min: s - 400, max: s + 400 })),
          fc.integer({ min: 1, max: 40_000 }),
        ),
        { minLength: 6, maxLength: 7 },
      ),
      billing: fc.constantFrom<ScheduleBilling>('monthly', 'intro', 'list'),
      balances: fc.array(balanceArb, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(inputArb, ({ needs, billing, balances }) => {
        for (const b of balances) expectAsBruteForce(defaultCase(needs, billing, b), solver, coverOf);
      }),
      { numRuns: 150, seed: SEED + 3 },
    );
  });

  it('small random books, full of ties (equal prices, proportional packs) or of near misses, some without packs: 2,500 cases', () => {
    // Round prices and sizes make ties; any price and size make plans a few cents and credits apart.
    const priceArb = fc.oneof(fc.constantFrom(300, 500, 600, 900, 1_000, 1_500), fc.integer({ min: 100, max: 2_000 }));
    const planArb = fc.record({
      name: fc.constant('plan'),
      credits: fc.oneof(fc.constantFrom(100, 300, 500, 600, 1_000, 1_200), fc.integer({ min: 50, max: 1_500 })),
      firstMonthCents: priceArb,
      renewalCents: priceArb,
      listCents: priceArb,
      yearlyCents: priceArb.map((p) => p * 6),
    });
    const packArb = fc
      .record({
        credits: fc.oneof(fc.constantFrom(50, 100, 150, 200, 300, 330), fc.integer({ min: 20, max: 800 })),
        rate: fc.constantFrom(1, 1, 2, 3, 10, 30),
      })
      .map(({ credits, rate }) => ({ credits, cents: credits * rate }));
    const caseArb = fc.record({
      plans: fc.array(planArb, { minLength: 1, maxLength: 4 }),
      packs: fc.array(packArb, { minLength: 0, maxLength: 3 }),
      needs: fc.array(needArb(3_000, [100, 300, 600, 1_200]), { minLength: 1, maxLength: 7 }),
      billing: billingArb,
      balances: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000 })), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(caseArb, ({ plans, packs, needs, billing, balances }) => {
        const named = plans.map((p, i) => ({ ...p, name: `Plan ${i + 1}` }));
        const bookSolver = topUpSolver(packs);
        const bookCoverOf = coverReferenceOf(packs, 7 * 3_060);
        for (const b of balances) expectAsBruteForce({ plans: named, packs, needs, billing, startBalance: b }, bookSolver, bookCoverOf);
      }),
      { numRuns: 2_500, seed: SEED + 1 },
    );
  });
});

describe('the order of equal-cost schedules, on books made of ties (against the brute force)', () => {
  /**
   * A small book where plans and packs are priced in proportion, so that many schedules cost the
   * same: a unit pack of s credits for c cents, a bigger pack of k x s credits for k x c cents (the
   * same price per credit: only "fewer packs" tells them apart) or a little more; plans whose extra
   * credits over the smallest cost what unit packs would (plan or packs: a tie on cost), some at the
   * same price with more credits (a tie on cost that "more credits left" decides). The example of
   * the spec's order is one of them: 300 credits for $5 and 100 for $3, packs of 300 for $6 and 50 for $0.50.
   */
  const tieBookArb = fc
    .record({
      s: fc.constantFrom(10, 25, 50, 100),
      c: fc.constantFrom(10, 50, 100),
      k: fc.integer({ min: 2, max: 6 }),
      bigExtra: fc.constantFrom(0, 0, 0, 1, 5),
      base: fc.constantFrom(50, 100, 150, 200),
      basePrice: fc.constantFrom(300, 500, 1_000),
      steps: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 }),
      samePrice: fc.boolean(),
    })
    .map(({ s, c, k, bigExtra, base, basePrice, steps, samePrice }) => {
      const plan = (credits: number, cents: number): SchedulePlan => ({
        name: `${credits} for ${cents}`,
        credits,
        firstMonthCents: cents,
        renewalCents: cents,
        listCents: cents,
        yearlyCents: 12 * cents,
      });
      const plans = [plan(base, basePrice), ...steps.map((j) => plan(base + j * s, basePrice + j * c))];
      if (samePrice) plans.push(plan(base + s, basePrice));
      const packs: SchedulePack[] = [
        { cents: k * c + bigExtra, credits: k * s },
        { cents: c, credits: s },
      ];
      return { plans, packs, largest: Math.max(...plans.map((p) => p.credits)) };
    });

  it('2,000 cases of 1 to 6 months: every key of the order decides some of them, and the engine agrees with the brute force on all', () => {
    const decided = new Map<DecidedBy, number>();
    fc.assert(
      fc.property(
        tieBookArb.chain((book) =>
          fc.record({
            book: fc.constant(book),
            needs: fc.array(
              fc.oneof(fc.constant(0), fc.integer({ min: 1, max: book.largest + 3 * (book.packs[1] as SchedulePack).credits })),
              { minLength: 1, maxLength: 6 },
            ),
            billing: billingArb,
            startBalance: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200 })),
          }),
        ),
        ({ book, needs, billing, startBalance }) => {
          const input = { plans: book.plans, packs: book.packs, needs, billing, startBalance };
          const key = expectAsBruteForce(input, topUpSolver(book.packs), coverReferenceOf(book.packs, 6 * (book.largest + 1_000)));
          if (key) decided.set(key, (decided.get(key) ?? 0) + 1);
        },
      ),
      { numRuns: 2_000, seed: SEED + 4 },
    );
    // The generator makes ties on purpose: each later key of the order decides a share of the cases.
    for (const key of ['total', 'balance', 'packs', 'changes', 'plans'] as const) {
      expect(decided.get(key) ?? 0, `cases decided by ${key}`).toBeGreaterThanOrEqual(20);
    }
  });

  it("the spec's example is one of these books: fewer packs before fewer plan changes", () => {
    const plans: SchedulePlan[] = [
      { name: 'Large', credits: 300, firstMonthCents: 500, renewalCents: 500, listCents: 500, yearlyCents: 6_000 },
      { name: 'Small', credits: 100, firstMonthCents: 300, renewalCents: 300, listCents: 300, yearlyCents: 3_600 },
    ];
    const packs: SchedulePack[] = [
      { cents: 600, credits: 300 },
      { cents: 50, credits: 50 },
    ];
    const input: ScheduleInput = { plans, packs, needs: [9, 149, 156, 340], billing: 'monthly', startBalance: 0 };
    expect(expectAsBruteForce(input, topUpSolver(packs), coverReferenceOf(packs, 4_000))).toBe('packs');
    expect(cheapestSchedule(input).months.map((m) => m.plan)).toEqual([1, 1, 1, 0]);
  });
});

/** Every invariant of a schedule's rows and of its table, without knowing the optimum. */
function expectInvariants(input: ScheduleInput, schedule: Schedule): void {
  const { plans, packs, needs, billing } = input;
  const payments = planPayments(
    input,
    schedule.months.map((m) => m.plan),
  );
  let balance = input.startBalance;
  let cumulative = 0;
  schedule.months.forEach((row, m) => {
    const need = needs[m] as number;
    expect(row.creditsUsed).toBe(Math.max(0, need - row.planCredits));
    expect(row.balance).toBe(balance + row.creditsBought - row.creditsUsed);
    expect(row.balance).toBeGreaterThanOrEqual(0);
    expect(row.creditsBought).toBe(row.packCounts.reduce((sum, n, i) => sum + n * (packs[i] as SchedulePack).credits, 0));
    const packCents = row.packCounts.reduce((sum, n, i) => sum + n * (packs[i] as SchedulePack).cents, 0);
    expect(row.spendCents).toBe(Number(payments[m]) + packCents);
    // The smallest pack bought was needed: without it the month falls short.
    const bought = row.packCounts.map((n, i) => (n > 0 ? (packs[i] as SchedulePack).credits : Infinity));
    const smallest = Math.min(...bought);
    if (smallest < Infinity) expect(balance + row.creditsBought - smallest).toBeLessThan(row.creditsUsed);
    if (need > 0) expect(row.plan).toBeGreaterThanOrEqual(0);
    if (need === 0) {
      expect(row.packCounts.every((n) => n === 0)).toBe(true);
      if (billing !== 'annual') expect(row.plan).toBe(-1);
    }
    if (billing === 'annual') {
      const termStart = m - (m % 12);
      const termNeeds = needs.slice(termStart, termStart + 12).some((n) => n > 0);
      expect(row.plan >= 0).toBe(termNeeds);
      if (m % 12 !== 0) {
        expect(row.plan).toBe(schedule.months[m - 1]?.plan);
        expect(row.spendCents).toBe(packCents);
      }
    }
    cumulative += row.spendCents;
    expect(row.cumulativeCents).toBe(cumulative);
    balance = row.balance;
  });
  expect(schedule.finalBalance).toBe(balance);
  expect(schedule.totalCents).toBe(cumulative);
  expect(schedule.planChanges).toBe(planChanges(schedule.months.map((m) => m.plan)));
  const table = scheduleTable(schedule, plans, packs);
  expect(table).toHaveLength(needs.length + 2);
  const total = table[table.length - 1] as (string | number)[];
  const column = (c: number) => table.slice(1, -1).reduce((sum: number, row) => sum + (row[c] as number), 0);
  expect(total[0]).toBe('Total');
  expect(total[1]).toBe(column(1));
  expect(total[3]).toBe(column(3));
  expect(total[5]).toBe(column(5));
  expect(total[6]).toBe(column(6));
  expect(total[7]).toBe(schedule.finalBalance);
  expect(Math.round((total[8] as number) * 100)).toBe(schedule.totalCents);
  expect(total[9]).toBe(total[8]);
  expect(Math.round((table[table.length - 2]?.[9] as number) * 100)).toBe(schedule.totalCents);
}

describe('long schedules: every invariant of the rows and the table', () => {
  it('24 months of up to 100,000 credits, some up to 26,000,000, every billing (300 schedules)', () => {
    const solver = topUpSolver(DEFAULT_PACKS);
    const bigNeedArb = fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 6, arbitrary: fc.integer({ min: 1, max: 100_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 26_000_000 }) },
    );
    const inputArb = fc.record({
      needs: fc.array(bigNeedArb, { minLength: 1, maxLength: 24 }),
      billing: billingArb,
      startBalance: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200_000 })),
    });
    fc.assert(
      fc.property(inputArb, ({ needs, billing, startBalance }) => {
        const input = { plans: DEFAULT_PLANS, packs: DEFAULT_PACKS, needs, billing, startBalance };
        expectInvariants(input, cheapestSchedule(input, solver));
      }),
      { numRuns: 300, seed: SEED + 2 },
    );
  });
});
