import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BuyingOption } from '../../src/pricing';
import { DEFAULT_PRICE_BOOK, InputError, MAX_CREDITS_PER_MONTH, PricingEngine } from '../../src/pricing';
import { billingArb, RUNS } from './arbitraries';
import { cents, cheapestCents12, planCents12, planYearCents, ratio, sameToTheCent } from './reference';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);

/** The engine's option in exact cents, rebuilt from its parts: plan price plus the packs it names. */
function optionCents12(option: BuyingOption, billing: Parameters<typeof planCents12>[1]): bigint {
  return planCents12(option.plan, billing) + 12n * option.packs.reduce((sum, p) => sum + cents(p.price), 0n);
}

function expectConsistent(option: BuyingOption, need: number, billing: Parameters<typeof planCents12>[1]): void {
  const packCredits = option.packs.reduce((sum, p) => sum + p.credits + p.bonus, 0);
  expect(option.credits).toBe(engine.planCredits(option.plan) + packCredits);
  expect(option.credits).toBeGreaterThanOrEqual(need);
  expect(option.label.startsWith(option.plan.name)).toBe(true);
  expect(sameToTheCent(option.monthlyCost, ratio(optionCents12(option, billing), 1200n))).toBe(true);
  const packCents = option.packs.reduce((sum, p) => sum + cents(p.price), 0n);
  expect(sameToTheCent(option.yearCost, ratio(planYearCents(option.plan, billing) + 12n * packCents, 100n))).toBe(true);
}

describe('the best option', () => {
  it('covers the need, and no listed option is cheaper; ties go to more credits, then fewer packs', () => {
    const needArb = fc.oneof(
      fc.integer({ min: 1, max: 40_000 }),
      fc.integer({ min: 1, max: MAX_CREDITS_PER_MONTH }),
      fc.double({ min: 0.001, max: 100_000, noNaN: true }),
    );
    fc.assert(
      fc.property(needArb, billingArb, fc.boolean(), (need, billing, allowTopups) => {
        const options = engine.options(need, billing, allowTopups);
        let best: BuyingOption;
        try {
          best = engine.bestOption(need, billing, allowTopups);
        } catch (error) {
          // Only plans alone, and a need beyond the largest plan: a clear error, and no option listed.
          expect(error).toBeInstanceOf(InputError);
          expect(allowTopups).toBe(false);
          expect(options).toEqual([]);
          return;
        }
        expectConsistent(best, need, billing);
        expect(best.plan.dailyCredits).toBeNull();
        if (!allowTopups) expect(best.packs).toEqual([]);
        for (const option of options) {
          expect(option.credits).toBeGreaterThanOrEqual(need);
          expect(option.monthlyCost).toBeGreaterThanOrEqual(best.monthlyCost);
          // Ties go to more credits, then to fewer packs.
          if (Math.abs(option.monthlyCost - best.monthlyCost) < 1e-9) {
            expect(best.credits).toBeGreaterThanOrEqual(option.credits);
            if (best.credits === option.credits) expect(best.packs.length).toBeLessThanOrEqual(option.packs.length);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is the cheapest of every plan + packs combination, by brute force in cents (needs up to 40,000)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000 }), billingArb, fc.boolean(), (need, billing, allowTopups) => {
        const reference = cheapestCents12(DEFAULT_PRICE_BOOK, need, billing, allowTopups);
        if (reference === null) {
          expect(() => engine.bestOption(need, billing, allowTopups)).toThrow(InputError);
          return;
        }
        const best = engine.bestOption(need, billing, allowTopups);
        expect(optionCents12(best, billing)).toBe(reference);
        expect(sameToTheCent(best.monthlyCost, ratio(reference, 1200n))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('costs nothing for a need of 0: the free plan', () => {
    for (const billing of ['monthly', 'intro', 'annual', 'list'] as const) {
      const best = engine.bestOption(0, billing, true);
      expect([best.plan.id, best.monthlyCost, best.yearCost]).toEqual(['free', 0, 0]);
    }
  });

  it('never costs less for a bigger need', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), billingArb, (a, b, billing) => {
        const [small, big] = a <= b ? [a, b] : [b, a];
        expect(engine.bestOption(big, billing, true).monthlyCost).toBeGreaterThanOrEqual(
          engine.bestOption(small, billing, true).monthlyCost,
        );
      }),
      { numRuns: RUNS },
    );
  });
});
