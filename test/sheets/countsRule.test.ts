/**
 * The counts rule (custom-functions.md, "Inputs") through every need function of dist/Code.js:
 * KLING_BEST_PLAN, KLING_MONTHLY_COST, KLING_YEARLY, KLING_SCHEDULE, KLING_BUDGET and KLING_CHANNELS.
 * A number is first snapped, before any range check: within 1e-6 of a whole number it is that
 * number (-1e-7 is 0, 26,000,000.0000001 is 26,000,000). Then a need of credits is rounded up, and
 * a count of videos, images or a top-up balance is rounded down. No two functions may give
 * different answers for the same need.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { column, row, sheets } from './sheets';

const s = sheets();
const twelve = (x: number) => row(...new Array(12).fill(x));
const total = (table: unknown) => (table as unknown[][]).at(-1) as unknown[];
/** The app's row of a KLING_CHANNELS totals table. */
const appRow = (table: unknown) => (table as unknown[][])[1] as unknown[];

/** A whole number n and a hair e, |e| <= 1e-7, with the ends and the plan and pack boundaries drawn often. */
const wholeAndHair = fc.record({
  n: fc.oneof(
    fc.integer({ min: 0, max: 26_000_000 }),
    fc.integer({ min: 0, max: 30_000 }),
    fc.constantFrom(0, 1, 330, 660, 990, 1320, 1980, 3000, 3330, 8000, 26_000, 26_001, 25_999_999, 26_000_000),
  ),
  e: fc.oneof(fc.double({ min: -1e-7, max: 1e-7, noNaN: true }), fc.constantFrom(-1e-7, 1e-7, 5e-8, -5e-8, 1e-12, -1e-12)),
});

/** A whole number n below 26,000,000 and a fraction farther than 2e-6 from 0 and 1. */
const wholeAndFraction = fc.record({
  n: fc.oneof(
    fc.integer({ min: 0, max: 25_999_999 }),
    fc.integer({ min: 0, max: 30_000 }),
    fc.constantFrom(0, 659, 989, 990, 2999, 7999, 25_999),
  ),
  f: fc.oneof(fc.double({ min: 2.1e-6, max: 1 - 2.1e-6, noNaN: true }), fc.constantFrom(2.1e-6, 0.3, 0.5, 0.7, 1 - 2.1e-6)),
});

/** The answer of a call, or its error message: both must agree. */
function answer(name: string, ...args: unknown[]): unknown {
  try {
    return s.call(name, ...args);
  } catch (error) {
    if (!(error instanceof s.Error)) throw error;
    return `error: ${s.error(name, ...args).message}`;
  }
}

