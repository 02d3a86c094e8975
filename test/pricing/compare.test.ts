/**
 * The plan comparison (sidebar and its inserted sheet): a month of work priced against every paid
 * plan alone and with top-up packs, 12 months from the schedule, the API from its prepaid packs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AudioOption, Billing, Mode, OptionFigures, ShotLine, Workload } from '../../src/pricing';
import {
  compareWorkload,
  DEFAULT_PRICE_BOOK,
  InputError,
  optionsBlock,
  PricingEngine,
  summaryLines,
  workloadBlock,
} from '../../src/pricing';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../support/scheduleBook';
import { YearReference } from '../support/yearReference';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const years = new YearReference(DEFAULT_PLANS, DEFAULT_PACKS, 20_000);

const line = (mode: Mode, secs: number, audio: AudioOption | boolean, count: number, model = '2.6', testTakes = 0): ShotLine => ({
  clip: { model, mode, secs, audio: audio === true ? 'audio' : audio === false ? 'silent' : audio },
  count,
  testTakes,
});

const workload = (lines: ShotLine[], billing: Billing = 'monthly', buffer = 0, images = 0): Workload => ({
  lines,
  billing,
  buffer,
  images,
});

function byLabel(w: Workload) {
  const c = compareWorkload(engine, w);
  return { c, o: Object.fromEntries(c.options.map((o) => [o.label, o])) };
}

describe('compareWorkload', () => {
  it('700 credits a month, no buffer: Standard + 330-credit pack for the month, Standard + 660 over the year', () => {
    const { c, o } = byLabel(workload([line('professional', 10, false, 10)]));
    expect(c.budget.videos).toBe(10);
    expect(c.budget.credits).toBe(700);
    expect(c.budget.creditsWithBuffer).toBe(700);
    expect(c.options.map((x) => x.label)).toEqual(['Standard', 'Standard + 330-credit pack', 'Pro', 'Premier', 'Ultra']);
    expect(c.options.filter((x) => x.cheapest).map((x) => x.label)).toEqual(['Standard + 330-credit pack']);
    expect(c.budget.best.label).toBe('Standard + 330-credit pack');
    expect(c.year).toEqual({ cost: 115.6, label: 'Standard + 660-credit pack' });

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
    expect(standard.costPerVideo).toBe(10_560 / (1200 * 9));

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
    // $7 a month at list prices, 50 units: one 5,000-unit pack in each 6-month window.
    expect(c.api).toEqual({ yearCost: 1400, packs: '2 x 5,000-unit pack' });
    expect(c.estimate).toBe(false);
    expect(c.asOf).toBe(DEFAULT_PRICE_BOOK.asOf);
  });

  it('a 25 % buffer raises the credits needed; the options are chosen for that figure', () => {
    const { c, o } = byLabel(workload([line('professional', 10, true, 12)], 'monthly', 0.25));
    expect(c.budget.credits).toBe(2400);
    expect(c.budget.creditsWithBuffer).toBe(3000);
    expect(o.Pro).toMatchObject({ spare: 0, covers: true, videosDelivered: 12, cheapest: true });
    expect(o.Pro?.costPerVideo).toBe(39_072 / (1200 * 12));
    // Standard + 2,340 credits: two 1,320 packs ($40) beat four smaller ones at the same price.
    expect(o['Standard + 2 x 1,320-credit pack']).toMatchObject({ monthlyCost: 48.8, creditsIncluded: 3300 });
    expect(c.year?.cost).toBe(Number(years.cents(3000, 'monthly')) / 100);
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
    // Twelve months of Standard: 79.20 + 12 x 340 = 4,080 credits of packs carried over.
    expect(cheapest?.yearCost).toBe(Number(years.cents(1000, 'annual', [0])) / 100);
    const [monthly, annual] = [years.cents(1000, 'monthly', [0]), years.cents(1000, 'annual', [0])];
    expect(cheapest?.annualSaving).toBe(Number((monthly ?? 0n) - (annual ?? 0n)) / 100);
  });

  it('first-month billing: twelve months are the first month plus 11 renewals', () => {
    const { c, o } = byLabel(workload([line('standard', 5, false, 10)], 'intro'));
    expect(c.savingBaseline).toBe('intro');
    expect(o.Standard).toMatchObject({ monthlyCost: 6.99, yearCost: 103.79, annualSaving: 24.59 });
  });

  it('mixes rows of both models and flags the estimated 3.0 4K-with-audio figures', () => {
    const c = compareWorkload(engine, workload([line('4k', 15, true, 2, '3.0'), line('standard', 5, false, 4)]));
    expect(c.lines.map((f) => [f.creditsPerClip, f.credits, f.estimate, f.apiPerClip])).toEqual([
      [450, 900, true, 6.3],
      [10, 40, false, 0.21],
    ]);
    expect(c.budget.credits).toBe(940);
    expect(c.estimate).toBe(true);
    expect(optionsBlock(c).title).toContain('estimate');
    expect(workloadBlock(c).rows[0]).toEqual(['3.0', '4k', 15, 'yes', 2, 0, 450, 900, 6.3, 'estimate']);
    expect(summaryLines(c).find((l) => l.label.startsWith('Credits with buffer'))?.label).toBe('Credits with buffer (estimate)');
    // 3.0 professional with audio is official: no estimate.
    expect(compareWorkload(engine, workload([line('professional', 15, true, 2, '3.0')])).estimate).toBe(false);
  });

  it('standard test takes: drafts in standard mode of the same clip, counted in credits and on the API', () => {
    const c = compareWorkload(engine, workload([line('professional', 10, true, 3, '2.6', 2)]));
    // Each final: 200 credits plus 2 standard drafts of 100: 400 x 3 = 1,200.
    expect(c.lines[0]).toMatchObject({ creditsPerClip: 200, creditsPerTestTake: 100, credits: 1200 });
    // The API has no 2.6 standard with audio: no API figure.
    expect('problem' in c.api).toBe(true);
  });

  it('names the clip the API does not offer instead of pricing it', () => {
    const c = compareWorkload(engine, workload([line('standard', 10, true, 3)], 'monthly', 0.2));
    expect(c.api).toEqual({
      problem:
        "audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio",
    });
    expect(c.lines[0]?.apiPerClip).toBe(
      "audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio",
    );
    expect(summaryLines(c).find((l) => l.label.startsWith('Kling API'))?.value).toMatch(
      /^n\/a: audio TRUE: Kling's API for Kling 2\.6 offers no/,
    );
    expect(workloadBlock(c).rows[0]?.[8]).toMatch(/^n\/a: /);
  });

  it('no videos: every plan alone, nothing to buy over the year, no cost per video', () => {
    const c = compareWorkload(engine, workload([line('standard', 5, false, 0)], 'monthly', 0.2));
    expect(c.budget.creditsWithBuffer).toBe(0);
    expect(c.options).toHaveLength(4);
    expect(c.year).toBeNull();
    expect(c.options.every((o) => o.costPerVideo === null && o.videosDelivered === 0 && o.yearCost === null)).toBe(true);
  });

  it('refuses work beyond what the add-on plans for, and lines it cannot price', () => {
    expect(() => compareWorkload(engine, workload([line('4k', 15, true, 1_000_000, '3.0')]))).toThrow(InputError);
    expect(() => compareWorkload(engine, workload([line('4k', 15, true, 1_000_000, '3.0')]))).toThrow(
      /credits a month with the buffer.*26,000,000/,
    );
    expect(() => compareWorkload(engine, workload([line('4k', 5, false, 1)]))).toThrow(
      'mode "4k" is not offered by Kling 2.6; use standard or professional',
    );
    expect(() => compareWorkload(engine, workload([line('standard', 5, false, 1, '2.6', 101)]))).toThrow(
      /test takes must be a whole number from 0 to 100/,
    );
    expect(() => compareWorkload(engine, workload(Array.from({ length: 51 }, () => line('standard', 5, false, 1))))).toThrow(
      /at most 50 rows/,
    );
    expect(() => compareWorkload(engine, workload([], 'monthly', 0, 1.5))).toThrow(/images per month must be a whole number/);
  });

  it('the options block has one row per option with the cheapest marked', () => {
    const c = compareWorkload(engine, workload([line('professional', 10, false, 10)]));
    const block = optionsBlock(c);
    expect(block.rows).toHaveLength(c.options.length);
    expect(block.rows.map((r) => r[9])).toEqual(['does not cover', 'cheapest', '', '', '']);
    expect(block.rows.every((r) => r.length === block.columns.length)).toBe(true);
  });

  const clipArb = fc.oneof(
    fc.record({
      mode: fc.constantFrom<Mode>('standard', 'professional'),
      secs: fc.constantFrom(5, 10),
      audio: fc.constantFrom<AudioOption>('silent', 'audio'),
      model: fc.constant('2.6'),
    }),
    fc.record({
      mode: fc.constantFrom<Mode>('standard', 'professional'),
      secs: fc.integer({ min: 3, max: 15 }),
      audio: fc.constantFrom<AudioOption>('silent', 'audio', 'voice'),
      model: fc.constant('3.0'),
    }),
  );
  const workloadArb = fc.record({
    lines: fc.array(fc.record({ clip: clipArb, count: fc.integer({ min: 0, max: 300 }) }), { minLength: 1, maxLength: 4 }),
    billing: fc.constantFrom<Billing>('monthly', 'intro', 'annual', 'list'),
    buffer: fc.constantFrom(0, 0.1, 0.2, 0.35, 0.5),
  });

  it('the cheapest option is the engine best bundle, covering options deliver the videos, 12 months never cost more than 12 of the month', () => {
    fc.assert(
      fc.property(workloadArb, (w) => {
        const c = compareWorkload(engine, {
          lines: w.lines.map((l) => ({ ...l, testTakes: 0 })),
          billing: w.billing,
          buffer: w.buffer,
          images: 0,
        });
        const needed = c.budget.creditsWithBuffer;
        const cheapest = c.options.filter((o) => o.cheapest);
        if (needed > 0) {
          const best = engine.bestBundle(needed, w.billing, true);
          expect(cheapest.map((o) => o.label)).toEqual([best.label]);
          expect(cheapest[0]?.monthlyCost).toBe(engine.monthUsd(best, w.billing));
        }
        for (const o of c.options) {
          expect(o.covers).toBe(o.creditsIncluded >= needed);
          if (o.covers && needed > 0) {
            expect(o.videosDelivered).toBeGreaterThanOrEqual(c.budget.videos);
            expect(o.monthlyCost).toBeGreaterThanOrEqual((cheapest[0] as OptionFigures).monthlyCost);
            expect(o.yearCost as number).toBeLessThanOrEqual(
              12 * o.monthlyCost + 1e-9 + (w.billing === 'intro' ? 12 : 0) * o.bundle.plan.renewalCents,
            );
          }
          for (const n of [o.monthlyCost, o.yearCost ?? 0, o.annualSaving ?? 0, o.spare, o.videosDelivered])
            expect(Number.isFinite(n)).toBe(true);
        }
        if (c.year)
          expect(c.year.cost).toBeLessThanOrEqual(Math.min(...c.options.flatMap((o) => (o.yearCost === null ? [] : [o.yearCost]))));
      }),
      { numRuns: 150 },
    );
  });
});
