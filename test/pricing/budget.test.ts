/**
 * KLING_BUDGET's engine (budgetSummary): credits of a shot list, credits with retakes (credits /
 * (1 - r), by the counts rule, exact), the best option for one month on its own, and every channel
 * over 12 equal months (channels.ts): the app's schedule (top-ups carried over), Kling's API with
 * its packs, each reseller; the cheapest named.
 */
import { describe, expect, it } from 'vitest';
import type { AudioOption, BudgetSummary, ChannelBilling, ChannelFigure, Mode, ShotLine } from '../../src/pricing';
import {
  budgetSummary,
  channelFigures,
  channelsTable,
  creditsWithRetakes,
  DEFAULT_PRICE_BOOK,
  InputError,
  PricingEngine,
  TICKS_PER_USD,
} from '../../src/pricing';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../support/scheduleBook';
import { YearReference } from '../support/yearReference';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const years = new YearReference(DEFAULT_PLANS, DEFAULT_PACKS, 30_000);

const line = (mode: Mode, secs: number, audio: AudioOption | boolean, count: number, model = 'Kling 2.6', row?: number): ShotLine => ({
  clip: { model, mode, secs, audio: audio === true ? 'audio' : audio === false ? 'silent' : audio },
  count,
  testTakes: 0,
  ...(row ? { row } : {}),
});

function budget(lines: ShotLine[], billing: ChannelBilling = 'monthly', retakeRate = 0.2): BudgetSummary {
  return budgetSummary(engine, { lines, images: 0, billing, retakeRate });
}

const channel = (s: BudgetSummary, kind: ChannelFigure['kind'], provider: string | null = null) =>
  s.year.channels.find((c) => c.kind === kind && c.provider === provider) as ChannelFigure;
/** A channel's total over the 12 months in cents (it is whole cents for the app and Kling's API). */
const totalCents = (c: ChannelFigure) => {
  if (!c.total) throw new Error(`${c.label} has no figure: ${c.reason}`);
  return Math.round(c.total.toNumber(TICKS_PER_USD) * 100);
};

