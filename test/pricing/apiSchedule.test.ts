import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/pricing';
import { API_SCHEDULE_HEADER, type ApiPack, apiSchedule, apiScheduleTable, apiSolver } from '../../src/pricing/apiSchedule';
import { ExactCoverReference } from '../support/coverReference';
import { DEFAULT_API_PACKS, UNIT_MICRO_USD } from '../support/scheduleBook';

/** $2.80 of list-price work a month: 4 professional 10 s Kling 2.6 clips at $0.70. */
const FOUR_PRO_CLIPS = 4 * 700_000;

describe("Kling's API over time", () => {
  it('4 professional 10 s clips a month for 12 months: 120 units a window, one 5,000-unit pack in each of two windows, $1,400', () => {
    const result = apiSchedule(new Array(12).fill(FOUR_PRO_CLIPS), UNIT_MICRO_USD, DEFAULT_API_PACKS);
    expect(result.windows).toEqual([
      { first: 1, last: 6, units: 120, packCounts: [1, 0, 0, 0], unitsBought: 5_000, cents: 70_000 },
      { first: 7, last: 12, units: 120, packCounts: [1, 0, 0, 0], unitsBought: 5_000, cents: 70_000 },
    ]);
    expect(result.totalCents).toBe(140_000);
    expect(result.packCounts).toEqual([2, 0, 0, 0]);
    expect(apiScheduleTable(result, DEFAULT_API_PACKS)).toEqual([
      [...API_SCHEDULE_HEADER],
      [1, '1-6', 120, '5,000-unit pack', 700],
      [2, '7-12', 120, '5,000-unit pack', 700],
      ['Total', '1-12', 240, '2 x 5,000-unit pack', 1_400],
    ]);
  });

  it('a last partial window, a window without work, fractional units', () => {
    // Months 1-6 idle, 7-12 work, month 13 alone: '13'; 13-15 as '13-15'.
    const months = [...new Array(6).fill(0), ...new Array(6).fill(FOUR_PRO_CLIPS), 70_001];
    const result = apiSchedule(months, UNIT_MICRO_USD, DEFAULT_API_PACKS);
    const table = apiScheduleTable(result, DEFAULT_API_PACKS);
    expect(table[1]).toEqual([1, '1-6', 0, '', 0]);
    expect(table[2]).toEqual([2, '7-12', 120, '5,000-unit pack', 700]);
    expect(table[3]).toEqual([3, '13', 70_001 / 140_000, '5,000-unit pack', 700]);
    expect(table[4]).toEqual(['Total', '1-13', (6 * FOUR_PRO_CLIPS + 70_001) / 140_000, '2 x 5,000-unit pack', 1_400]);
    expect(result.windows[0]).toMatchObject({ packCounts: [0, 0, 0, 0], unitsBought: 0, cents: 0 });
    const fifteen = apiScheduleTable(apiSchedule(new Array(15).fill(1), UNIT_MICRO_USD, DEFAULT_API_PACKS), DEFAULT_API_PACKS);
    expect(fifteen.map((row) => row[1])).toEqual(['Months', '1-6', '7-12', '13-15', '1-15']);
  });

  it('buys the cheapest cover; equal cost goes to fewer units: 45,000 units is one $5,670 pack, 60,000 one $7,560 pack', () => {
    const at = (units: number) => apiSchedule([units * UNIT_MICRO_USD], UNIT_MICRO_USD, DEFAULT_API_PACKS).windows[0];
    expect(at(45_000)).toMatchObject({ packCounts: [0, 0, 1, 0], cents: 567_000 });
    expect(at(60_000)).toMatchObject({ packCounts: [0, 0, 0, 1], cents: 756_000 });
    // 15,001 units: 4 x 5,000 or 15,000 + 5,000, both 20,000 units for $2,800: fewer packs wins.
    expect(at(15_001)).toMatchObject({ packCounts: [1, 1, 0, 0], unitsBought: 20_000, cents: 280_000 });
    // 40,001 units: 45,000 for $5,670 beats 9 x 5,000 = $6,300.
    expect(at(40_001)).toMatchObject({ packCounts: [0, 0, 1, 0], cents: 567_000 });
  });

  it('matches an exact reference on random months (1 to 24, up to $2,000 a month), window by window', () => {
    const maxUnits = Math.ceil((6 * 2_000_000_000) / UNIT_MICRO_USD);
    const reference = new ExactCoverReference(
      DEFAULT_API_PACKS.map((p) => ({ cost: p.cents, size: p.units })),
      maxUnits,
      'less-size',
    );
    const solver = apiSolver(DEFAULT_API_PACKS);
    const monthArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 }));
    fc.assert(
      fc.property(fc.array(monthArb, { minLength: 1, maxLength: 24 }), (months) => {
        const result = apiSchedule(months, UNIT_MICRO_USD, DEFAULT_API_PACKS, solver);
        expect(result.windows).toHaveLength(Math.ceil(months.length / 6));
        let total = 0n;
        result.windows.forEach((w, k) => {
          const micro = months.slice(6 * k, 6 * k + 6).reduce((a, b) => a + BigInt(b), 0n);
          const units = Number((micro + BigInt(UNIT_MICRO_USD) - 1n) / BigInt(UNIT_MICRO_USD));
          const expected = reference.cover(units);
          expect([w.first, w.last]).toEqual([6 * k + 1, Math.min(months.length, 6 * k + 6)]);
          expect({ cost: w.cents, size: w.unitsBought, packs: w.packCounts.reduce((a, b) => a + b, 0) }).toEqual(expected);
          const bought = w.packCounts.reduce((s, n, i) => s + n * (DEFAULT_API_PACKS[i] as ApiPack).units, 0);
          const paid = w.packCounts.reduce((s, n, i) => s + n * (DEFAULT_API_PACKS[i] as ApiPack).cents, 0);
          expect([bought, paid]).toEqual([w.unitsBought, w.cents]);
          expect(w.units).toBe(Number(micro) / UNIT_MICRO_USD);
          total += BigInt(w.cents);
        });
        expect(BigInt(result.totalCents)).toBe(total);
      }),
      { numRuns: 500, seed: 4_242 },
    );
  });

  it('refuses what it cannot price: no packs for work, bad months or unit price', () => {
    expect(() => apiSchedule([1], UNIT_MICRO_USD, [])).toThrow(new InputError('the price book has no API packs'));
    expect(apiSchedule([0, 0], UNIT_MICRO_USD, []).totalCents).toBe(0);
    expect(() => apiSchedule([], UNIT_MICRO_USD, DEFAULT_API_PACKS)).toThrow(InputError);
    expect(() => apiSchedule(new Array(25).fill(0), UNIT_MICRO_USD, DEFAULT_API_PACKS)).toThrow(InputError);
    expect(() => apiSchedule([0.5], UNIT_MICRO_USD, DEFAULT_API_PACKS)).toThrow(/month 1/);
    expect(() => apiSchedule([1], 0, DEFAULT_API_PACKS)).toThrow(InputError);
  });
});
