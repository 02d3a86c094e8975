import { describe, expect, it } from 'vitest';
import type { PriceBook, PriceCell } from '../../src/pricing';
import { bookFromRows, bookToRows, DEFAULT_PRICE_BOOK, InputError, PRICE_TABLE_HEADER, PricingEngine } from '../../src/pricing';

const rows = () => bookToRows(DEFAULT_PRICE_BOOK);

/** Row index (0-based, header = 0) of a row by section, item and field. */
function find(table: PriceCell[][], section: string, item: string, field: string): number {
  const i = table.findIndex((r) => r[0] === section && r[1] === item && r[2] === field);
  if (i < 0) throw new Error(`no row ${section} / ${item} / ${field}`);
  return i;
}

function read(table: unknown[][]): PriceBook {
  const book = bookFromRows(table);
  if (book instanceof InputError) throw book;
  return book;
}

function problem(table: unknown[][]): string {
  const result = bookFromRows(table);
  expect(result, 'the table is rejected').toBeInstanceOf(InputError);
  return (result as InputError).message;
}

describe('the price table', () => {
  it('writes a header and one row per number of the book, with unit, confidence, source and date', () => {
    const table = rows();
    expect(table[0]).toEqual([...PRICE_TABLE_HEADER]);
    // 5 plans x 5 numbers, 8 packs x 3, 8 + 6 app credits, 1 image, 6 + 6 API prices.
    expect(table.length - 1).toBe(25 + 24 + 8 + 6 + 1 + 6 + 6);
    for (const row of table.slice(1)) {
      expect(row).toHaveLength(8);
      expect(typeof row[3]).toBe('number');
      expect(['official', 'guide', 'estimate']).toContain(row[5]);
      expect(String(row[6]).length).toBeGreaterThan(5);
      expect(row[7]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const keys = table.slice(1).map((r) => `${r[0]}|${r[1]}|${r[2]}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(table[find(table, 'Plan', 'Standard', 'monthly renewal')]?.[3]).toBe(8.8);
    expect(table[find(table, 'Plan', 'Free', 'credits per day')]?.[3]).toBe(66);
    expect(table[find(table, 'Top-up pack', 'Pack 4', 'bonus credits')]?.[3]).toBe(200);
    expect(table[find(table, 'API, Kling 3.0', 'standard', 'USD per second')]?.[3]).toBe(0.084);
    expect(table[find(table, 'App credits, Kling 2.6', 'professional 10 s with audio', 'credits per clip')]?.[6]).toContain('~200');
  });

  it('reads back into exactly the default book', () => {
    expect(read(rows())).toEqual(DEFAULT_PRICE_BOOK);
  });

  it('reads an edited value, and the engine answers with it', () => {
    const table = rows();
    const i = find(table, 'Plan', 'Pro', 'monthly renewal');
    table[i] = ['Plan', 'Pro', 'monthly renewal', 30, 'USD per month', 'official', 'Kling invoice 2026-11', '2026-11-01'];
    const book = read(table);
    const pro = book.plans.find((p) => p.id === 'pro');
    expect(pro?.renewal).toBe(30);
    // The plan's provenance: every source of its rows, the newest date.
    expect(pro?.source).toContain('Kling invoice 2026-11');
    expect(pro?.asOf).toBe('2026-11-01');
    expect(book.asOf).toBe('2026-11-01');
    expect(new PricingEngine(book).bestOption(2000, 'monthly', true).monthlyCost).toBe(30);
  });

  it('accepts numbers as text, any case and spacing of names, dates as date cells, and skips blank rows', () => {
    const table: unknown[][] = rows().map((r) => [...r]);
    const i = find(rows(), 'Top-up pack', 'Pack 1', 'price');
    table[i] = ['  top-up PACK ', 'pack 1', 'Price', '6.00', '', 'Official', 'shop', new Date(Date.UTC(2026, 10, 2, 23))];
    table.splice(5, 0, ['', '', '', '', '', '', '', '']);
    const book = read(table);
    expect(book.packs[0]?.price).toBe(6);
    expect(book.packs[0]?.asOf).toBe('2026-11-03');
  });

  it('reads a date cell as the calendar date of the sheet for time zones from UTC-11 to UTC+12', () => {
    for (const offsetHours of [-11, -5, 0, 5.5, 12]) {
      // Midnight of 2026-09-01 in a zone at UTC+offset is this instant.
      const instant = new Date(Date.UTC(2026, 8, 1) - offsetHours * 3600_000);
      const table: unknown[][] = rows().map((r) => [...r]);
      const i = find(rows(), 'Images', 'image', 'credits per image');
      table[i] = [...(table[i] as unknown[]).slice(0, 7), instant];
      expect(read(table).images.asOf, `UTC${offsetHours >= 0 ? '+' : ''}${offsetHours}`).toBe('2026-09-01');
    }
  });

  it('takes an added pack as Pack 9 and uses it', () => {
    const table: unknown[][] = rows();
    table.push(['Top-up pack', 'Pack 9', 'price', 3, 'USD', 'official', 'new pack', '2026-11-01']);
    table.push(['Top-up pack', 'Pack 9', 'credits', 330, 'credits', 'official', 'new pack', '2026-11-01']);
    table.push(['Top-up pack', 'Pack 9', 'bonus credits', 0, 'credits', 'official', 'new pack', '2026-11-01']);
    const book = read(table);
    expect(book.packs).toHaveLength(9);
    expect(new PricingEngine(book).bestOption(700, 'monthly', true).monthlyCost).toBe(11.8);
    expect(bookToRows(book)).toHaveLength(rows().length + 3);
  });

  describe('rejects a broken table with the row and column of the first bad cell, never mixing in the default', () => {
    const cases: [what: string, field: [string, string, string], column: number, value: unknown, expected: RegExp][] = [
      [
        'a word for a price',
        ['Plan', 'Pro', 'monthly renewal'],
        3,
        'about 30',
        /column D \(Value\): "about 30" is not a number; use a price in USD above 0/,
      ],
      ['an empty value', ['Plan', 'Pro', 'yearly'], 3, '', /column D \(Value\): the value is missing/],
      ['a negative price', ['Top-up pack', 'Pack 2', 'price'], 3, -10, /column D \(Value\): -10 is not above 0/],
      ['a zero price', ['Plan', 'Standard', 'first month'], 3, 0, /column D \(Value\): 0 is not above 0/],
      ['three decimals on a price', ['Plan', 'Ultra', 'list monthly'], 3, 180.005, /column D \(Value\): 180.005 has more than 2 decimals/],
      ['a fraction of a credit', ['Plan', 'Pro', 'credits per month'], 3, 3000.5, /column D \(Value\): 3000.5 is not a whole number/],
      ['infinity', ['API, Kling 3.0', '4k', 'USD per second'], 3, Infinity, /column D \(Value\): infinity is not a finite number/],
      ['not-a-number', ['Images', 'image', 'credits per image'], 3, NaN, /column D \(Value\): not-a-number is not a number/],
      [
        'TRUE for a number',
        ['App credits, Kling 2.6', 'standard 5 s', 'credits per clip'],
        3,
        true,
        /column D \(Value\): TRUE is not a number/,
      ],
      [
        'an unknown confidence',
        ['Plan', 'Pro', 'first month'],
        5,
        'sure',
        /column F \(Confidence\): "sure" is not a confidence; use official, guide or estimate/,
      ],
      ['an empty source', ['Plan', 'Pro', 'first month'], 6, ' ', /column G \(Source\): the source is missing/],
      [
        'a date that is not ISO',
        ['Plan', 'Pro', 'first month'],
        7,
        '12/08/2026',
        /column H \(As of\): "12\/08\/2026" is not a date; use a date such as 2026-08-12/,
      ],
      ['an impossible date', ['Plan', 'Pro', 'first month'], 7, '2026-02-30', /column H \(As of\): "2026-02-30" is not a date/],
      [
        'an unknown section',
        ['Plan', 'Pro', 'first month'],
        0,
        'Plans!',
        /column A \(Section\): "Plans!" is not a section of the price table/,
      ],
      [
        'an unknown item',
        ['Plan', 'Pro', 'first month'],
        1,
        'Gold',
        /column B \(Item\): "Gold" is not an item of Plan; use Free, Standard, Pro, Premier, Ultra/,
      ],
      [
        'an unknown field',
        ['Plan', 'Pro', 'first month'],
        2,
        'second month',
        /column C \(Field\): "second month" is not a field of Plan Pro/,
      ],
    ];
    for (const [what, [section, item, field], column, value, expected] of cases) {
      it(what, () => {
        const table: unknown[][] = rows();
        const i = find(rows(), section, item, field);
        (table[i] as unknown[])[column] = value;
        const message = problem(table);
        expect(message).toMatch(new RegExp(`^row ${i + 1}, `));
        expect(message).toMatch(expected);
      });
    }

    it('a duplicate row', () => {
      const table: unknown[][] = rows();
      const i = find(rows(), 'Plan', 'Pro', 'first month');
      table.push([...(table[i] as unknown[])]);
      expect(problem(table)).toBe(
        `row ${table.length}, column C (Field): this row repeats row ${i + 1} (Plan, Pro, first month); keep one row per price`,
      );
    });

    it('a missing row', () => {
      const table: unknown[][] = rows();
      table.splice(find(rows(), 'Plan', 'Premier', 'yearly'), 1);
      expect(problem(table)).toMatch(/^the row Plan, Premier, yearly is missing; every row of the price table is needed/);
    });

    it('a missing middle pack', () => {
      const table: unknown[][] = rows().filter((r) => r[1] !== 'Pack 3');
      expect(problem(table)).toMatch(/^the row Top-up pack, Pack 3, price is missing \(and 2 more\)/);
    });

    it('a wrong or missing header', () => {
      const table: unknown[][] = rows();
      table[0] = ['Section', 'Item', 'Field', 'Price', 'Unit', 'Confidence', 'Source', 'As of'];
      expect(problem(table)).toMatch(/^row 1, column D \(Value\): expected the header "Value", found "Price"/);
      expect(problem(rows().slice(1))).toMatch(/^row 1, column A \(Section\): expected the header "Section", found "Plan"/);
    });

    it('too few columns, or nothing', () => {
      expect(problem(rows().map((r) => r.slice(0, 7)))).toMatch(/needs 8 columns \(A to H/);
      expect(problem([])).toMatch(/needs 8 columns/);
      expect(problem([['', '', '', '', '', '', '', '']])).toMatch(/the price table is empty/);
    });

    it('the first bad cell in table order', () => {
      const table: unknown[][] = rows();
      const a = find(rows(), 'Plan', 'Standard', 'yearly');
      const b = find(rows(), 'Plan', 'Ultra', 'yearly');
      (table[b] as unknown[])[3] = 'x';
      (table[a] as unknown[])[7] = 'y';
      expect(problem(table)).toMatch(new RegExp(`^row ${a + 1}, column H`));
    });
  });
});
