/**
 * How old the prices are (priceAge.ts): "prices as of <date>", the newest As of of the plan rows, and
 * from 60 days on ", <n> days ago: check Kling's pages or Edit prices".
 */
import { describe, expect, it } from 'vitest';
import {
  bookFromRows,
  bookToRows,
  DEFAULT_PRICE_BOOK,
  daysBetween,
  InputError,
  PRICE_AGE_WARN_DAYS,
  planPricesAsOf,
  priceAgeText,
} from '../../src/pricing';

describe('price age', () => {
  it("the default book's plan prices are as of 2026-10-05 (its newest row, 2026-12-06, is a reseller's)", () => {
    expect(planPricesAsOf(DEFAULT_PRICE_BOOK)).toBe('2026-10-05');
    expect(DEFAULT_PRICE_BOOK.asOf).toBe('2026-12-06');
  });

  it('an edited plan row moves the date; other rows do not', () => {
    const table: unknown[][] = bookToRows(DEFAULT_PRICE_BOOK).map((r) => [...r]);
    const pro = table.findIndex((r) => r[0] === 'Plan' && r[1] === 'Pro' && r[2] === 'yearly');
    (table[pro] as unknown[])[7] = '2026-11-20';
    const image = table.findIndex((r) => r[0] === 'Images' && r[1] === 'image');
    (table[image] as unknown[])[7] = '2027-01-15';
    const book = bookFromRows(table);
    if (book instanceof InputError) throw book;
    expect(planPricesAsOf(book)).toBe('2026-11-20');
    expect(book.asOf).toBe('2027-01-15');
  });

  it('calendar days between two dates, across months, years and leap days', () => {
    expect(daysBetween('2026-10-05', '2026-12-07')).toBe(63);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-07', '2026-10-05')).toBe(-63);
  });

  it('the text: no warning before 60 days, the age and the advice from 60 days on', () => {
    expect(PRICE_AGE_WARN_DAYS).toBe(60);
    expect(priceAgeText('2026-10-05', '2026-10-05')).toBe('prices as of 2026-10-05');
    expect(priceAgeText('2026-10-05', '2026-12-03')).toBe('prices as of 2026-10-05');
    expect(priceAgeText('2026-10-05', '2026-12-04')).toBe("prices as of 2026-10-05, 60 days ago: check Kling's pages or Edit prices");
    expect(priceAgeText('2026-10-05', '2026-12-07')).toBe("prices as of 2026-10-05, 63 days ago: check Kling's pages or Edit prices");
  });
});
