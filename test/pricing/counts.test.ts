/**
 * The counts rule (custom-functions.md, "Counts are whole, by one rule"): a number within 1e-6 of a
 * whole number is that whole number, snapped before any range check; then a need of credits is
 * rounded up and a count of videos, images or a top-up balance rounded down. "No two functions may
 * give different answers for the same need": every function that takes a need gives the same for
 * n + e (|e| <= 1e-7) as for n, and the same for x as for ceil(x) when x is farther than 2e-6 from a
 * whole number. Boundary needs pin the ceil: a `ceil -> round` mutation of the engine fails them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Billing, Bundle, ChannelWork, PriceBook, ShotRow } from '../../src/pricing';
import {
  bookFromRows,
  bookToRows,
  budgetSummary,
  bundleMonth,
  ceilCount,
  compareChannels,
  creditsWithRetakes,
  DEFAULT_PRICE_BOOK,
  floorCount,
  InputError,
  MAX_CREDITS_PER_MONTH,
  PricingEngine,
  parseCount,
  parseCreditsPerMonth,
  parseSecs,
  planSpend,
  snapCount,
  spendLabel,
  yearlyTable,
  yearlyView,
} from '../../src/pricing';
import { cheapestSchedule, type ScheduleBilling, topUpSolver } from '../../src/pricing/schedule';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../support/scheduleBook';
import { YearReference } from '../support/yearReference';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const BILLINGS: readonly Billing[] = ['monthly', 'intro', 'annual', 'list'];
const billingArb = fc.constantFrom(...BILLINGS);
const SEED = 20_261_206;

/** A whole need from 0 to 26,000,000: small ones, ones near the plan sizes and packs, the top, anything. */
const wholeArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0, MAX_CREDITS_PER_MONTH) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 3_000 }) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(0, 330, 660, 990, 1_980, 3_000, 3_330, 8_000, 26_000, 26_330, 96_000, MAX_CREDITS_PER_MONTH)
      .chain((s) => fc.integer({ min: Math.max(0, s - 3), max: Math.min(MAX_CREDITS_PER_MONTH, s + 3) })),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: MAX_CREDITS_PER_MONTH }) },
);
/** An error of at most 1e-7 either way, never 0. */
const errorArb = fc.oneof(
  fc.constantFrom(1e-7, -1e-7, 5e-8, -5e-8, 1e-12, -1e-12),
  fc.double({ min: -1e-7, max: 1e-7, noNaN: true }).filter((e) => e !== 0),
);
/** A fraction of a credit farther than 2e-6 from a whole number. */
const fractionArb = fc.oneof(fc.constantFrom(2.1e-6, 0.3, 0.5, 0.999997), fc.double({ min: 2.1e-6, max: 1 - 2.1e-6, noNaN: true }));
/** A retake rate as the core receives it: millionths, up to 95 %. */
const rateArb = fc.oneof(
  fc.constantFrom(0, 0.2, 0.3, 0.5, 0.9, 0.95),
  fc.integer({ min: 0, max: 950_000 }).map((m) => m / 1_000_000),
);

/**
 * What a call gives, comparable with toEqual: its value, or the kind of its error (a message may
 * repeat the value as given: "no plan alone covers 26,000.0000001 credits").
 */
function outcome<T>(f: () => T): T | { error: string } {
  try {
    return f();
  } catch (error) {
    return { error: error instanceof Error ? error.name : String(error) };
  }
}

const bundleFigure = (b: Bundle, billing: Billing) => ({ label: b.label, twelfths: bundleMonth(b, billing), credits: b.credits });
const best = (need: number, billing: Billing, allowTopups: boolean) =>
  outcome(() => bundleFigure(engine.bestBundle(need, billing, allowTopups), billing));
const twelveMonths = (need: number, billing: Billing) =>
  outcome(() => {
    const spend = planSpend(engine, new Array<number>(12).fill(need), billing);
    return { cents: spend.schedule.totalCents, label: spendLabel(spend), balance: spend.schedule.finalBalance };
  });
const solver = topUpSolver(DEFAULT_PACKS);
const schedule = (need: number, billing: ScheduleBilling) =>
  outcome(() => {
    const s = cheapestSchedule(
      { plans: DEFAULT_PLANS, packs: DEFAULT_PACKS, needs: new Array<number>(12).fill(need), billing, startBalance: 0 },
      solver,
    );
    return { cents: s.totalCents, plans: s.months.map((m) => m.plan), packs: s.packCounts };
  });
