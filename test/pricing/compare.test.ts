/**
 * The plan comparison (sidebar and its inserted sheet): a month of work priced on every channel over
 * 12 equal months (the app at its cheapest billing, Kling's API with its prepaid packs, each
 * reseller) and, for one month on its own under the chosen billing, against every paid plan alone
 * and with top-up packs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AudioOption, Billing, Comparison, Mode, OptionFigures, ShotLine, Workload } from '../../src/pricing';
import {
  channelFigures,
  channelsBlock,
  compareWorkload,
  DEFAULT_PRICE_BOOK,
  notCompared,
  optionsBlock,
  PricingEngine,
  summaryLines,
  workloadBlock,
} from '../../src/pricing';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../support/scheduleBook';
import { YearReference } from '../support/yearReference';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const years = new YearReference(DEFAULT_PLANS, DEFAULT_PACKS, 20_000);

/** A line; the model as the price book names it ("Kling 2.6"), as the sidebar and the server pass it. */
const line = (mode: Mode, secs: number, audio: AudioOption | boolean, count: number, model = 'Kling 2.6', testTakes = 0): ShotLine => ({
  clip: { model, mode, secs, audio: audio === true ? 'audio' : audio === false ? 'silent' : audio },
  count,
  testTakes,
});

const workload = (lines: ShotLine[], billing: Billing = 'monthly', retakeRate = 0, images = 0): Workload => ({
  lines,
  billing,
  retakeRate,
  images,
});

function byLabel(w: Workload) {
  const c = compareWorkload(engine, w);
  return { c, o: Object.fromEntries(c.options.map((o) => [o.label, o])) };
}

/** Each channel as label -> 12-month total (USD) or its reason. */
function channelTotals(c: Comparison): Record<string, number | string> {
  return Object.fromEntries(c.channels.channels.map((ch) => [ch.label, channelFigures(c.channels, ch)?.total ?? (ch.reason as string)]));
}

/** The cheapest 12 equal months of `need` credits in the app under monthly, intro and annual billing (ties in that order). */
function cheapestAppYear(need: number): number {
  const cents = (['monthly', 'intro', 'annual'] as const).map((b) => Number(years.cents(need, b)));
  return Math.min(...cents) / 100;
}

