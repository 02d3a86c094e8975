import vm from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppsScriptFakes } from '../fakes/appsScript';
import { callGlobal, loadBundle } from '../support/loadBundle';

type Table = unknown[][];

/** The price table as a formula's `prices` argument sees it: 'Kling prices'!A1:H200 after "Edit prices". */
function editedTable(): { table: Table; context: vm.Context } {
  const fakes = createAppsScriptFakes();
  const context = loadBundle(fakes.services);
  callGlobal(context, 'editPrices');
  const sheet = fakes.spreadsheet.getSheetByName('Kling prices');
  if (!sheet) throw new Error('Edit prices wrote no sheet');
  return { table: sheet.getRange('A1:H200').getValues(), context };
}

function setValue(table: Table, section: string, item: string, field: string, value: unknown, column = 3): Table {
  const copy = table.map((row) => [...row]);
  const row = copy.find((r) => r[0] === section && r[1] === item && r[2] === field);
  if (!row) throw new Error(`no row ${section} / ${item} / ${field}`);
  row[column] = value;
  return copy;
}

function rowNumber(table: Table, section: string, item: string, field: string): number {
  return table.findIndex((r) => r[0] === section && r[1] === item && r[2] === field) + 1;
}

describe('the prices argument', () => {
  let context: vm.Context;
  let table: Table;
  beforeEach(() => {
    ({ context, table } = editedTable());
  });
  const call = (name: string, ...args: unknown[]) => callGlobal(context, name, ...args);

  // [function, arguments before prices, edited row, new value, default result, edited result]
  const cases: [string, unknown[], [string, string, string], unknown, unknown, unknown][] = [
    [
      'KLING_CREDITS',
      ['professional', 10, true, ''],
      ['App credits, Kling 2.6', 'professional 10 s with audio', 'credits per clip'],
      180,
      200,
      180,
    ],
    ['KLING_COST', ['pro', 10, true, 'standard', '', '', ''], ['Plan', 'Standard', 'monthly renewal'], 6.6, (200 * 8.8) / 660, 2],
    ['KLING_VIDEOS', ['standard', 'professional', 10, true, '', ''], ['Plan', 'Standard', 'credits per month'], 800, 3, 4],
    ['KLING_IMAGES', ['standard'], ['Images', 'image', 'credits per image'], 0.25, 3300, 2640],
    ['KLING_PLAN', ['pro', 'price', ''], ['Plan', 'Pro', 'monthly renewal'], 30, 32.56, 30],
    ['KLING_BEST_PLAN', [700, '', ''], ['Top-up pack', 'Pack 1', 'price'], 50, 'Standard + 330-credit pack', 'Standard + 660-credit pack'],
    ['KLING_MONTHLY_COST', [700, '', ''], ['Top-up pack', 'Pack 1', 'price'], 50, 13.8, 18.8],
    [
      'KLING_API_COST',
      ['professional', 10, true, '', ''],
      ['API, Kling 2.6', 'professional 10 s with audio', 'USD per clip'],
      1.2,
      1.4,
      1.2,
    ],
    // A reseller's price, to the fourth decimal.
    [
      'KLING_API_COST',
      ['professional', 10, true, '4.0', 'PiAPI'],
      ['Reseller PiAPI, Kling 4.0', 'professional with audio', 'USD per second'],
      0.2499,
      2.5,
      2.499,
    ],
    [
      'KLING_API_COST',
      ['standard', 5, true, '4.0', 'fal'],
      ['Reseller fal, Kling 4.0', 'standard with audio', 'USD per second'],
      0.1571,
      0.785,
      0.7855,
    ],
  ];
  for (const [name, args, [section, item, field], value, before, after] of cases) {
    it(`${name}: an edited price changes the result`, () => {
      const plain = call(name, ...args);
      const withTable = call(name, ...args, table);
      const edited = call(name, ...args, setValue(table, section, item, field, value));
      for (const [got, want] of [
        [plain, before],
        [withTable, before],
        [edited, after],
      ] as const) {
        if (typeof want === 'number') expect(got as number).toBeCloseTo(want, 12);
        else expect(got).toBe(want);
      }
    });
  }

  it('KLING_BUDGET, KLING_PRICES and KLING_YEARLY follow the edited table', () => {
    const edited = setValue(table, 'Plan', 'Pro', 'monthly renewal', 40);
    const monthlyOf = (result: unknown) => (result as unknown[][]).find((r) => r[0] === 'Monthly cost (USD)')?.[1];
    const bestOf = (result: unknown) => (result as unknown[][]).find((r) => r[0] === 'Best option (one month on its own)')?.[1];
    const yearOf = (result: unknown) => (result as unknown[][]).find((r) => r[0] === '12-month cost (USD)')?.[1];
    // 10 videos of 200 credits at the default retake rate of 20 %: 2,000 / 0.8 = 2,500 credits a month.
    expect(monthlyOf(call('KLING_BUDGET', 'professional', 10, true, 10, '', '', '', table))).toBe(32.56);
    const budget = call('KLING_BUDGET', 'professional', 10, true, 10, '', '', '', edited);
    expect(bestOf(budget)).toBe('Standard + 1,320-credit pack + 660-credit pack');
    expect(monthlyOf(budget)).toBe(38.8);
    // Twelve months from the schedule: 3 months of Pro and 9 of Standard, 9 x 1,840 = 16,560 credits short
    // (a 16,000 and a 660-credit pack, $210): $386.88, against Pro every month ($390.72) and Standard every
    // month with 22,140 credits of packs ($395.60); with Pro at $40, Standard every month ($395.60); with
    // Pro at $20, Pro every month ($240).
    expect(yearOf(call('KLING_BUDGET', 'professional', 10, true, 10, '', '', '', table))).toBe(386.88);
    expect(yearOf(budget)).toBe(395.6);
    expect(
      yearOf(call('KLING_BUDGET', 'professional', 10, true, 10, '', '', '', setValue(table, 'Plan', 'Pro', 'monthly renewal', 20))),
    ).toBe(240);

    const prices = call('KLING_PRICES', edited) as unknown[][];
    const pro = prices.find((r) => r[0] === 'Pro');
    expect(pro?.[4]).toBe(40);
    expect((call('KLING_PRICES') as unknown[][]).find((r) => r[0] === 'Pro')?.[4]).toBe(32.56);

    const yearly = (t?: Table) => call('KLING_YEARLY', 2000, '', ...(t ? [t] : [])) as unknown[][];
    // Standard every month and 12 x 1,340 credits of packs carried over (16,000 + 330 for $205).
    expect(yearly()[1]).toEqual(['Cheapest 12-month cost (USD)', 2000, 308.79, 310.6, 284.2, '']);
    expect(yearly(table)[1]).toEqual(yearly()[1]);
    const renewal7 = setValue(table, 'Plan', 'Standard', 'monthly renewal', 7);
    // 6.99 + 11 x 7 + 205; 12 x 7 + 205; the yearly price is its own row and stays 79.20 + 205.
    expect(yearly(renewal7)[1]).toEqual(['Cheapest 12-month cost (USD)', 2000, 288.99, 289, 284.2, '']);
  });

  it('reads date cells as dates (made in the script realm, as Sheets passes them)', () => {
    const date = vm.runInContext('new Date(Date.UTC(2026, 10, 1))', context) as Date;
    const edited = setValue(setValue(table, 'Plan', 'Pro', 'monthly renewal', 30), 'Plan', 'Pro', 'monthly renewal', date, 7);
    expect(call('KLING_PLAN', 'pro', 'price', '', edited)).toBe(30);
    const pro = (call('KLING_PRICES', edited) as unknown[][]).find((r) => r[0] === 'Pro');
    expect(pro?.[11]).toBe('2026-11-01');
  });

  it('is never broadcast: a column of clips with the whole table', () => {
    const result = call('KLING_CREDITS', [['standard'], ['professional'], ['']], [[5], [10], ['']], [[false], [true], [false]], '', table);
    expect(result).toEqual([[10], [200], ['']]);
  });

  describe('a broken table', () => {
    const broken = () => setValue(table, 'Plan', 'Standard', 'monthly renewal', 'call sales');
    const where = () => rowNumber(table, 'Plan', 'Standard', 'monthly renewal');

    it('fails a single call with the row and column of the bad cell, never falling back to the default', () => {
      expect(() => call('KLING_COST', 'pro', 10, true, 'standard', '', '', '', broken())).toThrow(
        `prices row ${where()}, column D (Value): "call sales" is not a number; use a price in USD above 0 with at most 2 decimals`,
      );
      for (const [name, args] of [
        ['KLING_CREDITS', ['standard', 5, false, '']],
        ['KLING_BEST_PLAN', [700, '', '']],
        ['KLING_YEARLY', [700, '']],
        ['KLING_BUDGET', ['standard', 5, false, 1, '', '', '']],
      ] as const) {
        expect(() => call(name, ...args, broken()), name).toThrow(new RegExp(`^prices row ${where()}, column D`));
      }
      expect(() => call('KLING_PRICES', broken())).toThrow(new RegExp(`^prices row ${where()}, column D`));
    });

    it('gives ERROR text at each computed position of a range call and keeps blank rows blank', () => {
      const result = call('KLING_CREDITS', [['standard'], ['']], [[5], ['']], '', '', broken()) as unknown[][];
      expect(result[0]?.[0]).toMatch(new RegExp(`^ERROR: prices row ${where()}, column D`));
      expect(result[1]).toEqual(['']);
    });

    it('leaves a formula over a blank row blank', () => {
      expect(call('KLING_CREDITS', '', '', false, '', broken())).toBe('');
      expect(call('KLING_YEARLY', '', '', broken())).toBe('');
    });

    it('a missing row is an error too', () => {
      const missing = table.filter((r) => !(r[1] === 'Pro' && r[2] === 'yearly'));
      expect(() => call('KLING_PLAN', 'pro', 'price', '', missing)).toThrow(/^prices the row Plan, Pro, yearly is missing/);
    });
  });

  it('rejects a single value where the table belongs', () => {
    expect(() => call('KLING_COST', 'pro', 10, true, 'standard', '', '', '', 'Kling prices')).toThrow(
      /^prices must be the range holding the price table, such as 'Kling prices'!A:H \(use "Edit prices" to create it\), not a single value$/,
    );
  });

  it('KLING_YEARLY: a table with a header row, one value per call, single values only', () => {
    const result = call('KLING_YEARLY', 700) as unknown[][];
    expect(result[0]).toEqual([
      '12-month view',
      'Credits per month',
      'First month + 11 renewals (USD)',
      '12 monthly renewals (USD)',
      'Annual billing (USD)',
      'Cheapest under',
    ]);
    // Every figure from the schedule of 12 equal months, top-ups carried over.
    expect(result[1]).toEqual(['Cheapest 12-month cost (USD)', 700, 113.79, 115.6, 89.2, '']);
    expect(result[4]).toEqual([
      'Standard + 660-credit pack',
      660,
      113.79,
      115.6,
      89.2,
      'first month + renewals, monthly renewals, annual billing',
    ]);
    expect(() => call('KLING_YEARLY', [[700], [800]])).toThrow('credits_per_month must be a single value, not a range');
    expect(() => call('KLING_YEARLY', 30_000, false)).toThrow(/no plan alone covers 30,000 credits a month/);
    expect(() => call('KLING_YEARLY', -1)).toThrow(/credits_per_month -1 is out of range/);
    expect(call('KLING_YEARLY', '')).toBe('');
  });
});
