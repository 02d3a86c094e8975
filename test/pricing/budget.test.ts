/**
 * KLING_BUDGET's engine (budgetSummary): credits of a shot list, the buffer (ceil, exact), the best
 * option for one month on its own, 12 months from the schedule (top-ups carried over), the average
 * month, the cost per delivered video on it, and Kling's API over 12 months with its packs.
 */
import { describe, expect, it } from 'vitest';
import type { AudioOption, Billing, BudgetSummary, Mode, ShotLine } from '../../src/pricing';
import { budgetSummary, DEFAULT_PRICE_BOOK, InputError, PricingEngine } from '../../src/pricing';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../support/scheduleBook';
import { YearReference } from '../support/yearReference';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const years = new YearReference(DEFAULT_PLANS, DEFAULT_PACKS, 30_000);

const line = (mode: Mode, secs: number, audio: AudioOption | boolean, count: number, model = '2.6', where?: string): ShotLine => ({
  clip: { model, mode, secs, audio: audio === true ? 'audio' : audio === false ? 'silent' : audio },
  count,
  testTakes: 0,
  ...(where ? { where } : {}),
});

function budget(lines: ShotLine[], billing: Billing = 'monthly', buffer = 0.2): BudgetSummary {
  return budgetSummary(engine, { lines, images: 0, billing, buffer });
}

