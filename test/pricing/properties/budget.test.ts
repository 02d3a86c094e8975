import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetSummary, ChannelBilling, Clip, ShotLine } from '../../../src/pricing';
import {
  budgetSummary,
  creditsWithRetakes,
  DEFAULT_PRICE_BOOK,
  MAX_CREDITS_PER_MONTH,
  PricingEngine,
  TICKS_PER_USD,
} from '../../../src/pricing';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../../support/scheduleBook';
import { YearReference } from '../../support/yearReference';
import { billingArb, clip26Arb, clip30Arb, RUNS } from './arbitraries';
import { cheapestCents12, planCents12, planYearCents, ratio, sameToTheCent } from './reference';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const book = DEFAULT_PRICE_BOOK;
/** 12-month costs checked against the reference up to this many credits a month. */
const YEAR_CHECKED = 12_000;
const years = new YearReference(DEFAULT_PLANS, DEFAULT_PACKS, YEAR_CHECKED);
const MILLION = 1_000_000n;

/** Credits of a clip read straight from the book's rows, as a BigInt. */
function bookCredits(clip: Clip): bigint {
  const model = book.models.find((m) => m.name === `Kling ${clip.model.replace(/^Kling /, '').replace(/^3$/, '3.0')}`);
  const row = model?.app?.rates.find((r) => r.mode === clip.mode && r.audio === clip.audio && (r.secs === null || r.secs === clip.secs));
  if (!row || !Number.isInteger(row.value)) throw new Error(`no whole rate for ${JSON.stringify(clip)}`);
  return row.secs === null ? BigInt(row.value) * BigInt(clip.secs) : BigInt(row.value);
}

function budget(lines: readonly { clip: Clip; count: number }[], billing: ChannelBilling, retakeRate: number): BudgetSummary {
  return budgetSummary(engine, { lines: lines.map((l) => ({ ...l, testTakes: 0 })), images: 0, billing, retakeRate });
}

/** Videos per row: mostly a few, sometimes thousands; `large` lets a short list reach millions of credits. */
function countArb(large: number): fc.Arbitrary<number> {
  return fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: large }) });
}

/** A shot list of one model or of both (the model may be a range): short ones with big counts, long ones of 400 to 500 rows. */
const linesArb: fc.Arbitrary<{ clip: Clip; count: number }[]> = fc
  .constantFrom(clip26Arb, clip30Arb, fc.oneof(clip26Arb, clip30Arb))
  .chain((clip) => {
    const line = (large: number) => fc.tuple(clip, countArb(large)).map(([c, count]) => ({ clip: c, count }));
    return fc.oneof(fc.array(line(200_000), { maxLength: 60 }), fc.array(line(2_000), { minLength: 400, maxLength: 500 }));
  });

/** A retake rate as the core receives it (read to 6 decimals): 20 %, whole percents, or any millionths up to 95 %. */
const rateArb = fc
  .oneof(
    fc.constant(200_000),
    fc.integer({ min: 0, max: 95 }).map((p) => p * 10_000),
    fc.integer({ min: 0, max: 950_000 }),
  )
  .map((millionths) => ({ millionths: BigInt(millionths), rate: millionths / 1_000_000 }));

/**
 * The counts rule in exact arithmetic: credits / (1 - r) = credits x 10^6 / (10^6 - m), a whole number
 * when within 10^-6 of one, else rounded up. Null exactly on the edge (a double decides it either way).
 */
function exactWithRetakes(credits: bigint, millionths: bigint): bigint | null {
  const n = credits * MILLION;
  const d = MILLION - millionths;
  const q = n / d;
  const rem = n % d;
  if (rem === 0n) return q;
  // rem / d <= 1e-6, i.e. rem x 10^6 <= d: snapped down; d - rem small: the next whole number anyway.
  if (rem * MILLION === d) return null;
  return rem * MILLION < d ? q : q + 1n;
}

