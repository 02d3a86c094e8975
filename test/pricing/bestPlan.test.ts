/**
 * KLING_BEST_PLAN / KLING_MONTHLY_COST in the engine: examples of the spec, every billing, ties,
 * labels, needs just above each plan, and the periodic pack solver against a plain reference.
 */
import { describe, expect, it } from 'vitest';
import type { Billing, Bundle, Plan, PriceBook, Sourced, TopUpPack } from '../../src/pricing';
import { bundleMonth, compareBundles, DEFAULT_PRICE_BOOK, InputError, PricingEngine, planCredits } from '../../src/pricing';
import type { CoverSolver } from '../../src/pricing/packCover';
import { topUpSolver } from '../../src/pricing/schedule';
import { ExactSumReference, referenceLabel } from '../support/packReference';
import type { BillingName } from './facts';
import { BILLINGS, monthlyPriceTwelfthCents, PACK_FACTS, PAID_PLAN_FACTS } from './facts';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);

/** The best bundle for one month on its own, with its USD under the billing, as KLING_BEST_PLAN and KLING_MONTHLY_COST give them. */
function bestOption(e: PricingEngine, need: number, billing: Billing, allowTopups: boolean) {
  const bundle = e.bestBundle(need, billing, allowTopups);
  return { ...bundle, monthlyCost: e.monthUsd(bundle, billing) };
}

/** Every option for the month, cheapest first under the spec's order. */
function options(e: PricingEngine, need: number, billing: Billing, allowTopups: boolean): Bundle[] {
  return e.bundles(need, allowTopups).sort((a, b) => compareBundles(a, b, billing));
}

const REF_PACKS = PACK_FACTS.map((p) => ({ cents: p.price * 100, total: p.total }));

describe("best plan: the spec's examples", () => {
  it('700 credits -> Standard + 330-credit pack, $13.80 (monthly)', () => {
    const best = bestOption(engine, 700, 'monthly', true);
    expect(best.label).toBe('Standard + 330-credit pack');
    expect(best.monthlyCost).toBe(13.8);
    expect(best.credits).toBe(990);
    expect(best.packs).toBe(1);
  });

  it('2,000 credits -> Pro, $32.56 (monthly)', () => {
    const best = bestOption(engine, 2000, 'monthly', true);
    expect(best.label).toBe('Pro');
    expect(best.monthlyCost).toBe(32.56);
    expect(best.packs).toBe(0);
  });

  it('0 credits -> Free, $0, under every billing and with or without top-ups', () => {
    for (const billing of BILLINGS) {
      for (const allow of [true, false]) {
        const best = bestOption(engine, 0, billing, allow);
        expect(best.label).toBe('Free');
        expect(best.monthlyCost).toBe(0);
        expect(best.packs).toBe(0);
      }
    }
  });

  it('never Free (no commercial use) and never packs alone for a need above 0', () => {
    for (const need of [0.001, 1, 10, 66, 330, 660]) {
      for (const billing of BILLINGS) {
        const best = bestOption(engine, need, billing, true);
        expect(best.plan.id, `${need} ${billing}`).not.toBe('free');
        expect(best.label, `${need} ${billing}`).toBe('Standard');
      }
    }
  });
});

describe('best plan under each billing', () => {
  const cases: [need: number, billing: Billing, label: string, monthly: number][] = [
    [700, 'monthly', 'Standard + 330-credit pack', 13.8],
    [700, 'intro', 'Standard + 330-credit pack', 11.99],
    [700, 'annual', 'Standard + 330-credit pack', 11.6],
    [700, 'list', 'Standard + 330-credit pack', 15],
    [2000, 'monthly', 'Pro', 32.56],
    [2000, 'intro', 'Pro', 25.99],
    [2000, 'annual', 'Pro', 24.42],
    // At list prices Standard + packs ($10 + $20 + $5) beats Pro ($37).
    [2000, 'list', 'Standard + 1,320-credit pack + 330-credit pack', 35],
  ];
  for (const [need, billing, label, monthly] of cases) {
    it(`${need} credits, ${billing}: ${label}, $${monthly} for the month`, () => {
      const best = bestOption(engine, need, billing, true);
      expect(best.label).toBe(label);
      expect(best.monthlyCost).toBe(monthly);
    });
  }

  it('annual billing: yearly price / 12, exact, plus the packs bought that month', () => {
    const best = bestOption(engine, 26001, 'annual', true);
    expect(best.label).toBe('Ultra + 330-credit pack');
    expect(bundleMonth(best, 'annual')).toBe(142_999 + 12 * 500);
    expect(best.monthlyCost).toBe((142_999 + 12 * 500) / 1200);
  });
});

