/**
 * Hardening through dist/Code.js: money precision in the edited table (cents for plans and packs,
 * hundredths of a cent, 4 decimals, for API and reseller prices), price ranges of 125,000 rows and
 * more, and no NaN or Infinity from any function, table functions included, whatever the numbers.
 */
import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { column, row, sheets } from './sheets';

const s = sheets();
type Row = unknown[];
const base = () => bookToRows(DEFAULT_PRICE_BOOK).map((r) => [...r]) as Row[];

function edit(section: string, item: string, field: string, value: unknown): { table: Row[]; row: number } {
  const table = base();
  const i = table.findIndex((r) => r[0] === section && r[1] === item && r[2] === field);
  if (i < 0) throw new Error(`no row ${section} / ${item} / ${field}`);
  (table[i] as Row)[3] = value;
  return { table, row: i + 1 };
}

const blankRows = (n: number): Row[] => Array.from({ length: n }, () => ['', '', '', '', '', '', '', '']);

describe('money in the edited table', () => {
  it('a plan or pack price with more than two decimals is refused with its row and column (123,456.789)', () => {
    for (const [section, item, field] of [
      ['Plan', 'Ultra', 'yearly'],
      ['Plan', 'Pro', 'monthly renewal'],
      ['Top-up pack', 'Pack 1', 'price'],
    ] as const) {
      for (const value of [123_456.789, '123,456.789', 8.805, 0.001]) {
        const { table, row } = edit(section, item, field, value);
        const message = s.error('KLING_PLAN', 'pro', 'price', '', table).message;
        expect(message, `${section} ${item} ${value}`).toMatch(
          new RegExp(
            `^prices row ${row}, column D \\(Value\\): .* has more than 2 decimals; use a price in USD above 0 with at most 2 decimals$`,
          ),
        );
      }
    }
    // Two decimals, whatever float noise a formula leaves: accepted, and exact to the cent.
    const { table } = edit('Plan', 'Pro', 'monthly renewal', 0.1 + 0.2 + 32.26);
    expect(s.call('KLING_PLAN', 'pro', 'price', '', table)).toBe(32.56);
    expect(s.call('KLING_PLAN', 'pro', 'year', '', table)).toBe(390.72);
  });

  it("API and reseller prices keep four decimals ($0.0845 a second, PiAPI's $0.1667); a fifth is refused", () => {
    const { table } = edit('API, Kling 3.0', 'standard', 'USD per second', 0.0845);
    expect(s.call('KLING_API_COST', 'std', 7, false, '3.0', '', table)).toBe(0.5915);
    expect(s.call('KLING_API_COST', 'std', 5, false, '3.0')).toBe(0.42);
    // The default book's PiAPI Kling 4.0 at 720p: $0.1667 a second, exact to the hundredth of a cent.
    expect(s.call('KLING_API_COST', 'std', 7, true, '4.0', 'PiAPI')).toBe(1.1669);
    expect(s.call('KLING_API_COST', 'std', 30, true, '4.0', 'PiAPI')).toBe(5.001);
    const bad = edit('API, Kling 3.0', 'standard', 'USD per second', 0.08451);
    expect(s.error('KLING_API_COST', 'std', 5, false, '3.0', '', bad.table).message).toBe(
      `prices row ${bad.row}, column D (Value): 0.08451 has more than 4 decimals; use a price in USD above 0 with at most 4 decimals`,
    );
    const resold = edit('Reseller fal, Kling 4.0', 'professional with audio', 'USD per second', 0.23456);
    expect(s.error('KLING_API_COST', 'pro', 5, true, '4.0', 'fal', resold.table).message).toBe(
      `prices row ${resold.row}, column D (Value): 0.23456 has more than 4 decimals; use a price in USD above 0 with at most 4 decimals`,
    );
    // A formula's float noise is no fifth decimal.
    const noisy = edit('Reseller fal, Kling 4.0', 'professional with audio', 'USD per second', 0.1 + 0.2 - 0.0655);
    expect(s.call('KLING_API_COST', 'pro', 10, true, '4.0', 'fal', noisy.table)).toBe(2.345);
  });
});

