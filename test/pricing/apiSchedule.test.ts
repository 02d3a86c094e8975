import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/pricing';
import {
  API_SCHEDULE_HEADER,
  type ApiPack,
  apiSchedule,
  apiScheduleTable,
  apiSolver,
  apiWindowNote,
  apiWindowRule,
} from '../../src/pricing/apiSchedule';
import { Exact } from '../../src/pricing/exact';
import { ExactCoverReference } from '../support/coverReference';
import { apiPacksValid, DEFAULT_API_PACKS, UNIT_TICKS } from '../support/scheduleBook';

/** $2.80 of list-price work a month in ticks (USD x 10,000): 4 professional 10 s Kling 2.6 clips at $0.70. */
const FOUR_PRO_CLIPS = 4 * 7_000;
const months = (ticks: readonly number[]) => ticks.map((t) => Exact.of(t));

describe("Kling's API over time", () => {
  it('4 professional 10 s clips a month for 12 months: 120 units a window, one 5,000-unit pack in each of two windows, $1,400', () => {
    const result = apiSchedule(months(new Array(12).fill(FOUR_PRO_CLIPS)), UNIT_TICKS, DEFAULT_API_PACKS);
    expect(result.windows).toEqual([
      { first: 1, last: 6, units: 120, packCounts: [1, 0, 0, 0], unitsBought: 5_000, cents: 70_000 },
      { first: 7, last: 12, units: 120, packCounts: [1, 0, 0, 0], unitsBought: 5_000, cents: 70_000 },
    ]);
    expect(result.totalCents).toBe(140_000);
    expect(result.packCounts).toEqual([2, 0, 0, 0]);
    expect(result.rule).toEqual({ months: 6, mixed: false, underMonth: false });
    expect(apiScheduleTable(result, DEFAULT_API_PACKS)).toEqual([
      [...API_SCHEDULE_HEADER],
      [1, '1-6', 120, '5,000-unit pack', 700],
      [2, '7-12', 120, '5,000-unit pack', 700],
      ['Total', '1-12', 240, '2 x 5,000-unit pack', 1_400],
    ]);
  });

  it('a last partial window, a window without work, fractional units', () => {
    // Months 1-6 idle, 7-12 work, month 13 alone: '13'; 13-15 as '13-15'.
    const ticks = [...new Array(6).fill(0), ...new Array(6).fill(FOUR_PRO_CLIPS), 701];
    const result = apiSchedule(months(ticks), UNIT_TICKS, DEFAULT_API_PACKS);
    const table = apiScheduleTable(result, DEFAULT_API_PACKS);
    expect(table[1]).toEqual([1, '1-6', 0, '', 0]);
    expect(table[2]).toEqual([2, '7-12', 120, '5,000-unit pack', 700]);
    expect(table[3]).toEqual([3, '13', 701 / 1_400, '5,000-unit pack', 700]);
    expect(table[4]).toEqual(['Total', '1-13', (6 * FOUR_PRO_CLIPS + 701) / 1_400, '2 x 5,000-unit pack', 1_400]);
    expect(result.windows[0]).toMatchObject({ packCounts: [0, 0, 0, 0], unitsBought: 0, cents: 0 });
    const fifteen = apiScheduleTable(apiSchedule(months(new Array(15).fill(1)), UNIT_TICKS, DEFAULT_API_PACKS), DEFAULT_API_PACKS);
    expect(fifteen.map((row) => row[1])).toEqual(['Months', '1-6', '7-12', '13-15', '1-15']);
  });

  it('buys the cheapest cover; equal cost goes to fewer units: 45,000 units is one $5,670 pack, 60,000 one $7,560 pack', () => {
    const at = (units: number) => apiSchedule([Exact.of(units * UNIT_TICKS)], UNIT_TICKS, DEFAULT_API_PACKS).windows[0];
    expect(at(45_000)).toMatchObject({ packCounts: [0, 0, 1, 0], cents: 567_000 });
    expect(at(60_000)).toMatchObject({ packCounts: [0, 0, 0, 1], cents: 756_000 });
    // 15,001 units: 4 x 5,000 or 15,000 + 5,000, both 20,000 units for $2,800: fewer packs wins.
    expect(at(15_001)).toMatchObject({ packCounts: [1, 1, 0, 0], unitsBought: 20_000, cents: 280_000 });
    // 40,001 units: 45,000 for $5,670 beats 9 x 5,000 = $6,300.
    expect(at(40_001)).toMatchObject({ packCounts: [0, 0, 1, 0], cents: 567_000 });
    // 10,001 units: 3 x 5,000 or one 15,000, both 15,000 units for $2,100: one pack.
    expect(at(10_001)).toMatchObject({ packCounts: [0, 1, 0, 0], unitsBought: 15_000, cents: 210_000 });
  });

  it('units are counted exactly: 5,000 units fill one pack, a hundredth of a cent more needs a second; a retake rate divides exactly', () => {
    const at = (work: Exact) => apiSchedule([work], UNIT_TICKS, DEFAULT_API_PACKS).windows[0];
    expect(at(Exact.of(5_000 * UNIT_TICKS))).toMatchObject({ unitsBought: 5_000, cents: 70_000 });
    expect(at(Exact.of(5_000 * UNIT_TICKS + 1))).toMatchObject({ unitsBought: 10_000, cents: 140_000 });
    // $490 of work at a retake rate of 30 %: $700 exactly, 5,000 units, one pack (not two from 5,000.000001).
    expect(at(Exact.scaled(4_900_000, 10, 7))).toMatchObject({ units: 5_000, unitsBought: 5_000, cents: 70_000 });
    // ... and a tick more of work at 30 % is 10 / 7 of a tick more: a second pack.
    expect(at(Exact.scaled(4_900_001, 10, 7))).toMatchObject({ unitsBought: 10_000, cents: 140_000 });
  });

  it('matches an exact reference on random months (1 to 24, up to $2,000 a month), window by window', () => {
    const maxUnits = Math.ceil((6 * 20_000_000) / UNIT_TICKS);
    const reference = new ExactCoverReference(
      DEFAULT_API_PACKS.map((p) => ({ cost: p.cents, size: p.units })),
      maxUnits,
      'less-size',
    );
    const solver = apiSolver(DEFAULT_API_PACKS);
    const monthArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30_000 }), fc.integer({ min: 0, max: 20_000_000 }));
    fc.assert(
      fc.property(fc.array(monthArb, { minLength: 1, maxLength: 24 }), (ticks) => {
        const result = apiSchedule(months(ticks), UNIT_TICKS, DEFAULT_API_PACKS, solver);
        expect(result.windows).toHaveLength(Math.ceil(ticks.length / 6));
        let total = 0n;
        result.windows.forEach((w, k) => {
          const work = ticks.slice(6 * k, 6 * k + 6).reduce((a, b) => a + BigInt(b), 0n);
          const units = Number((work + BigInt(UNIT_TICKS) - 1n) / BigInt(UNIT_TICKS));
          const expected = reference.cover(units);
          expect([w.first, w.last]).toEqual([6 * k + 1, Math.min(ticks.length, 6 * k + 6)]);
          expect({ cost: w.cents, size: w.unitsBought, packs: w.packCounts.reduce((a, b) => a + b, 0) }).toEqual(expected);
          const bought = w.packCounts.reduce((s, n, i) => s + n * (DEFAULT_API_PACKS[i] as ApiPack).units, 0);
          const paid = w.packCounts.reduce((s, n, i) => s + n * (DEFAULT_API_PACKS[i] as ApiPack).cents, 0);
          expect([bought, paid]).toEqual([w.unitsBought, w.cents]);
          expect(w.units).toBe(Number(work) / UNIT_TICKS);
          total += BigInt(w.cents);
        });
        expect(BigInt(result.totalCents)).toBe(total);
      }),
      { numRuns: 500, seed: 4_242 },
    );
  });

  it('refuses what it cannot price: no packs for work, bad months or unit price', () => {
    expect(() => apiSchedule([Exact.of(1)], UNIT_TICKS, [])).toThrow(new InputError('the price book has no API packs'));
    expect(apiSchedule(months([0, 0]), UNIT_TICKS, []).totalCents).toBe(0);
    expect(() => apiSchedule([], UNIT_TICKS, DEFAULT_API_PACKS)).toThrow(InputError);
    expect(() => apiSchedule(months(new Array(25).fill(0)), UNIT_TICKS, DEFAULT_API_PACKS)).toThrow(InputError);
    expect(() => apiSchedule(months([0, -5]), UNIT_TICKS, DEFAULT_API_PACKS)).toThrow('month 2: the API cost must be 0 or more');
    expect(() => apiSchedule([Exact.of(1)], 0, DEFAULT_API_PACKS)).toThrow(InputError);
    expect(() => apiSchedule([Exact.of(1)], 1_400.5, DEFAULT_API_PACKS)).toThrow(InputError);
  });
});

