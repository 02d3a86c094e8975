import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Billing, Clip } from '../../../src/pricing';
import {
  DAYS_PER_MONTH,
  DEFAULT_PRICE_BOOK,
  InputError,
  PricingEngine,
  planCredits,
  planFigure,
  planYearCents,
} from '../../../src/pricing';
import { BILLINGS, billingArb, clipAndBiggerArb, clipArb, PAID_PLANS, paidPlanArb, planArb, RUNS, retakeArb } from './arbitraries';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);

/** USD of the cheapest month on its own (KLING_MONTHLY_COST). */
const monthlyCost = (need: number, billing: Billing) => engine.monthUsd(engine.bestBundle(need, billing, true), billing);

/** Kling's API price, or undefined where the API offers no such clip (2.6 standard with audio). */
function apiCostOrNone(clip: Clip): number | undefined {
  try {
    return engine.apiTicks(clip) ?? undefined;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

describe('cost never decreases when a clip asks for more (seconds, audio, professional or 4k)', () => {
  it('credits, cost per delivered video and API price grow or stay; videos per month shrink or stay', () => {
    fc.assert(
      fc.property(clipAndBiggerArb, paidPlanArb, planArb, billingArb, retakeArb, ({ small, big }, paid, anyPlan, billing, r) => {
        expect(engine.clipCredits(big)).toBeGreaterThanOrEqual(engine.clipCredits(small));
        expect(engine.costPerVideo(big, paid, billing, r)).toBeGreaterThanOrEqual(engine.costPerVideo(small, paid, billing, r));
        expect(engine.videosPerMonth(big, anyPlan, r)).toBeLessThanOrEqual(engine.videosPerMonth(small, anyPlan, r));
        const [smallApi, bigApi] = [apiCostOrNone(small), apiCostOrNone(big)];
        if (smallApi !== undefined && bigApi !== undefined) expect(bigApi).toBeGreaterThanOrEqual(smallApi);
      }),
      { numRuns: RUNS },
    );
  });

  it('a higher retake rate never lowers the cost per delivered video nor raises the videos', () => {
    fc.assert(
      fc.property(clipArb, paidPlanArb, planArb, billingArb, retakeArb, retakeArb, (clip, paid, anyPlan, billing, r1, r2) => {
        const [low, high] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(engine.costPerVideo(clip, paid, billing, high)).toBeGreaterThanOrEqual(engine.costPerVideo(clip, paid, billing, low));
        expect(engine.videosPerMonth(clip, anyPlan, high)).toBeLessThanOrEqual(engine.videosPerMonth(clip, anyPlan, low));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('plans', () => {
  it('a bigger paid plan never costs more per credit under the same billing, nor more per video', () => {
    const pairs = PAID_PLANS.flatMap((a, i) => PAID_PLANS.slice(i + 1).map((b) => [a, b] as const));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), billingArb, clipArb, retakeArb, ([smaller, bigger], billing, clip, r) => {
        const perCredit = (id: typeof smaller) => planFigure(engine.plan(id), 'cost_per_credit', billing);
        expect(engine.plan(bigger).monthlyCredits).toBeGreaterThan(engine.plan(smaller).monthlyCredits);
        expect(perCredit(bigger)).toBeLessThanOrEqual(perCredit(smaller));
        expect(engine.costPerVideo(clip, bigger, billing, r)).toBeLessThanOrEqual(engine.costPerVideo(clip, smaller, billing, r));
      }),
      { numRuns: RUNS },
    );
  });

  it('annual billing never costs more per month than monthly renewal: per plan, per video and for the best option', () => {
    fc.assert(
      fc.property(planArb, clipArb, retakeArb, fc.integer({ min: 0, max: 200_000 }), (plan, clip, r, need) => {
        const p = engine.plan(plan);
        expect(planFigure(p, 'price', 'annual')).toBeLessThanOrEqual(planFigure(p, 'price', 'monthly'));
        expect(planYearCents(p, 'annual')).toBeLessThanOrEqual(planYearCents(p, 'monthly'));
        if (plan !== 'free')
          expect(engine.costPerVideo(clip, plan, 'annual', r)).toBeLessThanOrEqual(engine.costPerVideo(clip, plan, 'monthly', r));
        expect(monthlyCost(need, 'annual')).toBeLessThanOrEqual(monthlyCost(need, 'monthly'));
      }),
      { numRuns: RUNS },
    );
  });

  it('videos x credits never exceeds the credits of the plan (free: 66 a day x 30), retakes included', () => {
    fc.assert(
      fc.property(planArb, clipArb, retakeArb, (plan, clip, r) => {
        const p = engine.plan(plan);
        const monthCredits = planCredits(p);
        expect(monthCredits).toBe(plan === 'free' ? 66 * DAYS_PER_MONTH : p.monthlyCredits);
        const videos = engine.videosPerMonth(clip, plan, r);
        const credits = engine.clipCredits(clip);
        expect(Number.isInteger(videos) && videos >= 0).toBe(true);
        expect(videos * credits).toBeLessThanOrEqual(monthCredits);
        // The generations paid for, retakes included, fit in the credits too (free: in each day's 66), up to
        // the counts rule's tolerance: floor(x) of an x within 1e-6 below a whole number is that whole number.
        expect((videos * credits) / (1 - r)).toBeLessThanOrEqual(monthCredits + (credits * 1e-6) / (1 - r) + 1e-9);
        if (plan === 'free') expect(videos === 0 || credits <= 66).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('every billing gives finite, non-negative plan figures', () => {
    for (const plan of engine.book.plans) {
      for (const billing of BILLINGS) {
        for (const field of ['credits', 'price', 'cost_per_credit', 'cost_per_100', 'year'] as const) {
          const value = planFigure(plan, field, billing);
          expect(Number.isFinite(value) && value >= 0, `${plan.id} ${field} ${billing}`).toBe(true);
          if (field === 'price')
            expect(value * 1200).toBeCloseTo(planFigure(plan, 'cost_per_credit', billing) * 1200 * planCredits(plan), 6);
        }
      }
    }
  });
});