describe('price ranges of 125,000 rows and more', () => {
  it("the whole columns 'Kling prices'!A:H of 150,000 rows: read, quickly, by every function", () => {
    const table = [...base(), ...blankRows(150_000 - base().length)];
    const started = performance.now();
    expect(s.call('KLING_CREDITS', 'pro', 10, true, '', table)).toBe(200);
    expect(s.call('KLING_YEARLY', 700, '', table)).toEqual(s.call('KLING_YEARLY', 700));
    expect(s.call('KLING_BUDGET', 'pro', 10, true, 3, '', '', '', table)).toEqual(s.call('KLING_BUDGET', 'pro', 10, true, 3));
    expect(s.call('KLING_SCHEDULE', column(700, 700), '', '', table)).toEqual(s.call('KLING_SCHEDULE', column(700, 700)));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('125,000 rows that are not blank: a clean message naming the first bad row, for single and range calls', () => {
    const table = [...base(), ...Array.from({ length: 125_000 }, (_, i) => [`note ${i}`, i, '', '', '', '', '', ''])];
    const message = `prices row ${base().length + 1}, column A (Section): "note 0" is not a section of the price table; use Plan, Top-up pack, App credits, <model>, Images, API, <model>, API unit, API pack, Reseller <provider>, <model> or Reseller <provider>`;
    expect(s.error('KLING_CREDITS', 'pro', 10, true, '', table).message).toBe(message);
    expect(s.error('KLING_SCHEDULE', column(700), '', '', table).message).toBe(message);
    expect(s.call('KLING_CREDITS', column('pro', ''), column(10, ''), '', '', table)).toEqual([[`ERROR: ${message}`], ['']]);
  });

  it('a broken table of 20,000 rows with a range call of 117 distinct clips: the table is read once, not per position', () => {
    const header = base()[0] as Row;
    const broken = [
      header,
      ['Plan', 'Pro', 'monthly renewal', 'call sales', '', 'official', 'x', '2026-01-01'],
      ...Array.from({ length: 20_000 }, (_, i) => ['', '', '', '', '', '', '', `note ${i}`]),
    ];
    const modes = column(...Array.from({ length: 300 }, (_, i) => ['std', 'pro', '4k'][i % 3]));
    const secs = column(...Array.from({ length: 300 }, (_, i) => 3 + (i % 13)));
    const audio = column(...Array.from({ length: 300 }, (_, i) => [true, false, 'voice'][Math.floor(i / 39) % 3]));
    const started = performance.now();
    const result = s.call('KLING_CREDITS', modes, secs, audio, '3.0', broken) as unknown[][];
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(new Set(result.map((r) => r[0]))).toEqual(
      new Set(['ERROR: prices row 2, column D (Value): "call sales" is not a number; use a price in USD above 0 with at most 2 decimals']),
    );
  });

  it('125,000 rows of one cell each, or of odd cells: a clean message', () => {
    const narrow = Array.from({ length: 125_000 }, () => ['x']);
    expect(s.error('KLING_CREDITS', 'pro', 10, true, '', narrow).message).toBe(
      'prices the price table needs 8 columns (A to H: Section, Item, Field, Value, Unit, Confidence, Source, As of); this range has 1',
    );
    const odd = [
      ...base(),
      ...Array.from({ length: 125_000 }, (_, i) => [i % 2 ? Number.NaN : s.date('2026-01-01T00:00:00'), '', '', '', '', '', '', '']),
    ];
    expect(s.error('KLING_CREDITS', 'pro', 10, true, '', odd).message).toMatch(
      /^prices row \d+, column A \(Section\): .* is not a section of the price table/,
    );
  });
});

describe('no NaN or Infinity, whatever the numbers: the right answer or a clear error', () => {
  /** The call's result is finite everywhere, or it throws a plain message. */
  function finiteOrClear(name: string, ...args: unknown[]): unknown {
    try {
      return s.call(name, ...args); // sheets() checks every cell is a finite number, text or boolean
    } catch (error) {
      if (!(error instanceof s.Error)) throw error;
      return s.error(name, ...args).message;
    }
  }

  it('KLING_YEARLY(5e-324) is never Infinity: a need within 1e-6 of 0 is 0 (the counts rule), a need below one credit buys one credit a month', () => {
    for (const need of [Number.MIN_VALUE, 1e-300, 1e-12, 1e-7, 1e-6]) {
      const result = finiteOrClear('KLING_YEARLY', need) as unknown[][];
      expect(result[1], String(need)).toEqual(['Cheapest 12-month cost (USD)', 0, 0, 0, 0, '']);
      expect(result[3], String(need)).toEqual(['Average cost per credit over the year (USD)', '', '', '', '', '']);
    }
    for (const need of [0.000001001, 0.001, 0.5]) {
      const result = finiteOrClear('KLING_YEARLY', need) as unknown[][];
      expect(result[1]?.[1], String(need)).toBe(1);
      expect(result[1]?.[3], String(need)).toBe(105.6);
      // $105.60 for 12 credits bought.
      expect(result[3]?.[3], String(need)).toBe(10_560 / 1200);
    }
    expect((s.call('KLING_YEARLY', 700) as unknown[][])[3]?.[3]).toBe(11_560 / (1200 * 700));
  });

  it('the largest needs and counts: finite answers', () => {
    const yearly = s.call('KLING_YEARLY', 26_000_000) as unknown[][];
    expect(yearly[1]?.[1]).toBe(26_000_000);
    const schedule = s.call('KLING_SCHEDULE', column(...new Array(24).fill(26_000_000)), 'list', 1_000_000_000) as unknown[][];
    expect(schedule).toHaveLength(26);
    const api = s.call('KLING_API_SCHEDULE', column(...new Array(24).fill(100_000_000))) as unknown[][];
    expect(api.at(-1)?.[0]).toBe('Total');
    const budget = s.call('KLING_BUDGET', 'std', 5, false, 1_000_000, 'annual', 0.5) as unknown[][];
    expect(budget.find((r) => r[0] === 'Credits with retakes')?.[1]).toBe(20_000_000);
    // The largest rate below 1 read to 6 decimals, 0.999999: a million generations a delivered video.
    // (Its exactness is singleValues.test.ts's: here, a finite figure of the right size.)
    const largest = finiteOrClear('KLING_COST', 'pro', 10, true, 'standard', '', 0.9999994) as number;
    expect(Math.abs(largest / (8_000_000 / 3) - 1)).toBeLessThan(1e-9);
    // A rate that reads as 1 (to 6 decimals) is no rate: a clear error, never Infinity.
    for (const rate of [1 - Number.EPSILON, 0.9999995]) {
      expect(finiteOrClear('KLING_COST', 'pro', 10, true, 'standard', '', rate)).toMatch(/^retake_rate .* is outside 0 to below 1/);
    }
  });

  it('every function with huge, tiny and odd numbers in every position: finite cells or a clear error', () => {
    const numbers = [5e-324, -5e-324, 1e-300, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 26_000_000.5, 0.9999999999999999, 1e21];
    const calls: Record<string, unknown[]> = {
      KLING_CREDITS: ['pro', 10, true, '3.0'],
      KLING_COST: ['pro', 10, true, 'standard', 'monthly', 0.2, '3.0'],
      KLING_VIDEOS: ['standard', 'pro', 10, true, 0.2, '3.0'],
      KLING_IMAGES: ['pro'],
      KLING_PLAN: ['pro', 'cost_per_credit', 'annual'],
      KLING_BEST_PLAN: [700, 'monthly', true],
      KLING_MONTHLY_COST: [700, 'monthly', true],
      KLING_API_COST: ['pro', 10, true, '3.0', 'fal'],
      KLING_BUDGET: [column('pro', 'std'), column(10, 5), column(true, false), column(3, 2), 'monthly', 0.2, '3.0'],
      KLING_YEARLY: [700, true],
      KLING_SCHEDULE: [column(700, 800), 'monthly', 100],
      KLING_API_SCHEDULE: [column(2.8, 3)],
      KLING_ACTUALS: [
        column('2026-11-03', '2026-11-04'),
        column('pro', 'std'),
        column(10, 5),
        column(true, false),
        column('kept', 'failed'),
        '3.0',
      ],
      KLING_CHANNELS: [
        column('3.0', '4.0'),
        column('pro', 'std'),
        column(10, 5),
        column(true, true),
        [
          [3, 2],
          [1, 0],
        ],
        'cheapest',
        column(0.2, ''),
        column(1, 0),
        row(10, 5),
        1,
        0.3,
        100,
      ],
      KLING_PRICE_CHANGES: [bookToRows(DEFAULT_PRICE_BOOK)],
    };
    let answered = 0;
    for (const [name, args] of Object.entries(calls)) {
      for (let i = 0; i < args.length; i++) {
        for (const n of numbers) {
          const single = [...args];
          single[i] = n;
          finiteOrClear(name, ...single);
          const ranged = [...args];
          ranged[i] = Array.isArray(args[i]) ? [[n], ...(args[i] as unknown[][]).slice(1)] : column(n, args[i]);
          finiteOrClear(name, ...ranged);
          answered += 2;
        }
      }
    }
    expect(answered).toBe(1280);
  });

  it('a user table with the smallest and largest prices it accepts: finite everywhere', () => {
    const table = base();
    const set = (section: string, item: string, field: string, value: unknown) => {
      const r = table.find((x) => x[0] === section && x[1] === item && x[2] === field) as Row;
      r[3] = value;
    };
    set('Plan', 'Standard', 'credits per month', 1);
    set('Plan', 'Standard', 'yearly', 1_000_000);
    set('Plan', 'Ultra', 'credits per month', 100_000_000);
    set('Plan', 'Ultra', 'first month', 0.01);
    set('Top-up pack', 'Pack 1', 'credits', 1);
    set('Top-up pack', 'Pack 1', 'price', 1_000_000);
    set('Images', 'image', 'credits per image', 0.001);
    table.push(['App credits, Kling 9', 'standard', 'credits per second', 0.01, '', 'estimate', 'test', '2026-10-01']);
    table.push(['App credits, Kling 9', 'shortest clip', 'seconds', 1, '', 'estimate', 'test', '2026-10-01']);
    table.push(['App credits, Kling 9', 'longest clip', 'seconds', 600, '', 'estimate', 'test', '2026-10-01']);
    expect(s.call('KLING_CREDITS', 'std', 1, false, 9, table)).toBe(0.01);
    expect(s.call('KLING_VIDEOS', 'ultra', 'std', 1, false, '', 9, table)).toBe(10_000_000_000);
    finiteOrClear('KLING_COST', 'std', 1, false, 'standard', 'annual', 0.99, 9, table);
    finiteOrClear('KLING_IMAGES', 'ultra', table);
    finiteOrClear('KLING_PRICES', table);
    finiteOrClear('KLING_YEARLY', 26_000_000, '', table);
    finiteOrClear('KLING_BUDGET', 'std', 600, false, 1_000_000, 'intro', 0.99, 9, table);
    finiteOrClear('KLING_BUDGET', 'std', 1, false, 1_000_000, 'cheapest', 0.999999, 9, table);
    finiteOrClear(
      'KLING_CHANNELS',
      9,
      'std',
      600,
      false,
      row(1_000_000, 1),
      'cheapest',
      0.999999,
      100,
      row(10_000_000, 1),
      0.001,
      0.5,
      1e9,
      '',
      table,
    );
    finiteOrClear('KLING_CHANNELS', 9, 'std', 1, false, row(1, 1_000_000), 'list', 0, 0, '', '', '', 0, 'months', table);
    finiteOrClear('KLING_PRICE_CHANGES', bookToRows(DEFAULT_PRICE_BOOK), table);
    finiteOrClear('KLING_SCHEDULE', column(1, 26_000_000), 'intro', '', table);
  });
});