describe('budgets of random shot lists, against exact arithmetic in BigInt', () => {
  it('credits, credits with retakes and every money total match to the cent (0 to 500 rows)', () => {
    fc.assert(
      fc.property(linesArb, billingArb, rateArb, (lines, billing, { millionths, rate }) => {
        const credits = lines.reduce((sum, l) => sum + bookCredits(l.clip) * BigInt(l.count), 0n);
        const videos = lines.reduce((sum, l) => sum + BigInt(l.count), 0n);
        const withRetakes = exactWithRetakes(credits, millionths);
        if (withRetakes === null) return;
        const summary = budget(lines, billing, rate);
        expect(BigInt(summary.videos)).toBe(videos);
        if (withRetakes > BigInt(MAX_CREDITS_PER_MONTH)) {
          expect(summary.creditsWithRetakes).toBe('n/a: month 1 needs more than 26,000,000 credits');
          expect(summary.app.total).toBeNull();
          return;
        }
        expect(BigInt(summary.credits as number)).toBe(credits);
        expect(BigInt(summary.creditsWithRetakes as number)).toBe(withRetakes);
        expect(BigInt(creditsWithRetakes(Number(credits), rate))).toBe(withRetakes);

        const best = summary.best;
        if (!best) throw new Error('no best option');
        expect(best.credits).toBeGreaterThanOrEqual(summary.creditsWithRetakes as number);
        const packCents = book.packs.reduce((sum, p, i) => sum + BigInt(p.priceCents) * BigInt(best.packCounts[i] ?? 0), 0n);
        const cents12 = planCents12(best.plan, billing) + 12n * packCents;
        if (withRetakes > 0n && withRetakes <= 40_000n) {
          expect(cents12).toBe(cheapestCents12(book, Number(withRetakes), billing, true));
        }
        expect(sameToTheCent(summary.monthlyCost as number, ratio(cents12, 1200n))).toBe(true);
        // Twelve months: the schedule of 12 equal months, exact in cents.
        const total = summary.app.total;
        if (!total) throw new Error(`no app figure: ${summary.app.reason}`);
        const yearUsd = total.toNumber(TICKS_PER_USD);
        const yearCents = BigInt(Math.round(yearUsd * 100));
        expect(yearUsd).toBe(Number(yearCents) / 100);
        if (withRetakes <= BigInt(YEAR_CHECKED)) expect(yearCents).toBe(years.cents(Number(withRetakes), billing));
        // Never more than the best month bought 12 times (packs carried over can only save).
        expect(yearCents <= planYearCents(best.plan, billing) + 12n * packCents).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a retake rate rounds the credits up to the next whole credit, exactly, even for millions of credits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12_000_000 }), fc.integer({ min: 0, max: 500_000 }), (credits, millionths) => {
        // At most 12,000,000 credits / (1 - 0.5) stays within the 26,000,000 the add-on plans for.
        // A list of 20-credit clips (10 s standard) and one 10-credit clip (5 s) for the rest.
        const lines: ShotLine[] = [];
        const twenty = Math.floor(credits / 20);
        if (twenty > 0) lines.push({ clip: { model: '2.6', mode: 'standard', secs: 10, audio: 'silent' }, count: twenty, testTakes: 0 });
        const rest = credits - twenty * 20;
        if (rest >= 10) lines.push({ clip: { model: '2.6', mode: 'standard', secs: 5, audio: 'silent' }, count: 1, testTakes: 0 });
        const exact = BigInt(lines.reduce((sum, l) => sum + (l.clip.secs === 10 ? 20 : 10) * l.count, 0));
        const expected = exactWithRetakes(exact, BigInt(millionths));
        if (expected === null) return;
        expect(BigInt(budget(lines, 'monthly', millionths / 1_000_000).creditsWithRetakes as number)).toBe(expected);
      }),
      // Counterexamples of the old buffer (x 1.4999 and x 1.4103 rounded down), kept as retake rates.
      {
        numRuns: RUNS,
        examples: [
          [2_249_970, 333_289],
          [11_409_710, 290_929],
          [5_600, 300_000],
        ],
      },
    );
  });
});

describe('the reference itself', () => {
  it('gives the spec examples: 700 credits cost $13.80, 2,000 cost $32.56 (monthly)', () => {
    expect(cheapestCents12(book, 700, 'monthly', true)).toBe(12n * 1380n);
    expect(cheapestCents12(book, 2000, 'monthly', true)).toBe(12n * 3256n);
    expect(cheapestCents12(book, 30_000, 'monthly', false)).toBeNull();
    expect(sameToTheCent(119.16583333333334, ratio(142_999n, 1200n))).toBe(true);
    expect(sameToTheCent(119.17, ratio(142_999n, 1200n))).toBe(false);
  });

  it('the exact counts rule: 500 at 20 % is 625, 5,600 at 30 % is 8,000, 1 at 0.0001 % is 2 (1.000001000001 is above the tolerance)', () => {
    expect(exactWithRetakes(500n, 200_000n)).toBe(625n);
    expect(exactWithRetakes(5_600n, 300_000n)).toBe(8_000n);
    expect(exactWithRetakes(1n, 1n)).toBe(2n);
    // 999,999 x 10^6 / 999,999: whole.
    expect(exactWithRetakes(999_999n, 1n)).toBe(1_000_000n);
  });
});
