/**
 * KLING_PRICE_CHANGES(locked_prices, [prices]) (finance.md) through dist/Code.js: the rows of the
 * price table in force (`prices`, else the default book) whose Value differs from a locked copy
 * given as a range. Rows are matched on Section, Item and Field as the reader matches them (case
 * and spaces ignored, "Kling 3.0" and "3" one model); Unit, Confidence, Source and As of are
 * ignored; an added row has a blank locked value, a removed row a blank value now; rows in the
 * order of the table in force, then the removed rows; no difference is the single row
 * `No price changed`.
 */
import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { sheets, wholeColumn } from './sheets';

const s = sheets();
const HEADER = ['Section', 'Item', 'Field', 'Locked value', 'Value now'];
const NONE = [HEADER, ['No price changed', '', '', '', '']];
const book = () => bookToRows(DEFAULT_PRICE_BOOK).map((r) => [...r]) as unknown[][];
const find = (table: unknown[][], section: string, item: string, field: string) =>
  table.find((r) => r[0] === section && r[1] === item && r[2] === field) as unknown[];
const acmeRows = () => [
  ['Reseller Acme, Kling 3.0', 'professional with audio', 'USD per second', 0.15, '', 'third-party', 'a test', '2026-12-06'],
  ['Reseller Acme, Kling 3.0', 'shortest clip', 'seconds', 3, '', 'third-party', 'a test', '2026-12-06'],
  ['Reseller Acme, Kling 3.0', 'longest clip', 'seconds', 15, '', 'third-party', 'a test', '2026-12-06'],
];

describe('against a locked copy given as a range', () => {
  it('the same table: No price changed, with or without prices, and as whole columns with blank rows after', () => {
    expect(s.call('KLING_PRICE_CHANGES', book())).toEqual(NONE);
    expect(s.call('KLING_PRICE_CHANGES', book(), book())).toEqual(NONE);
    const blank = () => ['', '', '', '', '', '', '', ''];
    const whole = [...book(), ...Array.from({ length: 5_000 }, blank)];
    expect(s.call('KLING_PRICE_CHANGES', whole, whole)).toEqual(NONE);
    // Column A alone is no table: wholeColumn gives one cell a row.
    expect(s.error('KLING_PRICE_CHANGES', wholeColumn(['Section'], 3)).message).toMatch(/^locked_prices /);
  });

  it('a changed value, an added row and a removed row: in the order of the table in force, then the removed rows', () => {
    const locked = book();
    find(locked, 'Plan', 'Pro', 'monthly renewal')[3] = 30;
    find(locked, 'Top-up pack', 'Pack 1', 'price')[3] = 4;
    // PiAPI's Flash rows were added after the lock; Acme's were removed.
    const now = book();
    const flash = locked.findIndex((r) => r[0] === 'Reseller PiAPI, Kling 4.0 Flash');
    locked.splice(flash, 3);
    locked.push(...acmeRows());
    expect(s.call('KLING_PRICE_CHANGES', locked, now)).toEqual([
      HEADER,
      ['Plan', 'Pro', 'monthly renewal', 30, 32.56],
      ['Top-up pack', 'Pack 1', 'price', 4, 5],
      ['Reseller PiAPI, Kling 4.0 Flash', 'standard with audio', 'USD per second', '', 0.1],
      ['Reseller PiAPI, Kling 4.0 Flash', 'shortest clip', 'seconds', '', 3],
      ['Reseller PiAPI, Kling 4.0 Flash', 'longest clip', 'seconds', '', 20],
      ['Reseller Acme, Kling 3.0', 'professional with audio', 'USD per second', 0.15, ''],
      ['Reseller Acme, Kling 3.0', 'shortest clip', 'seconds', 3, ''],
      ['Reseller Acme, Kling 3.0', 'longest clip', 'seconds', 15, ''],
    ]);
    // Without prices the table in force is the default book: the same answer.
    expect(s.call('KLING_PRICE_CHANGES', locked)).toEqual(s.call('KLING_PRICE_CHANGES', locked, now));
  });

  it('the order of the locked copy does not matter: the rows come in the order of the table in force', () => {
    const now = book();
    const locked = [now[0] as unknown[], ...now.slice(1).reverse()].map((r) => [...r]);
    find(locked, 'Plan', 'Pro', 'monthly renewal')[3] = 30;
    find(locked, 'Plan', 'Standard', 'monthly renewal')[3] = 8;
    expect(s.call('KLING_PRICE_CHANGES', locked)).toEqual([
      HEADER,
      ['Plan', 'Standard', 'monthly renewal', 8, 8.8],
      ['Plan', 'Pro', 'monthly renewal', 30, 32.56],
    ]);
  });

  it('rows matched as the reader matches them: case, spaces, "Kling 3.0" and "3", an item written another way; Unit, Confidence, Source and As of ignored', () => {
    const locked = book();
    for (const r of locked) {
      if (r[0] === 'App credits, Kling 3.0') {
        r[0] = ' app credits,  kling 3 ';
        r[1] = String(r[1]).toUpperCase();
      }
      if (r[0] === 'API, Kling 3.0') r[0] = 'API, 3';
      if (r[0] === 'Plan') {
        r[2] = ` ${String(r[2]).toUpperCase()} `;
        r[4] = 'another unit';
        r[5] = 'estimate';
        r[6] = 'another source';
        r[7] = '2020-01-01';
      }
    }
    find(locked, 'Top-up pack', 'Pack 1', 'price')[1] = 'pack 01';
    find(locked, 'App credits, Kling 2.6', 'professional 10 s with audio', 'credits per clip')[1] = 'Professional  10s with audio';
    // A number typed as text is the same number.
    find(locked, 'Plan', 'Ultra', ' MONTHLY RENEWAL ')[3] = '159.99';
    expect(s.call('KLING_PRICE_CHANGES', locked)).toEqual(NONE);
    // A real change under a differently written key is one changed row, named as the table in force writes it.
    find(locked, 'API, 3', 'professional with audio', 'USD per second')[3] = 0.2;
    expect(s.call('KLING_PRICE_CHANGES', locked)).toEqual([
      HEADER,
      ['API, Kling 3.0', 'professional with audio', 'USD per second', 0.2, 0.168],
    ]);
  });

  it('an edited table in force: its own changes against the lock', () => {
    const locked = book();
    const now = [...book(), ...acmeRows()];
    find(now, 'Plan', 'Standard', 'credits per month')[3] = 600;
    expect(s.call('KLING_PRICE_CHANGES', locked, now)).toEqual([
      HEADER,
      ['Plan', 'Standard', 'credits per month', 660, 600],
      ['Reseller Acme, Kling 3.0', 'professional with audio', 'USD per second', '', 0.15],
      ['Reseller Acme, Kling 3.0', 'shortest clip', 'seconds', '', 3],
      ['Reseller Acme, Kling 3.0', 'longest clip', 'seconds', '', 15],
    ]);
  });
});