describe('budget', () => {
  it('adds credits x count over the lines, divides by 1 - r once, and counts the videos', () => {
    const summary = budget([line('standard', 5, false, 10), line('professional', 10, true, 3), line('professional', 5, false, 0)]);
    expect(summary.videos).toBe(13);
    expect(summary.credits).toBe(10 * 10 + 3 * 200);
    // 700 / (1 - 20 %) = 875 (never 700 x 1.2 = 840).
    expect(summary.creditsWithRetakes).toBe(875);
    expect(summary.retakeRate).toBe(0.2);
    expect(summary.monthBilling).toBe('monthly');
    // One month on its own: Standard + 330 pack ($13.80).
    expect(summary.best?.label).toBe('Standard + 330-credit pack');
    expect(summary.monthlyCost).toBe(13.8);
    // 12 months: Standard every month ($105.60) and 12 x 215 = 2,580 top-up credits carried over:
    // 2 x 1,320 for $40 (not 12 x $5): $145.60.
    const app = summary.app;
    expect(app).toBe(channel(summary, 'app'));
    expect(totalCents(app)).toBe(14_560);
    expect(BigInt(totalCents(app))).toBe(years.cents(875, 'monthly'));
    expect(app.boughtAs).toBe('12 x Standard + 2 x 1,320-credit pack');
    expect(app.app?.needs).toEqual(new Array(12).fill(875));
    const figures = channelFigures(summary.year, app);
    expect(figures).toEqual({ total: 145.6, average: 14_560 / 1200, perVideo: 14_560 / (1200 * 13) });
    // Kling 2.6 is sold by no reseller; the app is cheapest.
    expect(summary.year.cheapest).toBe(app);
  });

  it('credits with retakes = credits / (1 - r), rounded up by the counts rule, exact where float error bites', () => {
    // Rates in whole percent; the exact answer is an integer division.
    const percents = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 50, 60, 70, 75, 80, 90, 95, 99];
    const clips: ShotLine[] = [
      line('standard', 5, false, 1),
      line('professional', 5, false, 1),
      line('standard', 7, true, 1, 'Kling 3.0'),
      line('professional', 4, 'voice', 1, 'Kling 3.0'),
    ];
    for (const clip of clips) {
      const credits = engine.clipCredits(clip.clip);
      for (let count = 1; count <= 40; count++) {
        for (const p of percents) {
          const expected = Math.ceil((credits * count * 100) / (100 - p));
          const got = budget([{ ...clip, count }], 'monthly', p / 100).creditsWithRetakes;
          if (got !== expected) expect(got, `${credits} x ${count} at ${p} %`).toBe(expected);
          if (creditsWithRetakes(credits * count, p / 100) !== expected) {
            expect(creditsWithRetakes(credits * count, p / 100), `creditsWithRetakes ${credits} x ${count} at ${p} %`).toBe(expected);
          }
        }
      }
    }
    // The trap of the spec: 80 x 70 / (1 - 30 %) is 8000.000000000001 in binary; it needs 8,000 credits, not 8,001.
    expect((80 * 70) / (1 - 0.3)).toBeGreaterThan(8000);
    expect(budget([line('professional', 10, false, 80)], 'monthly', 0.3).creditsWithRetakes).toBe(8000);
    expect(budget([line('professional', 10, false, 80)], 'monthly', 0.3).best?.label).toBe('Premier');
    expect(creditsWithRetakes(5600, 0.3)).toBe(8000);
    expect(creditsWithRetakes(500, 0.2)).toBe(625);
    expect(creditsWithRetakes(0, 0.5)).toBe(0);
  });

  it('"need 500 credits": 625 at the default 20 % (the guide\'s "budget for 600" is 500 x 1.2, a retake rate of 1/6)', () => {
    const summary = budget([line('standard', 10, true, 5)]);
    expect(summary.credits).toBe(500);
    expect(summary.creditsWithRetakes).toBe(625);
    expect(summary.best?.label).toBe('Standard');
    // 660 credits fit Standard exactly, but with retakes 825 need a pack:
    const bigger = budget([line('standard', 10, true, 6), line('standard', 5, false, 6)]);
    expect(bigger.credits).toBe(660);
    expect(bigger.creditsWithRetakes).toBe(825);
    expect(bigger.best?.label).toBe('Standard + 330-credit pack');
  });

  it('no videos: 0 credits, Free, every channel at $0, the app cheapest, and no cost per delivered video', () => {
    for (const lines of [[], [line('professional', 10, true, 0)]]) {
      const summary = budget(lines, 'annual');
      expect(summary.videos).toBe(0);
      expect(summary.creditsWithRetakes).toBe(0);
      expect(summary.best?.label).toBe('Free');
      expect(summary.monthlyCost).toBe(0);
      expect(totalCents(summary.app)).toBe(0);
      expect(summary.app.boughtAs).toBe('');
      expect(summary.year.cheapest).toBe(summary.app);
      expect(channelFigures(summary.year, summary.app)).toEqual({ total: 0, average: 0, perVideo: null });
    }
  });

  it('uses the billing for the monthly cost and the 12-month schedule; `cheapest` picks annual here and one month is monthly', () => {
    const lines = [line('professional', 10, false, 20)]; // 1,400 credits, 1,750 with retakes
    const monthly = budget(lines, 'monthly');
    const annual = budget(lines, 'annual');
    expect(monthly.creditsWithRetakes).toBe(1750);
    expect(monthly.best?.label).toBe('Standard + 1,320-credit pack');
    expect(monthly.monthlyCost).toBe(28.8);
    // 12 x 1,090 = 13,080 credits short on Standard: 7,500 + 3,500 + 1,320 + 660 + 330 ($185) with $105.60
    // ($290.60) beats Pro every month ($390.72).
    expect(totalCents(monthly.app)).toBe(29_060);
    expect(BigInt(totalCents(monthly.app))).toBe(years.cents(1750, 'monthly'));
    expect(annual.best?.label).toBe('Pro');
    expect(annual.monthlyCost).toBe(24.42);
    // Annual: Standard's year ($79.20) + $185 of packs = $264.20 beats Pro's year ($293.04).
    expect(totalCents(annual.app)).toBe(26_420);
    expect(BigInt(totalCents(annual.app))).toBe(years.cents(1750, 'annual'));
    const cheapest = budget(lines, 'cheapest');
    expect(cheapest.monthBilling).toBe('monthly');
    expect(cheapest.monthlyCost).toBe(28.8);
    expect(cheapest.app.label).toBe('Kling app (annual) (estimate)');
    expect(cheapest.app.app?.billing).toBe('annual');
    expect(totalCents(cheapest.app)).toBe(26_420);
  });

  it('the 12-month cost is the schedule of 12 months of the credits with retakes, never 12 x the month', () => {
    for (const billing of ['monthly', 'intro', 'annual', 'list'] as const) {
      for (const count of [1, 3, 4, 10, 13, 25, 60, 100]) {
        const summary = budget([line('professional', 10, true, count)], billing);
        const need = summary.creditsWithRetakes as number;
        expect(need).toBe(Math.ceil((200 * count * 5) / 4));
        const want = years.cents(need, billing);
        expect(BigInt(totalCents(summary.app)), `${count} videos, ${billing}`).toBe(want);
        expect(summary.app.app?.spend.schedule.months).toHaveLength(12);
        expect(summary.app.monthly).toHaveLength(12);
        const figures = channelFigures(summary.year, summary.app);
        expect(figures?.average).toBe(Number(want) / 1200);
        expect(figures?.perVideo).toBe(Number(want) / (1200 * count));
      }
    }
  });

  it('the API over 12 months: 4 professional 10 s 2.6 clips, 20 units a month, one 5,000-unit pack per window: $1,400', () => {
    const summary = budget([line('professional', 10, false, 4)], 'monthly', 0);
    const api = channel(summary, 'api');
    expect(api.label).toBe('Kling API (prepaid packs) (estimate)');
    expect(api.api?.result.units).toBe(240);
    expect(api.api?.result.windows.map((w) => [w.units, w.unitsBought, w.cents])).toEqual([
      [120, 5000, 70_000],
      [120, 5000, 70_000],
    ]);
    expect(totalCents(api)).toBe(140_000);
    expect(api.boughtAs).toBe('2 x 5,000-unit pack');
    expect(api.monthly).toEqual([700, 0, 0, 0, 0, 0, 700, 0, 0, 0, 0, 0]);
    expect(totalCents(summary.app)).toBe(10_560);
    expect(summary.year.cheapest?.kind).toBe('app');
  });

  it('the API figure is n/a with the reason when the API cannot make a clip of the list, never a partial sum', () => {
    const summary = budget([line('professional', 10, false, 4), line('standard', 10, true, 3)]);
    const api = channel(summary, 'api');
    expect(api.total).toBeNull();
    expect(api.monthly).toBeNull();
    expect(api.reason).toBe(
      "n/a: row 2 (Kling 2.6 standard 10 s with audio): audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio",
    );
    expect(api.boughtAs).toBe(api.reason);
    // 580 credits, 725 with retakes: Standard and 12 x 65 = 780 credits of packs (660 + 330, $15).
    expect(totalCents(summary.app)).toBe(12_060);
    expect(summary.year.cheapest).toBe(summary.app);
  });

  it('voice control: 3.0 prices it in the app (14 credits a second) but its API and resellers have no voice row', () => {
    const summary = budget([line('professional', 10, 'voice', 10, 'Kling 3.0')], 'monthly', 0);
    expect(summary.credits).toBe(1400);
    expect(channel(summary, 'api').reason).toBe(
      'n/a: row 1 (Kling 3.0 professional 10 s with voice control): audio "voice": Kling\'s API for Kling 3.0 offers no professional clip with voice control; use audio FALSE or TRUE',
    );
    expect(channel(summary, 'reseller', 'fal').reason).toBe(
      'n/a: row 1 (Kling 3.0 professional 10 s with voice control): audio "voice": fal for Kling 3.0 offers no professional clip with voice control; use audio FALSE or TRUE',
    );
    expect(channel(summary, 'reseller', 'PiAPI').reason).toBe(
      'n/a: row 1 (Kling 3.0 professional 10 s with voice control) is not sold there',
    );
    expect(summary.app.label).toBe('Kling app (monthly)');
    // Kling 2.6 has voice control on the API only: in the app it has no figure, and the API prices it.
    const v26 = budget([line('professional', 10, 'voice', 1)]);
    const reason =
      'n/a: row 1 (Kling 2.6 professional 10 s with voice control): audio "voice": Kling 2.6 offers no professional clip with voice control; use audio FALSE or TRUE';
    expect(v26.credits).toBe(reason);
    expect(v26.creditsWithRetakes).toBe(reason);
    expect(v26.best).toBeNull();
    expect(v26.monthlyCost).toBeNull();
    expect(v26.app.reason).toBe(reason);
    expect(totalCents(channel(v26, 'api'))).toBe(140_000);
    expect(v26.year.cheapest?.kind).toBe('api');
  });

  it('a shot list beyond 26,000,000 credits a month with retakes: the app has no figure and says why; the other channels still compute', () => {
    const summary = budget([line('professional', 10, true, 1_000_000)]); // 200,000,000 credits, 250,000,000 with retakes
    expect(summary.creditsWithRetakes).toBe('n/a: month 1 needs more than 26,000,000 credits');
    expect(summary.app.reason).toBe('n/a: month 1 needs more than 26,000,000 credits');
    expect(summary.best).toBeNull();
    // $1.40 x 1,000,000 / 0.8 = $1,750,000 a month: 75,000,000 units a window, 1,250 x 60,000-unit packs per window.
    expect(totalCents(channel(summary, 'api'))).toBe(2 * 1_250 * 756_000);
    expect(summary.year.cheapest?.kind).toBe('api');
  });

  it('a row of a model without app credits is valid: the app reads n/a naming its row, the channels still compute', () => {
    const summary = budget([line('standard', 5, false, 1, 'Kling 3.0 Turbo', 4)]);
    const reason = 'n/a: row 4 (Kling 3.0 Turbo standard 5 s) has no app credits in the price book';
    expect(summary.credits).toBe(reason);
    expect(summary.app.reason).toBe(reason);
    expect(totalCents(channel(summary, 'api'))).toBe(140_000);
    expect(channel(summary, 'reseller', 'fal').reason).toBe('n/a: row 4 (Kling 3.0 Turbo standard 5 s) is not sold there');
  });

  it('a retake rate outside 0 to below 1 is refused with an InputError, for the list and for a row', () => {
    const refused = new InputError('the retake rate must be from 0 up to but not including 1 (100 %), such as 0.2 or 20%');
    for (const r of [-0.01, 1, 1.5, Number.NaN]) {
      expect(() => budget([line('standard', 5, false, 1)], 'monthly', r), String(r)).toThrow(refused);
      expect(() =>
        budgetSummary(engine, {
          lines: [{ ...line('standard', 5, false, 1), retakeRate: r }],
          images: 0,
          billing: 'monthly',
          retakeRate: 0.2,
        }),
      ).toThrow(refused);
    }
    // Read to 6 decimals: 0.9999996 is 1 (refused), 0.9999994 is 0.999999 (10 credits need 10,000,000).
    expect(() => budget([line('standard', 5, false, 1)], 'monthly', 0.9999996)).toThrow(refused);
    expect(budget([line('standard', 5, false, 1)], 'monthly', 0.9999994).creditsWithRetakes).toBe(10_000_000);
  });

  it('test takes, images and per-line retake rates: one rounding of the month, the images at the list rate', () => {
    const summary = budgetSummary(engine, {
      lines: [
        { ...line('professional', 10, true, 3, 'Kling 3.0'), testTakes: 2, retakeRate: 0.5 },
        { ...line('standard', 5, false, 7), retakeRate: null },
      ],
      images: 11,
      billing: 'monthly',
      retakeRate: 0.25,
    });
    // Row 1: (120 + 2 x 90) x 3 = 900 credits, / 0.5 = 1,800; row 2: 70 / 0.75 = 93.33...; images 11 x 0.2 / 0.75 = 2.933...
    // 1,800 + 96.266... = 1,896.27 -> 1,897.
    expect(summary.credits).toBe(900 + 70 + 2.2);
    expect(summary.creditsWithRetakes).toBe(1_897);
    expect(summary.app.app?.needs).toEqual(new Array(12).fill(1_897));
    // The images need the API image price; resellers sell no images.
    expect(channel(summary, 'reseller', 'fal').reason).toBe('n/a: row 2 (Kling 2.6 standard 5 s) is not sold there');
  });
});

