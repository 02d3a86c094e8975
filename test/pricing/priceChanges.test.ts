/**
 * KLING_PRICE_CHANGES's core (finance.md, "Locked versions and what changed"): the rows of the price
 * table in force that differ from a locked copy. Rows are matched on Section, Item and Field as the
 * reader matches them (case and spaces ignored, a model by any of its names, a rate item by what it
 * prices, a pack by its number); a row differs when its Value differs (Unit, Confidence, Source and As
 * of are ignored); an added row has a blank locked value, a removed row a blank value now; rows in
 * the order of the table in force, then the removed rows; no difference: the single row "No price changed".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookFromRows,
  bookToRows,
  DEFAULT_PRICE_BOOK,
  NO_PRICE_CHANGED,
  PRICE_CHANGES_HEADER,
  priceChanges,
  rowKey,
} from '../../src/pricing';

const HEADER = ['Section', 'Item', 'Field', 'Locked value', 'Value now'];
const NONE = [HEADER, [NO_PRICE_CHANGED, '', '', '', '']];
const table = () => bookToRows(DEFAULT_PRICE_BOOK).map((r) => [...r]) as unknown[][];
const find = (t: unknown[][], section: string, item: string, field: string) => {
  const i = t.findIndex((r) => r[0] === section && r[1] === item && r[2] === field);
  if (i < 0) throw new Error(`no row ${section}, ${item}, ${field}`);
  return i;
};
const setValue = (t: unknown[][], i: number, value: unknown) => {
  (t[i] as unknown[])[3] = value;
};
const valueAt = (t: unknown[][], i: number) => (t[i] as unknown[])[3];
const row = (
  section: string,
  item: string,
  field: string,
  value: unknown,
  rest: unknown[] = ['', 'official', 'a source', '2026-12-01'],
) => [section, item, field, value, ...rest];

describe('price changes against a locked table', () => {
  it('the header, and "No price changed" when nothing differs', () => {
    expect([...PRICE_CHANGES_HEADER]).toEqual(HEADER);
    expect(priceChanges(table(), table())).toEqual(NONE);
  });

  it('a changed value: one row with the locked value and the value now', () => {
    const now = table();
    setValue(now, find(now, 'Plan', 'Pro', 'monthly renewal'), 30);
    expect(priceChanges(table(), now)).toEqual([HEADER, ['Plan', 'Pro', 'monthly renewal', 32.56, 30]]);
  });

  it('only the Value counts: Unit, Confidence, Source and As of may all change without a row', () => {
    const now = table();
    for (const r of now.slice(1)) {
      r[4] = 'another unit';
      r[5] = 'estimate';
      r[6] = 'another source';
      r[7] = '2027-01-01';
    }
    expect(priceChanges(table(), now)).toEqual(NONE);
    // Columns after the eighth (notes) are not read either.
    expect(
      priceChanges(
        table(),
        table().map((r, i) => (i === 0 ? r : [...r, 'a note'])),
      ),
    ).toEqual(NONE);
  });

  it('rows are matched as the reader matches them: case, spaces, model names, rate item aliases, pack numbers', () => {
    const locked = table();
    const spelled = table().map((r, i) => {
      if (i === 0) return r;
      const [section, item, field] = [String(r[0]), String(r[1]), String(r[2])];
      return [
        `  ${section.toUpperCase().replace(/ /g, '  ')} `,
        item
          .replace(/^professional/, 'pro')
          .replace(/^standard/, 'std')
          .replace(/with audio$/, 'with native audio')
          .replace(/^Pack (\d+)$/, 'pack 0$1'),
        ` ${field.toLowerCase()}`,
        ...r.slice(3),
      ];
    });
    expect(priceChanges(locked, spelled)).toEqual(NONE);
    // "Kling 3.0" is matched by "3", "3.0" and "Kling 3"; "Reseller fal" by "reseller FAL".
    const models = table().map((r, i) =>
      i === 0
        ? r
        : [
            String(r[0])
              .replace(/^App credits, Kling 3\.0$/, 'App credits, 3')
              .replace(/^API, Kling 3\.0$/, 'API, Kling 3')
              .replace(/^Reseller fal, Kling 3\.0$/, 'reseller FAL, 3.0'),
            ...r.slice(1),
          ],
    );
    expect(priceChanges(locked, models)).toEqual(NONE);
    // ... and the reader reads them as the same models (each named as its first row names it).
    const book = bookFromRows(models);
    if (book instanceof Error) throw book;
    expect(book.models).toHaveLength(DEFAULT_PRICE_BOOK.models.length);
    expect(book.models[1]?.name).toBe('3');
    expect(book.models[1]?.resellers.map((r) => r.provider)).toEqual(['FAL', 'Replicate']);
  });

  it('rowKey: one key for every spelling of a row; different rows, different keys', () => {
    const key = rowKey(['App credits, Kling 3.0', 'professional with audio', 'credits per second']);
    expect(rowKey(['app credits,  3', 'Pro  with Native Audio', 'Credits per second'])).toBe(key);
    expect(rowKey(['App credits, Kling 3.0', 'professional with voice control', 'credits per second'])).not.toBe(key);
    expect(rowKey(['App credits, Kling 3.0 Turbo', 'professional with audio', 'credits per second'])).not.toBe(key);
    expect(rowKey(['API, Kling 3.0', 'professional with audio', 'credits per second'])).not.toBe(key);
    expect(rowKey(['Reseller fal, Kling 3.0', 'professional with audio', 'USD per second'])).toBe(
      rowKey(['reseller FAL, 3', '1080p with audio', 'usd per second']),
    );
    expect(rowKey(['Reseller fal, Kling 3.0', 'professional', 'USD per second'])).not.toBe(
      rowKey(['Reseller PiAPI, Kling 3.0', 'professional', 'USD per second']),
    );
    expect(rowKey(['Top-up pack', 'Pack 1', 'price'])).toBe(rowKey(['top-up pack', 'pack 01', 'Price']));
    expect(rowKey(['API pack', 'Trial pack 2', 'units'])).toBe(rowKey(['API PACK', 'trial pack 2', 'units']));
    expect(rowKey(['API pack', 'Trial pack 2', 'units'])).not.toBe(rowKey(['API pack', 'Pack 2', 'units']));
    expect(rowKey(['Reseller fal', 'minimum purchase', 'USD'])).toBe(rowKey([' reseller  FAL ', 'Minimum Purchase', 'usd']));
  });

  it('values are compared as numbers: 8.8 and "8.80" are the same, and so are 0.1 + 0.2 and 0.3', () => {
    const now = table();
    setValue(now, find(now, 'Plan', 'Standard', 'monthly renewal'), '8.80');
    const i = find(now, 'Images', 'API image', 'USD per image');
    const locked = table();
    setValue(locked, i, 0.1 + 0.2 - 0.272); // 0.028000000000000025
    expect(priceChanges(locked, now)).toEqual(NONE);
    setValue(now, i, 0.0281);
    expect(priceChanges(locked, now)).toEqual([HEADER, ['Images', 'API image', 'USD per image', valueAt(locked, i), 0.0281]]);
  });

  it('an added row has a blank locked value; a removed row a blank value now, after the rows of the table in force', () => {
    const locked = table();
    const now = table().filter((r) => !(r[0] === 'Top-up pack' && r[1] === 'Pack 1'));
    now.push(row('Reseller Acme', 'minimum purchase', 'USD', 25));
    now.push(row('Reseller Acme, Kling 2.6', 'professional 10 s', 'USD per clip', 0.5));
    const changes = priceChanges(locked, now);
    expect(changes).toEqual([
      HEADER,
      ['Reseller Acme', 'minimum purchase', 'USD', '', 25],
      ['Reseller Acme, Kling 2.6', 'professional 10 s', 'USD per clip', '', 0.5],
      ['Top-up pack', 'Pack 1', 'price', 5, ''],
      ['Top-up pack', 'Pack 1', 'credits', 330, ''],
      ['Top-up pack', 'Pack 1', 'bonus credits', 0, ''],
    ]);
  });

  it('order: the changed and added rows in the order of the table in force, then the removed ones in the locked order', () => {
    const locked = table();
    // The table in force: the API image row first, then the rest reversed, with two values changed and one row gone.
    const rest = table().slice(1).reverse();
    const image = rest.splice(
      rest.findIndex((r) => r[1] === 'API image'),
      1,
    )[0] as unknown[];
    image[3] = 0.03;
    const pro = rest.find((r) => r[0] === 'Plan' && r[1] === 'Pro' && r[2] === 'yearly') as unknown[];
    pro[3] = 300;
    const ultra = rest.findIndex((r) => r[0] === 'Plan' && r[1] === 'Ultra' && r[2] === 'yearly');
    rest.splice(ultra, 1);
    const premier = rest.findIndex((r) => r[0] === 'Plan' && r[1] === 'Premier' && r[2] === 'yearly');
    rest.splice(premier, 1);
    const now = [table()[0] as unknown[], image, ...rest];
    expect(priceChanges(locked, now)).toEqual([
      HEADER,
      ['Images', 'API image', 'USD per image', 0.028, 0.03],
      ['Plan', 'Pro', 'yearly', 293.04, 300],
      ['Plan', 'Premier', 'yearly', 728.64, ''],
      ['Plan', 'Ultra', 'yearly', 1429.99, ''],
    ]);
  });

  it('a value blanked out, or changed to text, is a change; blank rows and where the header sits do not matter', () => {
    const locked = table();
    const now = table();
    const i = find(now, 'Plan', 'Free', 'credits per day');
    setValue(now, i, '');
    const j = find(now, 'Plan', 'Pro', 'first month');
    setValue(now, j, 'about 26');
    const spaced = [['', '', '', '', '', '', '', ''], now[0] as unknown[], ['', '', '', '', '', '', '', ''], ...now.slice(1)];
    expect(priceChanges(locked, spaced)).toEqual([
      HEADER,
      ['Plan', 'Free', 'credits per day', 66, ''],
      ['Plan', 'Pro', 'first month', 25.99, 'about 26'],
    ]);
  });

  it('every single edit of one value is exactly one row naming it (property)', () => {
    const base = table();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: base.length - 1 }), fc.double({ min: 0.0001, max: 100_000, noNaN: true }), (i, value) => {
        const before = base[i] as unknown[];
        fc.pre(Math.abs(Number(before[3]) - value) > 1e-6 * Math.max(1, value));
        const now = table();
        setValue(now, i, value);
        expect(priceChanges(base, now)).toEqual([HEADER, [before[0], before[1], before[2], before[3], value]]);
        // And the other way round.
        expect(priceChanges(now, base)).toEqual([HEADER, [before[0], before[1], before[2], value, before[3]]]);
      }),
      { numRuns: 300, seed: 20_261_212 },
    );
  });
});