describe("the spec's literal cases", () => {
  it('=80*70/(1-30%), 8000.000000000001 in binary, is 8,000 credits: Premier, $80.96, in every need function', () => {
    const x = (80 * 70) / (1 - 0.3);
    expect(x).toBe(8000.000000000001);
    expect(s.call('KLING_BEST_PLAN', x)).toBe('Premier');
    expect(s.call('KLING_MONTHLY_COST', x)).toBe(80.96);
    expect(s.call('KLING_BEST_PLAN', x, 'monthly', false)).toBe('Premier');
    const yearly = s.call('KLING_YEARLY', x) as unknown[][];
    expect(yearly).toEqual(s.call('KLING_YEARLY', 8000));
    expect(yearly[1]?.[1]).toBe(8000);
    expect(yearly[1]?.[3]).toBe(971.52);
    expect(s.call('KLING_SCHEDULE', twelve(x))).toEqual(s.call('KLING_SCHEDULE', twelve(8000)));
    expect(total(s.call('KLING_SCHEDULE', twelve(x)))[1]).toBe(96_000);
    expect(total(s.call('KLING_SCHEDULE', twelve(x)))[8]).toBe(971.52);
    // The same shot list in KLING_BUDGET and KLING_CHANNELS: 70 Kling 3.0 professional 10 s clips (80 credits) at 30 %.
    const budget = Object.fromEntries(s.call('KLING_BUDGET', 'pro', 10, false, 70, '', '30%', '3.0') as unknown[][]);
    expect(budget['Credits with retakes']).toBe(8000);
    expect(budget['Best option (one month on its own)']).toBe('Premier');
    expect(budget['Monthly cost (USD)']).toBe(80.96);
    expect(budget['12-month cost (USD)']).toBe(971.52);
    const channels = s.call('KLING_CHANNELS', '3.0', 'pro', 10, false, [[70]], 'monthly', 0.3);
    expect(appRow(channels)).toEqual(['Kling app (monthly)', 80.96, 80.96, 80.96 / 70, '1 x Premier']);
  });

  it('KLING_MONTHLY_COST(1800*1.1), 1980.0000000000002, is $28.80: Standard + 1,320-credit pack', () => {
    const x = 1800 * 1.1;
    expect(x).toBe(1980.0000000000002);
    expect(s.call('KLING_MONTHLY_COST', x)).toBe(28.8);
    expect(s.call('KLING_BEST_PLAN', x)).toBe('Standard + 1,320-credit pack');
    expect(total(s.call('KLING_SCHEDULE', x))[8]).toBe(28.8);
    expect((s.call('KLING_YEARLY', x) as unknown[][])[1]?.[1]).toBe(1980);
  });

  it('990.3 needs 991 credits: Standard + 660-credit pack (rounded, it would be a 330-credit pack)', () => {
    expect(s.call('KLING_BEST_PLAN', 990.3)).toBe('Standard + 660-credit pack');
    expect(s.call('KLING_MONTHLY_COST', 990.3)).toBe(18.8);
    expect(s.call('KLING_BEST_PLAN', 990)).toBe('Standard + 330-credit pack');
    const month = s.call('KLING_SCHEDULE', 990.3) as unknown[][];
    expect(month[1]?.slice(1, 5)).toEqual([991, 'Standard', 660, '660-credit pack']);
    expect((s.call('KLING_YEARLY', 990.3) as unknown[][])[1]?.[1]).toBe(991);
    // 99 standard 5 s clips (990 credits) at a retake rate of 0.0303 %: 990 / 0.999697 = 990.3001 -> 991.
    const budget = Object.fromEntries(s.call('KLING_BUDGET', 'std', 5, false, 99, '', 0.000303) as unknown[][]);
    expect(budget['Credits with retakes']).toBe(991);
    expect(budget['Best option (one month on its own)']).toBe('Standard + 660-credit pack');
    const channels = s.call('KLING_CHANNELS', '2.6', 'std', 5, false, [[99]], 'monthly', 0.000303);
    expect(appRow(channels).slice(1, 2)).toEqual([18.8]);
    expect(appRow(channels)[4]).toBe('1 x Standard + 660-credit pack');
  });

  it('KLING_YEARLY(660.4) is 12 months of 661 credits: $110.60 on monthly renewals, $108.79 intro, $84.20 annual', () => {
    const yearly = s.call('KLING_YEARLY', 660.4) as unknown[][];
    expect(yearly[1]).toEqual(['Cheapest 12-month cost (USD)', 661, 108.79, 110.6, 84.2, '']);
    expect(yearly[2]?.[3]).toBe('Standard + 330-credit pack');
    for (const [billing, column] of [
      ['intro', 2],
      ['monthly', 3],
      ['annual', 4],
    ] as const) {
      expect(total(s.call('KLING_SCHEDULE', twelve(660.4), billing))[8], billing).toBe(yearly[1]?.[column]);
    }
    // A budget of 12 months of 660.4 credits would not exist (one rate reads exactly); KLING_CHANNELS with 661 does.
  });

  it('-1e-7 is 0 and 26,000,000.0000001 is 26,000,000: no range error anywhere', () => {
    expect(s.call('KLING_BEST_PLAN', -1e-7)).toBe('Free');
    expect(s.call('KLING_MONTHLY_COST', -1e-7)).toBe(0);
    expect(s.call('KLING_YEARLY', -1e-7)).toEqual(s.call('KLING_YEARLY', 0));
    expect(s.call('KLING_SCHEDULE', column(-1e-7, 700))).toEqual(s.call('KLING_SCHEDULE', column(0, 700)));
    const top = 26_000_000.0000001;
    expect(top).not.toBe(26_000_000);
    expect(s.call('KLING_BEST_PLAN', top)).toBe(s.call('KLING_BEST_PLAN', 26_000_000));
    expect(s.call('KLING_MONTHLY_COST', top)).toBe(324_849.99);
    expect(s.call('KLING_YEARLY', top)).toEqual(s.call('KLING_YEARLY', 26_000_000));
    expect(s.call('KLING_SCHEDULE', column(top, 1))).toEqual(s.call('KLING_SCHEDULE', column(26_000_000, 1)));
    // Counts: a count of -1e-7 is 0, a count of 1,000,000.0000001 is the largest, 1,000,000.
    expect(s.call('KLING_BUDGET', 'std', 5, false, -1e-7)).toEqual(s.call('KLING_BUDGET', 'std', 5, false, 0));
    expect(s.call('KLING_BUDGET', 'std', 5, false, 1_000_000.0000001, '', 0)).toEqual(
      s.call('KLING_BUDGET', 'std', 5, false, 1_000_000, '', 0),
    );
    expect(s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, row(4, -1e-7), '', 0, -1e-7, row(-1e-7, 10), '', '', -1e-7)).toEqual(
      s.call('KLING_CHANNELS', '3.0', 'pro', 10, true, row(4, 0), '', 0, 0, row(0, 10), '', '', 0),
    );
    expect(s.call('KLING_SCHEDULE', column(700), '', -1e-7)).toEqual(s.call('KLING_SCHEDULE', column(700), '', 0));
    // Just beyond the hair: out of range, a clear error.
    expect(s.error('KLING_BEST_PLAN', -1.01e-6).message).toMatch(/^credits_per_month -0\.00000101 is out of range/);
    expect(s.error('KLING_BEST_PLAN', 26_000_000.00001).message).toMatch(/is out of range; use a number of credits from 0 to 26,000,000$/);
  });

  it('10*(1-0.8), 1.9999999999999996, is 2 videos; a count is rounded down otherwise', () => {
    const x = 10 * (1 - 0.8);
    expect(x).toBe(1.9999999999999996);
    // KLING_VIDEOS: Standard's 660 credits make 10 Kling 3.0 standard 11 s clips (66 credits); at 80 % retakes, 2 videos, not 1.
    expect(s.call('KLING_VIDEOS', 'standard', 'std', 11, false, 0.8, '3.0')).toBe(2);
    expect(Math.floor(300 * (1 - 0.8))).toBe(59);
    expect(s.call('KLING_VIDEOS', 'pro', 'std', 5, false, 0.8)).toBe(60);
    expect(s.call('KLING_VIDEOS', 'pro', 'std', 5, false, 0.799)).toBe(60);
    expect(s.call('KLING_VIDEOS', 'pro', 'std', 5, false, 0.801)).toBe(59);
    // A top-up balance of 99.9 is 99 credits, of 99.9999999 is 100.
    expect(total(s.call('KLING_SCHEDULE', column(700), '', 99.9))[7]).toBe(59);
    expect(total(s.call('KLING_SCHEDULE', column(700), '', 99.9999999))[7]).toBe(60);
  });
});

