/** KLING_BUDGET's engine: credits of a shot list, the buffer (ceil, exact) and the best option for it. */
import { describe, expect, it } from 'vitest';
import type { ShotLine } from '../../src/pricing';
import { DEFAULT_PRICE_BOOK, InputError, PricingEngine } from '../../src/pricing';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const line = (mode: ShotLine['mode'], secs: number, audio: boolean, count: number, model: ShotLine['model'] = '2.6'): ShotLine => ({
  mode,
  secs,
  audio,
  count,
  model,
});

describe('budget', () => {
  it('adds credits x count over the lines and counts the videos', () => {
    const summary = engine.budget(
      [line('standard', 5, false, 10), line('professional', 10, true, 3), line('professional', 5, false, 0)],
      'monthly',
      0.2,
    );
    expect(summary.videos).toBe(13);
    expect(summary.credits).toBe(10 * 10 + 3 * 200);
    expect(summary.creditsWithBuffer).toBe(840);
    expect(summary.buffer).toBe(0.2);
    // 840 credits: Standard + 330 pack ($13.80).
    expect(summary.best.label).toBe('Standard + 330-credit pack');
    expect(summary.costPerVideo).toBeCloseTo(13.8 / 13, 12);
  });

  it('credits with the buffer = ceil(total x (1 + buffer)), exact where float error bites', () => {
    // Buffers in whole percent; the exact answer is an integer division.
    const percents = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 50, 60, 70, 75, 90, 100, 110, 150, 250];
    const clips: ShotLine[] = [line('standard', 5, false, 1), line('professional', 5, false, 1), line('standard', 7, true, 1, '3.0')];
    for (const clip of clips) {
      const credits = engine.clipCredits(clip);
      for (let count = 1; count <= 120; count++) {
        for (const p of percents) {
          const expected = Math.ceil((credits * count * (100 + p)) / 100);
          const got = engine.budget([{ ...clip, count }], 'monthly', p / 100).creditsWithBuffer;
          if (got !== expected) expect(got, `${credits} x ${count} with ${p} %`).toBe(expected);
        }
      }
    }
    // The traps: 1500 x 1.1 = 1650.0000000000002, 100 x 1.15 = 114.99999999999999.
    expect(Math.ceil(1500 * 1.1)).toBe(1651);
    expect(engine.budget([line('standard', 5, true, 30)], 'monthly', 0.1).creditsWithBuffer).toBe(1650);
  });

  it('"need 500 credits, budget for 600", and the best option is chosen for the 600', () => {
    const summary = engine.budget([line('standard', 10, true, 5)], 'monthly', 0.2);
    expect(summary.credits).toBe(500);
    expect(summary.creditsWithBuffer).toBe(600);
    expect(summary.best.label).toBe('Standard');
    // 660 credits fit Standard exactly, but with the buffer 792 need a pack:
    const bigger = engine.budget([line('standard', 10, true, 6), line('standard', 5, false, 6)], 'monthly', 0.2);
    expect(bigger.credits).toBe(660);
    expect(bigger.creditsWithBuffer).toBe(792);
    expect(bigger.best.label).toBe('Standard + 330-credit pack');
  });

  it('no videos: 0 credits, Free, and no cost per delivered video', () => {
    for (const lines of [[], [line('professional', 10, true, 0)]]) {
      const summary = engine.budget(lines, 'annual', 0.2);
      expect(summary.videos).toBe(0);
      expect(summary.creditsWithBuffer).toBe(0);
      expect(summary.best.label).toBe('Free');
      expect(summary.best.monthlyCost).toBe(0);
      expect(summary.costPerVideo).toBeNull();
    }
  });

  it('uses the billing for the monthly and 12-month cost', () => {
    const lines = [line('professional', 10, false, 20)]; // 1,400 credits, 1,680 with the buffer
    const monthly = engine.budget(lines, 'monthly', 0.2);
    const annual = engine.budget(lines, 'annual', 0.2);
    expect(monthly.creditsWithBuffer).toBe(1680);
    expect(monthly.best.label).toBe('Standard + 1,320-credit pack');
    expect(monthly.best.monthlyCost).toBe(28.8);
    expect(monthly.best.yearCost).toBe(345.6);
    expect(annual.best.label).toBe('Pro');
    expect(annual.best.monthlyCost).toBe(24.42);
    expect(annual.best.yearCost).toBe(293.04);
  });

  it('a shot list beyond 26,000,000 credits with the buffer is a clear error', () => {
    const huge = [line('professional', 10, true, 1_000_000)]; // 200,000,000 credits
    expect(() => engine.budget(huge, 'monthly', 0.2)).toThrow(InputError);
    expect(() => engine.budget(huge, 'monthly', 0.2)).toThrow(/240,000,000 credits.*26,000,000/);
  });
});

describe('cost per delivered video', () => {
  it('is the monthly cost divided once, with no binary-float residue', () => {
    // 5 pro 10 s clips with audio: 1,200 credits with the buffer, Standard + 660-credit pack, $18.80.
    const monthly = engine.budget([line('professional', 10, true, 5)], 'monthly', 0.2);
    expect(monthly.best.monthlyCost).toBe(18.8);
    expect(monthly.costPerVideo).toBe(3.76);
    // Annual billing, 3 such clips: 720 credits, Standard + 330-credit pack, 79.20 / 12 + 5 = $11.60 a
    // month; per video the double nearest to 11.60 / 3.
    const annual = engine.budget([line('professional', 10, true, 3), line('standard', 5, false, 0)], 'annual', 0.2);
    expect(annual.best.label).toBe('Standard + 330-credit pack');
    expect(annual.costPerVideo).toBe(1160 / 300);
    expect(engine.budget([], 'monthly', 0.2).costPerVideo).toBeNull();
  });
});
