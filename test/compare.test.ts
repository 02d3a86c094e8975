import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Billing, Mode, Model, OptionFigures, ShotLine, Workload } from '../src/pricing';
import { compareWorkload, DEFAULT_PRICE_BOOK, InputError, optionsBlock, PricingEngine, summaryLines, workloadBlock } from '../src/pricing';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);

const line = (mode: Mode, secs: number, audio: boolean, count: number, model: Model = '2.6'): ShotLine => ({
  mode,
  secs,
  audio,
  count,
  model,
});

function byLabel(workload: Workload) {
  const c = compareWorkload(engine, workload);
  return { c, o: Object.fromEntries(c.options.map((o) => [o.label, o])) };
}

describe('compareWorkload', () => {
  it('700 credits a month, no retakes: Standard + 330-credit pack at $13.80 is the cheapest (spec example)', () => {
    const { c, o } = byLabel({ lines: [line('professional', 10, false, 10)], billing: 'monthly', retakeRate: 0 });
    expect(c.videos).toBe(10);
    expect(c.credits).toBe(700);
    expect(c.creditsNeeded).toBe(700);
    expect(c.options.map((x) => x.label)).toEqual(['Standard', 'Standard + 330-credit pack', 'Pro', 'Premier', 'Ultra']);
    expect(c.cheapest?.label).toBe('Standard + 330-credit pack');
    expect(c.options.filter((x) => x.cheapest).map((x) => x.label)).toEqual(['Standard + 330-credit pack']);

    const standard = o.Standard as OptionFigures;
    expect(standard).toMatchObject({
      creditsIncluded: 660,
      spare: -40,
      covers: false,
      monthlyCost: 8.8,
      videosDelivered: 9,
      yearCost: 105.6,
      annualYearCost: 79.2,
      annualSaving: 26.4,
    });
    expect(standard.costPerVideo).toBeCloseTo(8.8 / 9, 12);

    const topped = o['Standard + 330-credit pack'] as OptionFigures;
    expect(topped).toMatchObject({
      kind: 'plan+packs',
      creditsIncluded: 990,
      spare: 290,
      covers: true,
      monthlyCost: 13.8,
      videosDelivered: 14,
      yearCost: 165.6,
      annualYearCost: 139.2,
      annualSaving: 26.4,
    });
    expect(topped.costPerVideo).toBeCloseTo(1.38, 12);

    expect(o.Pro).toMatchObject({
      creditsIncluded: 3000,
      spare: 2300,
      monthlyCost: 32.56,
      videosDelivered: 42,
      yearCost: 390.72,
      annualYearCost: 293.04,
      annualSaving: 97.68,
    });
    expect(o.Ultra).toMatchObject({ creditsIncluded: 26000, monthlyCost: 159.99 });
    expect(c.api).toEqual({ monthlyCost: 7, costPerVideo: 0.7 });
    expect(c.estimate).toBe(false);
  });

  it('20 % retakes raise the credits needed and the API price by 1 / 0.8', () => {
    const { c, o } = byLabel({ lines: [line('professional', 10, true, 12)], billing: 'monthly', retakeRate: 0.2 });
    expect(c.credits).toBe(2400);
    expect(c.creditsNeeded).toBe(3000);
    expect(o.Pro).toMatchObject({ spare: 0, covers: true, videosDelivered: 12 });
    expect(c.cheapest?.label).toBe('Pro');
    expect(c.cheapest?.costPerVideo).toBeCloseTo(32.56 / 12, 12);
    // Standard + 2,340 credits: two 1,320 packs ($40) beat four smaller ones at the same price.
    expect(o['Standard + 2 x 1,320-credit pack']).toMatchObject({ monthlyCost: 48.8, creditsIncluded: 3300 });
    if ('problem' in c.api) throw new Error(c.api.problem);
    expect(c.api.monthlyCost).toBeCloseTo(21, 9);
    expect(c.api.costPerVideo).toBeCloseTo(1.75, 9);
  });

  it('annual billing: monthly cost is the yearly price / 12 and the saving is against monthly renewal', () => {
    const { c, o } = byLabel({ lines: [line('standard', 5, false, 100)], billing: 'annual', retakeRate: 0 });
    expect(c.savingBaseline).toBe('monthly');
    expect(o.Pro).toMatchObject({ yearCost: 293.04, annualSaving: 97.68 });
    expect(o.Pro?.monthlyCost).toBeCloseTo(24.42, 12);
    // 1,000 credits: Standard at $6.60 plus the $10 pack of 660 beats Pro at $24.42.
    expect(c.cheapest?.label).toBe('Standard + 660-credit pack');
    expect(c.cheapest?.monthlyCost).toBeCloseTo(16.6, 12);
    expect(c.cheapest).toMatchObject({ yearCost: 199.2, annualSaving: 26.4 });
  });

  it('first-month billing: yearly cost is the first month plus 11 renewals', () => {
    const { c, o } = byLabel({ lines: [line('standard', 5, false, 10)], billing: 'intro', retakeRate: 0 });
    expect(c.savingBaseline).toBe('intro');
    expect(o.Standard).toMatchObject({ monthlyCost: 6.99, yearCost: 103.79, annualSaving: 24.59 });
  });

  it('mixes rows of both models and flags the Kling 3.0 figures as an estimate', () => {
    const c = compareWorkload(engine, {
      lines: [line('4k', 15, true, 2, '3.0'), line('standard', 5, false, 4)],
      billing: 'monthly',
      retakeRate: 0,
    });
    expect(c.lines.map((f) => [f.creditsPerClip, f.credits, f.estimate])).toEqual([
      [450, 900, true],
      [10, 40, false],
    ]);
    expect(c.credits).toBe(940);
    expect(c.estimate).toBe(true);
    if ('problem' in c.api) throw new Error(c.api.problem);
    expect(c.api.monthlyCost).toBeCloseTo(2 * 6.3 + 4 * 0.21, 9);
    expect(optionsBlock(c).title).toContain('estimate');
    expect(workloadBlock(c).rows[0]).toContain('estimate (Kling 3.0 credits are not published)');
  });

  it('names the clip the API does not offer instead of pricing it', () => {
    const c = compareWorkload(engine, { lines: [line('standard', 10, true, 3)], billing: 'monthly', retakeRate: 0.2 });
    expect(c.api).toEqual({ problem: "Kling's API offers no Kling 2.6 standard 10 s clip with audio" });
    expect(summaryLines(c).find((l) => l.label.startsWith('Kling API'))?.value).toContain('offers no');
  });

  it('no videos: every plan alone, Standard cheapest, no cost per video', () => {
    const c = compareWorkload(engine, { lines: [line('standard', 5, false, 0)], billing: 'monthly', retakeRate: 0.2 });
    expect(c.creditsNeeded).toBe(0);
    expect(c.options).toHaveLength(4);
    expect(c.cheapest?.label).toBe('Standard');
    expect(c.options.every((o) => o.costPerVideo === null && o.videosDelivered === 0)).toBe(true);
  });

  it('refuses work beyond what the add-on plans for, and bad retake rates', () => {
    expect(() => compareWorkload(engine, { lines: [line('4k', 15, true, 1_000_000, '3.0')], billing: 'monthly', retakeRate: 0.2 })).toThrow(
      InputError,
    );
    expect(() => compareWorkload(engine, { lines: [line('4k', 15, true, 1_000_000, '3.0')], billing: 'monthly', retakeRate: 0.2 })).toThrow(
      /credits a month with retakes/,
    );
    expect(() => compareWorkload(engine, { lines: [line('standard', 5, false, 1)], billing: 'monthly', retakeRate: 1 })).toThrow(
      /retake rate/,
    );
    expect(() => compareWorkload(engine, { lines: [line('4k', 5, false, 1)], billing: 'monthly', retakeRate: 0 })).toThrow(
      /only offered by Kling 3.0/,
    );
  });

  it('the options block has one row per option with the cheapest marked', () => {
    const c = compareWorkload(engine, { lines: [line('professional', 10, false, 10)], billing: 'monthly', retakeRate: 0 });
    const block = optionsBlock(c);
    expect(block.rows).toHaveLength(c.options.length);
    expect(block.rows.map((r) => r[9])).toEqual(['does not cover', 'cheapest', '', '', '']);
    expect(block.rows.every((r) => r.length === block.columns.length)).toBe(true);
  });

  const clipArb = fc.oneof(
    fc.record({
      mode: fc.constantFrom<Mode>('standard', 'professional'),
      secs: fc.constantFrom(5, 10),
      audio: fc.boolean(),
      model: fc.constant<Model>('2.6'),
    }),
    fc.record({
      mode: fc.constantFrom<Mode>('standard', 'professional', '4k'),
      secs: fc.integer({ min: 3, max: 15 }),
      audio: fc.boolean(),
      model: fc.constant<Model>('3.0'),
    }),
  );
  const workloadArb = fc.record({
    lines: fc.array(fc.record({ clip: clipArb, count: fc.integer({ min: 0, max: 400 }) }), { minLength: 1, maxLength: 5 }),
    billing: fc.constantFrom<Billing>('monthly', 'intro', 'annual', 'list'),
    retakeRate: fc.constantFrom(0, 0.1, 0.2, 1 / 6, 0.35, 0.5),
  });

  it('the cheapest option is the engine best option, and every covering option delivers the videos', () => {
    fc.assert(
      fc.property(workloadArb, (w) => {
        const workload: Workload = {
          lines: w.lines.map(({ clip, count }) => ({ ...clip, count })),
          billing: w.billing,
          retakeRate: w.retakeRate,
        };
        const c = compareWorkload(engine, workload);
        if (c.creditsNeeded > 0) {
          const best = engine.bestOption(c.creditsNeeded, w.billing, true);
          expect(c.cheapest?.label).toBe(best.label);
          expect(c.cheapest?.monthlyCost).toBe(best.monthlyCost);
        }
        for (const o of c.options) {
          expect(o.covers).toBe(o.creditsIncluded >= c.creditsNeeded);
          if (o.covers) {
            expect(o.videosDelivered).toBeGreaterThanOrEqual(c.videos);
            expect(o.monthlyCost).toBeGreaterThanOrEqual((c.cheapest as { monthlyCost: number }).monthlyCost - 1e-9);
          }
          for (const n of [o.monthlyCost, o.yearCost, o.annualSaving, o.spare, o.videosDelivered]) expect(Number.isFinite(n)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