describe('properties over every need function: a hair from a whole number is that number; a fraction farther than 2e-6 is rounded up', () => {
  /** The need functions taking a need of credits directly, each as a call of one need. */
  const NEED_FUNCTIONS: [string, (x: number) => unknown][] = [
    ['KLING_BEST_PLAN', (x) => answer('KLING_BEST_PLAN', x)],
    ['KLING_BEST_PLAN without top-ups', (x) => answer('KLING_BEST_PLAN', x, 'monthly', false)],
    ['KLING_MONTHLY_COST', (x) => answer('KLING_MONTHLY_COST', x, 'annual')],
    ['KLING_SCHEDULE', (x) => answer('KLING_SCHEDULE', column(x, 700, x), 'intro')],
  ];

  for (const [name, f] of NEED_FUNCTIONS) {
    it(`${name}: f(n + e) = f(n) for whole n from 0 to 26,000,000 and |e| <= 1e-7`, () => {
      fc.assert(
        fc.property(wholeAndHair, ({ n, e }) => {
          expect(f(n + e), `${n} + ${e}`).toEqual(f(n));
        }),
        { numRuns: 300, seed: 20_261_206 },
      );
    });

    it(`${name}: f(x) = f(ceil(x)) for x farther than 2e-6 from a whole number`, () => {
      fc.assert(
        fc.property(wholeAndFraction, ({ n, f: fraction }) => {
          const x = n + fraction;
          if (Math.abs(x - Math.round(x)) <= 2e-6) return; // the double's own rounding at large n
          expect(f(x), `${x}`).toEqual(f(Math.ceil(x)));
        }),
        { numRuns: 300, seed: 20_261_207 },
      );
    });
  }

  it("KLING_YEARLY: the same, and its 12-month figures are KLING_SCHEDULE's of 12 months of the same need", () => {
    fc.assert(
      fc.property(wholeAndHair, ({ n, e }) => {
        expect(answer('KLING_YEARLY', n + e)).toEqual(answer('KLING_YEARLY', n));
      }),
      { numRuns: 60, seed: 20_261_208 },
    );
    fc.assert(
      fc.property(wholeAndFraction, ({ n, f: fraction }) => {
        const x = n + fraction;
        if (Math.abs(x - Math.round(x)) <= 2e-6) return;
        const yearly = s.call('KLING_YEARLY', x) as unknown[][];
        expect(yearly).toEqual(s.call('KLING_YEARLY', Math.ceil(x)));
        expect(yearly[1]?.[1]).toBe(Math.ceil(x));
        for (const [billing, at] of [
          ['intro', 2],
          ['monthly', 3],
          ['annual', 4],
        ] as const) {
          expect(total(s.call('KLING_SCHEDULE', twelve(x), billing))[8], `${x} ${billing}`).toBe(yearly[1]?.[at]);
        }
      }),
      { numRuns: 40, seed: 20_261_209 },
    );
  });

  it('KLING_BUDGET and KLING_CHANNELS: counts a hair from a whole number are that number (videos, test takes, images, top-up balance)', () => {
    const hair = fc.oneof(fc.double({ min: -1e-7, max: 1e-7, noNaN: true }), fc.constantFrom(-1e-7, 1e-7));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 5_000 }),
        hair,
        hair,
        (n, takes, images, e1, e2) => {
          expect(answer('KLING_BUDGET', 'std', 5, false, n + e1)).toEqual(answer('KLING_BUDGET', 'std', 5, false, n));
          const channels = (videos: number, t: number, img: number, balance: number) =>
            answer(
              'KLING_CHANNELS',
              '3.0',
              column('pro', 'std'),
              5,
              true,
              [
                [videos, 3],
                [1, videos],
              ],
              'cheapest',
              '',
              column(t, 0),
              row(img, 0),
              '',
              '',
              balance,
            );
          expect(channels(n + e1, takes + e2, images + e1, images + e2)).toEqual(channels(n, takes, images, images));
        },
      ),
      { numRuns: 60, seed: 20_261_210 },
    );
  });

  it('KLING_CHANNELS and KLING_SCHEDULE: a top-up balance farther than 2e-6 from a whole number is rounded down', () => {
    fc.assert(
      fc.property(wholeAndFraction, ({ n, f: fraction }) => {
        const balance = (n % 100_000) + fraction;
        if (Math.abs(balance - Math.round(balance)) <= 2e-6) return;
        expect(answer('KLING_SCHEDULE', column(700, 3100), '', balance)).toEqual(
          answer('KLING_SCHEDULE', column(700, 3100), '', Math.floor(balance)),
        );
        expect(answer('KLING_CHANNELS', '3.0', 'pro', 10, true, row(4, 30), '', 0, 0, '', '', '', balance)).toEqual(
          answer('KLING_CHANNELS', '3.0', 'pro', 10, true, row(4, 30), '', 0, 0, '', '', '', Math.floor(balance)),
        );
      }),
      { numRuns: 40, seed: 20_261_211 },
    );
  });
});

