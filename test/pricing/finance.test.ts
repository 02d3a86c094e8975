/**
 * finance.ts (shared/spec/finance.md): the low / typical / high cases and their order, the contingency
 * line (exact), the range line, and budgetRange on the example of channels.md example 4, by hand and
 * against the plain channel reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetInput, CaseInputs, ShotLine } from '../../src/pricing';
import {
  budgetRange,
  CASE_INPUT_NAMES,
  casesOutOfOrder,
  cheapestAfterContingency,
  compareChannels,
  DEFAULT_PRICE_BOOK,
  formatUsd,
  HIGH_CASE,
  LOW_CASE,
  PricingEngine,
  rangeLine,
  TICKS_PER_USD,
  withContingency,
} from '../../src/pricing';
import { Exact } from '../../src/pricing/exact';
import { Q, refCompare } from '../support/channelsReference';
import { channelWork, type Shot } from '../support/channelWork';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const EXAMPLE_CLIP = { model: 'Kling 3.0', mode: 'professional', secs: 10, audio: 'audio' } as const;

describe('the cases and their order', () => {
  it('low 10 % / 0.2 credits an image, high 35 % / 1 credit', () => {
    expect(LOW_CASE).toEqual({ retakeRate: 0.1, creditsPerImage: 0.2 });
    expect(HIGH_CASE).toEqual({ retakeRate: 0.35, creditsPerImage: 1 });
    expect(CASE_INPUT_NAMES).toEqual({ retakeRate: 'the retake rate', creditsPerImage: 'credits per image' });
  });

  it('low <= typical <= high is required for each input, equal values allowed', () => {
    const typical: CaseInputs = { retakeRate: 0.2, creditsPerImage: 0.2 };
    expect(casesOutOfOrder(LOW_CASE, typical, HIGH_CASE)).toBeNull();
    // Equal values: all three the same, or typical equal to one end.
    expect(casesOutOfOrder(typical, typical, typical)).toBeNull();
    expect(casesOutOfOrder(LOW_CASE, { retakeRate: 0.35, creditsPerImage: 1 }, HIGH_CASE)).toBeNull();
    expect(casesOutOfOrder(LOW_CASE, { retakeRate: 0.1, creditsPerImage: 0.2 }, HIGH_CASE)).toBeNull();
    expect(casesOutOfOrder(LOW_CASE, { retakeRate: 0.36, creditsPerImage: 0.2 }, HIGH_CASE)).toBe(
      'Cases out of order: low <= typical <= high is required for the retake rate',
    );
    expect(casesOutOfOrder({ retakeRate: 0.25, creditsPerImage: 0.2 }, typical, HIGH_CASE)).toBe(
      'Cases out of order: low <= typical <= high is required for the retake rate',
    );
    expect(casesOutOfOrder(LOW_CASE, { retakeRate: 0.2, creditsPerImage: 1.5 }, HIGH_CASE)).toBe(
      'Cases out of order: low <= typical <= high is required for credits per image',
    );
    expect(casesOutOfOrder({ retakeRate: 0.1, creditsPerImage: 0.3 }, typical, HIGH_CASE)).toBe(
      'Cases out of order: low <= typical <= high is required for credits per image',
    );
  });

  it('order, as a property: the message is null exactly when both inputs are in order', () => {
    const v = fc.constantFrom(0, 0.1, 0.2, 0.2, 0.35, 0.5, 1);
    const inputs = fc.record({ retakeRate: v, creditsPerImage: v });
    fc.assert(
      fc.property(inputs, inputs, inputs, (low, typical, high) => {
        const ok = (k: keyof CaseInputs) => low[k] <= typical[k] && typical[k] <= high[k];
        const message = casesOutOfOrder(low, typical, high);
        if (ok('retakeRate') && ok('creditsPerImage')) expect(message).toBeNull();
        else
          expect(message).toBe(
            `Cases out of order: low <= typical <= high is required for ${CASE_INPUT_NAMES[ok('retakeRate') ? 'creditsPerImage' : 'retakeRate']}`,
          );
      }),
      { numRuns: 500, seed: 20_261_210 },
    );
  });
});

describe('contingency: added to the money as its own line, exactly', () => {
  it('"Contingency 10 %: $29.30 on a $293.04 total" (finance.md), to the cent', () => {
    const total = Exact.of(2_930_400); // $293.04 in ticks
    const after = withContingency(total, 0.1);
    expect(after.compare(Exact.of(3_223_440))).toBe(0);
    const line = after.minus(total);
    expect(line.toNumber(TICKS_PER_USD)).toBe(29.304);
    expect(formatUsd(line.toNumber(TICKS_PER_USD))).toBe('$29.30');
    expect(formatUsd(after.toNumber(TICKS_PER_USD))).toBe('$322.34');
    // 0 % adds nothing; 100 % doubles.
    expect(withContingency(total, 0).compare(total)).toBe(0);
    expect(withContingency(total, 1).compare(total.times(2))).toBe(0);
  });

  it('any total (thirds of a tick included) times 1 + c, c read to 6 decimals, against BigInt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000_000 }),
        fc.constantFrom(1, 3, 4, 7),
        fc.integer({ min: 0, max: 1_000_000 }),
        (ticks, q, millionths) => {
          // A total of ticks x (q + 1) / q (ticks x 4 / 3, 5 / 4, 8 / 7; or whole ticks).
          const p = q === 1 ? 1 : q + 1;
          const got = withContingency(Exact.scaled(ticks, p, q), millionths / 1_000_000);
          // The same amount as one fraction: ticks x p x (10^6 + m) / (q x 10^6).
          expect(got.compare(Exact.scaled(ticks * p * (1_000_000 + millionths), 1, q * 1_000_000))).toBe(0);
          const exact = new Q(BigInt(ticks) * BigInt(p) * BigInt(1_000_000 + millionths), BigInt(q) * 1_000_000n);
          expect(Math.abs(got.toNumber() - exact.toNumber())).toBeLessThanOrEqual(1e-6 * Math.max(1, exact.toNumber()));
        },
      ),
      { numRuns: 1_000, seed: 20_261_211 },
    );
  });

  it('the range line: "Between $X and $Y, most likely $Z", $#,##0.00', () => {
    expect(rangeLine(67.2, 79.2, 75.6)).toBe('Between $67.20 and $79.20, most likely $75.60');
    expect(rangeLine(1_234.5, 12_345.678, 2_000)).toBe('Between $1,234.50 and $12,345.68, most likely $2,000.00');
  });
});

describe('budgetRange on channels.md example 4: 3 professional 10 s Kling 3.0 clips with audio a month, 12 months, billing cheapest', () => {
  const lines: ShotLine[] = [{ clip: EXAMPLE_CLIP, count: 3, testTakes: 0 }];
  const input: BudgetInput = { lines, images: 0, billing: 'cheapest', retakeRate: 0.2 };

  it('low (10 %): fal $67.20; typical (20 %): fal $75.60; high (35 %): the app, Standard on annual billing, $79.20', () => {
    // Low: fal $5.04 / 0.9 = $5.60 a month; the app 400 credits a month, Standard annual $79.20.
    // Typical: fal $5.04 / 0.8 = $6.30 a month ($75.60); the app 450 credits, $79.20.
    // High: fal $5.04 / 0.65 = $7.7538... a month ($93.05); the app 554 credits, still Standard annual, $79.20.
    const range = budgetRange(engine, input);
    expect(range).toEqual({ line: 'Between $67.20 and $79.20, most likely $75.60', low: 67.2, typical: 75.6, high: 79.2 });
  });

  it('each case is the cheapest channel of the plain reference, with its rates', () => {
    const cases: [number, number][] = [
      [0.1, 67.2],
      [0.2, 75.6],
      [0.35, 79.2],
    ];
    for (const [rate, usd] of cases) {
      const shots: Shot[] = [{ ...EXAMPLE_CLIP, videos: 3 }];
      const ref = refCompare(DEFAULT_PRICE_BOOK, { ...refOf(shots, rate), billing: 'cheapest' });
      expect(ref.cheapest?.total?.toNumber(), `${rate}`).toBeCloseTo(usd * 10_000, 6);
    }
    // High: fal $93.05 (not cheapest), the app on annual billing.
    const high = refCompare(DEFAULT_PRICE_BOOK, { ...refOf([{ ...EXAMPLE_CLIP, videos: 3 }], 0.35), billing: 'cheapest' });
    expect(high.cheapest?.label).toBe('Kling app (annual)');
    expect(high.channels[2]?.total?.toNumber()).toBeCloseTo((5.04 / 0.65) * 12 * 10_000, 4);
  });

  it('with a contingency of 10 %: $73.92, $83.16, $87.12', () => {
    const range = budgetRange(engine, input, { contingency: 0.1 });
    expect(range).toEqual({ line: 'Between $73.92 and $87.12, most likely $83.16', low: 73.92, typical: 83.16, high: 87.12 });
    const typical = compareChannels(
      engine,
      channelWork({ shots: [{ ...EXAMPLE_CLIP, videos: 3 }], months: 12, rate: 0.2, billing: 'cheapest' }),
    );
    expect(cheapestAfterContingency(typical, 0.1)).toBe(83.16);
    expect(cheapestAfterContingency(typical, 0)).toBe(75.6);
  });

  it("a row's own retake rate applies in the typical case only; low and high use theirs for every row", () => {
    const own = budgetRange(engine, { ...input, lines: [{ ...(lines[0] as ShotLine), retakeRate: 0.3 }] });
    // Typical: fal $5.04 / 0.7 = $7.20 a month ($86.40) against the app's $79.20: the app. Low and high as before.
    expect(own).toEqual({ line: 'Between $67.20 and $79.20, most likely $79.20', low: 67.2, typical: 79.2, high: 79.2 });
  });

  it('cases out of order: the line says so and there is no range; equal values are allowed', () => {
    expect(budgetRange(engine, { ...input, retakeRate: 0.4 })).toEqual({
      line: 'Cases out of order: low <= typical <= high is required for the retake rate',
      low: null,
      typical: null,
      high: null,
    });
    expect(budgetRange(engine, { ...input, creditsPerImage: 1.2 }).line).toBe(
      'Cases out of order: low <= typical <= high is required for credits per image',
    );
    expect(budgetRange(engine, { ...input, retakeRate: 0.35 }).line).toBe('Between $67.20 and $79.20, most likely $79.20');
    expect(budgetRange(engine, input, { low: { retakeRate: 0.2, creditsPerImage: 0.2 } }).line).toBe(
      'Between $75.60 and $79.20, most likely $75.60',
    );
  });

  it('a case without a channel: "No range: <its reason>"', () => {
    const flash: ShotLine[] = [
      { clip: { model: 'Kling 4.0 Flash', mode: 'professional', secs: 10, audio: 'audio' }, count: 1, testTakes: 0 },
    ];
    expect(budgetRange(engine, { ...input, lines: flash })).toEqual({
      line: 'No range: no channel can make row 1',
      low: null,
      typical: null,
      high: null,
    });
  });

  it('images: the cases change the credits an image costs (0.2 low and typical, 1 high), against the reference', () => {
    const withImages: BudgetInput = { lines, images: 300, billing: 'cheapest', retakeRate: 0.2 };
    const range = budgetRange(engine, withImages);
    const caseOf = (rate: number, cpi: number) => {
      const ref = refCompare(DEFAULT_PRICE_BOOK, { ...refOf([{ ...EXAMPLE_CLIP, videos: 3 }], rate, 300, cpi), billing: 'cheapest' });
      const total = ref.cheapest?.total;
      if (!total) throw new Error(`no channel: ${ref.none}`);
      return total.toNumber() / 10_000;
    };
    expect(range.low).toBeCloseTo(caseOf(0.1, 0.2), 9);
    expect(range.typical).toBeCloseTo(caseOf(0.2, 0.2), 9);
    expect(range.high).toBeCloseTo(caseOf(0.35, 1), 9);
    // High: 360 + 300 credits / 0.65 = 1,015.4 -> 1,016 a month: Standard annual + packs; the resellers sell no images.
    expect(range.high).toBeGreaterThan(range.typical as number);
  });
});

/** The reference's work for 12 equal months of these rows at one retake rate (images at the same rate). */
function refOf(shots: readonly Shot[], rate: number, images = 0, creditsPerImage = 0.2) {
  const work = channelWork({ shots, months: 12, rate, images, creditsPerImage });
  return {
    shots: work.shots.map((s) => ({ row: s.row, ...s.clip, testTakes: s.testTakes, retakeRate: s.retakeRate, videos: s.videos })),
    months: 12,
    images: work.images,
    creditsPerImage,
    imageRetakeRate: rate,
    billing: 'cheapest' as const,
    topupBalance: 0,
  };
}