/** The 12-month view without its "Credits per month" cell, which repeats the need as asked. */
const year = (need: number, allowTopups: boolean) =>
  outcome(() => {
    const table = yearlyTable(yearlyView(engine, need, allowTopups));
    return table.map((row, r) => (r === 1 ? [row[0], ...row.slice(2)] : row));
  });
/** -0 and 0 are the same count for a sheet. */
const plain = (x: number) => (x === 0 ? 0 : x);

describe('the counts rule itself (money.ts)', () => {
  it('snaps within 1e-6, then rounds a need up and a count down', () => {
    expect(snapCount(8000.000000000001)).toBe(8000);
    expect(snapCount(1.9999999999999996)).toBe(2);
    expect(snapCount(2.0000009)).toBe(2);
    expect(snapCount(1.9999991)).toBe(2);
    expect(snapCount(2.0000011)).toBe(2.0000011);
    expect(ceilCount((80 * 70) / (1 - 0.3))).toBe(8000);
    expect(ceilCount(1800 * 1.1)).toBe(1980);
    expect(ceilCount(990.3)).toBe(991);
    expect(ceilCount(990.0000011)).toBe(991);
    expect(floorCount(10 * (1 - 0.8))).toBe(2);
    expect(floorCount(2.999)).toBe(2);
    expect(floorCount(2.9999995)).toBe(3);
    expect(plain(ceilCount(-1e-7))).toBe(0);
    expect(ceilCount(26_000_000.0000001)).toBe(26_000_000);
  });

  it('parsing snaps before the range check: -1e-7 is 0, 26,000,000.0000001 is 26,000,000; counts and lengths too', () => {
    expect(plain(parseCreditsPerMonth(-1e-7))).toBe(0);
    expect(parseCreditsPerMonth(26_000_000.0000001)).toBe(26_000_000);
    expect(parseCreditsPerMonth((80 * 70) / (1 - 0.3))).toBe(8000);
    expect(parseCreditsPerMonth(1800 * 1.1)).toBe(1980);
    expect(parseCreditsPerMonth(990.3)).toBe(991);
    expect(() => parseCreditsPerMonth(-0.001)).toThrow(InputError);
    expect(() => parseCreditsPerMonth(26_000_000.01)).toThrow(InputError);
    expect(parseCount(10 * (1 - 0.8))).toBe(2);
    expect(plain(parseCount(-1e-7))).toBe(0);
    expect(() => parseCount(2.5)).toThrow(InputError);
    expect(parseSecs(0.1 * 3 * 10, 'a length')).toBe(3);
  });
});

describe('literal cases of the spec, through every function that takes the need', () => {
  it('a need of 8000.000000000001 (= 80 x 70 / (1 - 30 %)) is 8,000 credits: Premier, $80.96', () => {
    const need = (80 * 70) / (1 - 0.3);
    expect(need).toBe(8000.000000000001);
    expect(best(need, 'monthly', true)).toEqual({ label: 'Premier', twelfths: 12 * 8096, credits: 8000 });
    expect(best(need, 'monthly', false)).toEqual({ label: 'Premier', twelfths: 12 * 8096, credits: 8000 });
    expect(twelveMonths(need, 'monthly')).toEqual(twelveMonths(8000, 'monthly'));
    expect(year(need, true)).toEqual(year(8000, true));
    expect(creditsWithRetakes(5600, 0.3)).toBe(8000);
  });

  it('1800 x 1.1 is 1,980 credits: Standard + 1,320-credit pack, $28.80 a month', () => {
    const need = 1800 * 1.1;
    expect(need).toBe(1980.0000000000002);
    expect(best(need, 'monthly', true)).toEqual({ label: 'Standard + 1,320-credit pack', twelfths: 12 * 2880, credits: 1980 });
    expect(twelveMonths(need, 'monthly')).toEqual(twelveMonths(1980, 'monthly'));
    expect(year(need, true)).toEqual(year(1980, true));
  });

  it('10 x (1 - 0.8) is 2: videos round down after snapping (Standard, 66-credit clips at 80 % retakes: 2 videos, not 1)', () => {
    expect(10 * (1 - 0.8)).toBe(1.9999999999999996);
    // 3.0 standard 11 s = 66 credits: 10 fit in Standard's 660; 10 x (1 - 0.8) = 2.
    expect(engine.videosPerMonth({ model: 'Kling 3.0', mode: 'standard', secs: 11, audio: 'silent' }, 'standard', 0.8)).toBe(2);
    // Videos and images round down: 660 / 70 = 9.43 -> 9; 9 x 0.7 = 6.3 -> 6; 3,000 / 0.2 = 15,000 images.
    expect(engine.videosPerMonth({ model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'silent' }, 'standard', 0.3)).toBe(6);
    expect(engine.imagesPerMonth('pro')).toBe(15_000);
  });
});

