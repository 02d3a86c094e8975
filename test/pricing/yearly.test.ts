/**
 * The 12-month view (KLING_YEARLY): every figure is the schedule of 12 equal months under that
 * billing, top-ups carried over (shared/spec/schedule.md), checked by hand on the spec's examples
 * and against a plain 12-equal-months reference everywhere else.
 */
import { describe, expect, it } from 'vitest';
import type { TableCell } from '../../src/pricing';
import {
  DEFAULT_PRICE_BOOK,
  InputError,
  PricingEngine,
  YEARLY_HEADER,
  YEARLY_ROW_LABELS,
  yearlyTable,
  yearlyView,
} from '../../src/pricing';
import { DEFAULT_PACKS, DEFAULT_PLANS } from '../support/scheduleBook';
import { YearReference } from '../support/yearReference';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const table = (need: number, allowTopups = true) => yearlyTable(yearlyView(engine, need, allowTopups));
const BILLINGS = ['intro', 'monthly', 'annual'] as const;
const years = new YearReference(DEFAULT_PLANS, DEFAULT_PACKS, 30_000);

describe('the yearly view', () => {
  it('KLING_YEARLY(700): $113.79 / $115.60 / $89.20, Standard every month and one 660-credit pack (figures by hand)', () => {
    const t = table(700);
    expect(t[0]).toEqual([...YEARLY_HEADER]);
    // 6.99 + 11 x 8.80 + 10; 12 x 8.80 + 10; 79.20 + 10: the 12 x 40 missing credits from one pack.
    expect(t[1]).toEqual([YEARLY_ROW_LABELS.cheapestCost, 700, 113.79, 115.6, 89.2, '']);
    expect(t[2]).toEqual([
      YEARLY_ROW_LABELS.cheapestOption,
      '',
      'Standard + 660-credit pack',
      'Standard + 660-credit pack',
      'Standard + 660-credit pack',
      '',
    ]);
    expect(t[3]).toEqual([YEARLY_ROW_LABELS.averageCredit, '', 11_379 / (100 * 8400), 11_560 / (100 * 8400), 8920 / (100 * 8400), '']);
    expect(t[4]).toEqual([
      'Standard + 660-credit pack',
      660,
      113.79,
      115.6,
      89.2,
      'first month + renewals, monthly renewals, annual billing',
    ]);
    // 25.99 + 11 x 32.56; 12 x 32.56; 293.04
    expect(t[5]).toEqual(['Pro', 3000, 384.15, 390.72, 293.04, '']);
    expect(t[6]).toEqual(['Premier', 8000, 955.55, 971.52, 728.64, '']);
    expect(t[7]).toEqual(['Ultra', 26000, 1887.88, 1919.88, 1429.99, '']);
    // Not one month times twelve: 12 x (8.80 + 5) would be 165.60.
    expect(t[1]?.[3]).not.toBe(165.6);
  });

  it('3,100 credits: Pro every month and one 1,320-credit pack in month 1, $410.72 (schedule.md)', () => {
    const t = table(3100);
    expect(t[1]?.[3]).toBe(410.72);
    expect(t[2]?.[3]).toBe('Pro + 1,320-credit pack');
    expect(t[5]?.[0]).toBe('Pro + 1,320-credit pack');
    expect(t[5]?.slice(1, 5)).toEqual([3000, 404.15, 410.72, 313.04]);
  });

  it('has a fixed shape: header, cheapest cost, cheapest schedule, average cost per credit, one row per paid plan', () => {
    for (const need of [0, 0.5, 1, 700, 26_000, 100_000, 26_000_000]) {
      for (const allow of [true, false]) {
        let t: TableCell[][];
        try {
          t = table(need, allow);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect(allow && need <= 26_000).toBe(false);
          continue;
        }
        expect(t).toHaveLength(8);
        for (const row of t) expect(row).toHaveLength(6);
        expect(t[0]).toEqual([...YEARLY_HEADER]);
        expect(t.map((r) => r[0]).slice(1, 4)).toEqual([
          YEARLY_ROW_LABELS.cheapestCost,
          YEARLY_ROW_LABELS.cheapestOption,
          YEARLY_ROW_LABELS.averageCredit,
        ]);
        expect(t.slice(4).map((r) => r[1])).toEqual([660, 3000, 8000, 26000]);
        for (const row of t) for (const cell of row) if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
      }
    }
  });

  it('every figure is the cheapest 12 equal months under its billing: the view against the reference', () => {
    const needs = [
      1, 66, 330, 500, 661, 700, 990, 1000, 1500, 1700, 2000, 2500, 3001, 3100, 4200, 5000, 7999, 8001, 9000, 12_000, 20_000, 26_000,
      26_001, 29_000,
    ];
    for (const need of needs) {
      const t = table(need);
      BILLINGS.forEach((billing, b) => {
        const want = years.cents(need, billing);
        expect(BigInt(Math.round((t[1]?.[2 + b] as number) * 100)), `${need} ${billing}`).toBe(want);
        expect(t[1]?.[2 + b], `${need} ${billing} is whole cents`).toBe(Number(want) / 100);
        expect(t[3]?.[2 + b], `${need} ${billing} per credit`).toBe(Number(want) / (1200 * need));
        // Each plan's row: that plan in every month, top-ups carried over for the rest.
        DEFAULT_PLANS.forEach((plan, p) => {
          const row = t[4 + p] as TableCell[];
          const planWant = years.cents(need, billing, [p]);
          expect(BigInt(Math.round((row[2 + b] as number) * 100)), `${need} ${billing} ${plan.name}`).toBe(planWant);
          const cheapestUnder = String(row[5]).includes(
            { intro: 'first month', monthly: 'monthly renewals', annual: 'annual billing' }[billing],
          );
          expect(cheapestUnder, `${need} ${billing} ${plan.name} cheapest`).toBe(planWant === want);
        });
      });
    }
  });

  it('a plan row is named by what it buys over the year; a plan that covers the need alone by its name', () => {
    const t = table(1700);
    expect(t[4]?.[0]).toMatch(/^Standard \+ .*-credit pack/);
    expect(t[5]?.[0]).toBe('Pro');
  });

  it('0 credits: nothing to buy, $0, no average cost per credit, no plan figures', () => {
    const t = table(0);
    expect(t[1]).toEqual([YEARLY_ROW_LABELS.cheapestCost, 0, 0, 0, 0, '']);
    expect(t[2]).toEqual([YEARLY_ROW_LABELS.cheapestOption, '', 'Free', 'Free', 'Free', '']);
    expect(t[3]).toEqual([YEARLY_ROW_LABELS.averageCredit, '', '', '', '', '']);
    expect(t[4]).toEqual(['Standard', 660, '', '', '', '']);
  });

  it('a fraction of a credit is planned as the next whole credit (the counts rule), and the average is per credit planned', () => {
    const t = table(700.25);
    expect(t[1]?.slice(1, 5)).toEqual([701, 113.79, 115.6, 89.2]);
    expect(t[3]?.[3]).toBe(11_560 / (1200 * 701));
    // Within 1e-6 of a whole number it is that number: 700.0000005 is 700, not 701.
    expect(table(700.0000005)[3]?.[3]).toBe(11_560 / (1200 * 700));
  });

  it('without top-ups, a plan too small has no figures; above Ultra it is an error', () => {
    const t = table(5000, false);
    expect(t[4]).toEqual(['Standard (660 credits: too few)', 660, '', '', '', '']);
    expect(t[5]).toEqual(['Pro (3,000 credits: too few)', 3000, '', '', '', '']);
    expect(t[6]).toEqual(['Premier', 8000, 955.55, 971.52, 728.64, 'first month + renewals, monthly renewals, annual billing']);
    expect(t[2]).toEqual([YEARLY_ROW_LABELS.cheapestOption, '', 'Premier', 'Premier', 'Premier', '']);
    expect(t[1]).toEqual([YEARLY_ROW_LABELS.cheapestCost, 5000, 955.55, 971.52, 728.64, '']);
    expect(() => yearlyView(engine, 30_000, false)).toThrow(InputError);
    expect(() => yearlyView(engine, 30_000, false)).toThrow(/no plan alone covers 30,000 credits/);
  });

  it('a need outside 0 to 26,000,000 credits is an error', () => {
    for (const need of [-1, 26_000_001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => yearlyView(engine, need, true)).toThrow(/credits_per_month must be from 0 to 26,000,000/);
    }
  });
});