describe('windows as long as the packs last (schedule.md: floor(days / 30) months, at least 1, the shortest)', () => {
  it('180 days: 6 months; 90: 3; 30: 1; 59: 1; 60: 2; 365: 12; under 30 days counts as one month and says so', () => {
    const cases: [days: number, months: number, underMonth: boolean][] = [
      [180, 6, false],
      [90, 3, false],
      [30, 1, false],
      [59, 1, false],
      [60, 2, false],
      [365, 12, false],
      [3_650, 121, false],
      [29, 1, true],
      [1, 1, true],
    ];
    for (const [days, n, under] of cases) {
      const rule = apiWindowRule(apiPacksValid(days));
      expect(rule, `${days} days`).toEqual({ months: n, mixed: false, underMonth: under });
      expect(apiWindowNote(rule)).toBe(under ? 'a validity under 30 days counts as one month' : '');
    }
  });

  it('mixed validities take the shortest for every pack, and say so', () => {
    const packs = DEFAULT_API_PACKS.map((p, i) => ({ ...p, validDays: i === 2 ? 90 : 180 }));
    const rule = apiWindowRule(packs);
    expect(rule).toEqual({ months: 3, mixed: true, underMonth: false });
    expect(apiWindowNote(rule)).toBe('assumes every pack lasts 3 months');
    const short = DEFAULT_API_PACKS.map((p, i) => ({ ...p, validDays: i === 0 ? 20 : 180 }));
    expect(apiWindowNote(apiWindowRule(short))).toBe('assumes every pack lasts 1 month; a validity under 30 days counts as one month');
    const result = apiSchedule(months(new Array(12).fill(FOUR_PRO_CLIPS)), UNIT_TICKS, packs);
    const table = apiScheduleTable(result, packs);
    expect(table.map((r) => r[1])).toEqual(['Months', '1-3', '4-6', '7-9', '10-12', '1-12']);
    expect(table[5]).toEqual(['Total', '1-12', 240, '4 x 5,000-unit pack; assumes every pack lasts 3 months', 2_800]);
  });

  it('$300 of API work a month for 12 months: $4,200 with 180-day packs, $5,600 with 90-day packs, exactly $8,400 with 30-day packs', () => {
    const work = months(new Array(12).fill(3_000_000));
    const total = (days: number) => apiSchedule(work, UNIT_TICKS, apiPacksValid(days));
    // 180 days: 12,857.14 units a window, one 15,000-unit pack ($2,100; 3 x 5,000 ties on units and loses on packs).
    expect(total(180).windows.map((w) => [w.unitsBought, w.cents])).toEqual([
      [15_000, 210_000],
      [15_000, 210_000],
    ]);
    expect(total(180).totalCents).toBe(420_000);
    // 90 days: 6,428.57 units a quarter, 2 x 5,000 ($1,400) each quarter.
    expect(total(90).totalCents).toBe(560_000);
    expect(total(90).packCounts).toEqual([8, 0, 0, 0]);
    // 30 days: 2,142.86 units a month, one 5,000-unit pack a month.
    expect(total(30).totalCents).toBe(840_000);
    expect(total(30).packCounts).toEqual([12, 0, 0, 0]);
    expect(apiScheduleTable(total(30), apiPacksValid(30))[13]).toEqual([
      'Total',
      '1-12',
      36_000_000 / 1_400,
      '12 x 5,000-unit pack',
      8_400,
    ]);
  });
});