describe("KLING_CHANNELS: a month's need that lands a hair from a whole number, exactly, is that number", () => {
  /**
   * Two rows of 10-credit clips at two retake rates: 10 x v1 / (1 - r1) + 10 x v2 / (1 - r2). Its
   * exact value, in BigInt: a need can land within 1e-7 of a whole number only with two rates
   * (one rate read to 6 decimals leaves at least 1e-6). Found by a search, checked here.
   */
  const R1 = 123_457n;
  const R2 = 234_567n;
  const exactNeed = (v1: number, v2: number): { whole: bigint; above: number } => {
    const M = 1_000_000n;
    const num = 10n * BigInt(v1) * M * (M - R2) + 10n * BigInt(v2) * M * (M - R1);
    const den = (M - R1) * (M - R2);
    const whole = num / den;
    return { whole, above: Number(((num - whole * den) * 10n ** 12n) / den) / 1e12 };
  };
  /** The app's total with a top-up balance that leaves exactly `credits` for Ultra: the need N costs Ultra alone, N + 1 a pack more. */
  const app = (v1: number, v2: number, balance: number) =>
    appRow(
      s.call(
        'KLING_CHANNELS',
        '2.6',
        column('std', 'std'),
        column(5, 5),
        false,
        [[v1], [v2]],
        'monthly',
        column(0.123457, 0.234567),
        '',
        '',
        '',
        '',
        balance,
      ),
    );

  it('10,836 and 93 clips need 124,837.0000000572 credits: 124,837, so Ultra and the balance cover it ($159.99)', () => {
    const { whole, above } = exactNeed(10_836, 93);
    expect(whole).toBe(124_837n);
    expect(above).toBeGreaterThan(0);
    expect(above).toBeLessThanOrEqual(1e-7);
    // 26,000 Ultra credits + 98,837 held: the need is covered without a pack.
    expect(app(10_836, 93, 98_837).slice(1, 2)).toEqual([159.99]);
    expect(app(10_836, 93, 98_837)[4]).toBe('1 x Ultra');
    // One credit fewer held: a 330-credit pack, so the balance really is at the edge.
    expect(app(10_836, 93, 98_836).slice(1, 2)).toEqual([164.99]);
  });

  it('3,104 and 49 clips need 36,052.0000014 credits: farther than 1e-6, so 36,053 ($164.99)', () => {
    const { whole, above } = exactNeed(3_104, 49);
    expect(whole).toBe(36_052n);
    expect(above).toBeGreaterThan(1e-6);
    expect(above).toBeLessThan(2e-6);
    expect(app(3_104, 49, 10_052).slice(1, 2)).toEqual([164.99]);
    expect(app(3_104, 49, 10_053).slice(1, 2)).toEqual([159.99]);
  });
});