describe("needs just above each plan's credits", () => {
  const cases: [number, string, number][] = [
    [660, 'Standard', 8.8],
    [661, 'Standard + 330-credit pack', 13.8],
    [990, 'Standard + 330-credit pack', 13.8],
    [991, 'Standard + 660-credit pack', 18.8],
    [3000, 'Pro', 32.56],
    [3001, 'Pro + 330-credit pack', 37.56],
    [8000, 'Premier', 80.96],
    [8001, 'Premier + 330-credit pack', 85.96],
    [26000, 'Ultra', 159.99],
    [26001, 'Ultra + 330-credit pack', 164.99],
    [660.5, 'Standard + 330-credit pack', 13.8],
  ];
  for (const [need, label, cost] of cases) {
    it(`${need} credits -> ${label}, $${cost}`, () => {
      const best = bestOption(engine, need, 'monthly', true);
      expect(best.label).toBe(label);
      expect(best.monthlyCost).toBe(cost);
    });
  }

  it('allow_topups FALSE: the cheapest plan that covers the need alone', () => {
    expect(bestOption(engine, 661, 'monthly', false).label).toBe('Pro');
    expect(bestOption(engine, 661, 'monthly', false).monthlyCost).toBe(32.56);
    expect(bestOption(engine, 700, 'monthly', false).label).toBe('Pro');
    expect(bestOption(engine, 3001, 'monthly', false).label).toBe('Premier');
    expect(bestOption(engine, 8001, 'intro', false).label).toBe('Ultra');
    expect(bestOption(engine, 26000, 'monthly', false).label).toBe('Ultra');
    expect(bestOption(engine, 26000, 'monthly', false).packs).toBe(0);
  });

  it("allow_topups FALSE above Ultra's 26,000 credits is an error that says so", () => {
    for (const need of [26000.5, 26001, 30000, 1_000_000]) {
      for (const billing of BILLINGS) {
        expect(() => bestOption(engine, need, billing, false)).toThrow(InputError);
        expect(() => bestOption(engine, need, billing, false)).toThrow(/no plan alone covers .*26,000.*allow_topups/);
      }
    }
  });

  it('rejects needs outside 0 to 26,000,000 with a clear error', () => {
    for (const need of [-1, -0.001, 26_000_001, Infinity, NaN]) {
      expect(() => bestOption(engine, need, 'monthly', true), String(need)).toThrow(/credits_per_month must be from 0 to 26,000,000/);
    }
  });
});

describe('labels', () => {
  it('names packs by total credits (bonus included), largest first', () => {
    expect(bestOption(engine, 30000, 'monthly', true).label).toBe('Ultra + 3,500-credit pack + 660-credit pack');
    expect(bestOption(engine, 26000 + 7500, 'monthly', true).label).toBe('Ultra + 7,500-credit pack');
  });

  it('a pack bought more than once reads "2 x 1,320-credit pack"', () => {
    const best = bestOption(engine, 26000 + 2640, 'monthly', true);
    expect(best.label).toBe('Ultra + 2 x 1,320-credit pack');
    expect(best.monthlyCost).toBe(199.99);
    expect(best.packs).toBe(2);
  });

  it('large needs: many bulk packs, counted', () => {
    const best = bestOption(engine, 26000 + 5 * 96000, 'monthly', true);
    expect(best.label).toBe('Ultra + 5 x 96,000-credit pack');
    expect(best.monthlyCost).toBe(6159.99);
  });
});

