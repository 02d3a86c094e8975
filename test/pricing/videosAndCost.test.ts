/**
 * KLING_VIDEOS and KLING_COST semantics in the engine: whole videos per month after retakes
 * (floors must be exact even where float error bites) and USD per delivered video.
 */
import { describe, expect, it } from 'vitest';
import type { Clip } from '../../src/pricing';
import { DEFAULT_PRICE_BOOK, InputError, PricingEngine, planFigure } from '../../src/pricing';
import {
  BILLINGS,
  CREDITS_26,
  CREDITS_30_PER_SECOND,
  DAYS,
  FREE_CREDITS_PER_DAY,
  monthlyPriceTwelfthCents,
  PAID_PLAN_FACTS,
  PLAN_FACTS,
  SECS_30,
} from './facts';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);

/** Every clip the book prices, with its credits from the spec. */
const CLIPS: [Clip, number][] = [
  ...CREDITS_26.flatMap(([mode, audio, five, ten]): [Clip, number][] => [
    [{ mode, audio, secs: 5, model: '2.6' }, five],
    [{ mode, audio, secs: 10, model: 'Kling 2.6' }, ten],
  ]),
  ...CREDITS_30_PER_SECOND.flatMap(([mode, audio, perSecond]) =>
    SECS_30.map((secs): [Clip, number] => [{ mode, audio, secs, model: secs % 2 ? '3.0' : 'Kling 3.0' }, perSecond * secs]),
  ),
];

/**
 * Retake rates as exact fractions [numerator, denominator]. Many of them are where float error
 * bites: 1 - 0.9 = 0.09999999999999998, 1 - 0.7 = 0.30000000000000004, 1 - 1/6 = 0.8333333333333334.
 */
const RATES: [number, number][] = [
  [0, 1],
  [1, 100],
  [5, 100],
  [1, 10],
  [15, 100],
  [1, 6],
  [2, 10],
  [1, 4],
  [3, 10],
  [1, 3],
  [35, 100],
  [4, 10],
  [45, 100],
  [1, 2],
  [55, 100],
  [6, 10],
  [65, 100],
  [2, 3],
  [7, 10],
  [3, 4],
  [8, 10],
  [85, 100],
  [9, 10],
  [95, 100],
  [99, 100],
];

/** floor(n x (1 - num/den)) in integers: exact. */
const floorAfterRetakes = (n: number, [num, den]: [number, number]) => Math.floor((n * (den - num)) / den);

const clipName = (c: Clip) => `${c.model} ${c.mode} ${c.secs} s ${c.audio}`;