describe('a broken table is named, never half compared', () => {
  it('a broken locked table: a message naming locked_prices, its row and column', () => {
    const locked = book();
    (locked[5] as unknown[])[3] = 'oops';
    expect(s.error('KLING_PRICE_CHANGES', locked).message).toBe(
      'locked_prices row 6, column D (Value): "oops" is not a number; use a price in USD of 0 or more with at most 2 decimals',
    );
    const unknownSection = [...book(), ['Plans', 'Pro', 'price', 1, '', 'official', 'x', '2026-01-01']];
    expect(s.error('KLING_PRICE_CHANGES', unknownSection).message).toMatch(
      new RegExp(`^locked_prices row ${unknownSection.length}, column A \\(Section\\): "Plans" is not a section of the price table`),
    );
    expect(s.error('KLING_PRICE_CHANGES', [['x'], ['y']]).message).toBe(
      'locked_prices the price table needs 8 columns (A to H: Section, Item, Field, Value, Unit, Confidence, Source, As of); this range has 1',
    );
    expect(s.error('KLING_PRICE_CHANGES', 'Kling prices locked 2026-12-06').message).toBe(
      "locked_prices must be the range holding a price table, such as 'Kling prices locked 2026-12-06'!A:H, not a single value",
    );
  });

  it('a broken table in force: named as prices, as every function names it', () => {
    const now = book();
    (now[5] as unknown[])[3] = 'oops';
    expect(s.error('KLING_PRICE_CHANGES', book(), now).message).toBe(
      'prices row 6, column D (Value): "oops" is not a number; use a price in USD of 0 or more with at most 2 decimals',
    );
  });

  it('a blank locked_prices (the Locked version cell still empty) gives a blank', () => {
    expect(s.call('KLING_PRICE_CHANGES', '')).toBe('');
    expect(s.call('KLING_PRICE_CHANGES')).toBe('');
  });
});