describe('compareWorkload: one month on its own', () => {
  it('700 credits a month, no retakes: Standard + 330-credit pack for the month', () => {
    const { c, o } = byLabel(workload([line('professional', 10, false, 10)]));
    expect(c.budget.videos).toBe(10);
    expect(c.budget.credits).toBe(700);
    expect(c.budget.creditsWithRetakes).toBe(700);
    expect(c.options.map((x) => x.label)).toEqual(['Standard', 'Standard + 330-credit pack', 'Pro', 'Premier', 'Ultra']);
    expect(c.options.filter((x) => x.cheapest).map((x) => x.label)).toEqual(['Standard + 330-credit pack']);
    expect(c.budget.best?.label).toBe('Standard + 330-credit pack');
    expect(c.budget.monthlyCost).toBe(13.8);

    const standard = o.Standard as OptionFigures;
    expect(standard).toMatchObject({
      kind: 'plan',
      creditsIncluded: 660,
      creditsNeeded: 700,
      spare: -40,
      covers: false,
      monthlyCost: 8.8,
      videosDelivered: 9,
      yearCost: null,
      annualSaving: null,
      cheapest: false,
    });
    // Its cost per video is the whole month's work with it, packs included: Standard + 330-credit pack, $13.80 / 10.
    expect(standard.costPerVideo).toBe(16_560 / 12_000);

    const topped = o['Standard + 330-credit pack'] as OptionFigures;
    expect(topped).toMatchObject({
      kind: 'plan+packs',
      creditsIncluded: 990,
      spare: 290,
      covers: true,
      monthlyCost: 13.8,
      videosDelivered: 14,
      // Twelve months of Standard with top-ups carried over: $115.60; annual $89.20.
      yearCost: 115.6,
      annualSaving: 26.4,
    });
    expect(topped.costPerVideo).toBe(16_560 / 12_000);

    expect(o.Pro).toMatchObject({
      creditsIncluded: 3000,
      spare: 2300,
      monthlyCost: 32.56,
      videosDelivered: 42,
      yearCost: 390.72,
      annualSaving: 97.68,
    });
    expect(o.Ultra).toMatchObject({ creditsIncluded: 26000, monthlyCost: 159.99, yearCost: 1919.88 });
    expect(c.asOf).toBe(
      DEFAULT_PRICE_BOOK.plans
        .map((p) => p.asOf)
        .sort()
        .pop(),
    );
  });

  it('the retake rate divides the credits by 1 - r: 500 credits at 20 % are planned as 625; 2,400 as 3,000', () => {
    expect(compareWorkload(engine, workload([line('standard', 5, false, 50)], 'monthly', 0.2)).budget).toMatchObject({
      credits: 500,
      creditsWithRetakes: 625,
      retakeRate: 0.2,
    });
    const { c, o } = byLabel(workload([line('professional', 10, true, 12)], 'monthly', 0.2));
    expect(c.budget.credits).toBe(2400);
    expect(c.budget.creditsWithRetakes).toBe(3000);
    expect(o.Pro).toMatchObject({ spare: 0, covers: true, videosDelivered: 12, cheapest: true });
    expect(o.Pro?.costPerVideo).toBe(39_072 / (1200 * 12));
    // Standard + 2,340 credits: two 1,320 packs ($40) beat four smaller ones at the same price.
    expect(o['Standard + 2 x 1,320-credit pack']).toMatchObject({ monthlyCost: 48.8, creditsIncluded: 3300 });
  });

  it("a row's own retake rate applies to that row; images take the workload's", () => {
    const c = compareWorkload(engine, {
      ...workload([line('standard', 5, false, 50), { ...line('standard', 5, false, 50), retakeRate: 0.5 }], 'monthly', 0.2, 100),
    });
    // 500 / 0.8 + 500 / 0.5 + 100 x 0.2 / 0.8 = 625 + 1,000 + 25
    expect(c.budget.creditsWithRetakes).toBe(1650);
    expect(workloadBlock(c).rows.map((r) => r[6])).toEqual([0.2, 0.5]);
  });

  it('annual billing: monthly cost is the yearly price / 12 and the saving is against monthly renewal', () => {
    const { c, o } = byLabel(workload([line('standard', 5, false, 100)], 'annual'));
    expect(c.savingBaseline).toBe('monthly');
    expect(o.Pro).toMatchObject({ yearCost: 293.04, annualSaving: 97.68 });
    expect(o.Pro?.monthlyCost).toBe(29_304 / 1200);
    // 1,000 credits: Standard at $6.60 plus the $10 pack of 660 beats Pro at $24.42.
    const cheapest = c.options.find((x) => x.cheapest);
    expect(cheapest?.label).toBe('Standard + 660-credit pack');
    expect(cheapest?.monthlyCost).toBe((7920 + 12 * 1000) / 1200);
    expect(cheapest?.yearCost).toBe(Number(years.cents(1000, 'annual', [0])) / 100);
    const [monthly, annual] = [years.cents(1000, 'monthly', [0]), years.cents(1000, 'annual', [0])];
    expect(cheapest?.annualSaving).toBe(Number((monthly ?? 0n) - (annual ?? 0n)) / 100);
  });

  it('first-month billing: twelve months are the first month plus 11 renewals', () => {
    const { c, o } = byLabel(workload([line('standard', 5, false, 10)], 'intro'));
    expect(c.savingBaseline).toBe('intro');
    expect(o.Standard).toMatchObject({ monthlyCost: 6.99, yearCost: 103.79, annualSaving: 24.59 });
  });

  it('mixes rows of both models and flags the figures that are not official (3.0 4K with audio, 2.6 from the guide)', () => {
    const c = compareWorkload(engine, workload([line('4k', 15, true, 2, 'Kling 3.0'), line('standard', 5, false, 4)]));
    expect(c.lines.map((f) => [f.creditsPerClip, f.credits, f.estimate, f.apiPerClip])).toEqual([
      [450, 900, true, 6.3],
      [10, 40, true, 0.21],
    ]);
    const official = compareWorkload(engine, workload([line('professional', 15, true, 2, 'Kling 3.0')]));
    expect(official.estimate).toBe(false);
    expect(c.budget.credits).toBe(940);
    expect(c.estimate).toBe(true);
    expect(optionsBlock(c).title).toContain('estimate');
    expect(workloadBlock(c).rows[0]).toEqual(['Kling 3.0', '4k', 15, 'yes', 2, 0, 0, 450, 900, 6.3, 'estimate']);
    expect(summaryLines(c).find((l) => l.label.startsWith('Credits with retakes'))?.label).toBe('Credits with retakes (estimate)');
  });

  it('standard test takes: drafts in standard mode of the same clip, counted in credits', () => {
    const c = compareWorkload(engine, workload([line('professional', 10, true, 3, 'Kling 2.6', 2)]));
    // Each final: 200 credits plus 2 standard drafts of 100: 400 x 3 = 1,200.
    expect(c.lines[0]).toMatchObject({ creditsPerClip: 200, creditsPerTestTake: 100, credits: 1200 });
    // The API has no 2.6 standard with audio: no API figure, the row and the reason named.
    const api = c.channels.channels.find((ch) => ch.kind === 'api');
    expect(api?.total).toBeNull();
    expect(api?.reason).toMatch(
      /^n\/a: row 1 \(Kling 2\.6 professional 10 s with audio\): audio TRUE: Kling's API for Kling 2\.6 offers no standard clip/,
    );
  });

  it('no videos: every plan alone, nothing to buy, no cost per video; no channel spends anything', () => {
    const c = compareWorkload(engine, workload([line('standard', 5, false, 0)], 'monthly', 0.2));
    expect(c.budget.creditsWithRetakes).toBe(0);
    expect(c.budget.best?.label).toBe('Free');
    expect(c.options).toHaveLength(4);
    expect(c.options.every((o) => o.costPerVideo === null && o.videosDelivered === 0 && o.yearCost === null)).toBe(true);
  });

  it('a clip no channel makes is named, never priced; workloads out of range are refused', () => {
    const none = compareWorkload(engine, workload([line('4k', 5, false, 1)]));
    expect(none.budget.credits).toBe('n/a: row 1 (Kling 2.6 4k 5 s): mode "4k" is not offered by Kling 2.6; use standard or professional');
    expect(none.lines[0]?.creditsPerClip).toBeNull();
    expect(none.channels.cheapest).toBeNull();
    expect(none.channels.none).toBe('no channel can make row 1');
    expect(() => compareWorkload(engine, workload([line('standard', 5, false, 1, 'Kling 2.6', 101)]))).toThrow(
      /test takes must be a whole number from 0 to 100/,
    );
    expect(() => compareWorkload(engine, workload(Array.from({ length: 51 }, () => line('standard', 5, false, 1))))).toThrow(
      /at most 50 rows/,
    );
    expect(() => compareWorkload(engine, workload([], 'monthly', 0, 1.5))).toThrow(/images per month must be a whole number/);
    expect(() => compareWorkload(engine, workload([line('standard', 5, false, 1)], 'monthly', 1))).toThrow(/retake rate/);
  });

  it('the options block has one row per option with the cheapest marked', () => {
    const c = compareWorkload(engine, workload([line('professional', 10, false, 10)]));
    const block = optionsBlock(c);
    expect(block.rows).toHaveLength(c.options.length);
    expect(block.rows.map((r) => r[9])).toEqual([
      'does not cover: packs for the rest included in its cost per video',
      'cheapest',
      '',
      '',
      '',
    ]);
    expect(block.rows.every((r) => r.length === block.columns.length)).toBe(true);
  });
});