describe('boundary needs: a need of x credits is ceil(x) (a ceil -> round mutation fails here)', () => {
  const years = new YearReference(DEFAULT_PLANS, DEFAULT_PACKS, 4_000);

  it('990.3 credits need 991: the best option is Standard + 660-credit pack ($18.80), not the 990-credit Standard + 330-credit pack', () => {
    expect(best(990.3, 'monthly', true)).toEqual({ label: 'Standard + 660-credit pack', twelfths: 12 * 1880, credits: 1320 });
    expect(best(990, 'monthly', true)).toEqual({ label: 'Standard + 330-credit pack', twelfths: 12 * 1380, credits: 990 });
    expect(best(990.3, 'monthly', true)).toEqual(best(991, 'monthly', true));
  });

  it('3330.3 credits need 3,331: Pro + 660-credit pack ($42.56), not Pro + 330-credit pack ($37.56)', () => {
    // Pro covers 3,000; 331 more: a 330 pack falls short by one, a 660 pack ($10) covers it. Standard + packs for
    // 2,671: 2 x 1,320 + 330 = $45 + $8.80; Premier $80.96.
    expect(best(3330.3, 'monthly', true)).toEqual({ label: 'Pro + 660-credit pack', twelfths: 12 * 4256, credits: 3660 });
    expect(best(3330, 'monthly', true)).toEqual({ label: 'Pro + 330-credit pack', twelfths: 12 * 3756, credits: 3330 });
  });

  it('the 12-month view of 660.4 is that of 661: $108.79 / $110.60 / $84.20 (not $103.79 / $105.60 / $79.20)', () => {
    // Standard every month and 12 x 1 missing credits from one 330-credit pack ($5): 6.99 + 11 x 8.80 + 5;
    // 12 x 8.80 + 5; 79.20 + 5.
    const t = yearlyTable(yearlyView(engine, 660.4, true));
    expect(t[1]?.slice(2, 5)).toEqual([108.79, 110.6, 84.2]);
    expect(t[2]?.slice(2, 5)).toEqual(['Standard + 330-credit pack', 'Standard + 330-credit pack', 'Standard + 330-credit pack']);
    for (const [b, billing] of (['intro', 'monthly', 'annual'] as const).entries()) {
      expect(BigInt(Math.round((t[1]?.[2 + b] as number) * 100)), billing).toBe(years.cents(661, billing));
    }
    expect(yearlyTable(yearlyView(engine, 660, true))[1]?.slice(2, 5)).toEqual([103.79, 105.6, 79.2]);
    expect(t[3]?.[3]).toBe(11_060 / (1200 * 661));
  });

  it('the 12-month view of 3330.3 is that of 3,331: $444.15 / $450.72 / $353.04, and its average is per 3,331 credits', () => {
    // Pro every month and 12 x 331 = 3,972 missing credits: 3,500 + 660 ($60; 3 x 1,320 = 3,960 falls short):
    // 25.99 + 11 x 32.56 + 60; 12 x 32.56 + 60; 293.04 + 60. (3,330 would need 3,960: the same $60, so the average
    // per credit, over 3,331, is what tells them apart.)
    const t = yearlyTable(yearlyView(engine, 3330.3, true));
    expect(t[1]?.slice(2, 5)).toEqual([444.15, 450.72, 353.04]);
    expect(t[2]?.[3]).toBe('Pro + 3,500-credit pack + 660-credit pack');
    for (const [b, billing] of (['intro', 'monthly', 'annual'] as const).entries()) {
      expect(BigInt(Math.round((t[1]?.[2 + b] as number) * 100)), billing).toBe(years.cents(3331, billing));
      expect(t[3]?.[2 + b]).toBe(Number(years.cents(3331, billing)) / (1200 * 3331));
    }
    expect(t.slice(4)).toEqual(yearlyTable(yearlyView(engine, 3331, true)).slice(4));
  });

  it('planSpend and cheapestSchedule of 12 months of 660.4 and 3330.3: those of 661 and 3,331 ($110.60 and $450.72 monthly)', () => {
    // schedule.md: "A fraction is rounded by the credits rule of custom-functions.md (snapped within 1e-6, then up)."
    expect(twelveMonths(660.4, 'monthly')).toEqual({ cents: 11_060, label: 'Standard + 330-credit pack', balance: 318 });
    expect(twelveMonths(660.4, 'monthly')).toEqual(twelveMonths(661, 'monthly'));
    expect(twelveMonths(3330.3, 'monthly')).toEqual(twelveMonths(3331, 'monthly'));
    expect(schedule(660.4, 'monthly')).toEqual(schedule(661, 'monthly'));
    expect(schedule(3330.3, 'annual')).toEqual(schedule(3331, 'annual'));
  });
});

