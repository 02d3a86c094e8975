import { describe, expect, it } from 'vitest';
import { effectiveBook } from '../../src/addon/effectiveBook';
import { bookToRows, DEFAULT_PRICE_BOOK, InputError } from '../../src/pricing';
import { FakeSpreadsheet } from '../fakes/appsScript';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function withPriceSheet(rows: unknown[][]): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.insertSheet('Kling prices').getRange(1, 1, rows.length, 8).setValues(rows);
  return spreadsheet;
}

describe('effectiveBook (for the sidebar and the writers)', () => {
  it('is the default book when there is no sheet "Kling prices"', () => {
    const result = effectiveBook(new FakeSpreadsheet() as unknown as Spreadsheet);
    expect(result.sheetName).toBeNull();
    expect(result.book).toBe(DEFAULT_PRICE_BOOK);
    expect(result.description).toBe(`the default price book (checked against its sources on ${DEFAULT_PRICE_BOOK.asOf})`);
  });

  it('is the edited book of a valid sheet', () => {
    const rows: unknown[][] = bookToRows(DEFAULT_PRICE_BOOK);
    const row = rows.find((r) => r[0] === 'Plan' && r[1] === 'Ultra' && r[2] === 'yearly') as unknown[];
    row[3] = 1399;
    const result = effectiveBook(withPriceSheet(rows) as unknown as Spreadsheet);
    expect(result.sheetName).toBe('Kling prices');
    expect(result.book.plans.find((p) => p.id === 'ultra')?.yearlyCents).toBe(139_900);
    expect(result.description).toMatch(/^the sheet "Kling prices" \(edited prices, newest as of \d{4}-\d{2}-\d{2}\)$/);
  });

  it('a user-added model of the sheet is in the book, with the default models the sheet still lists; app credits for a reseller-only model join its reseller rows', () => {
    const rows: unknown[][] = [
      ...bookToRows(DEFAULT_PRICE_BOOK),
      ['App credits, Kling 4.5', 'professional', 'credits per second', 16, '', 'estimate', 'my invoice', '2026-10-20'],
      ['App credits, Kling 4.5', 'shortest clip', 'seconds', 3, '', 'estimate', 'my invoice', '2026-10-20'],
      ['App credits, Kling 4.5', 'longest clip', 'seconds', 20, '', 'estimate', 'my invoice', '2026-10-20'],
      ['App credits, Kling 4.0', 'professional with audio', 'credits per second', 18, '', 'estimate', 'my account', '2026-12-21'],
      ['App credits, Kling 4.0', 'shortest clip', 'seconds', 3, '', 'estimate', 'my account', '2026-12-21'],
      ['App credits, Kling 4.0', 'longest clip', 'seconds', 30, '', 'estimate', 'my account', '2026-12-21'],
    ];
    const result = effectiveBook(withPriceSheet(rows) as unknown as Spreadsheet);
    expect(result.book.models.map((m) => m.name)).toEqual([
      'Kling 2.6',
      'Kling 3.0',
      'Kling 3.0 Turbo',
      'Kling 3.0 Omni',
      'Kling 2.5 Turbo',
      'Kling O1',
      'Kling 4.0',
      'Kling 4.0 Flash',
      'Kling 4.5',
    ]);
    const four = result.book.models.find((m) => m.name === 'Kling 4.0');
    expect(four?.app?.rates.map((r) => [r.mode, r.audio, r.value])).toEqual([['professional', 'audio', 18]]);
    expect(four?.resellers.map((r) => r.provider)).toEqual(['fal', 'PiAPI']);
    // The newest As of of the table.
    expect(result.book.asOf).toBe('2026-12-21');
  });

  it('the resellers, their terms, the API image price and 4-decimal prices of the sheet are in the book', () => {
    const rows: unknown[][] = bookToRows(DEFAULT_PRICE_BOOK);
    const piapi = rows.find((r) => r[0] === 'Reseller PiAPI, Kling 4.0' && r[1] === 'professional with audio') as unknown[];
    piapi[3] = 0.2499;
    const image = rows.find((r) => r[0] === 'Images' && r[1] === 'API image') as unknown[];
    image[3] = 0.0315;
    rows.push(
      ['Reseller Acme, Kling 3.0', 'professional with audio', 'USD per second', 0.1555, '', 'estimate', 'their page', '2026-10-22'],
      ['Reseller Acme, Kling 3.0', 'shortest clip', 'seconds', 5, '', 'estimate', 'their page', '2026-10-22'],
      ['Reseller Acme, Kling 3.0', 'longest clip', 'seconds', 10, '', 'estimate', 'their page', '2026-10-22'],
      ['Reseller Acme', 'minimum purchase', 'USD', 25, '', 'estimate', 'their page', '2026-10-22'],
      ['Reseller Acme', 'credit validity', 'days', 90, '', 'estimate', 'their page', '2026-10-22'],
    );
    const { book } = effectiveBook(withPriceSheet(rows) as unknown as Spreadsheet);
    expect(book.providers.map((p) => [p.name, p.minimumCents, p.validityDays])).toEqual([
      ['fal', 0, null],
      ['Replicate', 0, null],
      ['PiAPI', 0, null],
      ['Acme', 2500, 90],
    ]);
    // Prices in ticks (USD x 10,000), exact to the fourth decimal.
    const four = book.models.find((m) => m.name === 'Kling 4.0');
    const rate = four?.resellers.find((r) => r.provider === 'PiAPI')?.table.rates.find((r) => r.mode === 'professional');
    expect(rate?.value).toBe(2499);
    expect(book.apiImage?.ticks).toBe(315);
    const three = book.models.find((m) => m.name === 'Kling 3.0');
    expect(three?.resellers.map((r) => r.provider)).toEqual(['fal', 'Replicate', 'Acme']);
    expect(three?.resellers.find((r) => r.provider === 'Acme')?.table.rates.map((r) => r.value)).toEqual([1555]);
  });

  it('a fifth decimal or a table without the API image row: refused with the row, or no API image price', () => {
    const rows: unknown[][] = bookToRows(DEFAULT_PRICE_BOOK);
    const index = rows.findIndex((r) => r[0] === 'Reseller fal, Kling 4.0' && r[1] === 'professional with audio');
    (rows[index] as unknown[])[3] = 0.23501;
    expect(() => effectiveBook(withPriceSheet(rows) as unknown as Spreadsheet)).toThrow(
      new RegExp(`^the sheet "Kling prices", row ${index + 1}, column D \\(Value\\): 0\\.23501 .*at most 4 decimals`),
    );
    const withoutImage = bookToRows(DEFAULT_PRICE_BOOK).filter((r) => !(r[0] === 'Images' && r[1] === 'API image'));
    expect(effectiveBook(withPriceSheet(withoutImage) as unknown as Spreadsheet).book.apiImage).toBeNull();
  });

  it('a sheet named "Kling prices" without the header is a sheet of the user\'s, not the table', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet
      .insertSheet('Kling prices')
      .getRange(1, 1, 2, 2)
      .setValues([
        ['my notes', 'on prices'],
        ['x', 1],
      ]);
    const result = effectiveBook(spreadsheet as unknown as Spreadsheet);
    expect(result.sheetName).toBeNull();
    expect(result.book).toBe(DEFAULT_PRICE_BOOK);
  });

  it('throws, naming the sheet, row and column, for a broken sheet; never the default', () => {
    const rows: unknown[][] = bookToRows(DEFAULT_PRICE_BOOK);
    const index = rows.findIndex((r) => r[0] === 'Top-up pack' && r[1] === 'Pack 5' && r[2] === 'credits');
    (rows[index] as unknown[])[3] = -6600;
    const spreadsheet = withPriceSheet(rows) as unknown as Spreadsheet;
    expect(() => effectiveBook(spreadsheet)).toThrow(InputError);
    expect(() => effectiveBook(spreadsheet)).toThrow(
      `the sheet "Kling prices", row ${index + 1}, column D (Value): -6600 is not above 0; use a whole number of credits above 0`,
    );
  });
});
