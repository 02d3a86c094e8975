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
    expect(result.description).toBe(`the default price book (as of ${DEFAULT_PRICE_BOOK.asOf})`);
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

  it('a user-added model of the sheet is in the book, with the default models the sheet still lists', () => {
    const rows: unknown[][] = [
      ...bookToRows(DEFAULT_PRICE_BOOK),
      ['App credits, Kling 4.0', 'professional', 'credits per second', 16, '', 'estimate', 'my invoice', '2026-10-20'],
      ['App credits, Kling 4.0', 'shortest clip', 'seconds', 3, '', 'estimate', 'my invoice', '2026-10-20'],
      ['App credits, Kling 4.0', 'longest clip', 'seconds', 20, '', 'estimate', 'my invoice', '2026-10-20'],
    ];
    const result = effectiveBook(withPriceSheet(rows) as unknown as Spreadsheet);
    expect(result.book.models.map((m) => m.name)).toEqual([
      'Kling 2.6',
      'Kling 3.0',
      'Kling 3.0 Turbo',
      'Kling 3.0 Omni',
      'Kling 2.5 Turbo',
      'Kling 4.0',
    ]);
    expect(result.book.asOf).toBe('2026-10-20');
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