describe('snapping comes before the range check: -1e-7 is 0, 26,000,000.0000001 is 26,000,000', () => {
  it('bestBundle: Free for -1e-7, the answer for 26,000,000 for 26,000,000.0000001', () => {
    for (const billing of BILLINGS) {
      expect(best(-1e-7, billing, true)).toEqual(best(0, billing, true));
      expect(best(26_000_000.0000001, billing, true)).toEqual(best(26_000_000, billing, true));
    }
  });

  it('yearlyView: the view of 0 and of 26,000,000', () => {
    expect(year(-1e-7, true)).toEqual(year(0, true));
    expect(year(26_000_000.0000001, true)).toEqual(year(26_000_000, true));
  });

  it('planSpend and cheapestSchedule: 12 months of 0 and of 26,000,000', () => {
    expect(twelveMonths(-1e-7, 'monthly')).toEqual(twelveMonths(0, 'monthly'));
    expect(twelveMonths(26_000_000.0000001, 'annual')).toEqual(twelveMonths(26_000_000, 'annual'));
    expect(schedule(-1e-7, 'intro')).toEqual(schedule(0, 'intro'));
  });

  it('creditsWithRetakes: 0 and 26,000,000 at 0 %; their retakes at 20 %', () => {
    expect(plain(creditsWithRetakes(-1e-7, 0.2))).toBe(0);
    expect(creditsWithRetakes(26_000_000.0000001, 0)).toBe(26_000_000);
    expect(creditsWithRetakes(20_800_000.0000001, 0.2)).toBe(26_000_000);
  });
});

describe('n + e gives what n gives, for every whole n from 0 to 26,000,000 and |e| <= 1e-7 (property)', () => {
  it('bestBundle (KLING_BEST_PLAN, KLING_MONTHLY_COST)', () => {
    fc.assert(
      fc.property(wholeArb, errorArb, billingArb, fc.boolean(), (n, e, billing, allow) => {
        expect(best(n + e, billing, allow)).toEqual(best(n, billing, allow));
      }),
      { numRuns: 600, seed: SEED },
    );
  });

  it('planSpend and cheapestSchedule of 12 months of n', () => {
    fc.assert(
      fc.property(wholeArb, errorArb, billingArb, (n, e, billing) => {
        expect(twelveMonths(n + e, billing)).toEqual(twelveMonths(n, billing));
        expect(schedule(n + e, billing)).toEqual(schedule(n, billing));
      }),
      { numRuns: 150, seed: SEED + 1 },
    );
  });

  it('yearlyView (KLING_YEARLY)', () => {
    fc.assert(
      fc.property(wholeArb, errorArb, fc.boolean(), (n, e, allow) => {
        expect(year(n + e, allow)).toEqual(year(n, allow));
      }),
      { numRuns: 60, seed: SEED + 2 },
    );
  });

  it('creditsWithRetakes at any retake rate up to 95 %', () => {
    fc.assert(
      fc.property(wholeArb, errorArb, rateArb, (n, e, r) => {
        const whole = Math.floor(n * (1 - r));
        expect(outcome(() => plain(creditsWithRetakes(whole + e, r)))).toEqual(outcome(() => plain(creditsWithRetakes(whole, r))));
      }),
      { numRuns: 2_000, seed: SEED + 3 },
    );
  });

  it("the app's needs of compareChannels (and budgetSummary's credits with retakes): a list whose exact need is n + e, |e| <= 1e-7, needs n", () => {
    fc.assert(
      fc.property(nearWholeListArb('below'), fc.integer({ min: 1, max: 3 }), billingArb, (list, months, billing) => {
        const needs = appNeeds(list.rows, months, billing);
        expect(needs).toEqual(new Array(months).fill(list.n));
        // The same figure as a list of n credits at no retakes.
        expect(appTotal(list.rows, months, billing)).toBe(appTotal([{ videos: list.n, millionths: 0 }], months, billing));
        const summary = budgetSummary(unitEngine, {
          lines: list.rows.map((r) => ({ clip: UNIT_CLIP, count: r.videos, testTakes: 0, retakeRate: r.millionths / 1_000_000 })),
          images: 0,
          billing,
          retakeRate: 0,
        });
        expect(summary.creditsWithRetakes).toBe(list.n);
      }),
      { numRuns: 120, seed: SEED + 4 },
    );
  });
});