describe('videos per month on paid plans: floor(floor(plan credits / credits) x (1 - r))', () => {
  it('is exact for every plan, clip and retake rate', () => {
    let checked = 0;
    for (const plan of PAID_PLAN_FACTS) {
      for (const [clip, credits] of CLIPS) {
        const whole = Math.floor(plan.credits / credits);
        for (const rate of RATES) {
          const r = rate[0] / rate[1];
          const expected = floorAfterRetakes(whole, rate);
          const got = engine.videosPerMonth(clip, plan.id, r);
          if (got !== expected) expect(got, `${plan.id}, ${clipName(clip)}, r = ${rate[0]}/${rate[1]}`).toBe(expected);
          checked++;
        }
      }
    }
    expect(CLIPS).toHaveLength(8 + 8 * 13);
    expect(checked).toBe(4 * CLIPS.length * RATES.length);
  });

  it('float traps: 10 x (1 - 0.9) is 1 video, not 0; 33 x (1 - 1/6) is 27; 30 x (1 - 0.7) is 9', () => {
    expect(Math.floor(10 * (1 - 0.9))).toBe(0); // the trap the engine must avoid
    // Standard, 2.6 std 10 s: 33 videos; r = 0.9 leaves 3.3 -> 3, r = 1/6 leaves 27.5 -> 27.
    expect(engine.videosPerMonth({ mode: 'standard', audio: 'silent', secs: 10, model: '2.6' }, 'standard', 0.9)).toBe(3);
    expect(engine.videosPerMonth({ mode: 'standard', audio: 'silent', secs: 10, model: '2.6' }, 'standard', 1 / 6)).toBe(27);
    // Standard, 3.0 professional 11 s with audio: 132 credits -> 5 videos; r = 0.8 leaves 1.
    expect(engine.videosPerMonth({ mode: 'professional', audio: 'audio', secs: 11, model: '3.0' }, 'standard', 0.8)).toBe(1);
    // Pro, 2.6 professional 10 s: 3000 / 70 = 42 videos; r = 0.7 leaves 12.6 -> 12.
    expect(engine.videosPerMonth({ mode: 'professional', audio: 'silent', secs: 10, model: '2.6' }, 'pro', 0.7)).toBe(12);
    // Pro, 2.6 std 5 s: 300 videos; r = 0.9 -> 30 exactly (300 x 0.09999999999999998 = 29.999999999999993).
    expect(engine.videosPerMonth({ mode: 'standard', audio: 'silent', secs: 5, model: '2.6' }, 'pro', 0.9)).toBe(30);
  });

  it("a clip that costs more than the plan's credits gives 0 videos", () => {
    // Standard: 660 credits; 3.0 4k 15 s costs 450, 2 x 450 > 660 -> 1; nothing costs more than 660.
    expect(engine.videosPerMonth({ mode: '4k', audio: 'audio', secs: 15, model: '3.0' }, 'standard', 0)).toBe(1);
    expect(engine.videosPerMonth({ mode: '4k', audio: 'audio', secs: 15, model: '3.0' }, 'standard', 0.5)).toBe(0);
  });
});

/** The free plan makes a clip: standard (720p) and at most 66 credits (it has no 1080p or 4K, official). */
const freeMakes = (clip: Clip, credits: number) => clip.mode === 'standard' && credits <= FREE_CREDITS_PER_DAY;

describe('videos per month on the free tier: 66 credits a day, never added up, 30 days, 720p only', () => {
  it('is floor(floor(66 / credits) x 30 x (1 - r)), and 0 for clips over 66 credits and for every professional or 4K clip', () => {
    let zeros = 0;
    for (const [clip, credits] of CLIPS) {
      for (const rate of RATES) {
        const r = rate[0] / rate[1];
        const expected = freeMakes(clip, credits) ? floorAfterRetakes(Math.floor(FREE_CREDITS_PER_DAY / credits) * DAYS, rate) : 0;
        if (!freeMakes(clip, credits) && credits <= FREE_CREDITS_PER_DAY) zeros++;
        const got = engine.videosPerMonth(clip, 'free', r);
        if (got !== expected) expect(got, `free, ${clipName(clip)}, r = ${rate[0]}/${rate[1]}`).toBe(expected);
      }
    }
    // Professional clips of 66 credits or less (2.6 5 s, 3.0 3 to 5 s ...) are among those that give 0.
    expect(zeros).toBeGreaterThan(0);
  });

  it('daily credits do not add up: 30-credit clips make 2 a day (60), not 1980 / 30 = 66; 36-credit clips 1 a day, not 55', () => {
    expect(engine.videosPerMonth({ mode: 'standard', audio: 'silent', secs: 5, model: '3.0' }, 'free', 0)).toBe(60);
    expect(engine.videosPerMonth({ mode: 'standard', audio: 'audio', secs: 4, model: '3.0' }, 'free', 0)).toBe(30);
    expect(Math.floor(1980 / 36)).toBe(55);
  });

  it('no 1080p or 4K on the free plan (official): 0 videos, even for a clip of 24 or 35 credits', () => {
    for (const clip of [
      { mode: 'professional', audio: 'silent', secs: 5, model: '2.6' },
      { mode: 'professional', audio: 'silent', secs: 3, model: '3.0' },
      { mode: '4k', audio: 'silent', secs: 3, model: '3.0' },
    ] as Clip[]) {
      expect(engine.clipCredits(clip)).toBeLessThanOrEqual(90);
      for (const rate of [0, 0.2, 0.9]) expect(engine.videosPerMonth(clip, 'free', rate), `${clipName(clip)} at ${rate}`).toBe(0);
      // The same clip on a paid plan: videos.
      expect(engine.videosPerMonth(clip, 'standard', 0)).toBeGreaterThan(0);
    }
  });

  it('examples: 10-credit clips give 6 a day, 180 a month; 66 credits is the most a clip may cost', () => {
    expect(engine.videosPerMonth({ mode: 'standard', audio: 'silent', secs: 5, model: '2.6' }, 'free', 0)).toBe(180);
    expect(engine.videosPerMonth({ mode: 'standard', audio: 'silent', secs: 5, model: '2.6' }, 'free', 0.9)).toBe(18);
    // 3.0 standard 11 s = 66 credits: one a day.
    expect(engine.videosPerMonth({ mode: 'standard', audio: 'silent', secs: 11, model: '3.0' }, 'free', 0)).toBe(30);
    // 3.0 standard 12 s = 72 credits: never.
    expect(engine.videosPerMonth({ mode: 'standard', audio: 'silent', secs: 12, model: '3.0' }, 'free', 0)).toBe(0);
    // 2.6 professional 10 s = 70 credits: never.
    expect(engine.videosPerMonth({ mode: 'professional', audio: 'silent', secs: 10, model: '2.6' }, 'free', 0)).toBe(0);
  });
});