describe('ties: more credits first, then fewer packs', () => {
  it('equal cost, more credits: 3,000 extra credits take the 3,500 pack ($50) over 2 x 1,320 + 660 ($50, 3,300)', () => {
    const best = bestOption(engine, 29000, 'monthly', true);
    expect(best.label).toBe('Ultra + 3,500-credit pack');
    expect(best.credits).toBe(29500);
  });

  it('equal cost and credits, fewer packs: one 660 pack, not 2 x 330', () => {
    const best = bestOption(engine, 26500, 'monthly', true);
    expect(best.label).toBe('Ultra + 660-credit pack');
    expect(best.packs).toBe(1);
  });

  it('equal cost and credits, fewer packs: one 1,320 pack, not 660 + 2 x 330 ($20 each)', () => {
    const best = bestOption(engine, 26000 + 1000, 'monthly', true);
    expect(best.label).toBe('Ultra + 1,320-credit pack');
  });

  const sourced: Sourced = { source: 'test', asOf: '2026-01-01', confidence: 'estimate' };
  const plan = (id: Plan['id'], name: string, credits: number, price: number): Plan => ({
    id,
    name,
    monthlyCredits: credits,
    dailyCredits: null,
    firstMonthCents: price * 100,
    renewalCents: price * 100,
    listCents: price * 100,
    yearlyCents: price * 1200,
    ...sourced,
  });
  const pack = (price: number, credits: number): TopUpPack => ({ priceCents: price * 100, credits, bonus: 0, ...sourced });
  const book = (plans: Plan[], packs: TopUpPack[]): PriceBook => ({
    ...DEFAULT_PRICE_BOOK,
    plans,
    packs,
  });

  it('between plans at the same price, the one with more credits wins', () => {
    const e = new PricingEngine(book([plan('standard', 'Small', 100, 10), plan('pro', 'Big', 200, 10)], []));
    for (const billing of BILLINGS) expect(bestOption(e, 50, billing, true).label).toBe('Big');
  });

  it('between a plan alone and a smaller plan plus packs at the same price and credits, fewer packs wins', () => {
    const e = new PricingEngine(book([plan('standard', 'Small', 100, 10), plan('pro', 'Big', 200, 20)], [pack(5, 50), pack(10, 100)]));
    expect(bestOption(e, 200, 'monthly', true).label).toBe('Big');
    // Small + one 100 pack costs $20 for 200 credits, as does Small + 2 x 50.
    expect(options(e, 200, 'monthly', true).map((o) => o.label)).toEqual(['Big', 'Small + 100-credit pack']);
  });

  it('between a plan alone and a plan plus packs at the same price, more credits wins', () => {
    const e = new PricingEngine(book([plan('standard', 'Small', 100, 10), plan('pro', 'Big', 150, 20)], [pack(10, 100)]));
    expect(bestOption(e, 150, 'monthly', true).label).toBe('Small + 100-credit pack');
  });
});

/** The spec's answer, from the reference: cheapest, then more credits, then fewer packs. */
function referenceBest(ref: ExactSumReference, need: number, billing: BillingName) {
  let best: { label: string; twelfths: number; credits: number; count: number } | undefined;
  for (const plan of PAID_PLAN_FACTS) {
    const cover = ref.cover(need - plan.credits);
    const option = {
      label: referenceLabel(plan.name, cover.totals),
      twelfths: monthlyPriceTwelfthCents(plan, billing) + 12 * cover.cents,
      credits: plan.credits + cover.credits,
      count: cover.count,
    };
    if (
      !best ||
      option.twelfths < best.twelfths ||
      (option.twelfths === best.twelfths &&
        (option.credits > best.credits || (option.credits === best.credits && option.count < best.count)))
    ) {
      best = option;
    }
  }
  return best as NonNullable<typeof best>;
}

describe('the reference itself, on covers worked out by hand', () => {
  const ref = new ExactSumReference(REF_PACKS, 20_000);
  const cases: [need: number, cents: number, credits: number, totals: number[]][] = [
    [0, 0, 0, []],
    [1, 500, 330, [330]],
    [40, 500, 330, [330]],
    [331, 1000, 660, [660]], // not 2 x 330: same price and credits, fewer packs
    [1000, 2000, 1320, [1320]], // not 660 + 330 + 330
    [1340, 2500, 1650, [1320, 330]],
    [2640, 4000, 2640, [1320, 1320]],
    [3000, 5000, 3500, [3500]], // not 1,320 x 2 + 660 ($50 for 3,300): more credits
    [4000, 6000, 4160, [3500, 660]],
    [7500, 10000, 7500, [7500]],
    [16001, 20500, 16330, [16000, 330]],
  ];
  for (const [need, cents, credits, totals] of cases) {
    it(`${need} credits: $${cents / 100} for ${credits} credits`, () => {
      const cover = ref.cover(need);
      expect(cover.cents).toBe(cents);
      expect(cover.credits).toBe(credits);
      expect([...cover.totals].sort((a, b) => b - a)).toEqual(totals);
      expect(cover.count).toBe(totals.length);
    });
  }
});

