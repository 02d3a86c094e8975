import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Billing, Bundle } from '../../../src/pricing';
import { DEFAULT_PRICE_BOOK, InputError, MAX_CREDITS_PER_MONTH, PricingEngine, planCredits } from '../../../src/pricing';
import { billingArb, RUNS } from './arbitraries';
import { cheapestCents12, planCents12, ratio, sameToTheCent } from './reference';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const PACKS = DEFAULT_PRICE_BOOK.packs;

/** Cents of the packs a bundle counts, from the book's pack prices. */
function packCentsOf(option: Bundle): bigint {
  return PACKS.reduce((sum, p, i) => sum + BigInt(p.priceCents) * BigInt(option.packCounts[i] ?? 0), 0n);
}

/** The engine's option in exact cents, rebuilt from its parts: plan price plus the packs it counts. */
function optionCents12(option: Bundle, billing: Billing): bigint {
  return planCents12(option.plan, billing) + 12n * packCentsOf(option);
}

const usd = (option: Bundle, billing: Billing) => engine.monthUsd(option, billing);

function expectConsistent(option: Bundle, need: number, billing: Billing): void {
  const packCredits = PACKS.reduce((sum, p, i) => sum + (p.credits + p.bonus) * (option.packCounts[i] ?? 0), 0);
  expect(option.credits).toBe(planCredits(option.plan) + packCredits);
  expect(option.packs).toBe(option.packCounts.reduce((a, b) => a + b, 0));
  expect(BigInt(option.packCents)).toBe(packCentsOf(option));
  expect(option.credits).toBeGreaterThanOrEqual(need);
  expect(option.label.startsWith(option.plan.name)).toBe(true);
  expect(sameToTheCent(usd(option, billing), ratio(optionCents12(option, billing), 1200n))).toBe(true);
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
        const options = engine.bundles(need, allowTopups);
        let best: Bundle;
        try {
          best = engine.bestBundle(need, billing, allowTopups);
        } catch (error) {
          // Only plans alone, and a need beyond the largest plan: a clear error, and no option listed.
          expect(error).toBeInstanceOf(InputError);
          expect(allowTopups).toBe(false);
          expect(options).toEqual([]);
          return;
        }
        expectConsistent(best, need, billing);
        expect(best.plan.dailyCredits).toBeNull();
        if (!allowTopups) expect(best.packs).toBe(0);
        expect(options.some((o) => o.label === best.label)).toBe(true);
        for (const option of options) {
          expect(option.credits).toBeGreaterThanOrEqual(need);
          const [mine, theirs] = [optionCents12(best, billing), optionCents12(option, billing)];
          expect(theirs >= mine).toBe(true);
          // Ties go to more credits, then to fewer packs.
          if (theirs === mine) {
            expect(best.credits).toBeGreaterThanOrEqual(option.credits);
            if (best.credits === option.credits) expect(best.packs).toBeLessThanOrEqual(option.packs);
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
          expect(() => engine.bestBundle(need, billing, allowTopups)).toThrow(InputError);
          return;
        }
        const best = engine.bestBundle(need, billing, allowTopups);
        expect(optionCents12(best, billing)).toBe(reference);
        expect(sameToTheCent(usd(best, billing), ratio(reference, 1200n))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('costs nothing for a need of 0: the free plan', () => {
    for (const billing of ['monthly', 'intro', 'annual', 'list'] as const) {
      const best = engine.bestBundle(0, billing, true);
      expect([best.plan.id, best.label, usd(best, billing), best.packs]).toEqual(['free', 'Free', 0, 0]);
    }
  });

  it('never costs less for a bigger need', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), billingArb, (a, b, billing) => {
        const [small, big] = a <= b ? [a, b] : [b, a];
        expect(usd(engine.bestBundle(big, billing, true), billing)).toBeGreaterThanOrEqual(
          usd(engine.bestBundle(small, billing, true), billing),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