describe('cost per delivered video', () => {
  it('is the total over 12 months divided once, with no binary-float residue', () => {
    // 5 pro 10 s clips with audio: 1,250 credits with retakes; one month on its own: Standard +
    // 660-credit pack, $18.80; 12 months: Standard and 7,080 credits of packs (7,500 for $100).
    const monthly = budget([line('professional', 10, true, 5)]);
    expect(monthly.monthlyCost).toBe(18.8);
    expect(totalCents(monthly.app)).toBe(20_560);
    expect(channelFigures(monthly.year, monthly.app)?.perVideo).toBe(20_560 / 6000);
    const table = channelsTable(monthly.year);
    expect(table[1]).toEqual(['Kling app (monthly) (estimate)', 205.6, 20_560 / 1200, 20_560 / 6000, '12 x Standard + 7,500-credit pack']);
    expect(channelFigures(budget([]).year, budget([]).app)?.perVideo).toBeNull();
  });
});

describe('errors', () => {
  it('an unknown model is an InputError naming the models of the book', () => {
    expect(() => budget([line('standard', 5, false, 1, 'Kling 9')])).toThrow(InputError);
    expect(() => budget([line('standard', 5, false, 1, 'Kling 9')])).toThrow(/the price book has no model Kling 9; it has 2\.6, 3\.0/);
  });
});