/** The engine's best option and the reference's, as records that compare equal when they agree. */
function compareWithReference(e: PricingEngine, ref: ExactSumReference, need: number, billing: Billing) {
  const got = bestOption(e, need, billing, true);
  const want = referenceBest(ref, need, billing);
  return {
    got: { need, billing, label: got.label, cost: got.monthlyCost, credits: got.credits },
    want: { need, billing, label: want.label, cost: want.twelfths / 1200, credits: want.credits },
  };
}

describe('best plan against a plain reference', () => {
  const ref = new ExactSumReference(REF_PACKS, 210_000);

  it('every need from 1 to 200,001 credits in steps of 10, every billing', () => {
    const e = new PricingEngine(DEFAULT_PRICE_BOOK);
    let checked = 0;
    for (const billing of BILLINGS) {
      for (let need = 1; need <= 200_001; need += 10) {
        // Exact: the engine's monthly cost is the same rational as the reference's, correctly rounded.
        const { got, want } = compareWithReference(e, ref, need, billing);
        if (got.label !== want.label || got.cost !== want.cost || got.credits !== want.credits) expect(got).toEqual(want);
        checked++;
      }
    }
    expect(checked).toBe(4 * 20_001);
  });

  it('needs that are whole multiples of 10 (the pack step), monthly billing', () => {
    const e = new PricingEngine(DEFAULT_PRICE_BOOK);
    for (let need = 10; need <= 200_000; need += 10) {
      const want = referenceBest(ref, need, 'monthly');
      const got = bestOption(e, need, 'monthly', true);
      if (got.label !== want.label || got.monthlyCost !== want.twelfths / 1200) {
        expect({ need, label: got.label, cost: got.monthlyCost }).toEqual({ need, label: want.label, cost: want.twelfths / 1200 });
      }
    }
  });

  it('every option covers the need, one per paid plan, its head is the best; label, credits and cost agree with its packs', () => {
    for (const need of [1, 700, 2000, 3001, 9000, 26001, 50000, 123457]) {
      const list = options(engine, need, 'monthly', true);
      expect(list.map((o) => o.plan.id).sort()).toEqual(['premier', 'pro', 'standard', 'ultra']);
      expect(list[0]?.label).toBe(bestOption(engine, need, 'monthly', true).label);
      for (let i = 1; i < list.length; i++) {
        expect(bundleMonth(list[i] as Bundle, 'monthly')).toBeGreaterThanOrEqual(bundleMonth(list[i - 1] as Bundle, 'monthly'));
      }
      for (const option of list) {
        expect(option.credits).toBeGreaterThanOrEqual(need);
        const totals = DEFAULT_PRICE_BOOK.packs.flatMap((p, i) => new Array<number>(option.packCounts[i] ?? 0).fill(p.credits + p.bonus));
        const packCents = DEFAULT_PRICE_BOOK.packs.reduce((sum, p, i) => sum + p.priceCents * (option.packCounts[i] ?? 0), 0);
        expect(option.packs).toBe(totals.length);
        expect(option.packCents).toBe(packCents);
        expect(option.credits).toBe(planCredits(option.plan) + totals.reduce((a, b) => a + b, 0));
        expect(bundleMonth(option, 'monthly')).toBe(12 * (option.plan.renewalCents + packCents));
        expect(option.label).toBe(referenceLabel(option.plan.name, totals));
      }
    }
  });
});

describe('large needs: spot checks up to 26,000,000 credits', () => {
  const MAX = 26_000_000;
  const ref = new ExactSumReference(REF_PACKS, MAX);
  // Deterministic spread of needs (a fixed linear congruential sequence) plus the edges.
  const needs: number[] = [MAX, MAX - 1, MAX - 9, MAX - 26_000, 25_974_001, 13_000_001, 1_000_000, 999_999, 250_001, 96_000 * 100 + 26_001];
  let seed = 12345;
  for (let i = 0; i < 150; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    needs.push(200_000 + (seed % (MAX - 200_000)));
  }

  it('agree with the reference in label, cost and credits, every billing', () => {
    const e = new PricingEngine(DEFAULT_PRICE_BOOK);
    for (const need of needs) {
      for (const billing of BILLINGS) {
        const { got, want } = compareWithReference(e, ref, need, billing);
        expect(got).toEqual(want);
      }
    }
  });

  it('26,000,000 credits: the most the add-on plans for', () => {
    const best = bestOption(engine, MAX, 'monthly', true);
    expect(best.credits).toBeGreaterThanOrEqual(MAX);
    expect(best.label.startsWith('Ultra + 270 x 96,000-credit pack')).toBe(true);
    expect(best.monthlyCost).toBe(referenceBest(ref, MAX, 'monthly').twelfths / 1200);
  });
});