describe('budget', () => {
  it('adds credits x count over the lines and counts the videos', () => {
    const summary = budget([line('standard', 5, false, 10), line('professional', 10, true, 3), line('professional', 5, false, 0)]);
    expect(summary.videos).toBe(13);
    expect(summary.credits).toBe(10 * 10 + 3 * 200);
    expect(summary.creditsWithBuffer).toBe(840);
    expect(summary.buffer).toBe(0.2);
    // One month on its own: Standard + 330 pack ($13.80).
    expect(summary.best.label).toBe('Standard + 330-credit pack');
    expect(summary.monthlyCost).toBe(13.8);
    // 12 months: Standard every month ($105.60) and 12 x 180 = 2,160 top-up credits carried over:
    // 1,320 + 660 + 330 for $35 (not 12 x $5): $140.60.
    expect(summary.yearCost).toBe(140.6);
    expect(summary.averageMonth).toBe(14_060 / 1200);
    expect(summary.costPerVideo).toBe(14_060 / (1200 * 13));
  });

  it('credits with the buffer = ceil(total x (1 + buffer)), exact where float error bites', () => {
    // Buffers in whole percent; the exact answer is an integer division.
    const percents = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 50, 60, 70, 75, 90, 100, 110, 150, 250];
    const clips: ShotLine[] = [
      line('standard', 5, false, 1),
      line('professional', 5, false, 1),
      line('standard', 7, true, 1, '3.0'),
      line('professional', 4, 'voice', 1, 'Kling 3.0'),
    ];
    for (const clip of clips) {
      const credits = engine.clipCredits(clip.clip);
      for (let count = 1; count <= 60; count++) {
        for (const p of percents) {
          const expected = Math.ceil((credits * count * (100 + p)) / 100);
          const got = budget([{ ...clip, count }], 'monthly', p / 100).creditsWithBuffer;
          if (got !== expected) expect(got, `${credits} x ${count} with ${p} %`).toBe(expected);
        }
      }
    }
    // The traps: 1500 x 1.1 = 1650.0000000000002, 100 x 1.15 = 114.99999999999999.
    expect(Math.ceil(1500 * 1.1)).toBe(1651);
    expect(budget([line('standard', 5, true, 30)], 'monthly', 0.1).creditsWithBuffer).toBe(1650);
  });

  it('"need 500 credits, budget for 600", and the best option is chosen for the 600', () => {
    const summary = budget([line('standard', 10, true, 5)]);
    expect(summary.credits).toBe(500);
    expect(summary.creditsWithBuffer).toBe(600);
    expect(summary.best.label).toBe('Standard');
    // 660 credits fit Standard exactly, but with the buffer 792 need a pack:
    const bigger = budget([line('standard', 10, true, 6), line('standard', 5, false, 6)]);
    expect(bigger.credits).toBe(660);
    expect(bigger.creditsWithBuffer).toBe(792);
    expect(bigger.best.label).toBe('Standard + 330-credit pack');
  });

  it('no videos: 0 credits, Free, nothing over the year, and no cost per delivered video', () => {
    for (const lines of [[], [line('professional', 10, true, 0)]]) {
      const summary = budget(lines, 'annual');
      expect(summary.videos).toBe(0);
      expect(summary.creditsWithBuffer).toBe(0);
      expect(summary.best.label).toBe('Free');
      expect(summary.monthlyCost).toBe(0);
      expect(summary.year).toBeNull();
      expect(summary.yearCost).toBe(0);
      expect(summary.averageMonth).toBe(0);
      expect(summary.costPerVideo).toBeNull();
      expect(summary.verdict).toBe('No credits needed: nothing to buy');
    }
  });

  it('uses the billing for the monthly cost and the 12-month schedule', () => {
    const lines = [line('professional', 10, false, 20)]; // 1,400 credits, 1,680 with the buffer
    const monthly = budget(lines, 'monthly');
    const annual = budget(lines, 'annual');
    expect(monthly.creditsWithBuffer).toBe(1680);
    expect(monthly.best.label).toBe('Standard + 1,320-credit pack');
    expect(monthly.monthlyCost).toBe(28.8);
    // 12 x 1,020 = 12,240 credits short on Standard: a 7,500 + 3,500 + 1,320 cover ($170) with $105.60
    // (275.60) beats Pro every month ($390.72).
    expect(monthly.yearCost).toBe(275.6);
    expect(BigInt(Math.round(monthly.yearCost * 100))).toBe(years.cents(1680, 'monthly'));
    expect(annual.best.label).toBe('Pro');
    expect(annual.monthlyCost).toBe(24.42);
    // Annual: Standard's year ($79.20) + $170 of packs = $249.20 beats Pro's year ($293.04).
    expect(annual.yearCost).toBe(249.2);
    expect(BigInt(Math.round(annual.yearCost * 100))).toBe(years.cents(1680, 'annual'));
  });

  it('the 12-month cost is the schedule of 12 months of the credits with buffer, never 12 x the month', () => {
    for (const billing of ['monthly', 'intro', 'annual', 'list'] as const) {
      for (const count of [1, 3, 4, 10, 13, 25, 60, 100]) {
        const summary = budget([line('professional', 10, true, count)], billing);
        const want = years.cents(summary.creditsWithBuffer, billing);
        expect(BigInt(Math.round(summary.yearCost * 100)), `${count} videos, ${billing}`).toBe(want);
        expect(summary.year?.schedule.months).toHaveLength(12);
        expect(summary.averageMonth).toBe(Number(want) / 1200);
        expect(summary.costPerVideo).toBe(Number(want) / (1200 * count));
      }
    }
  });

  it('the API over 12 months: 4 professional 10 s 2.6 clips, 20 units a month, one 5,000-unit pack per window: $1,400', () => {
    const summary = budget([line('professional', 10, false, 4)], 'monthly', 0);
    if ('problem' in summary.api) throw new Error(summary.api.problem);
    expect(summary.api.result.units).toBe(240);
    expect(summary.api.result.windows.map((w) => [w.units, w.unitsBought, w.cents])).toEqual([
      [120, 5000, 70_000],
      [120, 5000, 70_000],
    ]);
    expect(summary.api.result.totalCents).toBe(140_000);
    expect(summary.yearCost).toBe(105.6);
    expect(summary.verdict).toMatch(/^Subscription \(API estimate \$1,400\.00 with 2 x 5,000-unit pack.*against \$105\.60 in the app\)$/);
  });

  it('the API figure is n/a with the reason when the API cannot make a clip of the list, never a partial sum', () => {
    const summary = budget([line('professional', 10, false, 4, '2.6', 'row 1'), line('standard', 10, true, 3, '2.6', 'row 2')]);
    expect(summary.api).toEqual({
      problem:
        "row 2: audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio",
    });
    expect(summary.verdict).toMatch(/^Subscription \(no API figure: row 2: /);
  });

  it('voice control: 3.0 prices it in the app (14 credits a second) but its API has no voice row, so no API figure', () => {
    const summary = budget([line('professional', 10, 'voice', 10, '3.0', 'row 1')], 'monthly', 0);
    expect(summary.credits).toBe(1400);
    expect(summary.api).toEqual({
      problem: 'row 1: audio "voice": Kling\'s API for Kling 3.0 offers no professional clip with voice control; use audio FALSE or TRUE',
    });
    // Kling 2.6 has voice control on the API only: in a budget (app credits) it is refused.
    expect(() => budget([line('professional', 10, 'voice', 1)])).toThrow(
      'audio "voice": Kling 2.6 offers no professional clip with voice control; use audio FALSE or TRUE',
    );
  });

  it('a shot list beyond 26,000,000 credits with the buffer is a clear error', () => {
    const huge = [line('professional', 10, true, 1_000_000)]; // 200,000,000 credits
    expect(() => budget(huge)).toThrow(InputError);
    expect(() => budget(huge)).toThrow(/240,000,000 credits.*26,000,000/);
  });

  it('an API-only model in a shot list is an error naming its row', () => {
    expect(() => budget([line('standard', 5, false, 1, 'Kling 3.0 Turbo', 'row 4')])).toThrow(
      /^row 4: Kling publishes no app credits for Kling 3\.0 Turbo; add rows "App credits, Kling 3\.0 Turbo"/,
    );
  });
});

describe('cost per delivered video', () => {
  it('is the average month divided once, with no binary-float residue', () => {
    // 5 pro 10 s clips with audio: 1,200 credits with the buffer; one month on its own: Standard +
    // 660-credit pack, $18.80; 12 months: Standard and 6,480 credits of packs (7,500 for $100).
    const monthly = budget([line('professional', 10, true, 5)]);
    expect(monthly.monthlyCost).toBe(18.8);
    expect(monthly.yearCost).toBe(205.6);
    expect(monthly.costPerVideo).toBe(20_560 / 6000);
    expect(budget([]).costPerVideo).toBeNull();
  });
});