describe('compareWorkload: every channel over 12 equal months, the app at its cheapest billing', () => {
  it("channels.md example 4: 3 professional 10 s Kling 3.0 clips with audio at 20 %: fal $75.60 beats the app's annual $79.20", () => {
    const c = compareWorkload(engine, workload([line('professional', 10, true, 3, 'Kling 3.0')], 'monthly', 0.2));
    expect(c.budget.creditsWithRetakes).toBe(450);
    expect(channelTotals(c)).toEqual({
      'Kling app (annual)': 79.2,
      'Kling API (prepaid packs) (estimate)': 1400,
      'fal (pay as you go) (estimate)': 75.6,
      'Replicate (pay as you go) (estimate)': 113.4,
      'PiAPI (pay as you go) (estimate)': 'n/a: row 1 (Kling 3.0 professional 10 s with audio) is not sold there',
    });
    expect(c.channels.cheapest?.label).toBe('fal (pay as you go) (estimate)');
    expect(notCompared(c.channels)).toBe(
      'PiAPI (pay as you go) (estimate) (row 1 (Kling 3.0 professional 10 s with audio) is not sold there)',
    );
    // The one-month figures stay under the chosen billing.
    expect(c.budget.monthBilling).toBe('monthly');
    expect(c.budget.best?.label).toBe('Standard');
    const summary = Object.fromEntries(summaryLines(c).map((l) => [l.label, l.value]));
    expect(summary['Cheapest channel over 12 months']).toBe('fal (pay as you go) (estimate)');
    expect(summary['Its 12-month cost (USD)']).toBe(75.6);
    expect(summary['Cheapest option, one month on its own (monthly renewal)']).toBe('Standard');
    // At no retakes fal costs 60.48.
    const none = compareWorkload(engine, workload([line('professional', 10, true, 3, 'Kling 3.0')]));
    expect(channelTotals(none)['fal (pay as you go) (estimate)']).toBe(60.48);
  });

  it('the app channel is the cheapest schedule of the three billings, as an independent reference computes it', () => {
    for (const [count, rate] of [
      [10, 0],
      [10, 0.2],
      [40, 0.25],
      [130, 0.1],
    ] as const) {
      const c = compareWorkload(engine, workload([line('professional', 10, false, count)], 'list', rate));
      const app = c.channels.channels.find((ch) => ch.kind === 'app');
      expect(channelFigures(c.channels, app as NonNullable<typeof app>)?.total).toBe(
        cheapestAppYear(c.budget.creditsWithRetakes as number),
      );
    }
  });

  it('channels.md example 3: a Kling 4.0 row has no app credits; the resellers still compare, fal cheapest', () => {
    const c = compareWorkload(engine, workload([line('professional', 10, true, 10, 'Kling 4.0')]));
    const noApp = 'n/a: row 1 (Kling 4.0 professional 10 s with audio) has no app credits in the price book';
    expect(channelTotals(c)).toEqual({
      'Kling app (monthly)': noApp,
      'Kling API (prepaid packs) (estimate)': 'n/a: row 1 (Kling 4.0 professional 10 s with audio) is not sold there',
      'fal (pay as you go) (estimate)': 282,
      'Replicate (pay as you go) (estimate)': 'n/a: row 1 (Kling 4.0 professional 10 s with audio) is not sold there',
      'PiAPI (pay as you go) (estimate)': 300,
    });
    expect(c.channels.cheapest?.label).toBe('fal (pay as you go) (estimate)');
    expect(channelFigures(c.channels, c.channels.cheapest as NonNullable<typeof c.channels.cheapest>)).toEqual({
      total: 282,
      average: 23.5,
      perVideo: 2.35,
    });
    // The one-month figures say why there are none.
    expect(c.budget).toMatchObject({ credits: noApp, creditsWithRetakes: noApp, best: null, monthlyCost: null });
    expect(c.options).toEqual([]);
    expect(c.lines[0]).toMatchObject({ creditsPerClip: null, credits: null });
    expect(workloadBlock(c).rows[0]?.slice(7, 9)).toEqual(['n/a: no app credits', 'n/a: no app credits']);
    const summary = Object.fromEntries(summaryLines(c).map((l) => [l.label, l.value]));
    expect(summary['Credits for the work (no retakes)']).toBe(noApp);
    expect(summary['Its monthly cost (USD)']).toBe(noApp);
  });

  it('the channels block has one row per channel, n/a and the reason for those without a figure', () => {
    const c = compareWorkload(engine, workload([line('professional', 10, true, 3, 'Kling 3.0')], 'monthly', 0.2));
    const block = channelsBlock(c);
    expect(block.columns.map((col) => col.title)).toEqual([
      'Channel',
      'Total (USD)',
      'Average month (USD)',
      'Cost per delivered video (USD)',
      'Bought as',
    ]);
    expect(block.rows.map((r) => r[0])).toEqual(c.channels.channels.map((ch) => ch.label));
    expect(block.rows[0]).toEqual(['Kling app (annual)', 79.2, 6.6, 79.2 / 36, '12 x Standard']);
    expect(block.rows[4]).toEqual([
      'PiAPI (pay as you go) (estimate)',
      'n/a',
      'n/a',
      'n/a',
      'n/a: row 1 (Kling 3.0 professional 10 s with audio) is not sold there',
    ]);
  });

  const clipArb = fc.oneof(
    fc.record({
      mode: fc.constantFrom<Mode>('standard', 'professional'),
      secs: fc.constantFrom(5, 10),
      audio: fc.constantFrom<AudioOption>('silent', 'audio'),
      model: fc.constant('Kling 2.6'),
    }),
    fc.record({
      mode: fc.constantFrom<Mode>('standard', 'professional'),
      secs: fc.integer({ min: 3, max: 15 }),
      audio: fc.constantFrom<AudioOption>('silent', 'audio', 'voice'),
      model: fc.constant('Kling 3.0'),
    }),
  );
  const workloadArb = fc.record({
    lines: fc.array(fc.record({ clip: clipArb, count: fc.integer({ min: 0, max: 300 }) }), { minLength: 1, maxLength: 4 }),
    billing: fc.constantFrom<Billing>('monthly', 'intro', 'annual', 'list'),
    retakeRate: fc.constantFrom(0, 0.1, 0.2, 0.35, 0.5),
  });

  it('the cheapest option is the engine best bundle and has the lowest cost per video; the cheapest channel has the lowest total', () => {
    fc.assert(
      fc.property(workloadArb, (w) => {
        const c = compareWorkload(engine, {
          lines: w.lines.map((l) => ({ ...l, testTakes: 0 })),
          billing: w.billing,
          retakeRate: w.retakeRate,
          images: 0,
        });
        const needed = c.budget.creditsWithRetakes as number;
        const cheapest = c.options.filter((o) => o.cheapest);
        if (needed > 0) {
          const best = engine.bestBundle(needed, w.billing, true);
          expect(cheapest.map((o) => o.label)).toEqual([best.label]);
          expect(cheapest[0]?.monthlyCost).toBe(engine.monthUsd(best, w.billing));
          if (c.budget.videos > 0) {
            const lowest = Math.min(...c.options.map((o) => o.costPerVideo as number));
            expect(cheapest[0]?.costPerVideo).toBe(lowest);
          }
        }
        for (const o of c.options) {
          expect(o.covers).toBe(o.creditsIncluded >= needed);
          if (o.covers && needed > 0) {
            expect(o.videosDelivered).toBeGreaterThanOrEqual(c.budget.videos);
            expect(o.monthlyCost).toBeGreaterThanOrEqual((cheapest[0] as OptionFigures).monthlyCost);
          }
          for (const n of [o.monthlyCost, o.yearCost ?? 0, o.annualSaving ?? 0, o.spare, o.videosDelivered])
            expect(Number.isFinite(n)).toBe(true);
        }
        const totals = c.channels.channels.flatMap((ch) => (ch.total ? [channelFigures(c.channels, ch)?.total as number] : []));
        if (c.channels.cheapest) expect(channelFigures(c.channels, c.channels.cheapest)?.total).toBe(Math.min(...totals));
        else expect(totals).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