describe('x farther than 2e-6 from a whole number gives what ceil(x) gives (property)', () => {
  it('bestBundle', () => {
    fc.assert(
      fc.property(
        wholeArb.filter((n) => n < MAX_CREDITS_PER_MONTH),
        fractionArb,
        billingArb,
        fc.boolean(),
        (n, f, billing, allow) => {
          expect(best(n + f, billing, allow)).toEqual(best(n + 1, billing, allow));
        },
      ),
      { numRuns: 600, seed: SEED + 5 },
    );
  });

  it('yearlyView', () => {
    fc.assert(
      fc.property(
        wholeArb.filter((n) => n < MAX_CREDITS_PER_MONTH),
        fractionArb,
        fc.boolean(),
        (n, f, allow) => {
          expect(year(n + f, allow)).toEqual(year(n + 1, allow));
        },
      ),
      { numRuns: 60, seed: SEED + 6 },
    );
  });

  it('planSpend and cheapestSchedule of 12 months of x', () => {
    fc.assert(
      fc.property(
        wholeArb.filter((n) => n < MAX_CREDITS_PER_MONTH),
        fractionArb,
        billingArb,
        (n, f, billing) => {
          expect(twelveMonths(n + f, billing)).toEqual(twelveMonths(n + 1, billing));
          expect(schedule(n + f, billing)).toEqual(schedule(n + 1, billing));
        },
      ),
      { numRuns: 150, seed: SEED + 7 },
    );
  });

  it('creditsWithRetakes at 0 %: ceil(x)', () => {
    fc.assert(
      fc.property(
        wholeArb.filter((n) => n < MAX_CREDITS_PER_MONTH),
        fractionArb,
        (n, f) => {
          expect(creditsWithRetakes(n + f, 0)).toBe(n + 1);
        },
      ),
      { numRuns: 1_000, seed: SEED + 8 },
    );
  });

  it("the app's needs of compareChannels: a list whose exact need is n + f, f >= 2e-6, needs n + 1", () => {
    fc.assert(
      fc.property(nearWholeListArb('above'), fc.integer({ min: 1, max: 3 }), billingArb, (list, months, billing) => {
        expect(appNeeds(list.rows, months, billing)).toEqual(new Array(months).fill(list.n + 1));
      }),
      { numRuns: 120, seed: SEED + 9 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Shot lists whose exact need lands just above a whole number. A model of one credit a clip lets a
// row of v videos at a retake rate of m millionths need v x 10^6 / (10^6 - m) credits exactly; two such
// rows at two rates add up to (a 10^6 q2 + b 10^6 q1) / (q1 q2), which a little modular arithmetic puts
// within 1e-7 of a whole number n (or at least 2e-6 above it).

const UNIT_ROWS: unknown[][] = [
  ['App credits, Kling Unit', 'standard 1 s', 'credits per clip', 1, '', 'estimate', 'a test model: one credit a clip', '2026-12-01'],
];
const UNIT_BOOK = bookFromRows([...bookToRows(DEFAULT_PRICE_BOOK), ...UNIT_ROWS]) as PriceBook;
const unitEngine = new PricingEngine(UNIT_BOOK);
const UNIT_CLIP = { model: 'Kling Unit', mode: 'standard', secs: 1, audio: 'silent' } as const;

interface UnitRow {
  readonly videos: number;
  readonly millionths: number;
}

function unitWork(rows: readonly UnitRow[], months: number, billing: Billing): ChannelWork {
  const shots: ShotRow[] = rows.map((r, i) => ({
    row: i + 1,
    clip: UNIT_CLIP,
    testTakes: 0,
    retakeRate: r.millionths / 1_000_000,
    videos: new Array<number>(months).fill(r.videos),
  }));
  return { shots, months, images: new Array<number>(months).fill(0), creditsPerImage: 0.2, imageRetakeRate: 0, billing, topupBalance: 0 };
}

function appNeeds(rows: readonly UnitRow[], months: number, billing: Billing): readonly number[] | string {
  const app = compareChannels(unitEngine, unitWork(rows, months, billing)).channels[0];
  return app?.app ? app.app.needs : (app?.reason ?? 'no app row');
}

function appTotal(rows: readonly UnitRow[], months: number, billing: Billing): number | string {
  const app = compareChannels(unitEngine, unitWork(rows, months, billing)).channels[0];
  return app?.total ? app.total.toNumber() : (app?.reason ?? 'no app row');
}

const MILLION = 1_000_000n;
const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return mod(s0, m);
}

/**
 * Two rows of the one-credit model whose exact need is n + t / (q1 q2): 0 < t / (q1 q2) <= 1e-7
 * ('below': within the tolerance, so n) or 2e-6 <= t / (q1 q2) < 1 ('above': n + 1).
 */
function nearWholeListArb(side: 'below' | 'above'): fc.Arbitrary<{ rows: UnitRow[]; n: number }> {
  return fc
    .record({
      m1: fc.integer({ min: 1, max: 400_000 }),
      m2: fc.integer({ min: 1, max: 400_000 }),
      start: fc.integer({ min: 1, max: 900_000 }),
      // 'above': how far above n, in steps of q1 (the residue is t0 + j q1).
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ m1, m2, start, share }) => {
      const q1 = MILLION - BigInt(m1);
      // q2 prime to 10, so that 10^6 has an inverse modulo q2.
      let q2 = MILLION - BigInt(m2);
      while (q2 % 2n === 0n || q2 % 5n === 0n) q2 -= 1n;
      const d = q1 * q2;
      for (let a = BigInt(start); a < BigInt(start) + 200_000n; a++) {
        const t0 = mod(a * MILLION * q2, q1);
        // Any residue t = t0 + j q1 below q1 q2 can be reached by the choice of b.
        const t = side === 'below' ? t0 : t0 + BigInt(3 + Math.floor(share * Number(q2 - 4n))) * q1;
        const ok = side === 'below' ? t > 0n && t * 10_000_000n <= d : t * 500_000n >= d && t < d;
        if (!ok) continue;
        const k = mod(t - a * MILLION * q2, d) / q1;
        const b = mod(k * inverse(MILLION, q2), q2);
        const total = a * MILLION * q2 + b * MILLION * q1;
        if (mod(total, d) !== t) throw new Error('construction failed');
        const n = (total - t) / d;
        return {
          rows: [
            { videos: Number(a), millionths: m1 },
            { videos: Number(b), millionths: Number(MILLION - q2) },
          ],
          n: Number(n),
        };
      }
      throw new Error('no list found');
    });
}

describe('the near-whole lists themselves', () => {
  it('are what they claim, exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('below', 'above' as const).chain((side) => nearWholeListArb(side).map((l) => ({ ...l, side }))),
        ({ rows, n, side }) => {
          // sum v x 10^6 / (10^6 - m), as one fraction.
          let num = 0n;
          let den = 1n;
          for (const r of rows) {
            const q = MILLION - BigInt(r.millionths);
            num = num * q + BigInt(r.videos) * MILLION * den;
            den *= q;
          }
          const frac = num - BigInt(n) * den;
          expect(frac > 0n && frac < den).toBe(true);
          if (side === 'below') expect(frac * 10_000_000n <= den).toBe(true);
          else expect(frac * 500_000n >= den).toBe(true);
        },
      ),
      { numRuns: 200, seed: SEED + 10 },
    );
  });
});