describe('pack solver (CoverSolver of src/pricing/packCover.ts, as the engine builds it) against the reference', () => {
  const packsOf = (list: [price: number, total: number][]) => list.map(([price, total]) => ({ cents: price * 100, credits: total }));

  function compare(solver: CoverSolver, ref: ExactSumReference, need: number): void {
    const got = solver.cover(need);
    const want = ref.cover(need);
    if (got.cost !== want.cents || got.size !== want.credits || got.packs !== want.count) {
      expect({ need, cents: got.cost, credits: got.size, count: got.packs }).toEqual({
        need,
        cents: want.cents,
        credits: want.credits,
        count: want.count,
      });
    }
    const counted = got.counts.reduce((a, b) => a + b, 0);
    if (counted !== got.packs) expect(counted).toBe(got.packs);
  }

  it("default packs: every need from 1 to 200,001 credits in steps of 10, on the engine's solver", () => {
    const solver = new PricingEngine(DEFAULT_PRICE_BOOK).packs();
    const ref = new ExactSumReference(REF_PACKS, 210_000);
    for (let need = 1; need <= 200_001; need += 10) compare(solver, ref, need);
    for (let need = 10; need <= 200_000; need += 10) compare(solver, ref, need);
  });

  it('default packs: a fresh solver asked for a large need first, then small ones', () => {
    const solver = topUpSolver(packsOf(PACK_FACTS.map((p) => [p.price, p.total])));
    const ref = new ExactSumReference(REF_PACKS, 26_000_000);
    for (const need of [25_999_999, 1, 331, 96_001, 4_000_000, 12_345_678, 661]) compare(solver, ref, need);
  });

  it('other pack sets: irregular sizes and prices, bulk pack not the largest', () => {
    const sets: [number, number][][] = [
      [
        [3, 7],
        [4, 10],
        [9, 23],
      ],
      [
        [5, 330],
        [11, 700],
        [19, 1300],
        [40, 2900],
      ],
      [
        [7, 50],
        [20, 150],
        [13, 90],
      ],
      [
        [1, 3],
        [2, 5],
      ],
      [[10, 100]],
      [
        [6, 35],
        [10, 60],
        [100, 610],
        [95, 600],
      ],
      // Sets whose optimum turns periodic late: a periodicity check over a window narrower than
      // the largest pack accepts a false period on them.
      [
        [99, 105],
        [94, 89],
      ],
      [
        [142, 145],
        [162, 169],
      ],
      [
        [184, 161],
        [154, 145],
        [103, 97],
      ],
      [
        [59, 65],
        [73, 81],
        [20, 17],
      ],
    ];
    for (const set of sets) {
      const refPacks = set.map(([price, total]) => ({ cents: price * 100, total }));
      const ref = new ExactSumReference(refPacks, 100_000);
      const solver = topUpSolver(packsOf(set));
      for (let need = 1; need <= 5_000; need++) compare(solver, ref, need);
      for (let need = 5_000; need <= 100_000; need += 997) compare(solver, ref, need);
    }
  });

  it('need 0 needs no packs', () => {
    const solver = engine.packs();
    expect(solver.cover(0)).toEqual({ cost: 0, size: 0, packs: 0, counts: new Array(8).fill(0) });
    expect(() => solver.cover(-5)).toThrow(RangeError);
  });

  it("the engine's bundle for a need above a plan is that plan plus the solver's cover of the rest", () => {
    for (const need of [661, 3001, 8001, 26_001, 29_000, 123_457]) {
      for (const plan of engine.paidPlans()) {
        if (need <= plan.monthlyCredits) continue;
        const bundle = engine.toppedUp(plan, need);
        const cover = engine.packs().cover(need - plan.monthlyCredits);
        expect(bundle.packCounts).toEqual(cover.counts);
        expect(bundle.packCents).toBe(cover.cost);
        expect(bundle.credits).toBe(plan.monthlyCredits + cover.size);
      }
    }
  });
});