describe('cost per delivered video: credits x plan price per credit / (1 - r)', () => {
  it('matches the formula for every paid plan, billing, clip and retake rate', () => {
    for (const plan of PAID_PLAN_FACTS) {
      for (const billing of BILLINGS) {
        const pricePerMonth = monthlyPriceTwelfthCents(plan, billing) / 1200;
        for (const [clip, credits] of CLIPS) {
          for (const rate of RATES) {
            // The rate is read to 6 decimals (custom-functions.md): 1/6 is 0.166667.
            const expected = (credits * pricePerMonth) / plan.credits / (1 - Math.round((rate[0] / rate[1]) * 1e6) / 1e6);
            const got = engine.costPerVideo(clip, plan.id, billing, rate[0] / rate[1]);
            if (Math.abs(got - expected) > 1e-12 * expected) {
              expect(got, `${plan.id} ${billing} ${clipName(clip)} r ${rate[0]}/${rate[1]}`).toBe(expected);
            }
          }
        }
      }
    }
  });

  it('examples: Standard, professional 10 s with audio: $2.67 monthly; $2.65 first month with 20 % retakes', () => {
    const clip: Clip = { mode: 'professional', audio: 'audio', secs: 10, model: '2.6' };
    expect(engine.costPerVideo(clip, 'standard', 'monthly', 0)).toBeCloseTo(200 * (8.8 / 660), 12);
    expect(engine.costPerVideo(clip, 'standard', 'intro', 0.2)).toBeCloseTo((200 * 6.99) / 660 / 0.8, 12);
    expect(engine.costPerVideo(clip, 'ultra', 'annual', 0)).toBeCloseTo((200 * (1429.99 / 12)) / 26000, 12);
    expect(engine.costPerVideo(clip, 'pro', 'list', 0)).toBeCloseTo((200 * 37) / 3000, 12);
  });

  it('with no retakes it is one division of whole numbers, divided only at the end (Ultra annual: 142,999 / 12 cents)', () => {
    for (const plan of PAID_PLAN_FACTS) {
      for (const billing of BILLINGS) {
        for (const [clip, credits] of CLIPS) {
          const exact = (credits * monthlyPriceTwelfthCents(plan, billing)) / (1200 * plan.credits);
          const got = engine.costPerVideo(clip, plan.id, billing, 0);
          if (got !== exact) expect(got, `${plan.id} ${billing} ${clipName(clip)}`).toBe(exact);
        }
      }
    }
    const voice: Clip = { mode: 'professional', audio: 'voice', secs: 10, model: 'Kling 3.0' };
    expect(engine.costPerVideo(voice, 'ultra', 'annual', 0)).toBe((140 * 142_999) / (1200 * 26_000));
  });

  it('free tier: 0 when the free plan makes the clip (standard, at most 66 credits), for any billing and retake rate', () => {
    for (const [clip, credits] of CLIPS) {
      if (!freeMakes(clip, credits)) continue;
      for (const billing of BILLINGS) expect(engine.costPerVideo(clip, 'free', billing, 0.5)).toBe(0);
    }
  });

  it('free tier: an error saying why otherwise: no 1080p, no 4K, or more than the 66 credits a day', () => {
    const PRO =
      'the free plan has no 1080p (professional) clips (official: free output is 720p, watermarked and not for commercial use); choose a paid plan, or mode standard';
    const FOUR_K =
      'the free plan has no 4K clips (official: free output is 720p, watermarked and not for commercial use); choose a paid plan, or mode standard';
    let checked = 0;
    for (const [clip, credits] of CLIPS) {
      if (freeMakes(clip, credits)) continue;
      checked++;
      const expected =
        clip.mode === 'professional'
          ? PRO
          : clip.mode === '4k'
            ? FOUR_K
            : `this clip costs ${credits} credits, more than the 66 credits the free plan gives per day; choose a paid plan`;
      for (const billing of BILLINGS) {
        expect(() => engine.costPerVideo(clip, 'free', billing, 0), `${clipName(clip)} ${billing}`).toThrow(new InputError(expected));
      }
      // KLING_VIDEOS counts where KLING_COST explains: 0 videos.
      expect(engine.videosPerMonth(clip, 'free', 0)).toBe(0);
    }
    expect(checked).toBeGreaterThan(60);
    // A professional clip of 35 credits fits the daily credits: the reason is the resolution, not the credits.
    expect(() => engine.costPerVideo({ mode: 'professional', audio: 'silent', secs: 5, model: '2.6' }, 'free', 'monthly', 0)).toThrow(PRO);
  });
});

describe('KLING_PLAN figures', () => {
  for (const plan of PLAN_FACTS) {
    it(`${plan.name}: credits, price, cost per credit, cost per 100 and year under each billing`, () => {
      const p = engine.plan(plan.id);
      for (const billing of BILLINGS) {
        const price = monthlyPriceTwelfthCents(plan, billing) / 1200;
        expect(planFigure(p, 'credits', billing)).toBe(plan.credits);
        expect(planFigure(p, 'price', billing)).toBeCloseTo(price, 12);
        expect(planFigure(p, 'cost_per_credit', billing)).toBeCloseTo(price / plan.credits, 14);
        expect(planFigure(p, 'cost_per_100', billing)).toBeCloseTo((price * 100) / plan.credits, 12);
      }
      // year: intro = first month + 11 renewals, monthly = 12 renewals, annual = yearly, list = 12 list.
      // Exact to the cent: sums in cents, so no 105.60000000000001.
      const cents = (usd: number) => Math.round(usd * 100);
      expect(planFigure(p, 'year', 'intro')).toBe((cents(plan.firstMonth) + 11 * cents(plan.renewal)) / 100);
      expect(planFigure(p, 'year', 'monthly')).toBe((12 * cents(plan.renewal)) / 100);
      expect(planFigure(p, 'year', 'annual')).toBe(plan.yearly);
      expect(planFigure(p, 'year', 'list')).toBe((12 * cents(plan.list)) / 100);
    });
  }

  it('year examples: Standard intro 103.79, monthly 105.60, list 120; Ultra monthly 1,919.88', () => {
    expect(planFigure(engine.plan('standard'), 'year', 'intro')).toBe(103.79);
    expect(planFigure(engine.plan('standard'), 'year', 'monthly')).toBe(105.6);
    expect(planFigure(engine.plan('standard'), 'year', 'list')).toBe(120);
    expect(planFigure(engine.plan('ultra'), 'year', 'monthly')).toBe(1919.88);
    expect(planFigure(engine.plan('pro'), 'year', 'intro')).toBe(384.15);
  });
});
